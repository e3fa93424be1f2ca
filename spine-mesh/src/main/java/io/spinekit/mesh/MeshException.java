package io.spinekit.mesh;

import io.spinekit.core.SpineException;
import java.util.Objects;
import java.util.Optional;

/**
 * A MESH call failed. Carries the {@link Reason}, the HTTP status when MESH answered, and MESH's own
 * error code and description when its body held them; the message says what happened and what to do.
 *
 * <p>Never contains the mailbox password, the shared key or an authorisation token.
 */
public class MeshException extends SpineException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure. */
    public enum Reason {
        /** The client was set up wrongly or given a bad value (nothing was sent). */
        CONFIGURATION,
        /** 403: the token, password, shared key or mailbox was refused, or the mailbox may not do this. */
        FORBIDDEN,
        /** 404: the message (or chunk) does not exist, or is not yours. */
        NOT_FOUND,
        /** 410: the message expired or failed, or is still being uploaded. */
        GONE,
        /** 400, 417, 422 or 406: MESH refused the request (missing or bad header, unknown recipient, empty body). */
        REJECTED,
        /** 423: the message is finalised and takes no more chunks. */
        LOCKED,
        /** 300: the local id names more than one message. */
        NOT_UNIQUE,
        /** A retryable status (425, 429, 502, 503, 504) persisted after every retry. */
        UNAVAILABLE,
        /** Any other HTTP status. */
        HTTP_STATUS,
        /** The connection could not be made. */
        CONNECTION_FAILED,
        /** The TLS handshake failed (trust, client certificate, host name). */
        TLS_FAILED,
        /** A deadline passed (connect, TLS handshake or waiting for a response). */
        TIMEOUT,
        /** Another I/O failure, such as a dropped connection or a local file problem. */
        IO,
        /** MESH answered with something this client cannot read. */
        BAD_RESPONSE
    }

    private final Reason reason;
    private final int httpStatus;
    private final String meshCode;
    private final String meshDescription;

    /**
     * Creates an exception without an HTTP answer.
     *
     * @param reason the kind of failure
     * @param message what happened and what to do
     */
    public MeshException(Reason reason, String message) {
        this(reason, message, 0, null, null, null);
    }

    /**
     * Creates an exception without an HTTP answer, with a cause.
     *
     * @param reason the kind of failure
     * @param message what happened and what to do
     * @param cause the underlying failure (must not carry secrets)
     */
    public MeshException(Reason reason, String message, Throwable cause) {
        this(reason, message, 0, null, null, cause);
    }

    /**
     * Creates an exception for an HTTP answer.
     *
     * @param reason the kind of failure
     * @param message what happened and what to do
     * @param httpStatus the HTTP status, or 0 when there was none
     * @param meshCode MESH's error code from the body, or null
     * @param meshDescription MESH's error description from the body, or null
     * @param cause the underlying failure, or null
     */
    public MeshException(Reason reason, String message, int httpStatus, String meshCode, String meshDescription,
            Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.httpStatus = httpStatus;
        this.meshCode = meshCode == null || meshCode.isEmpty() ? null : meshCode;
        this.meshDescription = meshDescription == null || meshDescription.isEmpty() ? null : meshDescription;
    }

    /**
     * The kind of failure.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * The HTTP status MESH answered with.
     *
     * @return the status, or 0 when there was no HTTP answer
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * MESH's error code from the response body ({@code detail[].code} in v2, {@code errorCode} in v1),
     * such as {@code 12} for an unregistered recipient.
     *
     * @return the code, if the body held one
     */
    public Optional<String> meshCode() {
        return Optional.ofNullable(meshCode);
    }

    /**
     * MESH's error description from the response body ({@code detail[].msg} in v2, {@code errorDescription} in v1).
     *
     * @return the description, if the body held one
     */
    public Optional<String> meshDescription() {
        return Optional.ofNullable(meshDescription);
    }
}
