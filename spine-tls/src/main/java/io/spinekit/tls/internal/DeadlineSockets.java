package io.spinekit.tls.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * Socket factories for LDAP connections (UnboundID) with deadlines: the TCP connect within the
 * connect timeout, then (for LDAPS) TLS layered over an {@link AnswerDeadlineSocket}, so every TLS
 * handshake flight and every LDAP answer must arrive in full within the answer timeout of what we
 * last sent, however the server cuts it up. UnboundID runs the handshake right after the connect (its
 * {@code ConnectThread} calls {@code startHandshake()}); with these deadlines it ends, one way or the
 * other, within two answer timeouts (TLS 1.2 has two server flights, TLS 1.3 one).
 *
 * <p>The factories do not make unconnected sockets ({@link SocketFactory#createSocket()} throws, as
 * {@link SocketFactory}'s does), so UnboundID calls {@link SocketFactory#createSocket(InetAddress, int)}
 * and the connect runs here, where its timeout and the layering are under our control (UnboundID falls
 * back to that method when {@code createSocket()} throws: {@code ConnectThread.run}).
 *
 * <p>Not API: see the package description.
 */
public final class DeadlineSockets {
    private DeadlineSockets() {
    }

    /**
     * Plain TCP sockets (an {@code ldap://} test directory) with the deadlines.
     *
     * @param where the server, for messages ({@code ldap://host:port}); null to say {@code ldap://host:port}
     *     from each connection's address
     * @param connectTimeout the TCP connect timeout, positive
     * @param answerTimeout how long each answer may take in all, positive
     * @return a factory
     */
    public static SocketFactory plain(String where, Duration connectTimeout, Duration answerTimeout) {
        return new Plain(new Connector(null, where, "ldap", connectTimeout, answerTimeout));
    }

    /**
     * TLS sockets layered by {@code tls} over TCP sockets with the deadlines.
     *
     * @param tls makes the TLS socket over the connected TCP socket ({@code createSocket(socket, host, port, true)})
     *     and applies the protocols, suites and endpoint identification
     * @param host the host name for TLS (SNI, endpoint identification); null to take each connection's (the
     *     name UnboundID resolved, or the address as given, never a reverse look-up)
     * @param where the server, for messages ({@code ldaps://host:port}); null to say {@code ldaps://host:port}
     * @param connectTimeout the TCP connect timeout, positive
     * @param answerTimeout how long each answer (each handshake flight too) may take in all, positive
     * @return a factory
     */
    public static SSLSocketFactory tls(SSLSocketFactory tls, String host, String where, Duration connectTimeout,
            Duration answerTimeout) {
        return new Tls(Objects.requireNonNull(tls, "tls"), new Connector(host, where, "ldaps", connectTimeout,
                answerTimeout));
    }

    /** The connect, with its timeout and message, shared by both factories. */
    private record Connector(String host, String where, String scheme, Duration connectTimeout,
            Duration answerTimeout) {
        Connector {
            positive(connectTimeout, "connectTimeout");
            positive(answerTimeout, "answerTimeout");
        }

        private static void positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
        }

        String hostFor(InetAddress address, int port) {
            // getHostString: the name the address was resolved from, else the literal; no reverse look-up
            return host != null ? host : new InetSocketAddress(address, port).getHostString();
        }

        String whereFor(InetAddress address, int port) {
            if (where != null) {
                return where;
            }
            String h = hostFor(address, port);
            return scheme + "://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + port;
        }

        /** A TCP socket connected within the connect timeout, its answers bounded by the answer timeout. */
        AnswerDeadlineSocket connect(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            String w = whereFor(address, port);
            AnswerDeadlineSocket plain = new AnswerDeadlineSocket(w, answerTimeout);
            try {
                if (localAddress != null || localPort != 0) {
                    plain.bind(new InetSocketAddress(localAddress, localPort));
                }
                plain.connect(new InetSocketAddress(address, port), (int) Math.min(Integer.MAX_VALUE,
                        connectTimeout.toMillis()));
                return plain;
            } catch (SocketTimeoutException e) {
                plain.close();
                SocketTimeoutException t = new SocketTimeoutException("TCP connection to " + w
                        + " not made within the connect timeout of " + connectTimeout.toMillis() + " ms");
                t.initCause(e);
                throw t;
            } catch (IOException | RuntimeException e) {
                plain.close();
                throw e;
            }
        }
    }

    private static final class Plain extends SocketFactory {
        private final Connector connector;

        Plain(Connector connector) {
            this.connector = connector;
        }

        @Override
        public Socket createSocket(InetAddress address, int port) throws IOException {
            return connector.connect(address, port, null, 0);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return createSocket(InetAddress.getByName(host), port);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return connector.connect(InetAddress.getByName(host), port, localHost, localPort);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return connector.connect(address, port, localAddress, localPort);
        }
    }

    private static final class Tls extends SSLSocketFactory {
        private final SSLSocketFactory tls;
        private final Connector connector;

        Tls(SSLSocketFactory tls, Connector connector) {
            this.tls = tls;
            this.connector = connector;
        }

        private Socket layered(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            AnswerDeadlineSocket plain = connector.connect(address, port, localAddress, localPort);
            try {
                return tls.createSocket(plain, connector.hostFor(address, port), port, true);
            } catch (IOException | RuntimeException e) {
                plain.close();
                throw e;
            }
        }

        @Override
        public Socket createSocket() throws IOException {
            // as SocketFactory's: no unconnected sockets, so that UnboundID calls createSocket(InetAddress, int)
            throw new java.net.SocketException("Unconnected sockets not implemented");
        }

        @Override
        public Socket createSocket(InetAddress address, int port) throws IOException {
            return layered(address, port, null, 0);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return createSocket(InetAddress.getByName(host), port);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return layered(InetAddress.getByName(host), port, localHost, localPort);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return layered(address, port, localAddress, localPort);
        }

        /** Layers TLS over a socket the caller connected (StartTLS): no deadline of ours below it. */
        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            return tls.createSocket(s, host, port, autoClose);
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return tls.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return tls.getSupportedCipherSuites();
        }
    }
}
