package io.spinekit.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunksTest {
    @Test
    void splitsTheUncompressedSizeIntoWholeChunksAndAShorterLast() {
        assertThat(Chunks.count(0, 10)).isEqualTo(1);
        assertThat(Chunks.count(1, 10)).isEqualTo(1);
        assertThat(Chunks.count(10, 10)).isEqualTo(1);
        assertThat(Chunks.count(11, 10)).isEqualTo(2);
        assertThat(Chunks.count(500L * 1024 * 1024, 20L * 1024 * 1024)).isEqualTo(25);
        assertThat(Chunks.length(1, 25, 10)).isEqualTo(10);
        assertThat(Chunks.length(3, 25, 10)).isEqualTo(5);
        assertThat(Chunks.offset(3, 10)).isEqualTo(20);
    }

    @Test
    void refusesMoreChunksThanAnIntHolds() {
        assertThatThrownBy(() -> Chunks.count(Long.MAX_VALUE, 1)).isInstanceOf(MeshException.class)
                .hasMessageContaining("raise the chunk size");
    }

    @Test
    void regionAndGzippedRegionHoldExactlyTheChunk(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("data");
        Files.writeString(f, "Hello B, this is chunk one. And this is chunk two.");
        try (InputStream in = Chunks.region(f, 28, 22)) {
            assertThat(new String(in.readAllBytes())).isEqualTo("And this is chunk two.");
        }
        Path gz = Chunks.gzipRegion(f, 0, 28, dir);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            assertThat(out.toString()).isEqualTo("Hello B, this is chunk one. ");
        }
    }
}
