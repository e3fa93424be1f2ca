package io.spinekit.tls;

import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import com.unboundid.util.ssl.SSLSocketVerifier;

/**
 * UnboundID socket verifier: checks the server certificate against the host with {@link SpineHostnameVerifier}.
 *
 * <p>UnboundID is an optional dependency of spine-tls: only this class and {@link #options()} name
 * its types, and {@link SpineTlsContext} reaches them through methods declared with UnboundID's own
 * types, so a context loads and works without UnboundID on the class path.
 */
final class LdapHostnameVerifier extends SSLSocketVerifier {
    private static final LdapHostnameVerifier INSTANCE = new LdapHostnameVerifier();

    /** The verifier, typed as UnboundID's so callers need not load this class to check assignability. */
    static SSLSocketVerifier verifier() {
        return INSTANCE;
    }

    /** Connection options with the verifier set. */
    static LDAPConnectionOptions options() {
        LDAPConnectionOptions o = new LDAPConnectionOptions();
        o.setSSLSocketVerifier(INSTANCE);
        return o;
    }

    private LdapHostnameVerifier() {
    }

    @Override
    public void verifySSLSocket(String host, int port, SSLSocket sslSocket) throws LDAPException {
        SSLSession session = sslSocket.getSession();
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
}
