package io.spinekit.testpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPkiTest {
    private static final TestPki PKI = TestPki.create();

    private static void validate(IssuedCertificate issued, X509Certificate anchor) throws Exception {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
        params.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(cf.generateCertPath(issued.chain()), params);
    }

    @Test
    void issuesEndpointCertificateChainedRootSubCaLeafLikeNhs() throws Exception {
        IssuedCertificate leaf = PKI.certificate("mhs.supplier.example").issue();

        assertThat(PKI.root().certificate().getSubjectX500Principal().getName())
                .contains("CN=Test PTL Root Authority G2", "OU=CA", "O=nhs");
        assertThat(PKI.subCa().certificate().getSubjectX500Principal().getName())
                .contains("CN=Test INT Authentication G2");
        assertThat(leaf.certificate().getIssuerX500Principal()).isEqualTo(PKI.subCa().certificate().getSubjectX500Principal());
        assertThat(leaf.chain()).containsExactly(leaf.certificate(), PKI.subCa().certificate());
        assertThat(leaf.certificate().getSubjectAlternativeNames()).containsExactly(List.of(2, "mhs.supplier.example"));
        assertThat(leaf.certificate().getExtendedKeyUsage()).containsExactlyInAnyOrder("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(((RSAPublicKey) leaf.certificate().getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        validate(leaf, PKI.root().certificate());
    }

    @Test
    void certificateFromAnotherPkiDoesNotChainToThisRoot() {
        TestPki other = TestPki.create("Other");
        IssuedCertificate stranger = other.certificate("stranger.example").issue();
        assertThatThrownBy(() -> validate(stranger, PKI.root().certificate())).isInstanceOf(CertPathValidatorException.class);
    }

    @Test
    void honoursVariantsForNegativeTests() throws Exception {
        IssuedCertificate cnOnly = PKI.certificate("cn-only.example").noSubjectAltNames().issue();
        assertThat(cnOnly.certificate().getSubjectAlternativeNames()).isNull();

        IssuedCertificate expired = PKI.certificate("old.example").expired().issue();
        assertThatThrownBy(() -> expired.certificate().checkValidity()).isInstanceOf(CertificateExpiredException.class);

        IssuedCertificate weak = PKI.certificate("weak.example").rsa(1024).signatureAlgorithm("SHA1withRSA").issue();
        assertThat(((RSAPublicKey) weak.certificate().getPublicKey()).getModulus().bitLength()).isEqualTo(1024);
        assertThat(weak.certificate().getSigAlgName()).isEqualToIgnoringCase("SHA1withRSA");

        IssuedCertificate ec = PKI.certificate("ec.example").ec().clientAuth().issue();
        assertThat(ec.certificate().getPublicKey()).isInstanceOf(ECPublicKey.class);
        assertThat(ec.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");

        IssuedCertificate self = PKI.certificate("self.example").selfSigned().issue();
        assertThat(self.certificate().getIssuerX500Principal()).isEqualTo(self.certificate().getSubjectX500Principal());
        assertThat(self.issuerChain()).isEmpty();

        IssuedCertificate direct = PKI.certificate("direct.example").issuedByRoot().issue();
        assertThat(direct.issuerChain()).isEmpty();
        validate(direct, PKI.root().certificate());
    }

    @Test
    void writesPemFilesThatParseBack(@TempDir Path dir) throws Exception {
        IssuedCertificate leaf = PKI.certificate("files.example").issue();
        PemFiles files = leaf.writePem(dir, "endpoint");

        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        try (var in = Files.newInputStream(files.certificate())) {
            List<java.security.cert.Certificate> parsed = List.copyOf(cf.generateCertificates(in));
            assertThat(parsed).containsExactly(leaf.certificate(), PKI.subCa().certificate());
        }
        assertThat(Files.readString(files.privateKey())).startsWith("-----BEGIN PRIVATE KEY-----");
    }
}
