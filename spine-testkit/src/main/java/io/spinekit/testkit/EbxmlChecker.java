package io.spinekit.testkit;

import io.spinekit.messaging.EbxmlMessage;
import io.spinekit.messaging.ManifestReference;
import io.spinekit.messaging.MessageHeader;
import io.spinekit.messaging.MimePart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks an ebXML request strictly against the SDK's messaging reference (MESSAGING.md sections 1
 * and 2), listing every departure in words. Used by {@link FakeMhs}.
 */
final class EbxmlChecker {
    private static final Pattern UPPER_UUID = Pattern.compile("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
    private static final Pattern UTC_SECONDS = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    private static final List<String> ACTORS = List.of("urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH",
            "urn:oasis:names:tc:ebxml-msg:actor:nextMSH");
    /**
     * The ebXML part: {@code text/xml}, as MHS writes it and as the multipart {@code type=text/xml}
     * parameter (the root part's type) says (MESSAGING.md section 1).
     */
    static final List<String> EBXML_TYPES = List.of("text/xml");
    /**
     * The HL7 part: {@code text/xml} (MHS) or {@code application/xml} (Spine's own requests, FS capture;
     * SpineTools), MESSAGING.md section 1.
     */
    static final List<String> HL7_TYPES = List.of("text/xml", "application/xml");
    /** The transfer encodings "External Interface Specification: Part 2" accepts (MESSAGING.md section 1). */
    static final List<String> ENCODINGS = List.of("7bit", "8bit", "binary", "base64");
    private volatile String toPartyKey;
    private volatile String cpaId;

    void expect(String partyKey, String expectedCpaId) {
        this.toPartyKey = partyKey;
        this.cpaId = expectedCpaId;
    }

    List<String> check(String method, Map<String, String> headers, byte[] body, EbxmlMessage m) {
        List<String> p = new ArrayList<>();
        if (!method.equals("POST")) {
            p.add("method " + method + ": expected POST");
        }
        String type = headers.getOrDefault("Content-Type", "");
        String lower = type.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("multipart/related")) {
            p.add("Content-Type " + type + ": expected multipart/related");
        }
        if (!type.contains("boundary=\"--=_MIME-Boundary\"")) {
            p.add("Content-Type has no boundary=\"--=_MIME-Boundary\"");
        }
        if (!lower.contains("type=\"text/xml\"") && !lower.contains("type=text/xml")) {
            p.add("Content-Type has no type=text/xml");
        }
        if (!type.contains("start=\"<ebXMLHeader@spine.nhs.uk>\"") && !type.contains("start=ebXMLHeader@spine.nhs.uk")) {
            p.add("Content-Type has no start=\"<ebXMLHeader@spine.nhs.uk>\"");
        }
        if (m == null) {
            return p;
        }
        MessageHeader h = m.header();
        String action = headers.getOrDefault("SOAPAction", "");
        if (action.length() >= 2 && action.startsWith("\"") && action.endsWith("\"")) {
            action = action.substring(1, action.length() - 1);
        }
        if (!action.equals(h.service() + "/" + h.action())) {
            p.add("SOAPAction " + action + ": expected " + h.service() + "/" + h.action());
        }
        if (!UPPER_UUID.matcher(h.messageId()).matches()) {
            p.add("MessageId " + h.messageId() + ": expected an upper-case UUID");
        }
        if (!UTC_SECONDS.matcher(h.timestamp()).matches()) {
            p.add("Timestamp " + h.timestamp() + ": expected UTC yyyy-MM-ddTHH:mm:ssZ");
        }
        if (toPartyKey != null && !toPartyKey.equals(h.toPartyKey())) {
            p.add("To party key " + h.toPartyKey() + ": expected " + toPartyKey);
        }
        if (cpaId != null && !cpaId.equals(h.cpaId())) {
            p.add("CPAId " + h.cpaId() + ": expected " + cpaId);
        }
        m.ackRequestedActor().filter(a -> !ACTORS.contains(a))
                .ifPresent(a -> p.add("AckRequested actor " + a + ": expected toPartyMSH or nextMSH"));
        MimePart ebxml = m.ebxmlPart();
        part(p, "ebXML part", ebxml, "ebXMLHeader@spine.nhs.uk", EBXML_TYPES);
        if (m.parts().size() < 2) {
            p.add("no HL7 payload part: expected it second");
        } else {
            part(p, "HL7 part", m.parts().get(1), h.messageId() + "@spine.nhs.uk", HL7_TYPES);
        }
        if (m.manifest().isEmpty() || !m.manifest().get(0).hl7Payload()
                || !m.manifest().get(0).href().equals("cid:" + h.messageId() + "@spine.nhs.uk")) {
            p.add("the first manifest reference is not the HL7 payload cid:" + h.messageId() + "@spine.nhs.uk");
        }
        for (int i = 2; i < m.parts().size(); i++) {
            MimePart a = m.parts().get(i);
            boolean referenced = m.manifest().stream().filter(ManifestReference::inline)
                    .anyMatch(r -> a.contentId().filter(r.target()::equals).isPresent());
            if (!referenced) {
                p.add("MIME part " + (i + 1) + " is not in the manifest");
            }
        }
        if (body.length > 4_999_600) {
            p.add("the body is " + body.length + " bytes: Spine's limit is 4,999,600");
        }
        return p;
    }

    private static void part(List<String> p, String what, MimePart part, String contentId, List<String> types) {
        if (!part.contentId().filter(contentId::equals).isPresent()) {
            p.add(what + " Content-Id " + part.contentId().orElse("(none)") + ": expected <" + contentId + ">");
        }
        if (!xmlType(part.contentType(), types)) {
            p.add(what + " Content-Type " + part.contentType() + ": expected " + String.join(" or ", types)
                    + " (charset UTF-8, if any)");
        }
        if (!ENCODINGS.contains(part.transferEncoding().toLowerCase(Locale.ROOT))) {
            p.add(what + " Content-Transfer-Encoding " + part.transferEncoding()
                    + ": expected 7bit, 8bit, binary or base64");
        }
    }

    /**
     * Whether a part's Content-Type is one of {@code types}, case-insensitively, with no parameter
     * but a charset of UTF-8 (quoted or bare). A part without a charset is accepted: the reference
     * shows it with one but never says it is required, and XML defaults to UTF-8 (inferred).
     */
    static boolean xmlType(String contentType, List<String> types) {
        String[] fields = contentType.split(";");
        if (!types.contains(fields[0].strip().toLowerCase(Locale.ROOT))) {
            return false;
        }
        for (int i = 1; i < fields.length; i++) {
            String field = fields[i].strip();
            int eq = field.indexOf('=');
            if (eq < 0 || !field.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                return false;
            }
            String value = field.substring(eq + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            if (!value.equalsIgnoreCase("UTF-8")) {
                return false;
            }
        }
        return true;
    }
}
