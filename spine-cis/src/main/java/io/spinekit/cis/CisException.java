package io.spinekit.cis;

import io.spinekit.core.SpineException;
import java.util.Objects;

/**
 * A Care Identity Service operation failed: a URL is missing, the server could not be reached or
 * answered badly, a document was malformed or hostile, an assertion failed or expired, or an ID
 * token did not validate.
 *
 * <p>{@link #reason()} says which, so callers can branch without parsing messages. Messages name
 * the value, the expectation and the way out. They never contain an SSO ticket or a token: the
 * client redacts them (see {@link SsoTicket#redact(String)}).
 */
public class CisException extends SpineException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure this is. */
    public enum Reason {
        /** A URL or setting is missing or invalid. */
        CONFIGURATION,
        /** The connection could not be made (refused, unreachable, connect timeout), even after the retry. */
        CONNECTION_FAILED,
        /** The TLS handshake failed (untrusted server, client certificate refused, protocol). */
        TLS_FAILED,
        /** The server did not answer within the response timeout. */
        TIMEOUT,
        /** The server answered with an HTTP status other than 200. */
        HTTP_STATUS,
        /** The response body is larger than the configured limit. */
        RESPONSE_TOO_LARGE,
        /** Another I/O failure while sending the request or reading the answer. */
        IO,
        /** The document is not well-formed or not the expected shape. */
        MALFORMED,
        /** The document was refused by the hardened parser (DTD, entity, size or depth limit). */
        REJECTED_XML,
        /** The body is well-formed but is not a role assertion (for example an HTML error page). */
        NOT_A_ROLE_ASSERTION,
        /** The SAML response carries a status other than {@code samlp:Success}. */
        FAILED_STATUS,
        /** The assertion's validity window has passed. */
        EXPIRED,
        /** The assertion's validity window has not started yet. */
        NOT_YET_VALID,
        /** An OIDC document (discovery, JWKS) is malformed or inconsistent. */
        INVALID_DISCOVERY,
        /** An ID token failed validation (signature, issuer, audience, expiry, assurance level). */
        INVALID_TOKEN
    }

    /** Why the call failed. */
    private final Reason reason;

    /**
     * Creates an exception.
     *
     * @param reason what kind of failure
     * @param message what went wrong, naming the value, the expectation and the way out
     */
    public CisException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Creates an exception with a cause.
     *
     * @param reason what kind of failure
     * @param message what went wrong, naming the value, the expectation and the way out
     * @param cause the underlying failure (must not carry secrets in its message)
     */
    public CisException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * What kind of failure this is.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
