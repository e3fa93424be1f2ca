package io.spinekit.wes;

import io.spinekit.core.Text;
import java.util.Locale;

/**
 * Windows 10 feature releases, in order, with their OS build numbers (Microsoft's release information).
 * The WES warrants the CIS application on Windows 10 up to and including 20H2.
 */
public enum Windows10Release {
    /** Version 1507 (build 10240). */
    V1507("1507", 10240),
    /** Version 1511 (build 10586). */
    V1511("1511", 10586),
    /** Version 1607 (build 14393). */
    V1607("1607", 14393),
    /** Version 1703 (build 15063). */
    V1703("1703", 15063),
    /** Version 1709 (build 16299). */
    V1709("1709", 16299),
    /** Version 1803 (build 17134). */
    V1803("1803", 17134),
    /** Version 1809 (build 17763). */
    V1809("1809", 17763),
    /** Version 1903 (build 18362). */
    V1903("1903", 18362),
    /** Version 1909 (build 18363). */
    V1909("1909", 18363),
    /** Version 2004 (build 19041). */
    V2004("2004", 19041),
    /** Version 20H2, also called 2009 (build 19042). */
    V20H2("20H2", 19042),
    /** Version 21H1 (build 19043). */
    V21H1("21H1", 19043),
    /** Version 21H2 (build 19044). */
    V21H2("21H2", 19044),
    /** Version 22H2 (build 19045). */
    V22H2("22H2", 19045);

    private final String label;
    private final int build;

    Windows10Release(String label, int build) {
        this.label = label;
        this.build = build;
    }

    /**
     * The release's name.
     *
     * @return e.g. {@code "20H2"}
     */
    public String label() {
        return label;
    }

    /**
     * The OS build number.
     *
     * @return e.g. 19042
     */
    public int build() {
        return build;
    }

    /**
     * Parses a release name ({@code 20H2}, {@code 2009}, {@code V20H2}) or build ({@code 19042},
     * {@code 10.0.19042}, {@code 10.0.19042.1234}).
     *
     * @param text the text
     * @return the release
     * @throws WesException naming the value and the known releases
     */
    public static Windows10Release parse(String text) {
        if (text == null || text.isBlank()) {
            throw new WesException("Windows 10 release is missing; known: " + known());
        }
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.startsWith("V") || t.startsWith("VERSION")) {
            t = t.replaceFirst("^V(ERSION)?\\s*", "");
        }
        if (t.equals("2009")) {
            return V20H2;
        }
        if (t.matches("10\\.0\\.\\d{5}(\\.\\d+)?")) {
            t = t.split("\\.")[2];
        }
        for (Windows10Release r : values()) {
            if (r.label.equals(t) || Integer.toString(r.build).equals(t)) {
                return r;
            }
        }
        throw new WesException("unknown Windows 10 release " + Text.quote(text) + "; expected a version name or build, known: "
                + known());
    }

    static boolean looksLikeRelease(String token) {
        try {
            parse(token);
            return true;
        } catch (WesException e) {
            return false;
        }
    }

    private static String known() {
        StringBuilder b = new StringBuilder();
        for (Windows10Release r : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(r.label).append(" (").append(r.build).append(')');
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return label;
    }
}
