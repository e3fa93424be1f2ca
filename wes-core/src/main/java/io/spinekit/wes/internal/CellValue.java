package io.spinekit.wes.internal;

import io.spinekit.core.Text;
import io.spinekit.wes.WesException;

/** What a WES table cell says, footnote markers aside. */
public enum CellValue {
    /** "Yes": warranted. */
    YES("Yes"),
    /** "No": not warranted. */
    NO("No"),
    /** "N/A": not applicable (the system or authenticator is not used there). */
    NOT_APPLICABLE("N/A"),
    /** "32-bit" in the IE11 column: the 32-bit IE11 only. */
    BIT_32_ONLY("32-bit"),
    /** "8" in the JRE column: JRE version 8 (32-bit). */
    JRE_8("8");

    private final String text;

    CellValue(String text) {
        this.text = text;
    }

    /**
     * The seed's text for the value.
     *
     * @return e.g. {@code "N/A"}
     */
    public String text() {
        return text;
    }

    /**
     * Whether the cell warrants use (with or without conditions): Yes, 32-bit or 8.
     *
     * @return true when permitted
     */
    public boolean permits() {
        return this == YES || this == BIT_32_ONLY || this == JRE_8;
    }

    public static CellValue ofText(String text) {
        for (CellValue v : values()) {
            if (v.text.equals(text)) {
                return v;
            }
        }
        throw new WesException("unknown cell value " + Text.quote(text) + "; expected Yes, No, N/A, 32-bit or 8");
    }
}
