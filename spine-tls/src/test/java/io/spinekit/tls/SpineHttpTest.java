package io.spinekit.tls;

import static io.spinekit.tls.ScriptedHttpsServer.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link SpineHttp} against real HTTPS servers with the test PKI: deadlines, bounded bodies, the pool. */
class SpineHttpTest {
    private static TestPki pki;
    private static SSLContext serverContext;
    private static SpineTlsContext tls;
    private final List<AutoCloseable> closeLater = new ArrayList<>();

    @BeforeAll
    static void pki() {
        pki = TestPki.create();
        IssuedCertificate server = pki.certificate("localhost").serverAuth().issue();
        serverContext = pki.sslContext(server);
        IssuedCertificate client = pki.certificate("client.example.nhs.uk").clientAuth().issue();
        tls = SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate()))
                .clientIdentity(client.privateKey(), client.chain()).build();
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeLater) {
            c.close();
        }
    }

    private <T extends AutoCloseable> T later(T c) {
        closeLater.add(c);
        return c;
    }

    private ScriptedHttpsServer server(ScriptedHttpsServer.Script script) throws IOException {
        return later(new ScriptedHttpsServer(serverContext, script));
    }

    private static HttpGet get(ScriptedHttpsServer server, String path) {
        return new HttpGet("https://localhost:" + server.port() + path);
    }

    private static void ok(java.io.OutputStream out, String body) throws IOException {
        write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nX-Trace: t1\r\nX-Trace: t2\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body);
    }

    @Test
    void fetchReadsStatusTypeBodyAndHeadersOverMutualTls() throws Exception {
        ScriptedHttpsServer server = server((head, out, s) -> ok(out, head.startsWith("GET /ping ") ? "pong" : "?"));
        try (SpineHttp http = SpineHttp.builder(tls).build()) {
            SpineHttp.Response r = http.fetch(get(server, "/ping"), 100);

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.contentType()).isEqualTo("text/plain; charset=utf-8");
            assertThat(SpineHttp.mimeType(r.contentType())).isEqualTo("text/plain");
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("pong");
            assertThat(r.firstHeader("x-trace")).contains("t1");
            assertThat(r.firstHeader("Location")).isEmpty();
        }
    }

    @Test
    void twoRequestsShareOneConnectionAndOneHandshake() throws Exception {
        ScriptedHttpsServer server = server((head, out, s) -> ok(out, "pong"));
        try (SpineHttp http = SpineHttp.builder(tls).build()) {
            http.fetch(get(server, "/one"), 100);
            http.fetch(get(server, "/two"), 100);

            assertThat(server.connections()).isEqualTo(1);
            assertThat(server.handshakes()).isEqualTo(1);
        }
    }

    /**
     * With a client certificate HttpClient 5 marks each pooled connection with the TLS principal as
     * its "user token" and, by default, leases it only to a request whose context carries the same
     * token; a fresh context has none, so every request opened a new connection and a new mutual
     * TLS handshake (measured: 272 plain POSTs a second instead of thousands).
     */
    @Test
    void twoRequestsOverMutualTlsShareOneConnectionAndOneHandshake() throws Exception {
        ScriptedHttpsServer server = later(new ScriptedHttpsServer(serverContext, (head, out, s) -> ok(out, "pong"), true));
        try (SpineHttp http = SpineHttp.builder(tls).build()) {
            for (int i = 0; i < 3; i++) {
                assertThat(http.fetch(get(server, "/" + i), 100).status()).isEqualTo(200);
            }

            assertThat(server.connections()).isEqualTo(1);
            assertThat(server.handshakes()).isEqualTo(1);
        }
    }

    @Test
    void aSilentServerMeetsTheRequestDeadline() throws Exception {
        ScriptedHttpsServer server = server((head, out, s) -> s.holdUntilClosed());
        try (SpineHttp http = SpineHttp.builder(tls).responseTimeout(Duration.ofSeconds(60))
                .requestTimeout(Duration.ofMillis(500)).build()) {
            assertThatThrownBy(() -> http.fetch(get(server, "/slow"), 100))
                    .isInstanceOfSatisfying(SpineHttp.DeadlineExceededException.class, e -> {
                        assertThat(e.deadline()).isEqualTo(Duration.ofMillis(500));
                        assertThat(e).hasMessageContaining("request timeout of 500 ms");
                    });
        }
    }

    @Test
    void aServerTricklingTheBodyMeetsTheRequestDeadlineThoughEachReadIsInTime() throws Exception {
        ScriptedHttpsServer server = server((head, out, s) -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n");
            for (int i = 0; i < 100_000; i++) {
                out.write('x');
                out.flush();
                Thread.sleep(50);
            }
        });
        try (SpineHttp http = SpineHttp.builder(tls).responseTimeout(Duration.ofSeconds(60))
                .requestTimeout(Duration.ofMillis(700)).build()) {
            assertThatThrownBy(() -> http.fetch(get(server, "/trickle"), 200_000))
                    .isInstanceOf(SpineHttp.DeadlineExceededException.class);
        }
    }

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedNamingTheLimit() throws Exception {
        ScriptedHttpsServer server = server((head, out, s) -> ok(out, "x".repeat(2000)));
        try (SpineHttp http = SpineHttp.builder(tls).build()) {
            assertThatThrownBy(() -> http.fetch(get(server, "/big"), 1000))
                    .isInstanceOfSatisfying(SpineHttp.BodyTooLargeException.class, e -> {
                        assertThat(e.limit()).isEqualTo(1000);
                        assertThat(e.declaredLength()).isEqualTo(2000);
                        assertThat(e).hasMessage("the body is larger than the limit of 1000 bytes (Content-Length 2000)");
                    });
        }
    }

    @Test
    void anEndlessBodyIsCutAtTheLimitAndTheConnectionDroppedNotDrained() throws Exception {
        ScriptedHttpsServer server = server((head, out, s) -> {
            if (head.startsWith("GET /ok ")) {
                ok(out, "fine");
                return;
            }
            write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
            String chunk = "x".repeat(1024);
            while (true) {
                write(out, "400\r\n" + chunk + "\r\n");
            }
        });
        // Draining the endless body on close would run into the deadline instead of failing at once.
        try (SpineHttp http = SpineHttp.builder(tls).requestTimeout(Duration.ofSeconds(20)).build()) {
            assertThatThrownBy(() -> http.fetch(get(server, "/endless"), 5000))
                    .isInstanceOfSatisfying(SpineHttp.BodyTooLargeException.class, e -> {
                        assertThat(e.limit()).isEqualTo(5000);
                        assertThat(e.declaredLength()).isEqualTo(-1);
                        assertThat(e).hasMessage("the body is larger than the limit of 5000 bytes");
                    });

            assertThat(http.fetch(get(server, "/ok"), 100).status()).as("the pool works on").isEqualTo(200);
            assertThat(server.connections()).as("the cut connection was not reused").isEqualTo(2);
        }
    }

    @Test
    void executeOpenStreamsABodyLongerThanTheRequestTimeoutAllows() throws Exception {
        ScriptedHttpsServer server = server((head, out, s) -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n");
            for (int i = 0; i < 10; i++) {
                out.write('0' + i);
                out.flush();
                Thread.sleep(100);
            }
        });
        try (SpineHttp http = SpineHttp.builder(tls).requestTimeout(Duration.ofMillis(300)).build();
                ClassicHttpResponse r = http.executeOpen(get(server, "/stream"));
                InputStream in = r.getEntity().getContent()) {
            assertThat(r.getCode()).isEqualTo(200);
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("0123456789");
        }
    }

    /** Accepts TCP connections and never says anything: TLS never starts. */
    private ServerSocket blackHole() throws IOException {
        ServerSocket hole = later(new ServerSocket(0, 10, InetAddress.getLoopbackAddress()));
        List<Socket> held = new ArrayList<>();
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    held.add(later(hole.accept()));
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        t.setDaemon(true);
        t.start();
        return hole;
    }

    @Test
    void aServerThatNeverSpeaksTlsMeetsTheHandshakeTimeout() throws Exception {
        ServerSocket hole = blackHole();
        try (SpineHttp http = SpineHttp.builder(tls).handshakeTimeout(Duration.ofMillis(300))
                .responseTimeout(Duration.ofSeconds(60)).requestTimeout(Duration.ofSeconds(60)).build()) {
            assertThatThrownBy(() -> http.fetch(new HttpGet("https://localhost:" + hole.getLocalPort() + "/"), 100))
                    .isInstanceOfSatisfying(SpineHttp.HandshakeTimeoutException.class, e -> {
                        assertThat(e.timeout()).isEqualTo(Duration.ofMillis(300));
                        assertThat(e).hasMessage("the TLS handshake with localhost:" + hole.getLocalPort()
                                + " did not finish within 300 ms");
                        assertThat(SpineHttp.isConnectionFailure(e)).as("never sent").isTrue();
                    });
        }
    }

    /** Why SpineHttp maps it: plain HttpClient 5.5.1 reports a handshake timeout as a connect timeout. */
    @Test
    void plainHttpClientReportsAHandshakeTimeoutAsAConnectTimeoutSayingReadTimedOut() throws Exception {
        ServerSocket hole = blackHole();
        try (CloseableHttpClient plain = HttpClients.custom().setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create().setTlsSocketStrategy(tls.httpClientTlsStrategy())
                        .setDefaultTlsConfig(TlsConfig.custom().setHandshakeTimeout(Timeout.ofMilliseconds(300)).build())
                        .build()).build()) {
            assertThatThrownBy(() -> plain.execute(new HttpGet("https://localhost:" + hole.getLocalPort() + "/"),
                    r -> r.getCode()))
                    .isExactlyInstanceOf(ConnectTimeoutException.class)
                    .hasMessageContaining("Read timed out")
                    .hasNoCause();
        }
    }

    @Test
    void aRefusedConnectionIsAConnectionFailure() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (SpineHttp http = SpineHttp.builder(tls).build()) {
            assertThatThrownBy(() -> http.fetch(new HttpGet("https://127.0.0.1:" + port + "/"), 100))
                    .isInstanceOfSatisfying(ConnectException.class, e ->
                            assertThat(SpineHttp.isConnectionFailure(e)).isTrue());
        }
    }

    @Test
    void anotherContextAndVerifierAreUsedAndTheVerifierIsEnforced() throws Exception {
        ScriptedHttpsServer server = server((head, out, s) -> ok(out, "pong"));
        SSLContext trustOnly = TestPki.sslContext(null, pki.trustStore());
        try (SpineHttp http = SpineHttp.builder(trustOnly, (host, session) -> "localhost".equals(host)).build()) {
            assertThat(http.fetch(get(server, "/"), 100).status()).isEqualTo(200);
        }
        try (SpineHttp http = SpineHttp.builder(trustOnly, (host, session) -> true)
                .hostnameVerifier((host, session) -> false).build()) {
            assertThatThrownBy(() -> http.fetch(get(server, "/"), 100)).isInstanceOf(SSLException.class);
        }
    }

    @Test
    void settingsOutsideTheirRangeAreRefusedNamingTheValue() throws Exception {
        SpineHttp.Builder b = SpineHttp.builder(tls);
        assertThatThrownBy(() -> b.connectTimeout(Duration.ZERO)).isInstanceOf(TlsConfigurationException.class)
                .hasMessage("connectTimeout: timeout must be positive, was PT0S");
        assertThatThrownBy(() -> b.requestTimeout(Duration.ofSeconds(-1))).isInstanceOf(TlsConfigurationException.class)
                .hasMessage("requestTimeout: timeout must be positive, was PT-1S");
        assertThatThrownBy(() -> b.handshakeTimeout(null)).isInstanceOf(TlsConfigurationException.class)
                .hasMessageContaining("handshakeTimeout");
        assertThatThrownBy(() -> b.responseTimeout(Duration.ofMillis(-5))).isInstanceOf(TlsConfigurationException.class)
                .hasMessageContaining("responseTimeout").hasMessageContaining("PT-0.005S");
        assertThatThrownBy(() -> b.maxConnections(0)).isInstanceOf(TlsConfigurationException.class)
                .hasMessage("maxConnections: expected at least 1, was 0");
        assertThatThrownBy(() -> b.userAgent("a\r\nX-Injected: 1")).isInstanceOf(TlsConfigurationException.class)
                .hasMessageContaining("\"a\\r\\nX-Injected: 1\"");
        assertThatThrownBy(() -> SpineHttp.builder(SSLContext.getInstance("TLS"), (h, s) -> true))
                .isInstanceOf(TlsConfigurationException.class).hasMessageContaining("not initialised");
    }

    @Test
    void aClosedClientRefusesRequestsAndStopsItsDeadlineThread() throws Exception {
        ScriptedHttpsServer server = server((head, out, s) -> ok(out, "pong"));
        SpineHttp http = SpineHttp.builder(tls).userAgent("spinehttp-close-test").build();
        http.fetch(get(server, "/"), 100);
        assertThat(deadlineThreads("spinehttp-close-test-deadline")).isEqualTo(1);

        http.close();
        http.close();

        assertThatThrownBy(() -> http.fetch(get(server, "/"), 100)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        for (int i = 0; i < 100 && deadlineThreads("spinehttp-close-test-deadline") > 0; i++) {
            Thread.sleep(20);
        }
        assertThat(deadlineThreads("spinehttp-close-test-deadline")).isZero();
    }

    private static long deadlineThreads(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name) && t.isAlive()).count();
    }

    @Test
    void helpersDescribeQuoteAndRedact() {
        assertThat(SpineHttp.authority(URI.create("https://host.example:8443/x?ticket=s"))).isEqualTo("host.example:8443");
        assertThat(SpineHttp.authority(URI.create("https://host.example/x"))).isEqualTo("host.example:443");
        assertThat(SpineHttp.authority(URI.create("http://host.example/x"))).isEqualTo("host.example:80");
        assertThat(SpineHttp.mimeType("application/json; charset=utf-8")).isEqualTo("application/json");
        assertThat(SpineHttp.mimeType(null)).isEmpty();
        assertThat(SpineHttp.mimeType(";;;")).isEmpty();
        assertThat(SpineHttp.describe(new IOException("line one\n  line \"two\""))).isEqualTo(
                "IOException: \"line one line \\\"two\\\"\"");
        assertThat(SpineHttp.describe(new IOException())).isEqualTo("IOException");
        assertThat(SpineHttp.describe(new IOException("token SECRET here"), m -> m.replace("SECRET", "***")))
                .isEqualTo("IOException: \"token *** here\"");
        assertThat(SpineHttp.describe(new IOException("y".repeat(400)))).contains("(cut: 100 more of 400 characters)");
    }
}
