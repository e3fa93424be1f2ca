package io.spinekit.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.TestPki;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Findings for good and bad endpoint certificates from the test PKI. */
class CertificateInspectorTest {
    private static TestPki pki;

    @BeforeAll
    static void pki() {
        pki = TestPki.create();
    }

    private static CertificateInspector.Builder inspector() {
        return CertificateInspector.builder().trustCertificates(List.of(pki.root().certificate()));
    }

    private static Finding only(Inspection r, String check) {
        assertThat(r.findings(check)).as(check + " in " + r.findings()).hasSize(1);
        return r.findings(check).get(0);
    }

    @Test
    void goodEndpointCertificateHasNoWarningsAndReportsItsFacts() {
        IssuedCertificate cert = pki.certificate("endpoint.example.nhs.uk")
                .crlUrl("http://crl.nhs.uk/PTL/G2/root/NHSPTLrootG2.crl").ocspUrl("http://ocsp.nhs.uk/ocsp").issue();

        Inspection r = inspector().fqdn("endpoint.example.nhs.uk").privateKey(cert.privateKey()).build()
                .inspect(cert.chain());

        assertThat(r.worst()).isEqualTo(Finding.Severity.INFO);
        assertThat(r.usable()).isTrue();
        assertThat(r.commonName()).contains("endpoint.example.nhs.uk");
        assertThat(r.subjectAltNames()).containsExactly("endpoint.example.nhs.uk");
        assertThat(r.keyAlgorithm()).isEqualTo("RSA");
        assertThat(r.keySize()).isEqualTo(2048);
        assertThat(r.signatureAlgorithm()).isEqualTo("SHA256withRSA");
        assertThat(r.keyUsage()).containsExactly("digitalSignature", "keyEncipherment");
        assertThat(r.extendedKeyUsage()).containsExactly("serverAuth", "clientAuth");
        assertThat(r.crlUrls()).containsExactly("http://crl.nhs.uk/PTL/G2/root/NHSPTLrootG2.crl");
        assertThat(r.ocspUrls()).containsExactly("http://ocsp.nhs.uk/ocsp");
        assertThat(r.daysLeft()).isBetween(363L, 365L);
        assertThat(r.issuingCa()).isEmpty();
        assertThat(only(r, "chain").message()).isEqualTo("Chains to Test PTL Root Authority G2 (trusted for the given trust)");
        assertThat(only(r, "host").message()).isEqualTo("Valid for endpoint.example.nhs.uk (by subjectAltName)");
        assertThat(only(r, "private-key").severity()).isEqualTo(Finding.Severity.OK);
        assertThat(only(r, "nhs-ca").message()).contains("not one of the NHS CAs bundled with spinekit");
    }

    @Test
    void sha1SignatureIsAnError() {
        IssuedCertificate cert = pki.certificate("endpoint.example.nhs.uk").signatureAlgorithm("SHA1withRSA").issue();

        Finding f = only(inspector().build().inspect(cert.chain()), "signature");

        assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR);
        assertThat(f.message()).startsWith("Signed with SHA1withRSA");
        assertThat(f.fix()).contains("SHA-256");
    }

    @Test
    void rsa1024KeyIsAnError() {
        IssuedCertificate cert = pki.certificate("endpoint.example.nhs.uk").rsa(1024).issue();

        Inspection r = inspector().build().inspect(cert.chain());

        assertThat(only(r, "key")).isEqualTo(new Finding("key", Finding.Severity.ERROR,
                "RSA 1024-bit key: too weak (under 2048 bits)",
                "Generate a new RSA 2048 (or EC P-256) key and CSR (spine tls csr) and request a new certificate."));
        assertThat(r.keySize()).isEqualTo(1024);
    }

    @Test
    void extendedKeyUsageWithoutTlsIsAnError() {
        IssuedCertificate cert = pki.certificate("endpoint.example.nhs.uk").emailProtectionOnly().issue();

        Finding f = only(inspector().build().inspect(cert.chain()), "usage");

        assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR);
        assertThat(f.message()).isEqualTo("Extended key usage [emailProtection] allows neither TLS client nor server"
                + " authentication");
    }

    @Test
    void serverOnlyCertificateWarnsThatItCannotBeAClientCertificate() {
        IssuedCertificate cert = pki.certificate("endpoint.example.nhs.uk").serverAuth().issue();

        Finding f = only(inspector().build().inspect(cert.chain()), "usage");

        assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
        assertThat(f.message()).contains("lacks clientAuth");
    }

    @Test
    void cnOnlyCertificateMatchesItsFqdnByCnWithANote() {
        IssuedCertificate cert = pki.certificate("endpoint.example.nhs.uk").noSubjectAltNames().issue();

        Inspection r = inspector().fqdn("endpoint.example.nhs.uk").build().inspect(cert.chain());

        assertThat(r.findings("host")).extracting(Finding::severity, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Finding.Severity.INFO, "No subjectAltName: clients must match the"
                        + " host against the CN (endpoint.example.nhs.uk); the JDK and Apache HttpClient 5 do, OkHttp"
                        + " does not"),
                org.assertj.core.groups.Tuple.tuple(Finding.Severity.OK, "Valid for endpoint.example.nhs.uk (by CN)"));
    }

    @Test
    void wrongFqdnIsAnErrorNamingBothNames() {
        IssuedCertificate cert = pki.certificate("endpoint.example.nhs.uk").issue();

        Finding f = only(inspector().fqdn("other.example.nhs.uk").build().inspect(cert.chain()), "host");

        assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR);
        assertThat(f.message()).isEqualTo("Not valid for \"other.example.nhs.uk\": host \"other.example.nhs.uk\" is not among"
                + " the certificate's subjectAltNames [endpoint.example.nhs.uk] (its CN endpoint.example.nhs.uk is"
                + " ignored when subjectAltNames are present)");
    }

    @Test
    void privateKeyOfAnotherCertificateIsAnError() {
        IssuedCertificate cert = pki.certificate("endpoint.example.nhs.uk").issue();
        IssuedCertificate other = pki.certificate("endpoint.example.nhs.uk").issue();

        Finding f = only(inspector().privateKey(other.privateKey()).build().inspect(cert.chain()), "private-key");

        assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR);
        assertThat(f.message()).contains("does not match the certificate's public key (RSA 2048)");
    }

    @Test
    void expiredCertificateIsAnErrorAndItsChainIsStillNamed() {
        IssuedCertificate cert = pki.certificate("endpoint.example.nhs.uk").expired().issue();

        Inspection r = inspector().build().inspect(cert.chain());

        assertThat(only(r, "validity").message()).startsWith("Expired on " + cert.certificate().getNotAfter().toInstant());
        assertThat(only(r, "chain").message()).startsWith("Chains to Test PTL Root Authority G2 (trusted for the given"
                + " trust) but is not valid at");
        assertThat(r.daysLeft()).isNegative();
    }

    @Test
    void certificateExpiringWithinThirtyDaysIsAWarning() {
        IssuedCertificate cert = pki.certificate("endpoint.example.nhs.uk")
                .validity(Instant.now().minus(Duration.ofDays(300)), Instant.now().plus(Duration.ofDays(10))).issue();

        Finding f = only(inspector().build().inspect(cert.chain()), "validity");

        assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
        assertThat(f.message()).contains("days left");
    }

    @Test
    void notYetValidCertificateIsAnError() {
        IssuedCertificate cert = pki.certificate("endpoint.example.nhs.uk").notYetValid().issue();

        Finding f = only(inspector().build().inspect(cert.chain()), "validity");

        assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR);
        assertThat(f.message()).startsWith("Not valid until");
    }

    @Test
    void leafWithoutItsIntermediateCannotBeChained() {
        IssuedCertificate cert = pki.certificate("endpoint.example.nhs.uk").issue();

        Finding f = only(inspector().build().inspect(cert.certificate()), "chain");

        assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR);
        assertThat(f.message()).contains("the issuer CN=Test INT Authentication G2,OU=CA,O=nhs,C=GB is neither in the"
                + " file nor trusted");
    }

    @Test
    void certificateFromAnotherPkiIsNotTrusted() {
        TestPki other = TestPki.create("Other");
        IssuedCertificate cert = other.certificate("endpoint.example.nhs.uk").issue();

        Finding f = only(inspector().build().inspect(cert.chain()), "chain");

        assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR);
        assertThat(f.message()).contains("Other PTL Root Authority G2");
    }

    @Test
    void withoutTrustTheChainIsNotJudged() {
        IssuedCertificate cert = pki.certificate("endpoint.example.nhs.uk").issue();

        Finding f = only(CertificateInspector.builder().build().inspect(cert.chain()), "chain");

        assertThat(f.severity()).isEqualTo(Finding.Severity.INFO);
        assertThat(f.message()).startsWith("Chain not validated: no environment or trust given");
    }
}
