package io.spinekit.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.TestPki;
import io.spinekit.tls.SpineTlsContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link MeshHttp} against a real HTTPS server on loopback that requires a client certificate and
 * records the client port of every request and every TLS handshake: MESH requests share one pooled
 * connection and one mutual TLS handshake.
 */
class MeshHttpConnectionTest {
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final Set<String> clientNames = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private HttpsServer server;
    private ExecutorService executor;
    private SpineTlsContext tls;

    @BeforeEach
    void start() throws Exception {
        TestPki pki = TestPki.create();
        IssuedCertificate serverCert = pki.certificate("localhost").subjectAltNames("localhost").serverAuth().issue();
        IssuedCertificate client = pki.certificate("mesh-client.example.nhs.uk").clientAuth().issue();
        SSLContext serverContext = pki.sslContext(serverCert);
        tls = SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate()))
                .clientIdentity(client.privateKey(), client.chain()).build();
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext) {
            @Override
            public void configure(HttpsParameters params) {
                // called once for each new TLS connection
                connections.incrementAndGet();
                var ssl = serverContext.getDefaultSSLParameters();
                ssl.setNeedClientAuth(true);
                params.setSSLParameters(ssl);
            }
        });
        server.createContext("/", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            var peer = ((com.sun.net.httpserver.HttpsExchange) exchange).getSSLSession().getPeerCertificates();
            clientNames.add(((X509Certificate) peer[0]).getSubjectX500Principal().getName());
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/big", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            byte[] body = "x".repeat(1000).getBytes(StandardCharsets.UTF_8);
            boolean chunked = exchange.getRequestURI().getQuery() != null;
            exchange.sendResponseHeaders(200, chunked ? 0 : body.length);
            try {
                exchange.getResponseBody().write(body);
            } catch (java.io.IOException dropped) {
                // the client may hang up once it has seen enough
            }
            exchange.close();
        });
        executor = Executors.newFixedThreadPool(2);
        server.setExecutor(executor);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Test
    void aJsonAnswerOverItsLimitIsRefusedDeclaredOrChunkedAndTheConnectionDropped() {
        URI root = URI.create("https://localhost:" + server.getAddress().getPort());
        try (MeshHttp http = new MeshHttp(tls, root, Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(10), RetryPolicy.NONE, "spinekit-mesh-test", d -> { })) {
            for (String path : new String[] {"/big", "/big?chunked"}) {
                assertThatThrownBy(() -> http.execute(() -> new HttpGet(root.resolve(path)), "inbox list",
                        MeshHttp.Retry.ALL, r -> MeshHttp.smallBody(r, 100, "inbox list")))
                        .as(path).isInstanceOfSatisfying(MeshException.class, e -> {
                            assertThat(e.reason()).isEqualTo(MeshException.Reason.BAD_RESPONSE);
                            assertThat(e).hasMessage("the MESH inbox list answer is larger than 100 bytes: not read");
                        });
            }
            String body = http.execute(() -> new HttpGet(root.resolve("/ok")), "inbox list", MeshHttp.Retry.ALL,
                    r -> new String(MeshHttp.smallBody(r, 100, "inbox list"), StandardCharsets.UTF_8));
            assertThat(body).isEqualTo("{}");
        }
        assertThat(clientPorts).as("a dropped connection is not reused").hasSize(3);
    }

    @Test
    void twoMeshRequestsOverMutualTlsShareOneConnectionAndOneHandshake() {
        URI root = URI.create("https://localhost:" + server.getAddress().getPort());
        try (MeshHttp http = new MeshHttp(tls, root, Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(10), RetryPolicy.NONE, "spinekit-mesh-test", d -> { })) {
            for (int i = 0; i < 3; i++) {
                String body = http.execute(() -> new HttpGet(root.resolve("/messageexchange/X26ABC1/inbox")),
                        "inbox list", MeshHttp.Retry.ALL, r -> new String(r.getEntity().getContent().readAllBytes(), StandardCharsets.UTF_8));
                assertThat(body).isEqualTo("{}");
            }
        }

        assertThat(clientNames).singleElement().asString().contains("mesh-client.example.nhs.uk");
        assertThat(clientPorts).as("client ports of the requests").hasSize(1);
        assertThat(connections.get()).as("TLS connections").isEqualTo(1);
    }
}
