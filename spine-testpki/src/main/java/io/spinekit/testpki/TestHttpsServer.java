package io.spinekit.testpki;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A real HTTPS server (the JDK's) on the loopback interface that requires a client certificate and
 * counts what a connection pool should save: the TLS connections it accepted and the client port
 * of every request, so a test can assert that a client reuses one connection (and one mutual TLS
 * handshake) for several requests. Close it when done.
 *
 * <pre>{@code
 * try (TestHttpsServer server = TestHttpsServer.start(pki.sslContext(serverCert), exchange -> ...)) {
 *     client.get(server.uri("/a")); client.get(server.uri("/b"));
 *     assertThat(server.clientPorts()).hasSize(1);
 * }
 * }</pre>
 */
public final class TestHttpsServer implements AutoCloseable {
    private final HttpsServer server;
    private final ExecutorService executor;
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();

    private TestHttpsServer(SSLContext serverContext, HttpHandler handler) throws IOException {
        this.server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext) {
            @Override
            public void configure(HttpsParameters params) {
                // the JDK server calls this once for each new TLS connection
                connections.incrementAndGet();
                SSLParameters ssl = serverContext.getDefaultSSLParameters();
                ssl.setNeedClientAuth(true);
                params.setSSLParameters(ssl);
            }
        });
        server.createContext("/", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            handler.handle(exchange);
        });
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "test-https-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Starts a server.
     *
     * @param serverContext presents the server certificate and trusts the client certificates
     *     (such as {@link TestPki#sslContext(IssuedCertificate)})
     * @param handler answers every request (the exchange is an {@code HttpsExchange})
     * @return the running server
     */
    public static TestHttpsServer start(SSLContext serverContext, HttpHandler handler) {
        Objects.requireNonNull(serverContext, "serverContext");
        Objects.requireNonNull(handler, "handler");
        try {
            return new TestHttpsServer(serverContext, handler);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test HTTPS server", e);
        }
    }

    /**
     * Starts a server presenting a new certificate of the PKI for {@code localhost} (CN and DNS
     * subjectAltName) and trusting client certificates the PKI issued.
     *
     * @param pki the PKI
     * @param handler answers every request
     * @return the running server
     */
    public static TestHttpsServer localhost(TestPki pki, HttpHandler handler) {
        IssuedCertificate cert = pki.certificate("localhost").subjectAltNames("localhost").serverAuth().issue();
        return start(pki.sslContext(cert), handler);
    }

    /**
     * The port the server listens on.
     *
     * @return the port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * A URL on this server, with the host name {@code localhost}.
     *
     * @param path such as {@code /inbox}
     * @return {@code https://localhost:<port><path>}
     */
    public URI uri(String path) {
        return URI.create("https://localhost:" + port() + path);
    }

    /**
     * The distinct client ports requests came from: one per connection that carried a request.
     *
     * @return a snapshot
     */
    public Set<Integer> clientPorts() {
        return Set.copyOf(clientPorts);
    }

    /**
     * The TLS connections accepted.
     *
     * @return the count
     */
    public int connections() {
        return connections.get();
    }

    /** Stops the server at once. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
