package io.spinekit.env;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An Organisation Data Service (ODS) code, such as {@code X26}, {@code YES} or {@code A81001}.
 *
 * <p>ODS codes are 2 to 10 ASCII letters and digits. Lower-case input is accepted: it is validated
 * as given, then upper-cased with {@link Locale#ROOT} (so no non-ASCII letter can turn into a valid
 * code); upper case is the form SDS stores (its {@code nhsIDCode} attribute matches case-exactly).
 *
 * @param value the normalised (upper-case) code
 */
public record OdsCode(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9]{2,10}");
    /** The form accepted from callers, ASCII only and in either case, checked before upper-casing. */
    private static final Pattern INPUT = Pattern.compile("[A-Za-z0-9]{2,10}");
    static final String EXPECTED = "2 to 10 letters or digits, such as 'X26', 'YES' or 'A81001'";

    /**
     * Validates the canonical form.
     *
     * @param value the code
     * @throws InvalidIdentifierException when the value is not an upper-case ODS code
     */
    public OdsCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidIdentifierException("ODS code", value, EXPECTED);
        }
    }

    /**
     * Parses an ODS code, normalising case; surrounding white space is not accepted.
     *
     * @param text the code, for example {@code "x26"}
     * @return the code, upper case
     * @throws InvalidIdentifierException naming the value and the expected format
     */
    public static OdsCode of(String text) {
        if (text == null || !INPUT.matcher(text).matches()) {
            throw new InvalidIdentifierException("ODS code", text, EXPECTED);
        }
        return new OdsCode(text.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
