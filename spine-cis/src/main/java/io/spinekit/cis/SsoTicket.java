package io.spinekit.cis;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A smartcard user's SSO ticket (the token the Identity Agent gets from GAS {@code authvalidate}).
 *
 * <p>The ticket is a bearer secret: whoever holds it can ask for the user's role assertion. This
 * type keeps it out of logs and messages: {@link #toString()} is redacted, spinekit never logs it,
 * and exceptions thrown by {@link CisClient} are scrubbed with {@link #redact(String)}. Read the
 * value with {@link #reveal()} only to send it where it belongs.
 *
 * <p>Immutable and thread-safe. {@link #equals(Object)} compares in constant time.
 */
public final class SsoTicket {
    /** The longest ticket accepted, in characters. Real tickets are well under 200. */
    public static final int MAX_LENGTH = 4096;
    /** The shortest run of the ticket's characters that {@link #redact(String)} removes: 8. */
    public static final int MIN_RUN = 8;
    private static final String REDACTED = "[redacted SSO ticket]";

    private final String value;
    private transient volatile Set<String> pieceCache;

    private SsoTicket(String value) {
        this.value = value;
    }

    /**
     * Wraps a ticket, for example {@code AQIC5wM2LY4S...=@AAJTSQACMDE=#}.
     *
     * @param value the ticket exactly as GAS issued it (surrounding white space is removed)
     * @return the ticket
     * @throws CisException (CONFIGURATION) if the value is empty, too long or contains control
     *     characters or white space; the message does not contain the value
     */
    public static SsoTicket of(String value) {
        if (value == null) {
            throw new CisException(CisException.Reason.CONFIGURATION, "SSO ticket is missing: expected the sso_ticket "
                    + "value GAS returned (for example from the Identity Agent), got null");
        }
        String v = value.strip();
        if (v.isEmpty()) {
            throw new CisException(CisException.Reason.CONFIGURATION,
                    "SSO ticket is empty: expected the sso_ticket value GAS returned");
        }
        if (v.length() > MAX_LENGTH) {
            throw new CisException(CisException.Reason.CONFIGURATION, "SSO ticket is " + v.length()
                    + " characters long: expected at most " + MAX_LENGTH + " (is this the right file or value?)");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                throw new CisException(CisException.Reason.CONFIGURATION, "SSO ticket contains a control or white-space "
                        + "character at position " + i + ": expected one token with no spaces or line breaks");
            }
        }
        return new SsoTicket(v);
    }

    /**
     * The ticket itself. Send it only to CIS; never log it.
     *
     * @return the ticket value
     */
    public String reveal() {
        return value;
    }

    /**
     * The ticket encoded for a URL query parameter, as the RoleAssertion and role selection URLs need.
     *
     * @return the form-encoded ticket (for example {@code =} becomes {@code %3D}, {@code @} becomes {@code %40})
     */
    public String urlEncoded() {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * Removes this ticket from a text: every occurrence of the ticket (as is or URL-encoded) and every
     * run of {@value #MIN_RUN} or more of its characters (a piece cut from the ticket, say where a
     * server echoed it near the point where a message was cut) becomes a placeholder. Redact before
     * cutting a text, never after.
     *
     * @param text any text, such as an error message or a server's status message; may be null
     * @return the text without the ticket or any run of it, or null if the text was null
     */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String encoded = urlEncoded();
        String whole = text.replace(value, REDACTED).replace(encoded, REDACTED)
                .replace(lowerCaseEscapes(encoded), REDACTED);
        return redactRuns(whole);
    }

    /** Replaces each stretch of the text covered by {@value #MIN_RUN}-character pieces of the ticket. */
    private String redactRuns(String text) {
        if (text.length() < MIN_RUN) {
            return text;
        }
        Set<String> pieces = pieces();
        if (pieces.isEmpty()) {
            return text;
        }
        boolean[] covered = new boolean[text.length()];
        boolean any = false;
        for (int i = 0; i + MIN_RUN <= text.length(); i++) {
            if (pieces.contains(text.substring(i, i + MIN_RUN))) {
                Arrays.fill(covered, i, i + MIN_RUN, true);
                any = true;
            }
        }
        if (!any) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!covered[i]) {
                out.append(text.charAt(i));
            } else if (i == 0 || !covered[i - 1]) {
                out.append(REDACTED);
            }
        }
        return out.toString();
    }

    private Set<String> pieces() {
        Set<String> set = pieceCache;
        if (set == null) {
            set = new HashSet<>();
            String encoded = urlEncoded();
            for (String form : new String[] {value, encoded, lowerCaseEscapes(encoded)}) {
                for (int i = 0; i + MIN_RUN <= form.length(); i++) {
                    set.add(form.substring(i, i + MIN_RUN));
                }
            }
            // The placeholder itself must never count as a piece of the ticket.
            for (int i = 0; i + MIN_RUN <= REDACTED.length(); i++) {
                set.remove(REDACTED.substring(i, i + MIN_RUN));
            }
            set = Set.copyOf(set);
            pieceCache = set;
        }
        return set;
    }

    private static String lowerCaseEscapes(String encoded) {
        StringBuilder sb = new StringBuilder(encoded);
        for (int i = sb.indexOf("%"); i >= 0 && i + 2 < sb.length(); i = sb.indexOf("%", i + 1)) {
            sb.setCharAt(i + 1, Character.toLowerCase(sb.charAt(i + 1)));
            sb.setCharAt(i + 2, Character.toLowerCase(sb.charAt(i + 2)));
        }
        return sb.toString();
    }

    /**
     * Whether a text contains this ticket (as is or URL-encoded) or a run of {@value #MIN_RUN} or more
     * of its characters.
     *
     * @param text any text; may be null
     * @return true if the ticket appears in it
     */
    public boolean appearsIn(String text) {
        return text != null && !redact(text).equals(text);
    }

    /**
     * Compares tickets in constant time.
     *
     * @param o another object
     * @return true if it is a ticket with the same value
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof SsoTicket other && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A hash code that does not reveal the value.
     *
     * @return a hash of the value
     */
    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    /**
     * Never the ticket.
     *
     * @return {@code SsoTicket[redacted, N chars]}
     */
    @Override
    public String toString() {
        return "SsoTicket[redacted, " + value.length() + " chars]";
    }
}
