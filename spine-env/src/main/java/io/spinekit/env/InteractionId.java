package io.spinekit.env;

import java.util.Arrays;

/**
 * A Spine interaction id, as SDS holds it in {@code nhsMhsSvcIA} and {@code nhsAsSvcIA}, such as
 * {@code urn:nhs:names:services:psis:REPC_IN150016UK05}.
 *
 * <p>Every form SDS holds is accepted (see {@link Form}): NHS ones,
 * {@code urn:nhs:names:services:<service>:<interaction>} (the interaction may itself contain colons,
 * as in {@code urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1}); ebXML ones,
 * {@code urn:oasis:names:tc:ebxml-msg:service:<interaction>}; and any other URN, such as ITK's
 * {@code urn:nhs-itk:services:201005:getNHSNumberRequest-v1-0}. A value is at most
 * {@value #MAX_LENGTH} characters (those seen in SDS are under 120), starts with {@code urn:}, has
 * non-empty colon-separated parts, and holds only ASCII letters, digits and
 * {@code - . _ ~ ! $ & ' + , ; = @ / %}: never an LDAP filter metacharacter ({@code ( ) * \} or
 * NUL), white space, a control character or a non-ASCII character. Validation is a loop over the
 * characters (no backtracking regular expression), so even a huge value is refused in linear time.
 * Matching in SDS is case-exact, so the value is kept as given.
 *
 * <p>{@link #service()} and {@link #interaction()} are exact for the NHS form and best-effort for
 * the others: for the ebXML form {@code ebxml-msg} and the part after {@code service:}; for any
 * other URN the namespace (the part after {@code urn:}, such as {@code nhs-itk}) and the last part.
 * Use {@link #value()} to look up or compare; use the parts only for display or when
 * {@link #form()} is {@link Form#NHS}.
 *
 * @param value the whole interaction id
 * @param service the service part: for {@code urn:nhs:names:services:psis:REPC_IN150016UK05},
 *     {@code psis} (best-effort for other forms, see above)
 * @param interaction the interaction part: for the same id, {@code REPC_IN150016UK05} (best-effort
 *     for other forms, see above)
 */
public record InteractionId(String value, String service, String interaction) {
    /** The longest interaction id accepted: {@value} characters. */
    public static final int MAX_LENGTH = 255;
    private static final String PUNCTUATION = "-._~!$&'+,;=@/%";
    static final String EXPECTED = "'urn:nhs:names:services:<service>:<interaction>' such as "
            + "'urn:nhs:names:services:psis:REPC_IN150016UK05', 'urn:oasis:names:tc:ebxml-msg:service:<name>' "
            + "or another URN such as 'urn:nhs-itk:services:201005:getNHSNumberRequest-v1-0': at most "
            + MAX_LENGTH + " characters, non-empty parts separated by ':', ASCII letters, digits and "
            + PUNCTUATION + " only";

    /** The form of an interaction id, which says how exact {@link #service()} and {@link #interaction()} are. */
    public enum Form {
        /** {@code urn:nhs:names:services:<service>:<interaction>}: both parts exact. */
        NHS,
        /** {@code urn:oasis:names:tc:ebxml-msg:service:<interaction>}: service {@code ebxml-msg}. */
        EBXML,
        /** Any other URN (ITK's {@code urn:nhs-itk:...}, say): service is the namespace, interaction the last part. */
        OTHER
    }

    /**
     * Validates that the parts agree with the value.
     *
     * @param value the whole id
     * @param service the service part
     * @param interaction the interaction part
     * @throws InvalidIdentifierException when the value is malformed or the parts disagree
     */
    public InteractionId {
        String[] parts = split(value);
        if (parts == null || !parts[1].equals(service) || !parts[2].equals(interaction)) {
            throw new InvalidIdentifierException("interaction id", value, EXPECTED);
        }
    }

    /**
     * Parses an interaction id.
     *
     * @param text for example {@code "urn:nhs:names:services:pds:QUPA_IN000008UK02"}
     * @return the interaction id with its parts
     * @throws InvalidIdentifierException naming the value (quoted and cut) and the expected format
     */
    public static InteractionId of(String text) {
        String[] parts = split(text);
        if (parts == null) {
            throw new InvalidIdentifierException("interaction id", text, EXPECTED);
        }
        return new InteractionId(text, parts[1], parts[2]);
    }

    /**
     * The form of this id.
     *
     * @return {@link Form#NHS}, {@link Form#EBXML} or {@link Form#OTHER}
     */
    public Form form() {
        return form(value.split(":", -1));
    }

    private static Form form(String[] segments) {
        if (segments.length >= 4 && segments[1].equals("nhs") && segments[2].equals("names")
                && segments[3].equals("services")) {
            return Form.NHS;
        }
        if (segments.length >= 6 && segments[1].equals("oasis") && segments[2].equals("names")
                && segments[3].equals("tc") && segments[4].equals("ebxml-msg") && segments[5].equals("service")) {
            return Form.EBXML;
        }
        return Form.OTHER;
    }

    /** Returns {form name, service, interaction}, or null when the text is not an interaction id. */
    private static String[] split(String text) {
        if (text == null || text.length() > MAX_LENGTH || !text.startsWith("urn:")) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == ':' || PUNCTUATION.indexOf(c) >= 0;
            if (!ok || (c == ':' && (i + 1 == text.length() || text.charAt(i + 1) == ':'))) {
                return null;
            }
        }
        String[] segments = text.split(":", -1);
        if (segments.length < 3) {
            return null;
        }
        Form form = form(segments);
        return switch (form) {
            case NHS -> segments.length < 6 ? null
                    : new String[] {form.name(), segments[4], join(segments, 5)};
            case EBXML -> segments.length < 7 ? null
                    : new String[] {form.name(), "ebxml-msg", join(segments, 6)};
            case OTHER -> new String[] {form.name(), segments[1], segments[segments.length - 1]};
        };
    }

    private static String join(String[] segments, int from) {
        return String.join(":", Arrays.asList(segments).subList(from, segments.length));
    }

    @Override
    public String toString() {
        return value;
    }
}
