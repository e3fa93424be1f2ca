package io.spinekit.messaging;

import io.spinekit.core.Text;
import io.spinekit.core.xml.XmlElement;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Synchronous SOAP (MESSAGING.md section 5, MHS {@code t/soap_request.mustache} and
 * {@code w/synchronous.py}, SpineTools {@code SpineSoapTemplate.txt}): the request envelope with
 * its WS-Addressing headers and ASIDs, and the reading of the response.
 *
 * <p>Inferred choices, where the two sources differ or say nothing: the header elements in the
 * order the reference lists them; {@code wsa:To} the service URN and empty {@code wsa:Address}es
 * (MHS's; SpineTools writes the endpoint URL and the sender's IP address); {@code Content-Type:
 * text/xml; charset=UTF-8} (SpineTools's; MHS sends {@code text/xml} with stray {@code type} and
 * {@code charset} headers); an XML declaration at the start of the payload is dropped, as it
 * cannot appear inside the Body.
 */
final class SyncSoap {
    static final String SOAP_ENV = Names.SOAP;
    static final String WSA = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    static final String HL7 = "urn:hl7-org:v3";
    /** The OID of ASIDs in {@code hl7:id root} (MESSAGING.md section 5). */
    static final String ASID_ROOT = "1.2.826.0.1285.0.2.0.107";
    private static final Pattern DECLARATION = Pattern.compile("^\\s*<\\?xml[^>]*\\?>\\s*");
    private static final Pattern BODY_OPEN = Pattern.compile("<([A-Za-z_][\\w.-]*:)?Body(\\s[^>]*)?>");
    private static final Pattern BODY_CLOSE = Pattern.compile("</([A-Za-z_][\\w.-]*:)?Body\\s*>");

    private SyncSoap() {
    }

    static EncodedMessage encode(String messageId, String service, String interaction, String receiverAsid,
            String senderAsid, byte[] payload) {
        String action = service + "/" + interaction;
        String hl7 = DECLARATION.matcher(new String(payload, StandardCharsets.UTF_8)).replaceFirst("");
        String x = "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"" + SOAP_ENV + "\" xmlns:wsa=\"" + WSA + "\" xmlns:hl7=\""
                + HL7 + "\"><SOAP-ENV:Header>"
                + "<wsa:MessageID>uuid:" + EbxmlWriter.escape(messageId) + "</wsa:MessageID>"
                + "<wsa:Action>" + EbxmlWriter.escape(action) + "</wsa:Action>"
                + "<wsa:To>" + EbxmlWriter.escape(service) + "</wsa:To>"
                + "<wsa:From><wsa:Address></wsa:Address></wsa:From>"
                + "<hl7:communicationFunctionRcv><hl7:device><hl7:id root=\"" + ASID_ROOT + "\" extension=\""
                + EbxmlWriter.escape(receiverAsid) + "\"/></hl7:device></hl7:communicationFunctionRcv>"
                + "<hl7:communicationFunctionSnd><hl7:device><hl7:id root=\"" + ASID_ROOT + "\" extension=\""
                + EbxmlWriter.escape(senderAsid) + "\"/></hl7:device></hl7:communicationFunctionSnd>"
                + "<wsa:ReplyTo><wsa:Address></wsa:Address></wsa:ReplyTo>"
                + "</SOAP-ENV:Header><SOAP-ENV:Body>" + hl7 + "</SOAP-ENV:Body></SOAP-ENV:Envelope>";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/xml; charset=UTF-8");
        headers.put("SOAPAction", action);
        return new EncodedMessage(headers, x.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a synchronous answer: a SOAP fault, or the Body's content with {@code wsa:RelatesTo}
     * checked against the request's MessageID when present (Spine sends it, MHS does not check it).
     */
    static SpineReply read(int status, String contentType, byte[] body, String messageId) {
        String type = EbxmlReader.mediaType(contentType);
        if (!type.equals("text/xml") && !type.equals("application/xml") && !type.equals("application/soap+xml")) {
            return EbxmlCodec.parseReply(status, contentType, body);
        }
        XmlElement root = EbxmlReader.xml(body, "synchronous response");
        Envelope e = Envelope.read(root);
        if (e.fault().isPresent()) {
            SpineReply.SoapFault f = e.fault().get();
            return new SpineReply.SoapFault(status, f.faultCode(), f.faultString(), f.errors());
        }
        Optional<String> relatesTo = root.child(SOAP_ENV, "Header").flatMap(h -> h.child(WSA, "RelatesTo"))
                .map(XmlElement::trimmedText);
        if (relatesTo.isPresent() && !relatesTo.get().equalsIgnoreCase("uuid:" + messageId)) {
            throw new MessagingException(MessagingException.Reason.MALFORMED_XML, "the synchronous response's "
                    + "wsa:RelatesTo is " + Text.quote(relatesTo.get()) + ": expected uuid:" + messageId);
        }
        if (root.child(SOAP_ENV, "Body").isEmpty()) {
            throw new MessagingException(MessagingException.Reason.MALFORMED_XML, "the synchronous response has no "
                    + "<SOAP-ENV:Body>");
        }
        if (status != 200) {
            return new SpineReply.Unexpected(status, contentType, "a SOAP envelope without a fault");
        }
        String text = new String(body, StandardCharsets.UTF_8);
        Matcher open = BODY_OPEN.matcher(text);
        Matcher close = BODY_CLOSE.matcher(text);
        int end = -1;
        while (close.find()) {
            end = close.start();
        }
        if (!open.find() || end < open.end()) {
            throw new MessagingException(MessagingException.Reason.MALFORMED_XML, "the synchronous response's Body "
                    + "could not be cut out of the envelope");
        }
        byte[] content = text.substring(open.end(), end).strip().getBytes(StandardCharsets.UTF_8);
        return new SpineReply.SyncResponse(status, relatesTo, content);
    }
}
