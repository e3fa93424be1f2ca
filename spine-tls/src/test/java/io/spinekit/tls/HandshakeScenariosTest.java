package io.spinekit.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.PemFiles;
import io.spinekit.testpki.TestPki;
import io.spinekit.testpki.TestTlsServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real handshakes on loopback against real {@code SSLServerSocket} servers, one per scenario, each
 * checked through {@link TlsProbe} so the reported reason is asserted, not just "it failed".
 */
class HandshakeScenariosTest {
    private static TestPki pki;
    private static TestPki other;
    private static IssuedCertificate client;

    @TempDir
    Path dir;

    @BeforeAll
    static void pkis() {
        pki = TestPki.create();
        other = TestPki.create("Other");
        client = pki.certificate("client.example.nhs.uk").clientAuth().issue();
    }

    private SpineTlsContext clientContext(IssuedCertificate identity) {
        SpineTlsContext.Builder b = SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate()));
        if (identity != null) {
            PemFiles files = identity.writePem(dir, "client");
            b.clientIdentityPem(files.certificate(), files.privateKey());
        }
        return b.build();
    }

    private static HandshakeReport probe(SpineTlsContext tls, TestTlsServer server) {
        return TlsProbe.handshake(tls, "localhost", server.port());
    }

    @Test
    void goodMutualTlsNegotiatesTls13AndServerSeesTheClientCertificate() {
        IssuedCertificate serverCert = pki.certificate("localhost").serverAuth().issue();
        try (TestTlsServer server = pki.server(serverCert).requireClientCertificate().start()) {
            HandshakeReport r = probe(clientContext(client), server);

            assertThat(r.success()).as(r.message()).isTrue();
            assertThat(r.failure()).isEmpty();
            assertThat(r.protocol()).contains("TLSv1.3");
            assertThat(r.cipherSuite().orElseThrow()).startsWith("TLS_");
            assertThat(r.serverChain()).extracting(CertificateSummary::subject).containsExactly(
                    serverCert.certificate().getSubjectX500Principal().getName(),
                    pki.subCa().certificate().getSubjectX500Principal().getName());
            assertThat(r.clientCertificateRequested()).isTrue();
            assertThat(r.clientCertificate().orElseThrow().sha256()).isEqualTo(Certificates.sha256(client.certificate()));
            assertThat(server.clientCertificates()).containsExactly(client.certificate());
        }
    }

    @Test
    void cnOnlyServerCertificateIsAcceptedForTheRightHost() {
        IssuedCertificate cnOnly = pki.certificate("localhost").noSubjectAltNames().serverAuth().issue();
        assertThat(cnOnly.certificate().getExtensionValue("2.5.29.17")).isNull();
        try (TestTlsServer server = pki.server(cnOnly).start()) {
            HandshakeReport r = probe(clientContext(null), server);

            assertThat(r.success()).as(r.message()).isTrue();
            assertThat(r.serverChain().get(0).subject()).contains("CN=localhost");
        }
    }

    @Test
    void cnOnlyServerCertificateIsRejectedForAnotherHost() {
        IssuedCertificate cnOnly = pki.certificate("spine.example.nhs.uk").noSubjectAltNames().serverAuth().issue();
        try (TestTlsServer server = pki.server(cnOnly).start()) {
            HandshakeReport r = probe(clientContext(null), server);

            assertThat(r.success()).isFalse();
            assertThat(r.failure()).contains(TlsFailure.WRONG_HOST);
            assertThat(r.message()).contains("localhost").contains("spine.example.nhs.uk");
        }
    }

    @Test
    void wrongHostIsReportedWithTheNamesTheCertificateHolds() {
        IssuedCertificate elsewhere = pki.certificate("elsewhere.example.nhs.uk").serverAuth().issue();
        try (TestTlsServer server = pki.server(elsewhere).start()) {
            HandshakeReport r = probe(clientContext(null), server);

            assertThat(r.failure()).contains(TlsFailure.WRONG_HOST);
            assertThat(r.message()).contains("host \"localhost\" is not among the certificate's subjectAltNames")
                    .contains("elsewhere.example.nhs.uk");
            assertThat(r.fix()).contains(TlsFailure.WRONG_HOST.fix());
            assertThat(r.serverChain()).hasSize(2);
        }
    }

    @Test
    void expiredServerCertificateIsReportedAsExpired() {
        IssuedCertificate expired = pki.certificate("localhost").expired().serverAuth().issue();
        try (TestTlsServer server = pki.server(expired).start()) {
            HandshakeReport r = probe(clientContext(null), server);

            assertThat(r.failure()).contains(TlsFailure.EXPIRED);
            assertThat(r.message()).contains("localhost expired on "
                    + expired.certificate().getNotAfter().toInstant());
        }
    }

    @Test
    void notYetValidServerCertificateIsReportedAsNotYetValid() {
        IssuedCertificate early = pki.certificate("localhost").notYetValid().serverAuth().issue();
        try (TestTlsServer server = pki.server(early).start()) {
            HandshakeReport r = probe(clientContext(null), server);

            assertThat(r.failure()).contains(TlsFailure.NOT_YET_VALID);
            assertThat(r.message()).contains("is not valid before " + early.certificate().getNotBefore().toInstant());
        }
    }

    @Test
    void serverFromAnUntrustedRootIsReportedAsUnknownCa() {
        IssuedCertificate foreign = other.certificate("localhost").serverAuth().issue();
        try (TestTlsServer server = other.server(foreign).start()) {
            HandshakeReport r = probe(clientContext(null), server);

            assertThat(r.failure()).contains(TlsFailure.UNKNOWN_CA);
            assertThat(r.message()).contains("Other PTL Root Authority G2").contains("not in the trust");
        }
    }

    @Test
    void serverSendingNoIntermediateIsReportedAsMissingIntermediate() {
        IssuedCertificate serverCert = pki.certificate("localhost").serverAuth().issue();
        try (TestTlsServer server = pki.server(serverCert).leafOnly().start()) {
            HandshakeReport r = probe(clientContext(null), server);

            assertThat(r.failure()).contains(TlsFailure.MISSING_INTERMEDIATE);
            assertThat(r.message()).contains("sent only localhost").contains("Test INT Authentication G2");
            assertThat(r.serverChain()).hasSize(1);
        }
    }

    @Test
    void missingIntermediateIsCompletedWhenTheSubCaIsInTheTrust() {
        IssuedCertificate serverCert = pki.certificate("localhost").serverAuth().issue();
        try (TestTlsServer server = pki.server(serverCert).leafOnly().start()) {
            SpineTlsContext tls = SpineTlsContext.builder()
                    .trustCertificates(List.of(pki.root().certificate(), pki.subCa().certificate())).build();

            HandshakeReport r = probe(tls, server);

            assertThat(r.success()).as(r.message()).isTrue();
        }
    }

    @Test
    void selfSignedServerCertificateIsReportedAsSelfSigned() {
        IssuedCertificate self = pki.certificate("localhost").selfSigned().serverAuth().issue();
        try (TestTlsServer server = pki.server(self).start()) {
            HandshakeReport r = probe(clientContext(null), server);

            assertThat(r.failure()).contains(TlsFailure.SELF_SIGNED);
            assertThat(r.message()).contains("localhost is self-signed");
        }
    }

    @Test
    void serverLimitedToTls10And11IsReportedAsProtocolVersion() throws Exception {
        IssuedCertificate serverCert = pki.certificate("localhost").serverAuth().issue();
        try (LegacyTlsServer server = LegacyTlsServer.start(serverCert, dir, "TLSv1", "TLSv1.1")) {
            HandshakeReport r = TlsProbe.handshake(clientContext(null), "localhost", server.port());

            assertThat(r.failure()).as(r.message()).contains(TlsFailure.PROTOCOL_VERSION);
            assertThat(r.message()).contains("this client allows only [TLSv1.3, TLSv1.2]");
            assertThat(r.serverChain()).isEmpty();
        }
    }

    @Test
    void clientWithoutCertificateIsReportedAsRejectedWhenTheServerRequiresOne() {
        IssuedCertificate serverCert = pki.certificate("localhost").serverAuth().issue();
        try (TestTlsServer server = pki.server(serverCert).requireClientCertificate().start()) {
            HandshakeReport r = probe(clientContext(null), server);

            assertThat(r.failure()).contains(TlsFailure.CLIENT_CERTIFICATE_REJECTED);
            assertThat(r.clientCertificateRequested()).isTrue();
            assertThat(r.clientCertificate()).isEmpty();
            assertThat(r.message()).contains("rejected no client certificate (none is configured)");
            assertThat(server.clientCertificates()).isEmpty();
        }
    }

    @Test
    void clientCertificateFromAnotherCaIsReportedAsRejected() {
        IssuedCertificate serverCert = pki.certificate("localhost").serverAuth().issue();
        IssuedCertificate foreignClient = other.certificate("client.example.nhs.uk").clientAuth().issue();
        try (TestTlsServer server = pki.server(serverCert).requireClientCertificate().start()) {
            HandshakeReport r = probe(clientContext(foreignClient), server);

            assertThat(r.failure()).contains(TlsFailure.CLIENT_CERTIFICATE_REJECTED);
            assertThat(r.clientCertificate().map(CertificateSummary::issuer))
                    .isEqualTo(Optional.of(other.subCa().certificate().getSubjectX500Principal().getName()));
            assertThat(r.message()).contains("rejected the client certificate client.example.nhs.uk");
            assertThat(server.clientCertificates()).isEmpty();
        }
    }

    @Test
    void closedPortIsReportedAsConnectionFailed() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        HandshakeReport r = TlsProbe.handshake(clientContext(null), "localhost", port);

        assertThat(r.failure()).contains(TlsFailure.CONNECTION_FAILED);
        assertThat(r.message()).contains("connection refused by \"localhost\" port " + port);
    }
}
