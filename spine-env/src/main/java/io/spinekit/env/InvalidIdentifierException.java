package io.spinekit.env;

import io.spinekit.core.SpineException;
import io.spinekit.core.Text;

/**
 * A Spine identifier (ODS code, party key, ASID or interaction id) did not have the expected form.
 *
 * <p>The message names the value (quoted with {@link Text#quote(CharSequence)}: control characters
 * escaped, long values cut) and the expected format, with an example.
 */
public class InvalidIdentifierException extends SpineException {
    private static final long serialVersionUID = 1L;

    /** The identifier kind, such as {@code "ODS code"}. */
    private final String kind;
    /** The rejected value, possibly {@code null}. */
    private final String value;

    /**
     * Creates an exception for an invalid identifier.
     *
     * @param kind the identifier kind, such as {@code "ODS code"}
     * @param value the rejected value, may be {@code null}
     * @param expectation the expected format with an example
     */
    public InvalidIdentifierException(String kind, String value, String expectation) {
        super("Invalid " + kind + " " + Text.quote(value) + ": expected " + expectation);
        this.kind = kind;
        this.value = value;
    }

    /**
     * The kind of identifier that was rejected.
     *
     * @return for example {@code "ODS code"}
     */
    public String kind() {
        return kind;
    }

    /**
     * The rejected value.
     *
     * @return the value as given, may be {@code null}
     */
    public String value() {
        return value;
    }
}
