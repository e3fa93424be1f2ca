package io.spinekit.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import io.spinekit.testpki.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The UnboundID adapter ({@link SpineTlsContext#ldapSocketFactory()}, {@link SpineTlsContext#ldapSocketVerifier()})
 * against a loopback server that accepts TCP and then never says a word, or says one byte a second: a
 * connection attempt ends, in time, with a message saying what timed out. Each test runs in a thread of
 * its own ({@code assertTimeoutPreemptively}) so a regression fails instead of hanging the build.
 * Before the fix, each of them hung (the verifier's {@code getSession()} waited on a handshake with no deadline).
 */
class LdapAdapterDeadlineTest {
    static final Duration HANG_GUARD = Duration.ofSeconds(30);
    ServerSocket server;
    final List<Socket> accepted = new CopyOnWriteArrayList<>();
    volatile boolean trickle;
    Thread acceptor;

    @BeforeEach
    void startSilentServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    accepted.add(s);
                    if (trickle) {
                        Thread t = new Thread(() -> trickle(s));
                        t.setDaemon(true);
                        t.start();
                    }
                } catch (IOException e) {
                    return; // closed
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Reads what the client sends and answers with a TLS record header, one byte a second, never finishing. */
    static void trickle(Socket s) {
        try (InputStream in = s.getInputStream()) {
            in.read(new byte[512]);
            byte[] start = {0x16, 0x03, 0x03, 0x40, 0x00}; // a handshake record of 16 KiB that never arrives
            for (int i = 0; ; i++) {
                s.getOutputStream().write(i < start.length ? start[i] : 0x02);
                s.getOutputStream().flush();
                Thread.sleep(1000);
            }
        } catch (IOException | InterruptedException e) {
            // the client gave up
        }
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        for (Socket s : accepted) {
            s.close();
        }
    }

    static SpineTlsContext tls() {
        return SpineTlsContext.builder().trustCertificates(List.of(TestPki.create().root().certificate())).build();
    }

    @Test
    void socketFactoryWithDeadlinesEndsAHandshakeTheServerNeverAnswers() {
        SpineTlsContext tls = tls();
        long start = System.nanoTime();

        LDAPException e = connectFails(() -> new LDAPConnection(
                tls.ldapSocketFactory(Duration.ofMillis(500), Duration.ofMillis(500)), tls.ldapConnectionOptions(),
                "localhost", server.getLocalPort()));

        assertThat(e).hasStackTraceContaining("ldaps://localhost:" + server.getLocalPort()
                + " did not answer in full within 500 ms of the last request");
        assertThat(elapsedMs(start)).isLessThan(5_000);
        assertThat(accepted).hasSize(1);
    }

    @Test
    void socketFactoryWithDeadlinesCutsOffAServerTricklingOneByteASecond() {
        trickle = true;
        SpineTlsContext tls = tls();
        long start = System.nanoTime();

        LDAPException e = connectFails(() -> new LDAPConnection(
                tls.ldapSocketFactory(Duration.ofMillis(500), Duration.ofMillis(1500)), tls.ldapConnectionOptions(),
                "localhost", server.getLocalPort()));

        assertThat(e).hasStackTraceContaining("did not answer in full within 1500 ms of the last request");
        assertThat(elapsedMs(start)).isLessThan(6_000);
    }

    @Test
    void defaultSocketFactoryHasTenSecondDeadlines() {
        SpineTlsContext tls = tls();
        LDAPConnectionOptions options = tls.ldapConnectionOptions();
        // UnboundID's own connect timeout (10 s by default) above ours, so the socket's deadline ends the attempt
        options.setConnectTimeoutMillis(25_000);
        long start = System.nanoTime();

        LDAPException e = connectFails(() -> new LDAPConnection(tls.ldapSocketFactory(), options, "localhost",
                server.getLocalPort()));

        assertThat(e).hasStackTraceContaining("did not answer in full within 10000 ms of the last request");
        assertThat(elapsedMs(start)).isBetween(9_000L, 20_000L);
        assertThat(SpineTlsContext.DEFAULT_LDAP_TIMEOUT).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void verifierDoesNotWaitForEverOnAHandshakeAPlainSocketFactoryLeftRunning() {
        SpineTlsContext tls = tls();
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(300); // UnboundID hands the socket over after this, handshake still running
        options.setSSLSocketVerifier(LdapHostnameVerifier.verifier(Duration.ofMillis(700)));
        long start = System.nanoTime();

        LDAPException e = connectFails(() -> new LDAPConnection(tls.sslContext().getSocketFactory(), options,
                "localhost", server.getLocalPort()));

        assertThat(e).hasMessageContaining("TLS handshake with localhost:" + server.getLocalPort()
                + " did not complete within 700 ms")
                .hasMessageContaining("the server certificate could not be checked");
        assertThat(elapsedMs(start)).isLessThan(5_000);
    }

    @Test
    void publicVerifierWaitsAtMostTheDefault() {
        SpineTlsContext tls = tls();
        LDAPConnectionOptions options = tls.ldapConnectionOptions();
        options.setConnectTimeoutMillis(300);
        long start = System.nanoTime();

        LDAPException e = connectFails(() -> new LDAPConnection(tls.sslContext().getSocketFactory(), options,
                "localhost", server.getLocalPort()));

        assertThat(e).hasMessageContaining("did not complete within 10000 ms");
        assertThat(elapsedMs(start)).isBetween(9_000L, 20_000L);
    }

    @Test
    void deadlinesMustBePositive() {
        SpineTlsContext tls = tls();
        assertThatThrownBy(() -> tls.ldapSocketFactory(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessage("ldapSocketFactory: connectTimeout must be positive, was PT0S");
        assertThatThrownBy(() -> tls.ldapSocketFactory(Duration.ofSeconds(1), Duration.ofMillis(-1)))
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessage("ldapSocketFactory: responseTimeout must be positive, was PT-0.001S");
    }

    /** Runs the connect in a thread of its own, so a hang fails the test after {@link #HANG_GUARD}. */
    static LDAPException connectFails(Executable connect) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(LDAPException.class, connect));
    }

    static long elapsedMs(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
