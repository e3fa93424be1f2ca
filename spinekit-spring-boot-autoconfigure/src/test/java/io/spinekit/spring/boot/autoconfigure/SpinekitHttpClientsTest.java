package io.spinekit.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.TestPki;
import io.spinekit.tls.SpineTlsContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.Test;

/** The builders for users' own Spine calls, against a real HTTPS server that requires a client certificate. */
class SpinekitHttpClientsTest {
    /**
     * With a client certificate HttpClient 5 tags each pooled connection with the TLS principal and,
     * by default, never leases it again to a request without that state: every call would pay a new
     * mutual TLS handshake (as spine-tls's SpineHttp did before it disabled connection state).
     */
    @Test
    void requestsOverMutualTlsReuseOneConnection() throws Exception {
        TestPki pki = TestPki.create("HttpClients");
        IssuedCertificate server = pki.certificate("localhost").serverAuth().issue();
        IssuedCertificate client = pki.certificate("client.example.nhs.uk").clientAuth().issue();
        Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        https.setHttpsConfigurator(new HttpsConfigurator(pki.sslContext(server)) {
            @Override
            public void configure(HttpsParameters params) {
                javax.net.ssl.SSLParameters p = getSSLContext().getDefaultSSLParameters();
                p.setNeedClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        https.createContext("/", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            exchange.close();
        });
        https.start();
        SpineTlsContext tls = SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate()))
                .clientIdentity(client.privateKey(), client.chain()).build();
        try (CloseableHttpClient http = new SpinekitHttpClients(tls, List.of()).builder().build()) {
            for (int i = 0; i < 3; i++) {
                String body = http.execute(new HttpGet("https://localhost:" + https.getAddress().getPort() + "/" + i),
                        r -> EntityUtils.toString(r.getEntity()));
                assertThat(body).isEqualTo("ok");
            }
        } finally {
            https.stop(0);
        }

        assertThat(clientPorts).hasSize(1);
    }
}
