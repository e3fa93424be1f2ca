package io.spinekit.ldap;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The ebXML synchronous reply mode of an MHS record ({@code nhsMhsSyncReplyMode}).
 */
public enum SyncReplyMode {
    /** {@code MSHSignalsOnly}: only message service handler signals come back synchronously. */
    MSH_SIGNALS_ONLY("MSHSignalsOnly"),
    /** {@code never}. */
    NEVER("never"),
    /** {@code none}: no synchronous reply. */
    NONE("none"),
    /** {@code SignalsAndResponse}: signals and the business response come back synchronously. */
    SIGNALS_AND_RESPONSE("SignalsAndResponse");

    private final String sdsValue;

    SyncReplyMode(String sdsValue) {
        this.sdsValue = sdsValue;
    }

    /**
     * The value as SDS stores it.
     *
     * @return for example {@code "MSHSignalsOnly"}
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
    public static Optional<SyncReplyMode> fromSds(String value) {
        for (SyncReplyMode v : values()) {
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
