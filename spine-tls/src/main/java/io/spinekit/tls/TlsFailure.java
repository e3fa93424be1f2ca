package io.spinekit.tls;

/**
 * Why a TLS handshake with a Spine endpoint failed, each with a plain-language fix.
 *
 * @see TlsProbe
 */
public enum TlsFailure {
    /** A certificate in the server's chain has expired. */
    EXPIRED("The server's certificate (or one above it) has expired: the server owner must renew it."),
    /** A certificate in the server's chain is not valid yet. */
    NOT_YET_VALID("The server's certificate is not valid yet: check the clocks on both sides, or wait until its start date."),
    /** The server certificate's names do not include the host connected to. */
    WRONG_HOST("The certificate is for a different host name: connect using a name the certificate holds (its subjectAltName, or CN when it has none)."),
    /** The chain ends at a CA that is not in the configured trust. */
    UNKNOWN_CA("The server's certificate chains to a CA that is not trusted here: choose the environment's trust, or add the right CA to the trust, on purpose."),
    /** The server sent only its own certificate and the issuing intermediate is not in the trust. */
    MISSING_INTERMEDIATE("The server did not send its intermediate CA certificate: configure the server to send the full chain, or add the intermediate (sub CA) to the trust."),
    /** The server certificate is self-signed and not trusted. */
    SELF_SIGNED("The server presents a self-signed certificate: Spine endpoints need a certificate issued by an NHS CA."),
    /** The chain was issued under the expired G1 live root. */
    EXPIRED_G1_CHAIN("The certificate was issued under the G1 live root, which expired on 2024-06-04: request a G2 certificate."),
    /** A certificate of the chain is on a certificate revocation list given to the context. */
    REVOKED("A certificate of the chain has been revoked by its CA: its owner needs a new certificate (a revoked one "
            + "cannot be used again)."),
    /** A certificate in the chain uses an algorithm or key size the JDK rejects (such as SHA-1 or 1024-bit RSA). */
    WEAK_ALGORITHM("A certificate in the chain uses a weak algorithm or key (such as SHA-1 or RSA under 2048 bits): the server needs a new certificate."),
    /** The two sides share no protocol version (the server offers TLS 1.1 or older). */
    PROTOCOL_VERSION("The server does not speak TLS 1.2 or 1.3: it must be upgraded; older versions are not allowed."),
    /** The two sides share no cipher suite. */
    NO_COMMON_CIPHER("The server offers no strong cipher suite: it must enable ECDHE with AES-GCM or ChaCha20-Poly1305."),
    /** The server rejected the client certificate, or required one and none was sent. */
    CLIENT_CERTIFICATE_REJECTED("The server rejected the client certificate (or required one and none was sent): give a client certificate and its key: the endpoint certificate issued for this environment."),
    /** The port answered, but not in TLS (for example a plain HTTP server). */
    NOT_TLS("The port does not speak TLS (it answered in plain text, for example HTTP): check the port number, and"
            + " use the TLS port of the service."),
    /** The server did not finish the handshake within the deadline (a stalled or trickling peer). */
    TIMEOUT("The server did not complete the TLS handshake in time: check that this is the TLS port and that no"
            + " proxy or firewall holds the connection; try again later if the server is overloaded."),
    /** The TCP connection could not be made (refused, timed out, unknown host). */
    CONNECTION_FAILED("Could not connect: check the host name, port, firewall, proxy and that the server is running."),
    /** Any other failure; the message has the details. */
    OTHER("See the message for details.");

    private final String fix;

    TlsFailure(String fix) {
        this.fix = fix;
    }

    /**
     * Classifies a failure seen without a {@link TlsProbe}, for example an {@code SSLHandshakeException}
     * from an LDAP or HTTP client: walks the cause chain and reads exception types and TLS alert
     * names. A fatal alert received from the server about our certificate ({@code bad_certificate},
     * {@code certificate_required}, {@code unknown_ca}, {@code certificate_unknown},
     * {@code access_denied}, {@code unsupported_certificate}, {@code certificate_revoked},
     * {@code certificate_expired}) gives {@link #CLIENT_CERTIFICATE_REJECTED}; a refused server chain
     * gives the chain's reason ({@link #EXPIRED}, {@link #WEAK_ALGORITHM}, {@link #UNKNOWN_CA}...);
     * a non-TLS reply gives {@link #NOT_TLS}; a timeout {@link #TIMEOUT}.
     *
     * @param error an exception and its causes, such as one thrown by {@code SSLSocket.startHandshake()};
     *     may be null
     * @return the kind of failure, {@link #OTHER} when none fits (never null)
     */
    public static TlsFailure classify(Throwable error) {
        return FailureClassifier.classify(error);
    }

    /**
     * Classifies a failure as {@link #classify(Throwable)} does, knowing whether the connection
     * presented (or had configured) a client certificate. With one, a connection broken during the
     * handshake ("Broken pipe", "Connection reset", "Remote host terminated the handshake") is
     * {@link #CLIENT_CERTIFICATE_REJECTED}: a server that refuses the client's certificate often
     * closes while the client is still sending its last handshake messages, and the alert it sent
     * is lost with the connection. A refused server chain is still reported by its own reason, since
     * the client detects that itself.
     *
     * @param error an exception and its causes; may be null
     * @param clientCertificate whether the connection had a client certificate to present
     * @return the kind of failure (never null)
     */
    public static TlsFailure classify(Throwable error, boolean clientCertificate) {
        TlsFailure kind = FailureClassifier.classify(error);
        if (clientCertificate && kind == OTHER && FailureClassifier.brokenDuringHandshake(error)) {
            return CLIENT_CERTIFICATE_REJECTED;
        }
        return kind;
    }

    /**
     * What to do about it, in plain language.
     *
     * @return the fix
     */
    public String fix() {
        return fix;
    }
}
