package io.spinekit.messaging;

import io.spinekit.core.SpineException;
import java.util.Objects;

/**
 * A Spine messaging operation failed: a message could not be built or parsed, or a send could not
 * be made. {@link #reason()} says which, so callers can branch without parsing messages; the
 * message names the value (quoted with {@link io.spinekit.core.Text#quote(CharSequence)}), what was
 * expected and the way out.
 *
 * <p>An answer from Spine (an acknowledgement, an ebXML error, a SOAP fault) is not an exception:
 * it is a {@link SendOutcome}.
 */
public class MessagingException extends SpineException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure this is. */
    public enum Reason {
        /** A value given to a builder is missing or invalid (an id, an attachment, a limit). */
        INVALID_ARGUMENT,
        /** The body is not MIME {@code multipart/related} (or its Content-Type has no boundary). */
        NOT_MULTIPART,
        /** The {@code start} part (the ebXML header) is not among the parts. */
        MISSING_START_PART,
        /** The manifest references a {@code cid:} part that the message does not contain. */
        MISSING_PART,
        /** The message is larger than the size limit (the Spine limit unless configured). */
        TOO_LARGE,
        /** The MIME structure is broken (too many parts, bad transfer encoding, unreadable). */
        MALFORMED_MIME,
        /** The XML was refused by the hardened parser (DTD, entity, size or depth limit). */
        REFUSED_XML,
        /** The XML is not well-formed, or not the expected ebXML/SOAP shape. */
        MALFORMED_XML,
        /** The message store could not be reached or refused the write: nothing was accepted. */
        STORE_UNAVAILABLE
    }

    private final Reason reason;

    /**
     * Creates an exception.
     *
     * @param reason what kind of failure
     * @param message what went wrong, naming the value, the expectation and the way out
     */
    public MessagingException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Creates an exception with a cause.
     *
     * @param reason what kind of failure
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public MessagingException(Reason reason, String message, Throwable cause) {
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
