package io.spinekit.core.xml;

import io.spinekit.core.SpineException;
import java.util.Objects;

/**
 * {@link SafeXml} could not read a document: it was refused (a DTD, an entity reference, a size,
 * depth, count or text limit) or is not well-formed XML. Modules translate it into their own
 * exception type with the same message.
 */
public class XmlException extends SpineException {
    private static final long serialVersionUID = 1L;

    /** Why the document could not be read. */
    public enum Reason {
        /** Refused by the hardened setup: a DTD, an entity reference or a limit. */
        REFUSED,
        /** Not well-formed XML, empty, or without a root element. */
        MALFORMED,
        /** A limit given to {@link XmlLimits} is not positive. */
        CONFIGURATION
    }

    private final Reason reason;

    /**
     * Creates an exception.
     *
     * @param reason why
     * @param message what went wrong, naming the document and the limit or the parser's complaint
     * @param cause the parser's exception, or {@code null}
     */
    public XmlException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Why the document could not be read.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
