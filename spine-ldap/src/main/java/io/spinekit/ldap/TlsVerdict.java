package io.spinekit.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import io.spinekit.tls.TlsFailure;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * What a failed LDAPS connection or operation says about TLS, read the same way by {@link SdsClient}
 * (through {@link SdsDirectory}) and {@link SdsCheck} ({@code spine doctor}): the TLS failure kind, the
 * error it was read from, and whether it was inferred from a connection broken at the first LDAP message.
 *
 * @param kind the TLS failure
 * @param tlsError the error the kind was read from (the LDAP exception itself, or a TLS error seen in the log)
 * @param brokeBeforeBind whether the server broke the connection straight after the handshake, at the
 *     anonymous bind (the TLS 1.3 shape of a refused client certificate whose alert was lost)
 */
record TlsVerdict(TlsFailure kind, Throwable tlsError, boolean brokeBeforeBind) {

    /**
     * Reads a failure.
     *
     * @param e what UnboundID threw
     * @param seen a TLS error logged for the connection (UnboundID's connection logger), or null
     * @param secure whether the server was reached over LDAPS
     * @param clientCertificate whether we presented a client certificate
     * @param atBind whether the failure came from the anonymous bind, the first LDAP message on a new connection
     * @return the verdict, or empty when the failure is not (known to be) a TLS one, or is a connection
     *     failure or a timeout, which the caller words itself
     */
    static Optional<TlsVerdict> of(LDAPException e, Throwable seen, boolean secure, boolean clientCertificate,
            boolean atBind) {
        ResultCode rc = e.getResultCode();
        // A TLS failure: one the handshake reported (an SSLException in the chain, or one logged when the
        // connection closed), or a connect to an LDAPS server that broke off during the handshake (a server
        // refusing our certificate often closes while we are still sending it: "Broken pipe", no alert).
        boolean sslException = cause(e, SSLException.class) != null;
        Throwable tlsError = seen != null ? seen : sslException
                || (rc == ResultCode.CONNECT_ERROR && secure) ? e : null;
        TlsFailure kind = tlsError == null ? null : TlsFailure.classify(tlsError, clientCertificate);
        // With TLS 1.3 the client's side of the handshake is over before the server checks our certificate;
        // a server refusing it (or the lack of one) closes, and the alert may be lost with the connection: then
        // the first LDAP message on the new connection, the anonymous bind, breaks ("Broken pipe",
        // "Connection reset", or the connection closed while waiting for the answer). TlsFailure.classify(e, true)
        // reads a connection broken so as our certificate being refused; that holds here too, since nothing but
        // the handshake came before the bind.
        boolean brokeBeforeBind = false;
        if (tlsError == null && secure && atBind
                && (rc == ResultCode.SERVER_DOWN || TlsFailure.classify(e, true) == TlsFailure.CLIENT_CERTIFICATE_REJECTED)) {
            tlsError = e;
            kind = TlsFailure.CLIENT_CERTIFICATE_REJECTED;
            brokeBeforeBind = true;
        }
        if (kind != null && kind != TlsFailure.CONNECTION_FAILED && kind != TlsFailure.TIMEOUT
                && (kind != TlsFailure.OTHER || sslException || seen != null)) {
            return Optional.of(new TlsVerdict(kind, tlsError, brokeBeforeBind));
        }
        return Optional.empty();
    }

    /**
     * Says what happened, without the evidence.
     *
     * @param server the server, as its URL
     * @param clientCertificate whether we presented a client certificate
     * @param what what was refused, such as "organisation look-up"
     * @return for example "LDAPS server ldaps://host:636 requires a client certificate and none is configured, so
     *     it refused the organisation look-up"
     */
    String head(String server, boolean clientCertificate, String what) {
        String evidence = brokeBeforeBind ? " (it closed the connection straight after the TLS handshake, before"
                + " answering the anonymous bind)" : "";
        return kind != TlsFailure.CLIENT_CERTIFICATE_REJECTED
                ? "The TLS handshake with SDS failed (" + kind + ") for the " + what
                : clientCertificate ? "LDAPS server " + server + " refused our client certificate" + evidence
                        + " for the " + what
                : "LDAPS server " + server + " requires a client certificate and none is configured" + evidence
                        + ", so it refused the " + what;
    }

    /** The first cause of the given type in a chain (the exception itself included), or null. */
    static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
