package io.spinekit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedFilesTest {
    @TempDir
    Path dir;

    @Test
    void readsAFileWithinTheLimit() throws Exception {
        Path f = Files.writeString(dir.resolve("a.pem"), "hello");
        assertThat(BoundedFiles.readString(f, 5, "certificate")).isEqualTo("hello");
    }

    @Test
    void refusesAFileOverTheLimitNamingTheLimit() throws Exception {
        Path f = Files.writeString(dir.resolve("a.pem"), "hello!");
        FileReadException e = assertThrows(FileReadException.class, () -> BoundedFiles.read(f, 5, "certificate"));
        assertThat(e.reason()).isEqualTo(FileReadException.Reason.TOO_LARGE);
        assertThat(e).hasMessageContaining("certificate").hasMessageContaining("limit of 5 bytes");
    }

    @Test
    void refusesASparseThreeGibibyteFileWithoutReadingIt() throws Exception {
        Path f = dir.resolve("sparse.bin");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(3L * 1024 * 1024 * 1024);
        }
        FileReadException e = assertThrows(FileReadException.class,
                () -> BoundedFiles.read(f, BoundedFiles.SMALL_FILE_LIMIT, "key"));
        assertThat(e.reason()).isEqualTo(FileReadException.Reason.TOO_LARGE);
        assertThat(e).hasMessageContaining("4 MiB");
    }

    @Test
    void refusesAnEndlessDeviceAtTheLimit() {
        Path zero = Paths.get("/dev/zero");
        assumeTrue(Files.isReadable(zero));
        FileReadException e = assertThrows(FileReadException.class, () -> BoundedFiles.read(zero, 1024, "payload"));
        assertThat(e.reason()).isEqualTo(FileReadException.Reason.TOO_LARGE);
    }

    @Test
    void saysMissingDirectoryAndPermissionDenied() throws Exception {
        assertThat(assertThrows(FileReadException.class,
                () -> BoundedFiles.read(dir.resolve("nope"), 10, "key")).reason())
                .isEqualTo(FileReadException.Reason.NOT_FOUND);
        assertThat(assertThrows(FileReadException.class, () -> BoundedFiles.read(dir, 10, "key")).reason())
                .isEqualTo(FileReadException.Reason.NOT_A_FILE);
        Path locked = Files.writeString(dir.resolve("locked"), "x");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(locked), "running as a user who can read any file");
        FileReadException e = assertThrows(FileReadException.class, () -> BoundedFiles.read(locked, 10, "key"));
        assertThat(e.reason()).isEqualTo(FileReadException.Reason.PERMISSION_DENIED);
        assertThat(e).hasMessageContaining("permission denied");
    }

    @Test
    void quotesAPathWithALineBreak() throws Exception {
        FileReadException e = assertThrows(FileReadException.class,
                () -> BoundedFiles.read(dir.resolve("a\nb"), 10, "key"));
        assertThat(e.getMessage()).doesNotContain("\n");
    }
}
