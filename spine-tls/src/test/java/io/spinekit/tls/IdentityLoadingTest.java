package io.spinekit.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.TestPki;
import io.spinekit.testpki.TestTlsServer;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Client identities from every supported format, and clear errors for every kind of bad input. */
class IdentityLoadingTest {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static TestPki pki;
    private static IssuedCertificate rsa;
    private static IssuedCertificate ec;

    @TempDir
    Path dir;

    @BeforeAll
    static void pki() {
        pki = TestPki.create();
        rsa = pki.certificate("client.example.nhs.uk").clientAuth().issue();
        ec = pki.certificate("ec-client.example.nhs.uk").clientAuth().ec().issue();
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.US_ASCII);
        return p;
    }

    /** OpenSSL's traditional format: PKCS#1 for RSA, SEC1 for EC, optionally encrypted with a DEK-Info header. */
    private static String traditionalPem(IssuedCertificate issued, char[] passphrase) throws Exception {
        // Through Bouncy Castle's key classes, as OpenSSL writes them: the JDK's EC encoding leaves the
        // curve out of the inner SEC1 structure, which a "BEGIN EC PRIVATE KEY" block needs.
        PrivateKey key = KeyFactory.getInstance(issued.privateKey().getAlgorithm(), BC)
                .generatePrivate(new PKCS8EncodedKeySpec(issued.privateKey().getEncoded()));
        KeyPair pair = new KeyPair(issued.keyPair().getPublic(), key);
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            if (passphrase == null) {
                w.writeObject(pair);
            } else {
                w.writeObject(pair, new JcePEMEncryptorBuilder("AES-256-CBC").setProvider(BC).build(passphrase));
            }
        }
        return out.toString();
    }

    private Path keyStoreFile(IssuedCertificate issued, String type, String name, char[] password) throws Exception {
        KeyStore ks = KeyStore.getInstance(type);
        ks.load(null, null);
        ks.setKeyEntry("client", issued.privateKey(), password, issued.chain().toArray(new Certificate[0]));
        Path p = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(p)) {
            ks.store(out, password);
        }
        return p;
    }

    private static void assertIdentity(ClientIdentity id, IssuedCertificate expected) {
        assertThat(id.chain()).containsExactlyElementsOf(expected.chain());
        assertThat(id.privateKey().getAlgorithm()).isEqualTo(expected.privateKey().getAlgorithm());
        if (expected.privateKey() instanceof ECPrivateKey ecKey) {
            assertThat(((ECPrivateKey) id.privateKey()).getS()).isEqualTo(ecKey.getS());
        } else {
            assertThat(((RSAPrivateKey) id.privateKey()).getPrivateExponent())
                    .isEqualTo(((RSAPrivateKey) expected.privateKey()).getPrivateExponent());
        }
    }

    @Test
    void loadsRsaKeyInPkcs1() throws Exception {
        String pkcs1 = traditionalPem(rsa, null);
        assertThat(pkcs1).startsWith("-----BEGIN RSA PRIVATE KEY-----");

        assertIdentity(ClientIdentity.loadPem(write("c.crt", rsa.chainPem()), write("c.key", pkcs1), null), rsa);
    }

    @Test
    void loadsEcKeyInSec1() throws Exception {
        String sec1 = traditionalPem(ec, null);
        assertThat(sec1).startsWith("-----BEGIN EC PRIVATE KEY-----");

        assertIdentity(ClientIdentity.loadPem(write("c.crt", ec.chainPem()), write("c.key", sec1), null), ec);
    }

    @Test
    void loadsRsaAndEcKeysInPkcs8() throws Exception {
        assertIdentity(ClientIdentity.loadPem(write("r.crt", rsa.chainPem()), write("r.key", rsa.privateKeyPem()), null), rsa);
        assertIdentity(ClientIdentity.loadPem(write("e.crt", ec.chainPem()), write("e.key", ec.privateKeyPem()), null), ec);
    }

    @Test
    void loadsEncryptedPkcs8WithItsPassphrase() throws Exception {
        String encrypted = Pem.encodePrivateKey(ec.privateKey(), "s3cret".toCharArray());
        assertThat(encrypted).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");

        assertIdentity(ClientIdentity.loadPem(write("c.crt", ec.chainPem()), write("c.key", encrypted),
                "s3cret".toCharArray()), ec);
    }

    @Test
    void loadsLegacyEncryptedPkcs1WithItsPassphrase() throws Exception {
        String encrypted = traditionalPem(rsa, "s3cret".toCharArray());
        assertThat(encrypted).contains("Proc-Type: 4,ENCRYPTED");

        assertIdentity(ClientIdentity.loadPem(write("c.crt", rsa.chainPem()), write("c.key", encrypted),
                "s3cret".toCharArray()), rsa);
    }

    @Test
    void loadsCombinedCertificateAndKeyFileWithTheKeyFirst() throws Exception {
        Path both = write("both.pem", rsa.privateKeyPem() + rsa.chainPem());

        assertIdentity(ClientIdentity.loadPem(both, both, null), rsa);
    }

    @Test
    void loadsPkcs12AndJks() throws Exception {
        char[] pw = "storepass".toCharArray();
        assertIdentity(ClientIdentity.loadPkcs12(keyStoreFile(rsa, "PKCS12", "c.p12", pw), pw), rsa);
        assertIdentity(ClientIdentity.loadJks(keyStoreFile(ec, "JKS", "c.jks", pw), pw), ec);
    }

    @Test
    void pkcs12IdentityCompletesAMutualTlsHandshake() throws Exception {
        char[] pw = "storepass".toCharArray();
        Path p12 = keyStoreFile(ec, "PKCS12", "c.p12", pw);
        SpineTlsContext tls = SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate()))
                .clientIdentityPkcs12(p12, pw).build();
        try (TestTlsServer server = pki.server(pki.certificate("localhost").serverAuth().issue())
                .requireClientCertificate().start()) {
            HandshakeReport r = TlsProbe.handshake(tls, "localhost", server.port());

            assertThat(r.success()).as(r.message()).isTrue();
            assertThat(server.clientCertificates()).containsExactly(ec.certificate());
        }
    }

    @Test
    void leafOnlyClientChainIsCompletedFromTheTrustSoTheServerAcceptsIt() throws Exception {
        Path crt = write("leaf.crt", rsa.certificatePem());
        Path key = write("leaf.key", rsa.privateKeyPem());
        SpineTlsContext tls = SpineTlsContext.builder()
                .trustCertificates(List.of(pki.root().certificate(), pki.subCa().certificate()))
                .clientIdentityPem(crt, key).build();

        assertThat(tls.clientIdentity().orElseThrow().chain()).containsExactly(rsa.certificate(), pki.subCa().certificate());
        try (TestTlsServer server = pki.server(pki.certificate("localhost").serverAuth().issue())
                .requireClientCertificate().start()) {
            assertThat(TlsProbe.handshake(tls, "localhost", server.port()).success()).isTrue();
        }
    }

    @Test
    void malformedPemIsRejectedNamingTheFile() throws Exception {
        Path bad = write("bad.crt", "-----BEGIN CERTIFICATE-----\nThis is not base64 at all!!\n-----END CERTIFICATE-----\n");

        assertThatThrownBy(() -> Pem.loadCertificates(bad))
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessageContaining(bad.toString())
                .hasMessageContaining("malformed");
    }

    @Test
    void truncatedPemIsRejectedAsTruncated() throws Exception {
        String pem = rsa.certificatePem();
        Path cut = write("cut.crt", pem.substring(0, pem.length() / 2));

        assertThatThrownBy(() -> Pem.loadCertificates(cut))
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessageContaining(cut.toString())
                .hasMessageContaining("truncated");
    }

    @Test
    void truncatedKeyIsRejectedAsTruncated() throws Exception {
        String pem = rsa.privateKeyPem();
        Path cut = write("cut.key", pem.substring(0, pem.length() - 40));

        assertThatThrownBy(() -> Pem.loadPrivateKey(cut, null))
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void emptyFilesAreRejectedAsEmpty() throws Exception {
        Path empty = write("empty.pem", "");
        Path blank = write("blank.pem", "\n  \n");

        assertThatThrownBy(() -> Pem.loadCertificates(empty)).isInstanceOf(TlsConfigurationException.class)
                .hasMessage("\"" + empty + "\" is empty; expected a certificate (PEM or DER)");
        assertThatThrownBy(() -> Pem.loadPrivateKey(blank, null)).isInstanceOf(TlsConfigurationException.class)
                .hasMessage("\"" + blank + "\" is empty; expected a PEM private key");
        assertThatThrownBy(() -> ClientIdentity.loadPkcs12(empty, "x".toCharArray()))
                .isInstanceOf(TlsConfigurationException.class).hasMessageContaining("is empty");
    }

    @Test
    void missingFileIsRejectedNamingIt() {
        Path missing = dir.resolve("nope.crt");

        assertThatThrownBy(() -> Pem.loadCertificates(missing)).isInstanceOf(TlsConfigurationException.class)
                .hasMessageStartingWith("File not found: \"" + missing + "\"");
    }

    @Test
    void keyFileHoldingOnlyACertificateSaysWhatItFound() throws Exception {
        Path notKey = write("cert-as-key.pem", rsa.certificatePem());

        assertThatThrownBy(() -> Pem.loadPrivateKey(notKey, null)).isInstanceOf(TlsConfigurationException.class)
                .hasMessageContaining("holds no private key (found a certificate)");
    }

    @Test
    void wrongPassphraseForEncryptedPkcs8IsReported() throws Exception {
        Path key = write("c.key", Pem.encodePrivateKey(rsa.privateKey(), "right".toCharArray()));

        assertThatThrownBy(() -> Pem.loadPrivateKey(key, "wrong".toCharArray()))
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessageContaining("wrong passphrase");
    }

    @Test
    void wrongPassphraseForLegacyEncryptedKeyIsReported() throws Exception {
        Path key = write("c.key", traditionalPem(rsa, "right".toCharArray()));

        assertThatThrownBy(() -> Pem.loadPrivateKey(key, "wrong".toCharArray()))
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessageContaining("wrong passphrase");
    }

    @Test
    void encryptedKeyWithoutPassphraseAsksForOne() throws Exception {
        Path key = write("c.key", Pem.encodePrivateKey(rsa.privateKey(), "right".toCharArray()));

        assertThatThrownBy(() -> Pem.loadPrivateKey(key, null))
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessageContaining("is encrypted; supply its passphrase");
    }

    @Test
    void wrongKeyStorePasswordsAreReported() throws Exception {
        Path p12 = keyStoreFile(rsa, "PKCS12", "c.p12", "right".toCharArray());
        Path jks = keyStoreFile(rsa, "JKS", "c.jks", "right".toCharArray());

        assertThatThrownBy(() -> ClientIdentity.loadPkcs12(p12, "wrong".toCharArray()))
                .isInstanceOf(TlsConfigurationException.class).hasMessageContaining("wrong password");
        assertThatThrownBy(() -> ClientIdentity.loadJks(jks, "wrong".toCharArray()))
                .isInstanceOf(TlsConfigurationException.class).hasMessageContaining("wrong password");
    }

    @Test
    void keyThatDoesNotMatchTheCertificateIsRejectedAndTheBuilderBuildsNothing() throws Exception {
        Path crt = write("c.crt", rsa.chainPem());
        Path otherKey = write("other.key", pki.certificate("x").issue().privateKeyPem());

        assertThatThrownBy(() -> SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate()))
                .clientIdentityPem(crt, otherKey).build())
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessageContaining("does not match the certificate CN=client.example.nhs.uk")
                .hasMessageContaining(crt.toString()).hasMessageContaining(otherKey.toString());
    }

    @Test
    void ecKeyOfAnotherCertificateIsRejected() throws Exception {
        IssuedCertificate otherEc = pki.certificate("ec-client.example.nhs.uk").clientAuth().ec().issue();

        assertThatThrownBy(() -> ClientIdentity.of(otherEc.privateKey(), ec.chain()))
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessageContaining("The private key (EC) does not match the certificate CN=ec-client.example.nhs.uk");
        assertThatThrownBy(() -> ClientIdentity.of(rsa.privateKey(), ec.chain()))
                .isInstanceOf(TlsConfigurationException.class);
        assertThat(ClientIdentity.of(ec.privateKey(), ec.chain()).certificate()).isEqualTo(ec.certificate());
    }

    @Test
    void builderRefusesMissingTrustOldProtocolsWeakSuitesAndTheExpiredG1Chain() {
        assertThatThrownBy(() -> SpineTlsContext.builder().build())
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessageContaining("No trust configured").hasMessageContaining("no trust-all option");
        assertThatThrownBy(() -> SpineTlsContext.builder().protocols("TLSv1.1"))
                .isInstanceOf(TlsConfigurationException.class).hasMessageContaining("\"TLSv1.1\" is not allowed");
        assertThatThrownBy(() -> SpineTlsContext.builder().cipherSuites("TLS_RSA_WITH_3DES_EDE_CBC_SHA"))
                .isInstanceOf(TlsConfigurationException.class).hasMessageContaining("is weak");
        assertThatThrownBy(() -> SpineTlsContext.builder()
                .trustCertificates(List.of(NhsCertificateAuthority.LEVEL_1C.certificate())))
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessageContaining("NHS Level 1C is part of the G1 live chain that expired on 2024-06-04");
    }
}
