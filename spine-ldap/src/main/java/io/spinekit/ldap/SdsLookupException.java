package io.spinekit.ldap;

import io.spinekit.core.SpineException;
import io.spinekit.core.Text;
import java.util.Optional;

/**
 * A Spine Directory Service look-up failed: a value in the directory is malformed, too many entries
 * matched, or the directory could not be asked.
 *
 * <p>When the failure is about one value the exception names the entry DN, the attribute and the
 * value ({@link #entryDn()}, {@link #attribute()}, {@link #value()}), so the record can be reported to
 * whoever maintains it. Echoed DNs and values are quoted with {@link Text#quote(CharSequence, int)}
 * (control characters escaped, values over 200 characters cut). Subclasses:
 * {@link SdsUnavailableException} (no server answered in time) and
 * {@link SdsNotFoundException} (nothing matched and the caller asked for a match).
 */
public class SdsLookupException extends SpineException {
    private static final long serialVersionUID = 1L;
    /**
     * How much of a DN or value a message shows ({@link Text#quote(CharSequence, int)}): 200 characters,
     * so the DNs, URLs and interaction ids SDS holds show whole while a huge value is cut.
     */
    static final int QUOTE_LIMIT = 200;

    /** The DN of the entry at fault, or {@code null}. */
    private final String entryDn;
    /** The attribute at fault, or {@code null}. */
    private final String attribute;
    /** The malformed value, or {@code null}. */
    private final String value;

    /**
     * Creates an exception that is not about one value.
     *
     * @param message what failed, naming the query and the way out
     */
    public SdsLookupException(String message) {
        this(message, null);
    }

    /**
     * Creates an exception that is not about one value, with a cause.
     *
     * @param message what failed, naming the query and the way out
     * @param cause the underlying failure
     */
    public SdsLookupException(String message, Throwable cause) {
        super(message, cause);
        this.entryDn = null;
        this.attribute = null;
        this.value = null;
    }

    /**
     * Creates an exception about one malformed or missing value of an entry.
     *
     * @param entryDn the entry's DN
     * @param attribute the attribute name
     * @param value the offending value, {@code null} when the attribute is missing
     * @param expectation what the value should look like
     */
    public SdsLookupException(String entryDn, String attribute, String value, String expectation) {
        this("SDS entry " + Text.quote(entryDn, QUOTE_LIMIT) + " has " + (value == null
                ? "no value for required attribute " + attribute
                : "a malformed " + attribute + " value " + Text.quote(value, QUOTE_LIMIT))
                + ": expected " + expectation, entryDn, attribute, value, null);
    }

    /** A message already written (with every echoed value quoted), about one entry and attribute. */
    SdsLookupException(String message, String entryDn, String attribute, String value, Throwable cause) {
        super(message, cause);
        this.entryDn = entryDn;
        this.attribute = attribute;
        this.value = value;
    }

    /**
     * The DN of the entry with the offending value.
     *
     * @return the DN, empty when the failure is not about one entry
     */
    public Optional<String> entryDn() {
        return Optional.ofNullable(entryDn);
    }

    /**
     * The attribute with the offending value.
     *
     * @return the attribute name, empty when the failure is not about one attribute
     */
    public Optional<String> attribute() {
        return Optional.ofNullable(attribute);
    }

    /**
     * The offending value.
     *
     * @return the value as stored, empty when it was missing or the failure is not about one value
     */
    public Optional<String> value() {
        return Optional.ofNullable(value);
    }
}
