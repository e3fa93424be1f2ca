package io.spinekit.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.testpki.TestPki;
import io.spinekit.testpki.TestTlsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The DNS, TCP and TLS steps of {@link ConnectionCheck} against real sockets on loopback: a closed
 * port, a plain-TCP server, a silent server, TLS servers from the test PKI, and a name that cannot
 * resolve ({@code .invalid} is reserved, RFC 2606).
 */
class ConnectionCheckTest {
    private static final Duration DEADLINE = Duration.ofSeconds(3);
    private static TestPki pki;
    private static SpineTlsContext tls;

    @BeforeAll
    static void setUp() {
        pki = TestPki.create("ConnectionCheck");
        tls = SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate())).build();
    }

    /** A plain-TCP server on loopback: greets each connection with a text banner (or says nothing) and holds it. */
    private static final class PlainServer implements AutoCloseable {
        private final ServerSocket socket;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        PlainServer(String banner) throws IOException {
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket s = socket.accept();
                        accepted.add(s);
                        if (banner != null) {
                            OutputStream out = s.getOutputStream();
                            out.write(banner.getBytes(StandardCharsets.US_ASCII));
                            out.flush();
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "plain-server");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void localhostResolvesToItsAddresses() {
        ConnectionCheck.Step s = ConnectionCheck.dns("localhost", DEADLINE);

        assertThat(s.name()).isEqualTo("dns");
        assertThat(s.target()).isEqualTo("localhost");
        assertThat(s.outcome()).isEqualTo(ConnectionCheck.Outcome.OK);
        assertThat(s.detail()).startsWith("resolves to ").containsPattern("127\\.0\\.0\\.1|::1|0:0:0:0:0:0:0:1");
        assertThat(s.failure()).isEmpty();
        assertThat(s.fix()).isEmpty();
    }

    @Test
    void reservedInvalidNameDoesNotResolveAndTheFixSaysToCheckTheName() {
        ConnectionCheck.Step s = ConnectionCheck.dns("nonexistent.invalid", DEADLINE);

        assertThat(s.outcome()).isEqualTo(ConnectionCheck.Outcome.FAILED);
        assertThat(s.failure()).hasValueSatisfying(f -> assertThat(f).isIn(TlsFailure.CONNECTION_FAILED, TlsFailure.TIMEOUT));
        assertThat(s.detail()).containsAnyOf("does not resolve (\"nonexistent.invalid\" is unknown", "no answer from DNS");
        assertThat(s.fix()).hasValueSatisfying(f -> assertThat(f).contains("check this machine's DNS"));
        assertThat(s.elapsed()).isLessThan(DEADLINE.plusSeconds(1));
    }

    @Test
    void anHscnNameThatDoesNotResolveGetsTheHscnHint() {
        ConnectionCheck.Step s = ConnectionCheck.dns("nonexistent.invalid.ncrs.nhs.uk", DEADLINE);

        assertThat(s.outcome()).isEqualTo(ConnectionCheck.Outcome.FAILED);
        assertThat(s.fix()).hasValueSatisfying(f -> assertThat(f).contains("is an HSCN name: it resolves only on HSCN"));
    }

    @Test
    void closedPortFailsTheTcpStepWithAFirewallFix() throws IOException {
        int port = closedPort();

        ConnectionCheck.Step s = ConnectionCheck.tcp("localhost", port, DEADLINE);

        assertThat(s.name()).isEqualTo("tcp");
        assertThat(s.target()).isEqualTo("localhost:" + port);
        assertThat(s.outcome()).isEqualTo(ConnectionCheck.Outcome.FAILED);
        assertThat(s.failure()).contains(TlsFailure.CONNECTION_FAILED);
        assertThat(s.detail()).startsWith("cannot connect: ").containsIgnoringCase("refused");
        assertThat(s.fix()).hasValueSatisfying(f -> assertThat(f).contains("firewalls allow TCP " + port));
    }

    @Test
    void openPortPassesTheTcpStep() throws IOException {
        try (PlainServer server = new PlainServer(null)) {
            ConnectionCheck.Step s = ConnectionCheck.tcp("localhost", server.port(), DEADLINE);

            assertThat(s.outcome()).as(s.detail()).isEqualTo(ConnectionCheck.Outcome.OK);
            assertThat(s.detail()).matches("connected in \\d+ ms");
            assertThat(s.failure()).isEmpty();
        }
    }

    @Test
    void plainTcpServerFailsTheTlsStepAsNotTls() throws IOException {
        try (PlainServer server = new PlainServer("220 plain text service ready\r\n")) {
            ConnectionCheck.Step s = ConnectionCheck.tls(tls, "localhost", server.port(), DEADLINE);

            assertThat(s.name()).isEqualTo("tls");
            assertThat(s.outcome()).isEqualTo(ConnectionCheck.Outcome.FAILED);
            assertThat(s.failure()).contains(TlsFailure.NOT_TLS);
            assertThat(s.detail()).contains("is not a TLS port");
            assertThat(s.fix()).contains(TlsFailure.NOT_TLS.fix());
            assertThat(s.handshake()).hasValueSatisfying(r -> assertThat(r.success()).isFalse());
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a guard, not a timing assertion
    void silentServerFailsTheTlsStepWithATimeoutWithinItsDeadline() throws IOException {
        Duration deadline = Duration.ofSeconds(1);
        try (PlainServer server = new PlainServer(null)) {
            ConnectionCheck.Step s = ConnectionCheck.tls(tls, "localhost", server.port(), deadline);

            assertThat(s.outcome()).isEqualTo(ConnectionCheck.Outcome.FAILED);
            assertThat(s.failure()).contains(TlsFailure.TIMEOUT);
            assertThat(s.elapsed()).isLessThan(deadline.plusSeconds(2));
        }
    }

    @Test
    void testPkiServerPassesTheTlsStepWithProtocolSuiteAndServer() {
        try (TestTlsServer server = pki.server(pki.certificate("localhost").issue()).noClientCertificate().start()) {
            ConnectionCheck.Step s = ConnectionCheck.tls(tls, "localhost", server.port(), DEADLINE);

            assertThat(s.outcome()).as(s.detail()).isEqualTo(ConnectionCheck.Outcome.OK);
            assertThat(s.target()).isEqualTo("localhost:" + server.port());
            assertThat(s.detail()).startsWith("TLSv1.").contains("server CN=localhost").endsWith("verified");
            assertThat(s.failure()).isEmpty();
            assertThat(s.handshake()).hasValueSatisfying(r -> {
                assertThat(r.success()).isTrue();
                assertThat(r.port()).isEqualTo(server.port());
            });
        }
    }

    @Test
    void clientCertificatePresentedIsSaid() {
        var client = pki.certificate("client.example.nhs.uk").issue();
        SpineTlsContext mutual = SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate()))
                .clientIdentity(client.privateKey(), client.chain()).build();
        try (TestTlsServer server = pki.server(pki.certificate("localhost").issue()).requireClientCertificate().start()) {
            ConnectionCheck.Step s = ConnectionCheck.tls(mutual, "localhost", server.port(), DEADLINE);

            assertThat(s.outcome()).as(s.detail()).isEqualTo(ConnectionCheck.Outcome.OK);
            assertThat(s.detail()).endsWith("verified, client certificate presented");
        }
    }

    @Test
    void serverFromAnotherPkiFailsAsUnknownCaWithTheFix() {
        TestPki other = TestPki.create("Other");
        try (TestTlsServer server = other.server(other.certificate("localhost").issue()).start()) {
            ConnectionCheck.Step s = ConnectionCheck.tls(tls, "localhost", server.port(), DEADLINE);

            assertThat(s.outcome()).isEqualTo(ConnectionCheck.Outcome.FAILED);
            assertThat(s.failure()).contains(TlsFailure.UNKNOWN_CA);
            assertThat(s.fix()).contains(TlsFailure.UNKNOWN_CA.fix());
        }
    }

    @Test
    void checkRunsTheStepsInOrderAndSkipsWhatFollowsAFailure() throws IOException {
        int port = closedPort();

        List<ConnectionCheck.Step> steps = ConnectionCheck.check(tls, "localhost", port, DEADLINE);

        assertThat(steps).extracting(ConnectionCheck.Step::name).containsExactly("dns", "tcp", "tls");
        assertThat(steps).extracting(ConnectionCheck.Step::outcome).containsExactly(ConnectionCheck.Outcome.OK,
                ConnectionCheck.Outcome.FAILED, ConnectionCheck.Outcome.SKIPPED);
        assertThat(steps.get(2).detail()).isEqualTo("not checked: no TCP connection");
    }

    @Test
    void checkOfAnUnresolvableNameSkipsTcpAndTls() {
        List<ConnectionCheck.Step> steps = ConnectionCheck.check(tls, "nonexistent.invalid", 443, DEADLINE);

        assertThat(steps).extracting(ConnectionCheck.Step::outcome).containsExactly(ConnectionCheck.Outcome.FAILED,
                ConnectionCheck.Outcome.SKIPPED, ConnectionCheck.Outcome.SKIPPED);
        assertThat(steps.get(1).detail()).isEqualTo("not checked: \"nonexistent.invalid\" does not resolve");
    }

    @Test
    void checkOfAHealthyServerPassesEveryStep() {
        try (TestTlsServer server = pki.server(pki.certificate("localhost").issue()).noClientCertificate().start()) {
            List<ConnectionCheck.Step> steps = ConnectionCheck.check(tls, "localhost", server.port(), DEADLINE);

            assertThat(steps).as(steps.toString()).allSatisfy(s -> assertThat(s.ok()).isTrue());
        }
    }

    @Test
    void badPortsAndDeadlinesAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> ConnectionCheck.tcp("localhost", 0, DEADLINE))
                .isInstanceOf(TlsConfigurationException.class).hasMessage("port must be 1-65535, was 0");
        assertThatThrownBy(() -> ConnectionCheck.tls(tls, "localhost", 70000, DEADLINE))
                .isInstanceOf(TlsConfigurationException.class).hasMessageContaining("was 70000");
        assertThatThrownBy(() -> ConnectionCheck.dns("localhost", Duration.ZERO))
                .isInstanceOf(TlsConfigurationException.class).hasMessageContaining("deadline must be positive").hasMessageContaining("PT0S");
        assertThatThrownBy(() -> ConnectionCheck.dns("localhost", Duration.ofHours(1)))
                .isInstanceOf(TlsConfigurationException.class).hasMessageContaining("at most 10 minutes");
    }
}
