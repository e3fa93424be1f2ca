package io.spinekit.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.PemFiles;
import io.spinekit.testpki.TestPki;
import io.spinekit.testpki.TestTlsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A long-running context picks up a renewed certificate and key from disk; a half-written renewal is ignored. */
class IdentityReloadTest {
    private static TestPki pki;
    private static IssuedCertificate serverCert;

    @TempDir
    Path dir;

    @BeforeAll
    static void pki() {
        pki = TestPki.create();
        serverCert = pki.certificate("localhost").serverAuth().issue();
    }

    private static void handshake(SpineTlsContext tls, TestTlsServer server) {
        HandshakeReport r = TlsProbe.handshake(tls, "localhost", server.port(), Duration.ofSeconds(10), Duration.ofMillis(200));
        assertThat(r.success()).as(r.message()).isTrue();
    }

    private static void touchLater(Path... files) throws Exception {
        for (Path f : files) {
            Files.setLastModifiedTime(f, FileTime.from(Instant.now().plusSeconds(60)));
        }
    }

    @Test
    void explicitReloadMakesNewHandshakesUseTheRenewedCertificate() throws Exception {
        IssuedCertificate first = pki.certificate("client.example.nhs.uk").clientAuth().issue();
        IssuedCertificate renewed = pki.certificate("client.example.nhs.uk").clientAuth().issue();
        PemFiles files = first.writePem(dir, "client");
        SpineTlsContext tls = SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate()))
                .clientIdentityPem(files.certificate(), files.privateKey()).build();
        try (TestTlsServer server = pki.server(serverCert).requireClientCertificate().start()) {
            handshake(tls, server);
            renewed.writePem(dir, "client");

            assertThat(tls.reloadIdentity()).isTrue();
            handshake(tls, server);

            assertThat(server.clientCertificates()).containsExactly(first.certificate(), renewed.certificate());
            assertThat(tls.clientIdentity().orElseThrow().certificate()).isEqualTo(renewed.certificate());
            assertThat(tls.reloadIdentity()).as("unchanged files").isFalse();
        }
    }

    @Test
    void anInMemorySourceIsAskedAgainOnReloadAndABrokenRenewalKeepsTheIdentityInUse() throws Exception {
        IssuedCertificate first = pki.certificate("client.example.nhs.uk").clientAuth().issue();
        IssuedCertificate renewed = pki.certificate("client.example.nhs.uk").clientAuth().issue();
        java.util.concurrent.atomic.AtomicReference<IssuedCertificate> current = new java.util.concurrent.atomic.AtomicReference<>(first);
        java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean();
        SpineTlsContext tls = SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate()))
                .clientIdentity(() -> {
                    if (broken.get()) {
                        throw new TlsConfigurationException("the bundle holds no key");
                    }
                    return ClientIdentity.of(current.get().privateKey(), current.get().chain());
                }, "SSL bundle 'spine'")
                .reloadIdentityEvery(Duration.ofMillis(1)).build();
        assertThat(tls.toString()).contains("SSL bundle 'spine'");
        try (TestTlsServer server = pki.server(serverCert).requireClientCertificate().start()) {
            handshake(tls, server);
            current.set(renewed);
            Thread.sleep(5);
            handshake(tls, server);
            assertThat(server.clientCertificates()).as("no stamp to watch: only an explicit reload asks the source")
                    .containsExactly(first.certificate(), first.certificate());

            assertThat(tls.reloadIdentity()).isTrue();
            handshake(tls, server);
            assertThat(server.clientCertificates()).last().isEqualTo(renewed.certificate());

            broken.set(true);
            assertThatThrownBy(tls::reloadIdentity).isInstanceOf(TlsConfigurationException.class)
                    .hasMessageContaining("holds no key");
            assertThat(tls.clientIdentity().orElseThrow().certificate()).isEqualTo(renewed.certificate());
        }
    }

    @Test
    void periodicCheckPicksUpRenewedFilesWithoutAnExplicitCall() throws Exception {
        IssuedCertificate first = pki.certificate("client.example.nhs.uk").clientAuth().issue();
        IssuedCertificate renewed = pki.certificate("client.example.nhs.uk").clientAuth().ec().issue();
        PemFiles files = first.writePem(dir, "client");
        SpineTlsContext tls = SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate()))
                .clientIdentityPem(files.certificate(), files.privateKey())
                .reloadIdentityEvery(Duration.ofMillis(1)).build();
        try (TestTlsServer server = pki.server(serverCert).requireClientCertificate().start()) {
            handshake(tls, server);
            renewed.writePem(dir, "client");
            touchLater(files.certificate(), files.privateKey());
            Thread.sleep(5);

            handshake(tls, server);

            assertThat(server.clientCertificates()).containsExactly(first.certificate(), renewed.certificate());
        }
    }

    @Test
    void halfWrittenRenewalKeepsTheWorkingIdentity() throws Exception {
        IssuedCertificate first = pki.certificate("client.example.nhs.uk").clientAuth().issue();
        IssuedCertificate renewed = pki.certificate("client.example.nhs.uk").clientAuth().issue();
        PemFiles files = first.writePem(dir, "client");
        SpineTlsContext tls = SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate()))
                .clientIdentityPem(files.certificate(), files.privateKey())
                .reloadIdentityEvery(Duration.ofMillis(1)).build();
        try (TestTlsServer server = pki.server(serverCert).requireClientCertificate().start()) {
            // Only the certificate has been replaced so far: it does not match the old key.
            Files.writeString(files.certificate(), renewed.chainPem());
            touchLater(files.certificate());
            Thread.sleep(5);

            handshake(tls, server);
            assertThatThrownBy(tls::reloadIdentity)
                    .isInstanceOf(TlsConfigurationException.class)
                    .hasMessageContaining("does not match the certificate")
                    .hasMessageContaining(files.certificate().toString());

            assertThat(server.clientCertificates()).containsExactly(first.certificate());
            assertThat(tls.clientIdentity().orElseThrow().certificate()).isEqualTo(first.certificate());
        }
    }

    @Test
    void inMemoryIdentityCannotBeReloaded() {
        IssuedCertificate first = pki.certificate("client.example.nhs.uk").clientAuth().issue();
        SpineTlsContext tls = SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate()))
                .clientIdentity(first.privateKey(), first.chain()).build();

        assertThatThrownBy(tls::reloadIdentity)
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessageContaining("given in memory and cannot be reloaded");
    }
}
