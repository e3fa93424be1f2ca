package io.spinekit.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.tls.SpineTlsContext;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spinekit.tls.bundle}: the identity comes from a Spring SSL bundle, a renewed bundle is picked up
 * without a restart, and the Spine trust stays the environment's (the bundle's trust store is not used).
 */
class SslBundleTest {
    @TempDir
    static Path dir;
    static Fixture f;

    @BeforeAll
    static void pki() {
        f = new Fixture(dir);
    }

    @Test
    void aPemBundleWithReloadOnUpdateIsPickedUpWithoutARestart() throws Exception {
        Path bundleDir = Files.createDirectories(dir.resolve("bundle"));
        f.client.writePem(bundleDir, "endpoint");
        f.trusting().withPropertyValues("spinekit.tls.bundle=spine",
                "spring.ssl.bundle.pem.spine.keystore.certificate=file:" + bundleDir.resolve("endpoint.crt"),
                "spring.ssl.bundle.pem.spine.keystore.private-key=file:" + bundleDir.resolve("endpoint.key"),
                "spring.ssl.bundle.pem.spine.truststore.certificate=file:" + bundleDir.resolve("endpoint.crt"),
                "spring.ssl.bundle.pem.spine.reload-on-update=true",
                "spring.ssl.bundle.watch.file.quiet-period=10ms").run(c -> {
                    assertThat(c).hasNotFailed();
                    SpineTlsContext tls = c.getBean(SpineTlsContext.class);
                    assertThat(current(tls)).isEqualTo(f.client.certificate());
                    assertThat(tls.trustedCertificates()).as("the bundle's trust store is not the Spine trust")
                            .containsExactly(f.pki.root().certificate());
                    assertThat(tls.toString()).contains("SSL bundle \"spine\"");

                    IssuedCertificate renewed = f.pki.certificate("localhost").issue();
                    renewed.writePem(bundleDir, "endpoint");
                    long until = System.nanoTime() + 30_000_000_000L;
                    while (!current(tls).equals(renewed.certificate()) && System.nanoTime() < until) {
                        Thread.sleep(20);
                    }
                    assertThat(current(tls)).as("renewed within 30 s of the files changing")
                            .isEqualTo(renewed.certificate());
                });
    }

    @Test
    void aPkcs12BundleGivesTheIdentityByItsAlias() throws Exception {
        Path p12 = dir.resolve("bundle.p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            f.client.keyStore("endpoint", "secret".toCharArray()).store(out, "secret".toCharArray());
        }
        f.trusting().withPropertyValues("spinekit.tls.bundle=spine",
                "spring.ssl.bundle.jks.spine.keystore.location=file:" + p12,
                "spring.ssl.bundle.jks.spine.keystore.type=PKCS12",
                "spring.ssl.bundle.jks.spine.keystore.password=secret",
                "spring.ssl.bundle.jks.spine.key.alias=endpoint").run(c -> {
                    assertThat(c).hasNotFailed();
                    assertThat(current(c.getBean(SpineTlsContext.class))).isEqualTo(f.client.certificate());
                });
    }

    @Test
    void aBundleWithoutAKeyStoreIsABadIdentity() {
        f.trusting().withPropertyValues("spinekit.tls.bundle=trustonly",
                "spring.ssl.bundle.pem.trustonly.truststore.certificate=file:" + f.rootPem).run(c -> {
                    var a = Fixture.analysis(c, "spinekit.tls.bundle", "\"trustonly\"");
                    assertThat(a.getDescription()).contains("has no key store");
                });
    }

    private static X509Certificate current(SpineTlsContext tls) {
        return tls.clientIdentity().orElseThrow().certificate();
    }
}
