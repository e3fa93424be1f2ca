package io.spinekit.wes;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.core.FileReadException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bounded reads of WES data files and streams. */
class WesInputLimitsTest {
    @TempDir
    Path dir;

    @Test
    void aWesDataFileOverTheLimitIsRefusedSayingTheLimit() throws IOException {
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[(int) Wes.MAX_DATA_BYTES + 1]);
        assertThatThrownBy(() -> Wes.load(big))
                .isInstanceOf(WesDataException.class)
                .hasMessageContaining("larger than the limit of 4 MiB")
                .cause().isInstanceOf(FileReadException.class);
    }

    @Test
    void aSparseThreeGibibyteWesDataFileIsRefusedWithoutReadingIt() throws IOException {
        Path sparse = dir.resolve("sparse.json");
        try (RandomAccessFile f = new RandomAccessFile(sparse.toFile(), "rw")) {
            f.setLength(3L * 1024 * 1024 * 1024);
        }
        assertThatThrownBy(() -> Wes.load(sparse))
                .isInstanceOf(WesDataException.class)
                .hasMessageContaining("larger than the limit of 4 MiB");
    }

    @Test
    void anEndlessStreamIsRefusedAtTheLimit() {
        InputStream zeros = new InputStream() {
            @Override
            public int read() {
                return ' ';
            }
        };
        assertThatThrownBy(() -> Wes.load(zeros, "endless"))
                .isInstanceOf(WesDataException.class)
                .hasMessageContaining("larger than the limit of 4 MiB");
    }

    @Test
    void anUnreadableWesDataFileSaysPermissionDenied() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.json"), "{}");
        Files.setPosixFilePermissions(secret, Set.of());
        Assumptions.assumeFalse(Files.isReadable(secret), "running as root: every file is readable");
        assertThatThrownBy(() -> Wes.load(secret))
                .isInstanceOf(WesDataException.class)
                .hasMessageContaining("permission denied");
    }

    @Test
    void aMissingWesDataFileSaysSo() {
        assertThatThrownBy(() -> Wes.load(dir.resolve("missing.json")))
                .isInstanceOf(WesDataException.class)
                .hasMessageContaining("no such file");
    }
}
