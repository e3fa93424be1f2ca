package io.spinekit.ldap;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The ebXML actor of an MHS record ({@code nhsMhsActor}): who acknowledges a reliable message.
 */
public enum Actor {
    /** {@code urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH}: the receiving party's MHS acknowledges. */
    TO_PARTY_MSH("urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH"),
    /** {@code urn:oasis:names:tc:ebxml-msg:actor:nextMSH}: the next MHS on the path acknowledges. */
    NEXT_MSH("urn:oasis:names:tc:ebxml-msg:actor:nextMSH");

    private final String sdsValue;

    Actor(String sdsValue) {
        this.sdsValue = sdsValue;
    }

    /**
     * The value as SDS stores it.
     *
     * @return for example {@code "urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH"}
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
    public static Optional<Actor> fromSds(String value) {
        for (Actor v : values()) {
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
