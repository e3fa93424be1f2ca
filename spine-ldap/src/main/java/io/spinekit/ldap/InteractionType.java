package io.spinekit.ldap;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kind of interaction an MHS record serves ({@code nhsEPInteractionType}).
 */
public enum InteractionType {
    /** {@code FHIR}. */
    FHIR("FHIR"),
    /** {@code HL7}: HL7 version 3 messaging. */
    HL7("HL7"),
    /** {@code EBXML}: ebXML messaging without an HL7 payload. */
    EBXML("EBXML"),
    /** {@code N/A}: not applicable. */
    NOT_APPLICABLE("N/A");

    private final String sdsValue;

    InteractionType(String sdsValue) {
        this.sdsValue = sdsValue;
    }

    /**
     * The value as SDS stores it.
     *
     * @return for example {@code "FHIR"}
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
    public static Optional<InteractionType> fromSds(String value) {
        for (InteractionType v : values()) {
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
