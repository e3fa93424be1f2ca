package io.spinekit.testpki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A real TLS server on the loopback interface for handshake tests: it accepts connections, completes
 * the handshake, greets each client with one line ({@code "hello <client CN>"} or
 * {@code "hello anonymous"}) and then reads until the client closes. It records the client
 * certificates it saw. Obtain one from {@link TestPki#server(IssuedCertificate)}; close it when done.
 */
public final class TestTlsServer implements AutoCloseable {
    private final SSLServerSocket socket;
    private final List<X509Certificate> clientCertificates = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger handshakes = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean closed;

    private TestTlsServer(SSLServerSocket socket) {
        this.socket = socket;
        this.acceptor = new Thread(this::acceptLoop, "test-tls-server-" + socket.getLocalPort());
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    /**
     * The port the server listens on (on 127.0.0.1).
     *
     * @return the port
     */
    public int port() {
        return socket.getLocalPort();
    }

    /**
     * Number of handshakes that completed on the server side.
     *
     * @return the count
     */
    public int handshakes() {
        return handshakes.get();
    }

    /**
     * The leaf client certificates presented in completed handshakes, in order.
     *
     * @return a snapshot
     */
    public List<X509Certificate> clientCertificates() {
        return List.copyOf(clientCertificates);
    }

    /**
     * Server-side handshake failures, in order (for example a rejected client certificate).
     *
     * @return a snapshot
     */
    public List<Throwable> failures() {
        return List.copyOf(failures);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = socket.accept();
                Thread t = new Thread(() -> serve((SSLSocket) s), "test-tls-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    failures.add(e);
                }
            }
        }
    }

    private void serve(SSLSocket s) {
        try (s) {
            s.setSoTimeout(30_000);
            s.setTcpNoDelay(true);
            s.startHandshake();
            handshakes.incrementAndGet();
            String who = "anonymous";
            try {
                Certificate[] peer = s.getSession().getPeerCertificates();
                X509Certificate leaf = (X509Certificate) peer[0];
                clientCertificates.add(leaf);
                who = leaf.getSubjectX500Principal().getName();
            } catch (SSLPeerUnverifiedException e) {
                // no client certificate (allowed when not required)
            }
            s.getOutputStream().write(("hello " + who + "\n").getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            byte[] buf = new byte[1024];
            while (s.getInputStream().read(buf) >= 0) {
                // discard until the client closes
            }
        } catch (IOException e) {
            if (!closed) {
                failures.add(e);
            }
        }
    }

    /** Stops accepting and closes the listening socket. */
    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** Describes a {@link TestTlsServer}. Defaults: TLS 1.3/1.2 (JDK defaults), full chain, client certificate optional. */
    public static final class Builder {
        private final IssuedCertificate identity;
        private KeyStore trust;
        private boolean requireClientCertificate;
        private boolean wantClientCertificate = true;
        private boolean leafOnly;
        private String[] protocols;

        Builder(IssuedCertificate identity, KeyStore trust) {
            this.identity = Objects.requireNonNull(identity, "identity");
            this.trust = trust;
        }

        /**
         * Requires a client certificate trusted by the server's trust store; the handshake fails without one.
         *
         * @return this
         */
        public Builder requireClientCertificate() {
            this.requireClientCertificate = true;
            return this;
        }

        /**
         * Does not ask for a client certificate at all.
         *
         * @return this
         */
        public Builder noClientCertificate() {
            this.wantClientCertificate = false;
            this.requireClientCertificate = false;
            return this;
        }

        /**
         * Trusts the given store for client certificates instead of this PKI's root.
         *
         * @param trustStore the store
         * @return this
         */
        public Builder trust(KeyStore trustStore) {
            this.trust = Objects.requireNonNull(trustStore, "trustStore");
            return this;
        }

        /**
         * Sends only the leaf certificate, without the intermediate (a common server misconfiguration).
         *
         * @return this
         */
        public Builder leafOnly() {
            this.leafOnly = true;
            return this;
        }

        /**
         * Restricts the server to these protocols, such as {@code "TLSv1", "TLSv1.1"}.
         *
         * @param protocols JSSE protocol names
         * @return this
         */
        public Builder protocols(String... protocols) {
            this.protocols = protocols.clone();
            return this;
        }

        /**
         * Binds to 127.0.0.1 on a free port and starts accepting.
         *
         * @return the running server
         */
        public TestTlsServer start() {
            IssuedCertificate presented = leafOnly ? new IssuedCertificate(identity.certificate(), identity.keyPair(), List.of()) : identity;
            SSLContext ctx = TestPki.sslContext(presented, trust);
            try {
                SSLServerSocket ss = (SSLServerSocket) ctx.getServerSocketFactory()
                        .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
                if (protocols != null) {
                    ss.setEnabledProtocols(protocols);
                }
                if (requireClientCertificate) {
                    ss.setNeedClientAuth(true);
                } else {
                    ss.setWantClientAuth(wantClientCertificate);
                }
                return new TestTlsServer(ss);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
