package io.spinekit.ldap;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An ebXML delivery flag of an MHS record: {@code nhsMhsAckRequested} and {@code nhsMhsDuplicateElimination}.
 */
public enum AlwaysOrNever {
    /** {@code always}. */
    ALWAYS("always"),
    /** {@code never}. */
    NEVER("never");

    private final String sdsValue;

    AlwaysOrNever(String sdsValue) {
        this.sdsValue = sdsValue;
    }

    /**
     * The value as SDS stores it.
     *
     * @return for example {@code "always"}
     */
    public String sdsValue() {
        return sdsValue;
    }

    /**
     * Reads an SDS value, ignoring case.
     *
     * @param value the stored value
     * @return the constant, empty when the value is not one of the known ones
     */
    public static Optional<AlwaysOrNever> fromSds(String value) {
        for (AlwaysOrNever v : values()) {
            if (v.sdsValue.equalsIgnoreCase(value)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    static String expected() {
        return "one of " + Arrays.stream(values()).map(v -> "'" + v.sdsValue + "'").collect(Collectors.joining(", "));
    }
}
