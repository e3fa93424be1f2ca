package io.spinekit.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsExchange;
import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.TestHttpsServer;
import io.spinekit.testpki.TestPki;
import io.spinekit.tls.SpineTlsContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Set<String> clientNames = ConcurrentHashMap.newKeySet();
    private TestHttpsServer server;
    private SpineTlsContext tls;

    @BeforeEach
    void start() {
        TestPki pki = TestPki.create();
        IssuedCertificate client = pki.certificate("mesh-client.example.nhs.uk").clientAuth().issue();
        tls = SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate()))
                .clientIdentity(client.privateKey(), client.chain()).build();
        server = TestHttpsServer.localhost(pki, exchange -> {
            var peer = ((HttpsExchange) exchange).getSSLSession().getPeerCertificates();
            clientNames.add(((X509Certificate) peer[0]).getSubjectX500Principal().getName());
            boolean big = exchange.getRequestURI().getPath().equals("/big");
            byte[] body = (big ? "x".repeat(1000) : "{}").getBytes(StandardCharsets.UTF_8);
            boolean chunked = exchange.getRequestURI().getQuery() != null;
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, chunked ? 0 : body.length);
            try {
                exchange.getResponseBody().write(body);
            } catch (java.io.IOException dropped) {
                // the client may hang up once it has seen enough
            }
            exchange.close();
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aJsonAnswerOverItsLimitIsRefusedDeclaredOrChunkedAndTheConnectionDropped() {
        URI root = server.uri("");
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
        assertThat(server.clientPorts()).as("a dropped connection is not reused").hasSize(3);
    }

    @Test
    void twoMeshRequestsOverMutualTlsShareOneConnectionAndOneHandshake() {
        URI root = server.uri("");
        try (MeshHttp http = new MeshHttp(tls, root, Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(10), RetryPolicy.NONE, "spinekit-mesh-test", d -> { })) {
            for (int i = 0; i < 3; i++) {
                String body = http.execute(() -> new HttpGet(root.resolve("/messageexchange/X26ABC1/inbox")),
                        "inbox list", MeshHttp.Retry.ALL, r -> new String(r.getEntity().getContent().readAllBytes(), StandardCharsets.UTF_8));
                assertThat(body).isEqualTo("{}");
            }
        }

        assertThat(clientNames).singleElement().asString().contains("mesh-client.example.nhs.uk");
        assertThat(server.clientPorts()).as("client ports of the requests").hasSize(1);
        assertThat(server.connections()).as("TLS connections").isEqualTo(1);
    }
}
