package io.spinekit.cis;

/**
 * The mode a smartcard user chose when they authenticated, from the assertion's {@code ssbMode}.
 */
public enum SessionMode {
    /** {@code ssbMode} 0: regular live (clinical care) use. */
    LIVE("0"),
    /** {@code ssbMode} 1: training only. */
    TRAINING("1");

    private final String ssbMode;

    SessionMode(String ssbMode) {
        this.ssbMode = ssbMode;
    }

    /**
     * The {@code ssbMode} value that means this mode.
     *
     * @return "0" or "1"
     */
    public String ssbMode() {
        return ssbMode;
    }

    /**
     * Reads an {@code ssbMode} value.
     *
     * @param value "0" or "1" (surrounding white space ignored)
     * @return the mode
     * @throws CisException (MALFORMED) for any other value
     */
    public static SessionMode fromSsbMode(String value) {
        String v = value == null ? "" : value.strip();
        for (SessionMode m : values()) {
            if (m.ssbMode.equals(v)) {
                return m;
            }
        }
        throw new CisException(CisException.Reason.MALFORMED, "ssbMode is '" + v
                + "': expected 0 (live) or 1 (training)");
    }
}
