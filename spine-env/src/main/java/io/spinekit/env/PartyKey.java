package io.spinekit.env;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spine party key: the ODS code of the organisation, a hyphen and digits, such as
 * {@code YES-0000806} (Spine itself) or {@code X26-823848}.
 *
 * <p>A party key names an organisation and a set of contract properties; several can exist at one
 * organisation. Lower-case ASCII input is validated as given and
 * then normalised to upper case with {@link Locale#ROOT} (SDS matches party keys ignoring case).
 *
 * @param value the normalised party key
 */
public record PartyKey(String value) {
    private static final Pattern FORMAT = Pattern.compile("([A-Z0-9]{2,10})-([0-9]{1,12})");
    /** The form accepted from callers, ASCII only and in either case, checked before upper-casing. */
    private static final Pattern INPUT = Pattern.compile("[A-Za-z0-9]{2,10}-[0-9]{1,12}");
    static final String EXPECTED = "an ODS code, a hyphen and digits, such as 'YES-0000806' or 'X26-823848'";

    /**
     * Validates the canonical form.
     *
     * @param value the party key
     * @throws InvalidIdentifierException when the value is not an upper-case party key
     */
    public PartyKey {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidIdentifierException("party key", value, EXPECTED);
        }
    }

    /**
     * Parses a party key, normalising case.
     *
     * @param text for example {@code "YES-0000806"}
     * @return the party key
     * @throws InvalidIdentifierException naming the value and the expected format
     */
    public static PartyKey of(String text) {
        if (text == null || !INPUT.matcher(text).matches()) {
            throw new InvalidIdentifierException("party key", text, EXPECTED);
        }
        return new PartyKey(text.toUpperCase(Locale.ROOT));
    }

    /**
     * The ODS code part, before the hyphen.
     *
     * @return for {@code YES-0000806}, {@code YES}
     */
    public OdsCode odsCode() {
        Matcher m = FORMAT.matcher(value);
        if (!m.matches()) {
            throw new IllegalStateException(value);
        }
        return new OdsCode(m.group(1));
    }

    @Override
    public String toString() {
        return value;
    }
}
