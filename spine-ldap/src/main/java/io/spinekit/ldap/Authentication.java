package io.spinekit.ldap;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether and how an MHS authenticates its peers ({@code nhsMhsIsAuthenticated}).
 */
public enum Authentication {
    /** {@code none}: not authenticated. */
    NONE("none"),
    /** {@code transient}: authenticated per connection (TLS client certificate). */
    TRANSIENT("transient"),
    /** {@code persistent}: authenticated with persistent (message-level) credentials. */
    PERSISTENT("persistent");

    private final String sdsValue;

    Authentication(String sdsValue) {
        this.sdsValue = sdsValue;
    }

    /**
     * The value as SDS stores it.
     *
     * @return for example {@code "none"}
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
    public static Optional<Authentication> fromSds(String value) {
        for (Authentication v : values()) {
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
