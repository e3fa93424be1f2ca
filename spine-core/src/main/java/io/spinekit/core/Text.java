package io.spinekit.core;

/**
 * Quotes values for error messages and logs, so input echoed back can neither forge a log line nor
 * flood a message: the value is put in double quotes, control characters (line breaks included),
 * quotes and backslashes are escaped, and a value longer than the limit is cut, saying how much was
 * cut. Every spinekit message that echoes input goes through {@link #quote(CharSequence)}.
 *
 * <p>Thread-safe and stateless.
 */
public final class Text {
    /** The longest part of a value {@link #quote(CharSequence)} shows: 80 characters. */
    public static final int DEFAULT_LIMIT = 80;

    private Text() {
    }

    /**
     * Quotes a value for a message, showing at most {@link #DEFAULT_LIMIT} characters of it.
     *
     * @param value the value, possibly {@code null}
     * @return {@code "value"} escaped and cut, or {@code null} (unquoted) for a null value
     */
    public static String quote(CharSequence value) {
        return quote(value, DEFAULT_LIMIT);
    }

    /**
     * Quotes a value for a message, showing at most {@code limit} characters of it.
     *
     * @param value the value, possibly {@code null}
     * @param limit how many characters of the value to show, at least 1
     * @return {@code "value"} escaped and cut, or {@code null} (unquoted) for a null value
     */
    public static String quote(CharSequence value, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        if (value == null) {
            return "null";
        }
        int shown = Math.min(value.length(), limit);
        // Do not cut a surrogate pair in half.
        if (shown < value.length() && shown > 0 && Character.isHighSurrogate(value.charAt(shown - 1))) {
            shown--;
        }
        StringBuilder out = new StringBuilder(shown + 24).append('"');
        escapeTo(value, 0, shown, out);
        out.append('"');
        if (shown < value.length()) {
            out.append(" (cut: ").append(value.length() - shown).append(" more of ")
                    .append(value.length()).append(" characters)");
        }
        return out.toString();
    }

    /**
     * Escapes control characters, quotes and backslashes without quoting or cutting: for text that
     * is already bounded but may hold line breaks (a server's status message, say).
     *
     * @param value the text
     * @return the text with {@code \n}, {@code \r}, {@code \t}, {@code \"}, {@code \\} and
     *     {@code \}{@code uXXXX} escapes
     */
    public static String escape(CharSequence value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        escapeTo(value, 0, value.length(), out);
        return out.toString();
    }

    private static void escapeTo(CharSequence value, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                            || Character.getType(c) == Character.FORMAT) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
