package io.spinekit.cis;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

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
    private static final String REDACTED = "[redacted SSO ticket]";

    private final String value;

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
     * Replaces every occurrence of this ticket (as is or URL-encoded) in a text with a placeholder.
     *
     * @param text any text, such as an error message or a server's status message; may be null
     * @return the text without the ticket, or null if the text was null
     */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String encoded = urlEncoded();
        return text.replace(value, REDACTED).replace(encoded, REDACTED).replace(lowerCaseEscapes(encoded), REDACTED);
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
     * Whether a text contains this ticket, as is or URL-encoded.
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
