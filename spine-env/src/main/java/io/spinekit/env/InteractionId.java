package io.spinekit.env;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spine interaction id, such as {@code urn:nhs:names:services:psis:REPC_IN150016UK05}, with its
 * service ({@code psis}) and interaction ({@code REPC_IN150016UK05}) parts.
 *
 * <p>Two forms are accepted: NHS ones, {@code urn:nhs:names:services:<service>:<interaction>}
 * (the interaction may itself contain colons, as in
 * {@code urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1}), and ebXML ones,
 * {@code urn:oasis:names:tc:ebxml-msg:service:<interaction>} (service {@code ebxml-msg}).
 * Matching in SDS is case-exact, so the value is kept as given.
 *
 * @param value the whole interaction id
 * @param service the service part, such as {@code psis}
 * @param interaction the interaction part, such as {@code REPC_IN150016UK05}
 */
public record InteractionId(String value, String service, String interaction) {
    private static final Pattern NHS = Pattern.compile(
            "urn:nhs:names:services:([A-Za-z0-9][A-Za-z0-9_.\\-]*):([A-Za-z0-9_.\\-]+(?::[A-Za-z0-9_.\\-]+)*)");
    private static final Pattern EBXML = Pattern.compile(
            "urn:oasis:names:tc:(ebxml-msg):service:([A-Za-z0-9_.\\-]+)");
    static final String EXPECTED = "'urn:nhs:names:services:<service>:<interaction>' such as "
            + "'urn:nhs:names:services:psis:REPC_IN150016UK05', or 'urn:oasis:names:tc:ebxml-msg:service:<name>'";

    /**
     * Validates that the parts agree with the value.
     *
     * @param value the whole id
     * @param service the service part
     * @param interaction the interaction part
     * @throws InvalidIdentifierException when the value is malformed or the parts disagree
     */
    public InteractionId {
        Matcher m = match(value);
        if (m == null || !m.group(1).equals(service) || !m.group(2).equals(interaction)) {
            throw new InvalidIdentifierException("interaction id", value, EXPECTED);
        }
    }

    /**
     * Parses an interaction id.
     *
     * @param text for example {@code "urn:nhs:names:services:pds:QUPA_IN000008UK02"}
     * @return the interaction id with its parts
     * @throws InvalidIdentifierException naming the value and the expected format
     */
    public static InteractionId of(String text) {
        Matcher m = match(text);
        if (m == null) {
            throw new InvalidIdentifierException("interaction id", text, EXPECTED);
        }
        return new InteractionId(text, m.group(1), m.group(2));
    }

    private static Matcher match(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = NHS.matcher(text);
        if (m.matches()) {
            return m;
        }
        m = EBXML.matcher(text);
        return m.matches() ? m : null;
    }

    @Override
    public String toString() {
        return value;
    }
}
