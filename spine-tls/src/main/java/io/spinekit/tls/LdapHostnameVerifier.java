package io.spinekit.tls;

import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import com.unboundid.util.ssl.SSLSocketVerifier;

/**
 * UnboundID socket verifier: checks the server certificate against the host with {@link SpineHostnameVerifier}.
 *
 * <p>It never waits for ever. UnboundID hands the socket over once its connect timeout has passed even
 * when the TLS handshake (run by its connect thread) is still going; {@code getSession()} then waits for
 * that handshake, which on a socket without a read deadline lasts as long as the server stays silent. So
 * the verifier waits at most its handshake wait ({@link SpineTlsContext#DEFAULT_LDAP_TIMEOUT} for the
 * public one), then closes the socket (which ends the handshake) and fails with a
 * {@link SocketTimeoutException} as cause. Sockets of {@link SpineTlsContext#ldapSocketFactory()} end
 * their handshakes by their own deadlines, usually long before.
 *
 * <p>UnboundID is an optional dependency of spine-tls: only this class and {@link #options()} name
 * its types, and {@link SpineTlsContext} reaches them through methods declared with UnboundID's own
 * types, so a context loads and works without UnboundID on the class path.
 */
final class LdapHostnameVerifier extends SSLSocketVerifier {
    private static final LdapHostnameVerifier INSTANCE = new LdapHostnameVerifier(SpineTlsContext.DEFAULT_LDAP_TIMEOUT);

    private final Duration handshakeWait;

    /** The verifier, typed as UnboundID's so callers need not load this class to check assignability. */
    static SSLSocketVerifier verifier() {
        return INSTANCE;
    }

    /** A verifier that waits at most the given time for a handshake still running. */
    static SSLSocketVerifier verifier(Duration handshakeWait) {
        return new LdapHostnameVerifier(handshakeWait);
    }

    /** Connection options with the verifier set. */
    static LDAPConnectionOptions options() {
        LDAPConnectionOptions o = new LDAPConnectionOptions();
        o.setSSLSocketVerifier(INSTANCE);
        return o;
    }

    private LdapHostnameVerifier(Duration handshakeWait) {
        this.handshakeWait = handshakeWait;
    }

    @Override
    public void verifySSLSocket(String host, int port, SSLSocket sslSocket) throws LDAPException {
        SSLSession session = sessionWithin(host, port, sslSocket);
        Certificate[] peer;
        try {
            peer = session.getPeerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            throw new LDAPException(ResultCode.CONNECT_ERROR, "TLS handshake with " + host + ":" + port
                    + " did not complete, so the server certificate could not be checked: " + e.getMessage(), e);
        }
        if (peer.length == 0 || !(peer[0] instanceof X509Certificate leaf)) {
            throw new LDAPException(ResultCode.CONNECT_ERROR, host + ":" + port + " presented no X.509 certificate");
        }
        Optional<String> why = SpineHostnameVerifier.INSTANCE.mismatch(host, leaf);
        if (why.isPresent()) {
            throw new LDAPException(ResultCode.CONNECT_ERROR, "LDAPS server " + host + ":" + port
                    + " presented a certificate for another host: " + why.get());
        }
    }

    /**
     * The socket's session, waiting at most {@link #handshakeWait} for its handshake: when that passes,
     * the socket is closed (on another thread; a close ends a handshake blocked in a read) and this fails.
     * The timer is JDK's {@code CompletableFuture} delayer, cancelled as soon as the session is there.
     */
    private SSLSession sessionWithin(String host, int port, SSLSocket sslSocket) throws LDAPException {
        CompletableFuture<Void> watch = new CompletableFuture<>();
        watch.orTimeout(handshakeWait.toMillis(), TimeUnit.MILLISECONDS).whenCompleteAsync((v, t) -> {
            if (t instanceof TimeoutException) {
                try {
                    sslSocket.close();
                } catch (IOException e) {
                    // giving up on the connection: nothing more to do
                }
            }
        });
        SSLSession session = sslSocket.getSession();
        if (!watch.complete(null)) {
            SocketTimeoutException cause = new SocketTimeoutException("TLS handshake with " + host + ":" + port
                    + " did not complete within " + handshakeWait.toMillis() + " ms");
            throw new LDAPException(ResultCode.CONNECT_ERROR, cause.getMessage() + ", so the server certificate could"
                    + " not be checked: the server accepted the connection but did not finish the handshake (stalled,"
                    + " or answering too slowly); the connection is closed", cause);
        }
        return session;
    }
}
