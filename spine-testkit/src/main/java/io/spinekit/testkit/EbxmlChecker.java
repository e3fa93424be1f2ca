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
        part(p, "ebXML part", ebxml, "ebXMLHeader@spine.nhs.uk");
        if (m.parts().size() < 2) {
            p.add("no HL7 payload part: expected it second");
        } else {
            part(p, "HL7 part", m.parts().get(1), h.messageId() + "@spine.nhs.uk");
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

    private static void part(List<String> p, String what, MimePart part, String contentId) {
        if (!part.contentId().filter(contentId::equals).isPresent()) {
            p.add(what + " Content-Id " + part.contentId().orElse("(none)") + ": expected <" + contentId + ">");
        }
        if (!part.contentType().replace(" ", "").equalsIgnoreCase("text/xml;charset=UTF-8")) {
            p.add(what + " Content-Type " + part.contentType() + ": expected text/xml; charset=UTF-8");
        }
        if (!part.transferEncoding().equals("8bit")) {
            p.add(what + " Content-Transfer-Encoding " + part.transferEncoding() + ": expected 8bit");
        }
    }
}
