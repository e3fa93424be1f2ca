package io.spinekit.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.TestPki;
import io.spinekit.testpki.TestTlsServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificate revocation lists: reading them, inspecting a chain against them, and refusing a
 * revoked peer during real handshakes on loopback.
 */
class RevocationTest {
    private static TestPki pki;
    private static TestPki impostor;
    private static IssuedCertificate server;
    private static IssuedCertificate revokedServer;

    @TempDir
    Path dir;

    @BeforeAll
    static void pkis() {
        pki = TestPki.create();
        impostor = TestPki.create(); // same CA names, other keys
        server = pki.certificate("localhost").serverAuth().issue();
        revokedServer = pki.certificate("localhost").serverAuth().issue();
    }

    private static CertificateInspector inspector(List<X509CRL> crls) {
        return CertificateInspector.builder().trustCertificates(List.of(pki.root().certificate())).crls(crls).build();
    }

    private static List<Finding> revocation(Inspection i) {
        return i.findings().stream().filter(f -> f.check().equals("revocation")).toList();
    }

    private static SpineTlsContext client(List<X509CRL> crls) {
        return SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate())).crls(crls).build();
    }

    @Test
    void inspectorReportsARevokedCertificateAsAnErrorWithTheDateAndReason() {
        Inspection i = inspector(List.of(pki.crl(revokedServer.certificate()))).inspect(revokedServer.chain());

        assertThat(revocation(i)).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR);
            assertThat(f.message()).startsWith("localhost was revoked on ").contains("reason key compromise")
                    .contains("the CRL of Test INT Authentication G2 issued");
            assertThat(f.fix()).contains("Request a new certificate");
        });
        assertThat(i.usable()).isFalse();
    }

    @Test
    void inspectorSaysACertificateNotOnTheCrlIsNotRevoked() {
        Inspection i = inspector(List.of(pki.crl(revokedServer.certificate()))).inspect(server.chain());

        assertThat(revocation(i)).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Finding.Severity.OK);
            assertThat(f.message()).startsWith("localhost is not revoked (the CRL of Test INT Authentication G2");
        });
        assertThat(i.usable()).isTrue();
    }

    @Test
    void outOfDateForgedAndMissingCrlsAreReportedNotTrusted() {
        Instant now = Instant.now();
        X509CRL stale = pki.crl(pki.subCa(), now.minus(Duration.ofDays(14)), now.minus(Duration.ofDays(7)), List.of());
        X509CRL forged = impostor.crl(revokedServer.certificate()); // same issuer name, wrong key
        X509CRL rootOnly = pki.crl(pki.root(), now, now.plus(Duration.ofDays(30)), List.of());

        List<Finding> staleFindings = revocation(inspector(List.of(stale)).inspect(server.chain()));
        List<Finding> forgedFindings = revocation(inspector(List.of(forged)).inspect(revokedServer.chain()));
        List<Finding> rootOnlyFindings = revocation(inspector(List.of(rootOnly)).inspect(server.chain()));

        assertThat(staleFindings).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
            assertThat(f.message()).contains("that CRL is out of date (next update was due");
        });
        assertThat(forgedFindings).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
            assertThat(f.message()).contains("does not verify with its key, so it is ignored");
        }).noneMatch(f -> f.severity() == Finding.Severity.ERROR);
        assertThat(rootOnlyFindings)
                .anyMatch(f -> f.message().equals("Revocation of localhost not checked: no CRL from Test INT "
                        + "Authentication G2 was given"))
                .anyMatch(f -> f.severity() == Finding.Severity.OK
                        && f.message().startsWith("Test INT Authentication G2 is not revoked"));
    }

    @Test
    void crlsAreReadFromPemAndDerAndBadFilesAreNamed() throws IOException, CRLException {
        X509CRL crl = pki.crl(revokedServer.certificate());
        Path pem = Files.writeString(dir.resolve("sub.crl.pem"), TestPki.crlPem(crl) + TestPki.crlPem(pki.crl()),
                StandardCharsets.US_ASCII);
        Path der = Files.write(dir.resolve("sub.crl"), crl.getEncoded());
        Path cert = Files.writeString(dir.resolve("cert.pem"), server.certificatePem(), StandardCharsets.US_ASCII);
        Path junk = Files.write(dir.resolve("junk.crl"), new byte[] {0x30, 0x03, 0x02, 0x01});

        assertThat(Pem.loadCrls(pem)).hasSize(2).first().isEqualTo(crl);
        assertThat(Pem.loadCrls(der)).containsExactly(crl);
        assertThatThrownBy(() -> Pem.loadCrls(cert)).isInstanceOf(TlsConfigurationException.class)
                .hasMessageContaining(cert.toString()).hasMessageContaining("holds no CRL (found a certificate)");
        assertThatThrownBy(() -> Pem.loadCrls(junk)).isInstanceOf(TlsConfigurationException.class)
                .hasMessageContaining(junk.toString()).hasMessageContaining("nor a DER certificate revocation list");
    }

    @Test
    void handshakeWithARevokedServerFailsAsRevoked() {
        try (TestTlsServer s = pki.server(revokedServer).start()) {
            HandshakeReport r = TlsProbe.handshake(client(List.of(pki.crl(revokedServer.certificate()))), "localhost",
                    s.port());

            assertThat(r.success()).isFalse();
            assertThat(r.failure()).contains(TlsFailure.REVOKED);
            assertThat(r.message()).contains("localhost was revoked on").contains("key compromise");
            assertThat(r.fix()).contains(TlsFailure.REVOKED.fix());
        }
    }

    @Test
    void handshakeSucceedsWhenTheServerIsNotRevokedOrItsIssuerHasNoCrlHere() {
        Instant now = Instant.now();
        X509CRL rootOnly = pki.crl(pki.root(), now, now.plus(Duration.ofDays(30)), List.of());
        try (TestTlsServer s = pki.server(server).start()) {
            HandshakeReport listed = TlsProbe.handshake(client(List.of(pki.crl(revokedServer.certificate()), rootOnly)),
                    "localhost", s.port());
            HandshakeReport softFail = TlsProbe.handshake(client(List.of(rootOnly)), "localhost", s.port());

            assertThat(listed.success()).as(listed.message()).isTrue();
            assertThat(softFail.success()).as(softFail.message()).isTrue();
        }
    }

    @Test
    void aRevokedSubCaFailsEveryCertificateUnderIt() {
        Instant now = Instant.now();
        X509CRL rootCrl = pki.crl(pki.root(), now, now.plus(Duration.ofDays(30)), List.of(pki.subCa().certificate()));
        try (TestTlsServer s = pki.server(server).start()) {
            HandshakeReport r = TlsProbe.handshake(client(List.of(rootCrl)), "localhost", s.port());

            assertThat(r.failure()).contains(TlsFailure.REVOKED);
            assertThat(r.message()).contains("Test INT Authentication G2 was revoked on");
        }
        Inspection i = inspector(List.of(rootCrl)).inspect(server.chain());
        assertThat(revocation(i)).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR);
            assertThat(f.fix()).contains("The CA Test INT Authentication G2 is revoked");
        });
    }
}
