package io.spinekit.env;

import java.util.regex.Pattern;

/**
 * An Accredited System ID (ASID): 12 digits that identify one accredited system, such as
 * {@code 200000000296}. It is the {@code uniqueIdentifier} of the system's {@code nhsAs} entry in SDS.
 *
 * @param value the 12 digits
 */
public record Asid(String value) {
    private static final Pattern FORMAT = Pattern.compile("[0-9]{12}");
    static final String EXPECTED = "12 digits, such as '200000000296'";

    /**
     * Validates the value.
     *
     * @param value the 12 digits
     * @throws InvalidIdentifierException naming the value and the expected format
     */
    public Asid {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidIdentifierException("ASID", value, EXPECTED);
        }
    }

    /**
     * Parses an ASID.
     *
     * @param text 12 digits
     * @return the ASID
     * @throws InvalidIdentifierException naming the value and the expected format
     */
    public static Asid of(String text) {
        return new Asid(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
