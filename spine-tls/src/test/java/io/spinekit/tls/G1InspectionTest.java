package io.spinekit.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.spinekit.env.SpineEnvironment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real bundled G1 live certificates are recognised and explained, never trusted. */
class G1InspectionTest {

    @Test
    void g1LiveChainIsExplainedAsExpiredWithTheG2Fix() {
        Inspection r = CertificateInspector.builder().environment(SpineEnvironment.LIVE).build()
                .inspect(List.of(NhsCertificateAuthority.LEVEL_1C.certificate(), NhsCertificateAuthority.ROOT_G1.certificate()));

        assertThat(r.usable()).isFalse();
        assertThat(r.issuingCa()).contains("nhs-level-1c");
        assertThat(r.generation()).contains("G1");
        Finding ca = r.findings("nhs-ca").get(0);
        assertThat(ca.severity()).isEqualTo(Finding.Severity.ERROR);
        assertThat(ca.message()).contains("issued under the G1 live root, expired 2024-06-04")
                .contains("request a G2 certificate");
        assertThat(ca.fix()).startsWith("Request a G2 certificate");
        assertThat(r.findings("chain")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR);
            assertThat(f.message()).isEqualTo("Not trusted for Live: the G1 live chain is never trusted");
        });
        assertThat(r.findings("validity").get(0).message()).startsWith("Expired on 2024-06-04T11:28:31Z");
    }

    @Test
    void g2PathToLiveSubCaIsTrustedForIntegration() {
        Inspection r = CertificateInspector.builder().environment(SpineEnvironment.INTEGRATION).build()
                .inspect(NhsCertificateAuthority.INT_AUTHENTICATION_G2.certificate());

        assertThat(r.findings("chain").get(0).severity()).isEqualTo(Finding.Severity.OK);
        assertThat(r.issuingCa()).contains("nhs-int-authentication-g2");
        assertThat(r.generation()).contains("G2");
        assertThat(r.keyAlgorithm()).isEqualTo("RSA");
        assertThat(r.keySize()).isEqualTo(2048);
        assertThat(r.signatureAlgorithm()).isEqualTo("SHA384withRSA");
    }

    @Test
    void g2LiveSubCaIsNotTrustedForIntegration() {
        Inspection r = CertificateInspector.builder().environment(SpineEnvironment.INTEGRATION).build()
                .inspect(NhsCertificateAuthority.AUTHENTICATION_G2.certificate());

        Finding chain = r.findings("chain").get(0);
        assertThat(chain.severity()).isEqualTo(Finding.Severity.ERROR);
        assertThat(chain.message()).contains("NHS Root Authority G2").contains("not trusted for Integration");
    }

    @Test
    void loadsPemDerAndPemNamedDerWhateverTheExtension(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.security.cert.X509Certificate ca = NhsCertificateAuthority.PTL_ROOT_G2.certificate();
        java.nio.file.Path der = java.nio.file.Files.write(dir.resolve("root.cer"), ca.getEncoded());
        java.nio.file.Path pemNamedDer = java.nio.file.Files.writeString(dir.resolve("root.der"),
                Pem.encodeCertificates(List.of(ca)));

        assertThat(CertificateInspector.load(der, null).chain()).containsExactly(ca);
        assertThat(CertificateInspector.load(pemNamedDer, null).chain()).containsExactly(ca);
        assertThat(CertificateInspector.load(pemNamedDer, null).privateKey()).isEmpty();
    }
}
