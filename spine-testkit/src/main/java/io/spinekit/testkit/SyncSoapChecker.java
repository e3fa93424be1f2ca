package io.spinekit.testkit;

import io.spinekit.core.xml.SafeXml;
import io.spinekit.core.xml.XmlElement;
import io.spinekit.core.xml.XmlException;
import io.spinekit.core.xml.XmlLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a synchronous SOAP request against the SDK's messaging reference (MESSAGING.md section 5)
 * and writes Spine's answer to it ({@code wsa:RelatesTo uuid:{request id}}, FS
 * {@code vnp_responses/sync_outbound_response.mustache}). Used by {@link FakeMhs}.
 */
final class SyncSoapChecker {
    static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String WSA = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    static final String HL7 = "urn:hl7-org:v3";
    static final String ASID_ROOT = "1.2.826.0.1285.0.2.0.107";

    /** The request's wsa:MessageID, and what is wrong with the request. */
    record Checked(Optional<String> messageId, List<String> problems) {
    }

    private SyncSoapChecker() {
    }

    static Checked check(Map<String, String> headers, byte[] body) {
        List<String> p = new ArrayList<>();
        XmlElement root;
        try {
            root = SafeXml.parse(body, XmlLimits.DEFAULT.withMaxBytes(5_000_000), "synchronous request");
        } catch (XmlException e) {
            p.add(e.getMessage());
            return new Checked(Optional.empty(), p);
        }
        Optional<XmlElement> header = root.child(SOAP, "Header");
        if (!root.is(SOAP, "Envelope") || header.isEmpty()) {
            p.add("not a SOAP envelope with a SOAP-ENV:Header");
            return new Checked(Optional.empty(), p);
        }
        Optional<String> id = header.get().child(WSA, "MessageID").map(XmlElement::trimmedText);
        if (id.isEmpty() || !id.get().startsWith("uuid:")) {
            p.add("wsa:MessageID " + id.orElse("(none)") + ": expected uuid:{MessageId}");
        }
        String action = header.get().child(WSA, "Action").map(XmlElement::trimmedText).orElse("");
        if (action.isEmpty() || !action.equals(headers.getOrDefault("SOAPAction", "").replace("\"", ""))) {
            p.add("wsa:Action " + action + " does not match SOAPAction " + headers.getOrDefault("SOAPAction", "(none)"));
        }
        for (String name : List.of("To", "From", "ReplyTo")) {
            if (header.get().child(WSA, name).isEmpty()) {
                p.add("no wsa:" + name);
            }
        }
        for (String name : List.of("communicationFunctionRcv", "communicationFunctionSnd")) {
            Optional<XmlElement> asid = header.get().child(HL7, name).flatMap(c -> c.child(HL7, "device"))
                    .flatMap(d -> d.child(HL7, "id"));
            if (asid.isEmpty() || !asid.get().attribute("root").filter(ASID_ROOT::equals).isPresent()
                    || asid.get().attribute("extension").filter(v -> !v.isBlank()).isEmpty()) {
                p.add("hl7:" + name + "/hl7:device/hl7:id has no root " + ASID_ROOT + " with an ASID extension");
            }
        }
        if (root.child(SOAP, "Body").map(b -> b.children().isEmpty()).orElse(true)) {
            p.add("the SOAP-ENV:Body holds no HL7 message");
        }
        return new Checked(id.map(v -> v.startsWith("uuid:") ? v.substring(5) : v), p);
    }

    static byte[] response(String requestId, String bodyXml) {
        return ("<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"" + SOAP + "\" xmlns:wsa=\"" + WSA + "\" xmlns:hl7=\"" + HL7
                + "\"><SOAP-ENV:Header><wsa:MessageID>uuid:" + java.util.UUID.randomUUID().toString().toUpperCase(
                        java.util.Locale.ROOT) + "</wsa:MessageID><wsa:RelatesTo>uuid:" + requestId
                + "</wsa:RelatesTo></SOAP-ENV:Header><SOAP-ENV:Body>" + bodyXml + "</SOAP-ENV:Body></SOAP-ENV:Envelope>")
                .getBytes(StandardCharsets.UTF_8);
    }
}
