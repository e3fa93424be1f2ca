package io.spinekit.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSRs: subject, key type, signature, files written atomically and owner-only, never overwritten by accident. */
class CsrTest {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    @TempDir
    Path dir;

    private static JcaPKCS10CertificationRequest parse(String pem) throws Exception {
        try (PEMParser p = new PEMParser(new StringReader(pem))) {
            return new JcaPKCS10CertificationRequest((PKCS10CertificationRequest) p.readObject()).setProvider(BC);
        }
    }

    @Test
    void defaultRequestIsRsa2048SignedWithSha256AndNamesTheFqdn() throws Exception {
        Csr csr = Csr.builder("My-Endpoint.Example.NHS.uk").organisation("Example NHS Trust").organisationalUnit("IT")
                .country("gb").build();

        JcaPKCS10CertificationRequest req = parse(csr.pem());

        assertThat(csr.pem()).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
        assertThat(req.getSubject().toString()).isEqualTo("C=GB,O=Example NHS Trust,OU=IT,CN=my-endpoint.example.nhs.uk");
        assertThat(req.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BC).build(req.getPublicKey())))
                .isTrue();
        assertThat(req.getSignatureAlgorithm().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.sha256WithRSAEncryption);
        assertThat(((RSAPublicKey) req.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        Extensions ext = Extensions.getInstance(req.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)[0]
                .getAttrValues().getObjectAt(0));
        assertThat(GeneralNames.getInstance(ext.getExtensionParsedValue(Extension.subjectAlternativeName)).getNames())
                .extracting(n -> n.getName().toString()).containsExactly("my-endpoint.example.nhs.uk");
    }

    @Test
    void ecOptionMakesAP256Key() throws Exception {
        Csr csr = Csr.builder("ec.example.nhs.uk").ec().build();

        JcaPKCS10CertificationRequest req = parse(csr.pem());

        assertThat(csr.keyAlgorithm()).isEqualTo("EC");
        assertThat(((ECPublicKey) req.getPublicKey()).getParams().getOrder().bitLength()).isEqualTo(256);
        assertThat(req.getSubject().toString()).isEqualTo("CN=ec.example.nhs.uk");
    }

    @Test
    void writesAnOwnerOnlyKeyThatMatchesTheRequest() throws Exception {
        Csr csr = Csr.builder("endpoint.example.nhs.uk").build();
        Path key = dir.resolve("endpoint.key");
        Path req = dir.resolve("endpoint.csr");

        csr.write(key, req, null, false);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(req))).isEqualTo("rw-r--r--");
        PrivateKey loaded = Pem.loadPrivateKey(key, null);
        assertThat(KeyMatch.matches(loaded, parse(Files.readString(req)).getPublicKey())).isTrue();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("endpoint.key", "endpoint.csr");
        }
    }

    @Test
    void passphraseEncryptsTheKey() throws Exception {
        Csr csr = Csr.builder("endpoint.example.nhs.uk").ec().build();
        Path key = dir.resolve("endpoint.key");

        csr.write(key, dir.resolve("endpoint.csr"), "pass phrase".toCharArray(), false);

        assertThat(Files.readString(key)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        PrivateKey loaded = Pem.loadPrivateKey(key, "pass phrase".toCharArray());
        assertThat(((java.security.interfaces.ECPrivateKey) loaded).getS())
                .isEqualTo(((java.security.interfaces.ECPrivateKey) csr.keyPair().getPrivate()).getS());
        assertThatThrownBy(() -> Pem.loadPrivateKey(key, "wrong".toCharArray()))
                .isInstanceOf(TlsConfigurationException.class).hasMessageContaining("wrong passphrase");
    }

    @Test
    void existingFileIsNeverReplacedWithoutForceAndNothingIsWritten() throws Exception {
        Path key = dir.resolve("endpoint.key");
        Path req = dir.resolve("endpoint.csr");
        Files.writeString(req, "old request");

        assertThatThrownBy(() -> Csr.builder("endpoint.example.nhs.uk").build().write(key, req, null, false))
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessage("\"" + req + "\" already exists; nothing was written. Choose another name, or ask to"
                        + " replace it (force)");

        assertThat(key).doesNotExist();
        assertThat(Files.readString(req)).isEqualTo("old request");
    }

    @Test
    void forceReplacesExistingFiles() throws Exception {
        Path key = dir.resolve("endpoint.key");
        Path req = dir.resolve("endpoint.csr");
        Files.writeString(key, "old key");
        Files.writeString(req, "old request");

        Csr.builder("endpoint.example.nhs.uk").build().write(key, req, null, true);

        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(req)).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    }

    @Test
    void keyAndCsrReachingOneFileThroughASymlinkedDirectoryAreRefusedEvenWithForce() throws Exception {
        Path real = Files.createDirectory(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        Path key = real.resolve("endpoint.key");
        Files.writeString(key, "the old key, to keep");

        TlsConfigurationException e = org.junit.jupiter.api.Assertions.assertThrows(TlsConfigurationException.class,
                () -> Csr.builder("endpoint.example.nhs.uk").build().write(key, link.resolve("endpoint.key"), null, true));

        assertThat(e.getMessage()).contains("same file").contains("endpoint.key");
        assertThat(Files.readString(key)).isEqualTo("the old key, to keep");
        assertThat(Files.isRegularFile(link.resolve("endpoint.key"))).isTrue();
    }

    @Test
    void keyAndCsrReachingOneNewFileThroughASymlinkedDirectoryAreRefused() throws Exception {
        Path real = Files.createDirectory(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);

        org.junit.jupiter.api.Assertions.assertThrows(TlsConfigurationException.class,
                () -> Csr.builder("endpoint.example.nhs.uk").build().write(real.resolve("new.pem"),
                        link.resolve("new.pem"), null, false));

        assertThat(Files.exists(real.resolve("new.pem"))).isFalse();
    }

    @Test
    void missingDirectoryIsReportedAndNothingIsWritten() {
        Path key = dir.resolve("endpoint.key");
        Path req = dir.resolve("no-such-dir/endpoint.csr");

        assertThatThrownBy(() -> Csr.builder("endpoint.example.nhs.uk").build().write(key, req, null, false))
                .isInstanceOf(TlsConfigurationException.class).hasMessageContaining("does not exist; create it first");
        assertThat(key).doesNotExist();
    }

    @Test
    void invalidFqdnsAreRejected() {
        for (String bad : new String[] {"", "localhost", "*.example.nhs.uk", "bad_name.example.nhs.uk", "-a.example.uk",
            "192.168.0.1"}) {
            assertThatThrownBy(() -> Csr.builder(bad)).as(bad).isInstanceOf(TlsConfigurationException.class);
        }
        assertThatThrownBy(() -> Csr.builder("a.example.nhs.uk").country("GBR"))
                .isInstanceOf(TlsConfigurationException.class).hasMessageContaining("two-letter");
    }

    @Test
    void aControlCharacterInAnFqdnOrCountryIsEscapedInTheMessage() {
        assertThatThrownBy(() -> Csr.builder("a.example.nhs.uk\nINFO forged"))
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessageStartingWith("\"a.example.nhs.uk\\nINFO forged\" is not a fully qualified domain name")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> Csr.builder("a.example.nhs.uk").country("G\rB"))
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessage("Country \"G\\rB\" must be a two-letter code such as GB");
    }
}
