package io.spinekit.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.PemFiles;
import io.spinekit.testpki.TestPki;
import io.spinekit.testpki.TestTlsServer;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TlsFailure#classify(Throwable)} reads exceptions thrown by plain JSSE sockets made from a
 * {@link SpineTlsContext} (as spine-ldap's and the HTTP clients' are) into the same kinds the probe
 * reports, real handshakes on loopback.
 */
class TlsFailureClassifyTest {
    private static TestPki pki;
    private static TestPki other;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        pki = TestPki.create();
        other = TestPki.create("Other");
    }

    private SpineTlsContext context(IssuedCertificate identity) {
        SpineTlsContext.Builder b = SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate()));
        if (identity != null) {
            PemFiles f = identity.writePem(dir, "client");
            b.clientIdentityPem(f.certificate(), f.privateKey());
        }
        return b.build();
    }

    /** Handshakes and reads, as a client would before its first request; returns what was thrown. */
    private static IOException failureOf(SpineTlsContext tls, TestTlsServer server) throws IOException {
        // connected by the factory: its sockets have deadlines below TLS, so it makes no unconnected ones
        try (SSLSocket s = (SSLSocket) tls.ldapSocketFactory().createSocket("localhost", server.port())) {
            s.setSoTimeout(5_000);
            return assertThrows(IOException.class, () -> {
                s.startHandshake();
                if (s.getInputStream().read() < 0) {
                    throw new SSLException("closed without an alert");
                }
                s.getInputStream().read(new byte[64]);
            });
        }
    }

    @Test
    void serverRefusingAForeignClientCertificateOverTls12IsClientCertificateRejected() throws IOException {
        IssuedCertificate foreign = other.certificate("client.example.nhs.uk").clientAuth().issue();
        try (TestTlsServer server = pki.server(pki.certificate("localhost").serverAuth().issue())
                .requireClientCertificate().protocols("TLSv1.2").start()) {
            for (int run = 0; run < 10; run++) {
                // The server's bad_certificate alert, or a broken pipe when it closes while the client writes.
                IOException e = failureOf(context(foreign), server);

                assertThat(TlsFailure.classify(e, true)).as(e.toString()).isEqualTo(TlsFailure.CLIENT_CERTIFICATE_REJECTED);
            }
        }
    }

    @Test
    void serverRequiringACertificateNoneSentOverTls13IsClientCertificateRejected() throws IOException {
        try (TestTlsServer server = pki.server(pki.certificate("localhost").serverAuth().issue())
                .requireClientCertificate().protocols("TLSv1.3").start()) {
            SpineTlsContext none = context(null);
            for (int run = 0; run < 20; run++) {
                IOException e = failureOf(none, server);

                assertThat(TlsFailure.classify(e)).as(e.toString()).isEqualTo(TlsFailure.CLIENT_CERTIFICATE_REJECTED);
            }
        }
    }

    @Test
    void refusedServerChainIsClassifiedByItsReason() throws IOException {
        try (TestTlsServer server = pki.server(pki.certificate("localhost").serverAuth().expired().issue()).start()) {
            assertThat(TlsFailure.classify(failureOf(context(null), server))).isEqualTo(TlsFailure.EXPIRED);
        }
        try (TestTlsServer server = pki.server(other.certificate("localhost").serverAuth().issue()).start()) {
            assertThat(TlsFailure.classify(failureOf(context(null), server))).isEqualTo(TlsFailure.UNKNOWN_CA);
        }
    }

    @Test
    void plainExceptionsAreClassifiedWithoutAHandshake() {
        assertThat(TlsFailure.classify(null)).isEqualTo(TlsFailure.OTHER);
        assertThat(TlsFailure.classify(new IOException("wrapped", new SocketTimeoutException("Read timed out"))))
                .isEqualTo(TlsFailure.TIMEOUT);
        assertThat(TlsFailure.classify(new SSLException("Unsupported or unrecognized SSL message")))
                .isEqualTo(TlsFailure.NOT_TLS);
        assertThat(TlsFailure.classify(new SSLException("Received fatal alert: protocol_version")))
                .isEqualTo(TlsFailure.PROTOCOL_VERSION);
        assertThat(TlsFailure.classify(new java.net.ConnectException("Connection refused")))
                .isEqualTo(TlsFailure.CONNECTION_FAILED);
    }
}
