package io.spinekit.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.env.SpineEnvironment;
import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.TestPki;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Library messages speak of the certificate, the key, the password and the trust, never of CLI flags. */
class LibraryMessagesTest {
    private static final String FLAG = "(?s).*--[a-z].*";

    @TempDir
    Path dir;

    @Test
    void noFailureFixNamesACommandLineFlag() {
        for (TlsFailure f : TlsFailure.values()) {
            assertThat(f.fix()).as(f.name()).doesNotMatch(FLAG);
        }
        assertThat(TlsFailure.CLIENT_CERTIFICATE_REJECTED.fix()).contains("client certificate and its key");
        assertThat(TlsFailure.UNKNOWN_CA.fix()).contains("environment's trust");
    }

    @Test
    void inspectorFindingsNameNoFlag() {
        IssuedCertificate cert = TestPki.create().certificate("endpoint.example.nhs.uk").issue();
        Finding untrusted = CertificateInspector.builder().build().inspect(cert.chain()).findings("chain").get(0);
        Finding otherEnv = CertificateInspector.builder().environment(SpineEnvironment.INTEGRATION).build()
                .inspect(NhsCertificateAuthority.AUTHENTICATION_G2.certificate()).findings("chain").get(0);

        assertThat(untrusted.message()).doesNotMatch(FLAG).contains("choose the environment's trust");
        assertThat(otherEnv.fix()).doesNotMatch(FLAG).contains("environment's trust");
    }

    @Test
    void keyStoreWithoutPasswordAsksForItWithoutAFlag() throws Exception {
        IssuedCertificate cert = TestPki.create().certificate("client.example.nhs.uk").clientAuth().issue();
        char[] pw = "right".toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("client", cert.privateKey(), pw, cert.chain().toArray(new Certificate[0]));
        Path p12 = dir.resolve("c.p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            ks.store(out, pw);
        }

        assertThatThrownBy(() -> CertificateInspector.load(p12, null))
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessageContaining("give the key store's password")
                .satisfies(e -> assertThat(e.getMessage()).doesNotMatch(FLAG));
    }
}
