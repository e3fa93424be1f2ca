package io.spinekit.ldap;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * The socket factory of one SDS server: a TCP connect within the connect timeout, then (for
 * LDAPS) TLS layered over an {@link AnswerDeadlineSocket}, so every handshake flight and every LDAP
 * answer must arrive in full within the response timeout of what we last sent. The handshake itself
 * is run by UnboundID right after (its {@code ConnectThread} calls {@code startHandshake()}); with
 * these deadlines it ends, one way or the other, within two response timeouts (TLS 1.2 has two
 * server flights, TLS 1.3 one).
 *
 * <p>It does not make unconnected sockets ({@link #createSocket()} throws, as
 * {@link SocketFactory}'s does), so UnboundID calls {@link #createSocket(InetAddress, int)} and the
 * connect runs here, where its timeout and the layering are under our control (UnboundID falls back
 * to that method when {@code createSocket()} throws: {@code ConnectThread.run}).
 */
final class DeadlineSocketFactory extends SocketFactory {
    private final LdapServer server;
    private final SSLSocketFactory tls;
    private final Duration connectTimeout;
    private final Duration responseTimeout;

    /**
     * @param server the server the sockets connect to (its host name is checked against the certificate)
     * @param tls the TLS socket factory for an LDAPS server, {@code null} for plain LDAP
     * @param connectTimeout the TCP connect timeout
     * @param responseTimeout how long each answer may take in all
     */
    DeadlineSocketFactory(LdapServer server, SSLSocketFactory tls, Duration connectTimeout, Duration responseTimeout) {
        this.server = server;
        this.tls = tls;
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        AnswerDeadlineSocket plain = new AnswerDeadlineSocket(server.url(), responseTimeout);
        try {
            plain.connect(new InetSocketAddress(address, port), (int) Math.min(Integer.MAX_VALUE,
                    connectTimeout.toMillis()));
            return tls == null ? plain : tls.createSocket(plain, server.host(), port, true);
        } catch (SocketTimeoutException e) {
            plain.close();
            SocketTimeoutException t = new SocketTimeoutException("TCP connection to " + server.url()
                    + " not made within the connect timeout of " + connectTimeout.toMillis() + " ms");
            t.initCause(e);
            throw t;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return createSocket(InetAddress.getByName(host), port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        throw new SocketException("Binding the local side of an SDS connection is not supported");
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        throw new SocketException("Binding the local side of an SDS connection is not supported");
    }
}
