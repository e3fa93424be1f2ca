package io.spinekit.it.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import io.spinekit.testkit.FakeMesh;
import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.PemFiles;
import io.spinekit.testpki.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory stays bounded whatever the size (issue 14): a 500 MB message sent and received by a client
 * in a child JVM capped at 64 MB of heap. The fake keeps the chunks on disk, in this JVM.
 */
class MeshHeapTest {
    static final long SIZE = 500L * 1000 * 1000;

    @Test
    void aFiveHundredMegabyteMessageGoesBothWaysInSixtyFourMegabytesOfHeap(@TempDir Path dir) throws Exception {
        Path store = Files.createDirectory(dir.resolve("fake"));
        Path temp = Files.createDirectory(dir.resolve("client"));
        TestPki pki = TestPki.create();
        try (FakeMesh mesh = FakeMesh.builder(pki).storeChunksIn(store).start()) {
            IssuedCertificate cert = mesh.clientCertificate("X26ABC1");
            PemFiles pem = cert.writePem(dir, "client");
            Path trust = Files.writeString(dir.resolve("trust.pem"), pki.rootPem());
            String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path log = dir.resolve("child.log");
            Process p = new ProcessBuilder(java, "-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-cp", cp,
                    MeshHeapChild.class.getName(), mesh.url().toString(), pem.certificate().toString(),
                    pem.privateKey().toString(), trust.toString(), Long.toString(SIZE), temp.toString(),
                    Long.toString(20L * 1024 * 1024))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean done = p.waitFor(8, TimeUnit.MINUTES);
            if (!done) {
                p.destroyForcibly();
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(done).as("child finished in time; output:%n%s", out).isTrue();
            assertThat(p.exitValue()).as("child exit; output:%n%s", out).isZero();
            String line = out.lines().filter(l -> l.startsWith("OK ")).findFirst().orElseThrow();
            String[] f = line.split(" ");
            assertThat(Long.parseLong(f[1])).isEqualTo(SIZE);
            assertThat(Integer.parseInt(f[2])).isEqualTo(24);
            long peak = Long.parseLong(f[3]);
            assertThat(peak).isLessThanOrEqualTo(64L * 1024 * 1024);
            System.out.printf("500 MB through MESH in a 64 MB heap: peak heap %.1f MiB, send %s ms (%.0f MB/s), "
                    + "download %s ms (%.0f MB/s)%n", peak / 1048576.0, f[4], SIZE / 1e3 / Long.parseLong(f[4]),
                    f[5], SIZE / 1e3 / Long.parseLong(f[5]));
            try (Stream<Path> left = Files.list(temp)) {
                assertThat(left).as("the client's spool files are deleted").isEmpty();
            }
            assertThat(mesh.inbox("X26ABC2")).isEmpty();
        }
        try (Stream<Path> left = Files.list(store)) {
            assertThat(left).as("the fake's chunk files are deleted on close").isEmpty();
        }
    }
}
