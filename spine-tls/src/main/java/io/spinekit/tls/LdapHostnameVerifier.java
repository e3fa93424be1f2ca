package io.spinekit.tls;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import com.unboundid.util.ssl.SSLSocketVerifier;

/** UnboundID socket verifier: checks the server certificate against the host with {@link SpineHostnameVerifier}. */
final class LdapHostnameVerifier extends SSLSocketVerifier {
    static final LdapHostnameVerifier INSTANCE = new LdapHostnameVerifier();

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
