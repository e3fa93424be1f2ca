package io.spinekit.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.TestPki;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages of the inspector, client identities and the CA bundle quote what they echo (issue 15 item 5). */
class QuotedInputTest {
    @TempDir
    Path dir;

    private static void noRawLineBreak(Throwable e) {
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r").contains("\\n");
    }

    @Test
    void protocolAndCipherSuiteNamesWithALineBreakAreQuoted() {
        assertThatThrownBy(() -> SpineTlsContext.builder().protocols("TLSv1.3\nINFO ok"))
                .isInstanceOf(TlsConfigurationException.class).satisfies(QuotedInputTest::noRawLineBreak)
                .hasMessageContaining("\"TLSv1.3\\nINFO ok\" is not allowed");
        assertThatThrownBy(() -> SpineTlsContext.builder().cipherSuites("TLS_RSA_WITH_RC4_128_SHA\t"))
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessage("cipherSuites: \"TLS_RSA_WITH_RC4_128_SHA\\t\" is weak and not allowed");
        TestPki pki = TestPki.create();
        assertThatThrownBy(() -> SpineTlsContext.builder().trustCertificates(java.util.List.of(pki.root().certificate()))
                .cipherSuites("TLS_AES_128_GCM_SHA256\nINFO ok").build())
                .isInstanceOf(TlsConfigurationException.class).satisfies(QuotedInputTest::noRawLineBreak)
                .hasMessageContaining("is not supported by this JVM");
    }

    @Test
    void fileNamesWithALineBreakAreQuoted() throws Exception {
        Path junk = Files.write(dir.resolve("forged\nINFO ok.p12"), new byte[] {1, 2, 3, 4, 5});

        assertThatThrownBy(() -> CertificateInspector.load(junk, null)).isInstanceOf(TlsConfigurationException.class)
                .satisfies(QuotedInputTest::noRawLineBreak);
        assertThatThrownBy(() -> ClientIdentity.loadPkcs12(junk, "pw".toCharArray()))
                .isInstanceOf(TlsConfigurationException.class).satisfies(QuotedInputTest::noRawLineBreak);
    }

    @Test
    void keyStoreAliasesAreQuoted() throws Exception {
        TestPki pki = TestPki.create();
        IssuedCertificate a = pki.certificate("a.example.nhs.uk").clientAuth().issue();
        char[] pw = "pw".toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("one\nforged", a.privateKey(), pw, a.chain().toArray(new Certificate[0]));
        ks.setKeyEntry("two", a.privateKey(), pw, a.chain().toArray(new Certificate[0]));
        Path p12 = dir.resolve("two.p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            ks.store(out, pw);
        }

        assertThatThrownBy(() -> ClientIdentity.loadPkcs12(p12, pw)).isInstanceOf(TlsConfigurationException.class)
                .hasMessageContaining("\"one\\nforged\"").satisfies(QuotedInputTest::noRawLineBreak);
    }

    @Test
    void unknownCaIdIsQuotedAndCut() {
        String id = "x\n" + "y".repeat(10_000);

        assertThatThrownBy(() -> NhsCertificateAuthority.byId(id)).isInstanceOf(TlsConfigurationException.class)
                .satisfies(QuotedInputTest::noRawLineBreak)
                .hasMessageContaining("cut: ")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(2_000));
    }

    @Test
    void hostNameInAFindingIsQuoted() {
        IssuedCertificate cert = TestPki.create().certificate("endpoint.example.nhs.uk").issue();

        Finding host = CertificateInspector.builder().fqdn("other.example.nhs.uk\nforged").build()
                .inspect(cert.chain()).findings("host").get(0);

        assertThat(host.message()).doesNotContain("\n").contains("\"other.example.nhs.uk\\nforged\"");
    }
}
