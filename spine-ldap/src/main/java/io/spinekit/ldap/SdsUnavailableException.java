package io.spinekit.ldap;

import io.spinekit.tls.TlsFailure;
import java.util.Objects;
import java.util.Optional;

/**
 * No SDS server answered: every configured server refused the connection, the TLS handshake
 * failed, or the answer did not come within the configured deadlines.
 *
 * <p>The message names the servers tried and the timeout; {@link #reason()} says which of these
 * it was, and {@link #tlsFailure()} what went wrong in a failed TLS handshake (for example
 * {@link TlsFailure#CLIENT_CERTIFICATE_REJECTED}). A cached entry, even an expired one, is served
 * instead of this exception when there is one (stale-if-error); see {@link SdsClient}.
 */
public class SdsUnavailableException extends SdsLookupException {
    private static final long serialVersionUID = 1L;

    /** Why no server answered. */
    public enum Reason {
        /** A server did not connect, finish the TLS handshake or answer within its deadline. */
        TIMEOUT,
        /** The TCP connection was refused or lost. */
        CONNECTION_FAILED,
        /** The TLS handshake failed; {@link #tlsFailure()} says how. */
        TLS_HANDSHAKE_FAILED,
        /** The server said it is unavailable or busy, or the answer could not be read. */
        UNAVAILABLE,
        /** The SDS FHIR API kept answering 429 (rate limited) past the retries, or asked to wait too long. */
        RATE_LIMITED
    }

    /** Why. */
    private final Reason reason;
    /** The TLS failure kind, or {@code null}. */
    private final TlsFailure tlsFailure;

    /**
     * Creates the exception, reason {@link Reason#UNAVAILABLE}.
     *
     * @param message which servers were tried, the timeout, and what happened
     * @param cause the LDAP failure
     */
    public SdsUnavailableException(String message, Throwable cause) {
        this(message, cause, Reason.UNAVAILABLE, null);
    }

    /**
     * Creates the exception.
     *
     * @param message which servers were tried, the timeout, and what happened
     * @param cause the LDAP failure
     * @param reason why no server answered
     * @param tlsFailure how the TLS handshake failed, or {@code null}
     */
    public SdsUnavailableException(String message, Throwable cause, Reason reason, TlsFailure tlsFailure) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.tlsFailure = tlsFailure;
    }

    /**
     * Why no server answered.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * How the TLS handshake failed, when it did.
     *
     * @return the TLS failure kind, empty when the failure was not in a handshake
     */
    public Optional<TlsFailure> tlsFailure() {
        return Optional.ofNullable(tlsFailure);
    }
}
