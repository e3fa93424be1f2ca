package io.spinekit.ldap.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.TestHttpsServer;
import io.spinekit.testpki.TestPki;
import io.spinekit.tls.SpineTlsContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link FhirHttp} against a real HTTPS server on loopback (client certificate required) that records
 * the client port of every request: look-ups share one pooled connection, and a 429 whose
 * {@code Retry-After} is an HTTP-date is retried after the parsed wait.
 */
class FhirHttpConnectionTest {
    private final AtomicInteger limited = new AtomicInteger();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private TestHttpsServer server;
    private SpineTlsContext tls;

    @BeforeEach
    void start() {
        TestPki pki = TestPki.create();
        IssuedCertificate client = pki.certificate("fhir-client.example.nhs.uk").clientAuth().issue();
        tls = SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate()))
                .clientIdentity(client.privateKey(), client.chain()).build();
        server = TestHttpsServer.localhost(pki, exchange -> {
            if (exchange.getRequestURI().getPath().endsWith("/limited") && limited.getAndIncrement() == 0) {
                exchange.getResponseHeaders().set("Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT");
                exchange.sendResponseHeaders(429, -1);
                exchange.close();
                return;
            }
            byte[] body = "{\"resourceType\":\"Bundle\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", FhirHttp.FHIR_JSON);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private FhirHttp http() {
        SdsFhir settings = SdsFhir.builder().baseUrl(server.uri("/FHIR/R4").toString())
                .trust(tls).build();
        return new FhirHttp(settings, waits::add);
    }

    private URI url(String path) {
        return server.uri("/FHIR/R4" + path);
    }

    @Test
    void lookUpsOverMutualTlsShareOneConnection() {
        try (FhirHttp http = http()) {
            for (int i = 0; i < 3; i++) {
                assertThat(http.get(url("/Device"), "device look-up").body().path("resourceType").asText())
                        .isEqualTo("Bundle");
            }
        }
        assertThat(server.clientPorts()).as("client ports of the requests").hasSize(1);
        assertThat(server.connections()).as("TLS connections").isEqualTo(1);
    }

    @Test
    void a429WithAPastHttpDateIsRetriedAtOnce() {
        try (FhirHttp http = http()) {
            assertThat(http.get(url("/limited"), "endpoint look-up").body().path("resourceType").asText())
                    .isEqualTo("Bundle");
        }
        assertThat(limited.get()).isEqualTo(2);
        assertThat(waits).containsExactly(Duration.ZERO);
    }
}
