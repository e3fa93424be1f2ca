package io.spinekit.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.spinekit.core.SpineException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file spine-tls reads is bounded (4 MiB): a file over the limit, a sparse 3 GiB file and an
 * unreadable file each fail with a message that says why, not with an {@code OutOfMemoryError}.
 */
class BoundedInputTest {
    @TempDir
    Path dir;

    private List<Executable> everyReader(Path file) {
        return List.of(
                () -> Pem.loadCertificates(file),
                () -> Pem.loadCrls(file),
                () -> Pem.loadPrivateKey(file, null),
                () -> ClientIdentity.loadPkcs12(file, "x".toCharArray()),
                () -> ClientIdentity.loadJks(file, "x".toCharArray()),
                () -> ClientIdentity.loadPem(file, file, null),
                () -> CertificateInspector.load(file, null),
                () -> SpineTlsContext.builder().trustPem(file));
    }

    @Test
    void fileOverTheLimitIsRefusedNamingTheLimit() throws Exception {
        Path big = dir.resolve("big.pem");
        byte[] line = "-----BEGIN CERTIFICATE-----\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (var out = Files.newOutputStream(big)) {
            for (long n = 0; n < 4L * 1024 * 1024 + 1; n += line.length) {
                out.write(line);
            }
        }
        for (Executable reader : everyReader(big)) {
            SpineException e = assertThrows(SpineException.class, reader);
            assertThat(e.getMessage()).contains("larger than the limit of 4 MiB").contains("big.pem");
        }
    }

    @Test
    void sparseThreeGibFileIsRefusedWithoutReadingIt() throws Exception {
        Path sparse = dir.resolve("sparse.p12");
        try (RandomAccessFile f = new RandomAccessFile(sparse.toFile(), "rw")) {
            f.setLength(3L * 1024 * 1024 * 1024);
        }
        for (Executable reader : everyReader(sparse)) {
            SpineException e = assertThrows(SpineException.class, reader);
            assertThat(e.getMessage()).contains("larger than the limit of 4 MiB");
        }
    }

    @Test
    void unreadableFileSaysPermissionDenied() throws Exception {
        assumeTrue(!"root".equals(System.getProperty("user.name")), "root reads any file");
        Path secret = Files.writeString(dir.resolve("secret.key"), "-----BEGIN PRIVATE KEY-----\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        SpineException e = assertThrows(SpineException.class, () -> Pem.loadPrivateKey(secret, null));
        assertThat(e.getMessage()).contains("permission denied");
    }
}
