package io.spinekit.testkit;

import io.spinekit.testpki.TestPki;
import io.spinekit.testpki.IssuedCertificate;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fake Spine message handling system (MHS) endpoint: a real HTTPS server (WireMock on Jetty) on
 * loopback, presenting a {@link TestPki} server certificate and, by default, requiring a client
 * certificate chained to the same PKI, as Spine does.
 *
 * <p>Every request is answered {@code 202 Accepted} with a small XML acknowledgement naming the
 * path, unless a test adds its own WireMock stubs through {@link #wireMock()}. Received requests
 * can be read back with {@link #received()}.
 *
 * <pre>{@code
 * try (FakeSpineMhs mhs = FakeSpineMhs.start(pki)) {
 *     URI endpoint = mhs.endpoint("/reliablemessaging/reliablerequest");
 *     // ... post with a client certificate issued by pki ...
 * }
 * }</pre>
 */
public final class FakeSpineMhs implements AutoCloseable {
    private final MutualTlsWireMock https;
    private final WireMockServer server;

    private FakeSpineMhs(MutualTlsWireMock https) {
        this.https = https;
        this.server = https.server();
    }

    /**
     * Starts an endpoint for host {@code localhost} that requires a client certificate from {@code pki}.
     *
     * @param pki issues the server certificate and is the only trusted client CA
     * @return a started endpoint
     */
    public static FakeSpineMhs start(TestPki pki) {
        return start(pki, pki.certificate("localhost").serverAuth().issue(), true);
    }

    /**
     * Starts an endpoint with the given server certificate.
     *
     * @param pki the PKI whose root client certificates must chain to
     * @param serverCertificate the certificate the server presents (with its chain)
     * @param requireClientCertificate whether a client certificate is required
     * @return a started endpoint
     */
    public static FakeSpineMhs start(TestPki pki, IssuedCertificate serverCertificate, boolean requireClientCertificate) {
        MutualTlsWireMock https = MutualTlsWireMock.create("fake-spine-mhs", pki, serverCertificate,
                requireClientCertificate);
        try {
            https.server().stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse()
                    .withStatus(202)
                    .withHeader("Content-Type", "text/xml; charset=UTF-8")
                    .withBody("<acknowledgement service=\"fake-spine-mhs\" status=\"accepted\"/>")));
            https.server().start();
            return new FakeSpineMhs(https);
        } catch (RuntimeException e) {
            https.close();
            throw e;
        }
    }

    /**
     * The base URL, {@code https://localhost:<port>}.
     *
     * @return the base URL
     */
    public URI baseUrl() {
        return URI.create("https://localhost:" + server.httpsPort());
    }

    /**
     * An endpoint URL on this server.
     *
     * @param path a path starting with {@code /}
     * @return the full URL
     */
    public URI endpoint(String path) {
        return baseUrl().resolve(path);
    }

    /**
     * The HTTPS port.
     *
     * @return the port
     */
    public int port() {
        return server.httpsPort();
    }

    /**
     * The underlying WireMock server, for tests that need their own stubs or verifications.
     *
     * @return the server
     */
    public WireMockServer wireMock() {
        return server;
    }

    /**
     * The requests received so far, oldest first.
     *
     * @return the received requests
     */
    public List<Received> received() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl())).stream()
                .map(FakeSpineMhs::toReceived)
                .toList();
    }

    /** Stops the server and deletes its temporary key stores. */
    @Override
    public void close() {
        https.close();
    }

    /**
     * One request received by the fake endpoint.
     *
     * @param method the HTTP method
     * @param path the request path and query
     * @param headers the request headers (first value each, names as sent)
     * @param body the body as text
     */
    public record Received(String method, String path, Map<String, String> headers, String body) {
        /**
         * Copies the headers.
         *
         * @param method the HTTP method
         * @param path the request path
         * @param headers the headers
         * @param body the body
         */
        public Received {
            headers = Map.copyOf(headers);
        }
    }

    private static Received toReceived(LoggedRequest r) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        r.getHeaders().all().forEach(h -> headers.put(h.key(), h.firstValue()));
        return new Received(r.getMethod().getName(), r.getUrl(), headers, r.getBodyAsString());
    }
}
