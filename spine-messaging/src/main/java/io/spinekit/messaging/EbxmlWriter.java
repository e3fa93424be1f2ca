package io.spinekit.messaging;

import io.spinekit.core.Text;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes ebXML messages byte for byte as MESSAGING.md sections 1 to 3 and the fixtures of section 8
 * show: CRLF line ends (ST and EMIS use CRLF, MHS bare LF; sending CRLF is an inference), the fixed
 * boundary, the ebXML part first and the HL7 payload second.
 */
final class EbxmlWriter {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final String DELIMITER = "--" + Names.BOUNDARY;
    private static final String ENVELOPE_OPEN = "<SOAP:Envelope xmlns:SOAP=\"" + Names.SOAP + "\" xmlns:eb=\""
            + Names.EB + "\" xmlns:hl7ebxml=\"" + Names.HL7EBXML + "\" xmlns:xlink=\"" + Names.XLINK + "\">";
    /** The close delimiter that ends the body. */
    private static final byte[] CLOSE = (DELIMITER + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DELIMITER_BYTES = DELIMITER.getBytes(StandardCharsets.US_ASCII);
    /** A line starting with the delimiter after the first: LF then the delimiter. */
    private static final byte[] LINE_DELIMITER = ("\n" + DELIMITER).getBytes(StandardCharsets.US_ASCII);
    private static final int[] SKIP = skipTable(LINE_DELIMITER);

    private EbxmlWriter() {
    }

    static EncodedMessage encode(EbxmlRequest request, int maxBytes) {
        MessageHeader h = request.header();
        List<String> attachmentIds = new ArrayList<>();
        for (int i = 0; i < request.attachments().size(); i++) {
            attachmentIds.add(EbxmlRequest.newId() + Names.CONTENT_ID_DOMAIN);
        }
        StringBuilder x = new StringBuilder(2048 + 256 * attachmentIds.size());
        x.append(ENVELOPE_OPEN).append("<SOAP:Header>\r\n");
        messageHeader(x, h);
        x.append("\r\n");
        request.ackRequestedActor().ifPresent(actor -> x.append("<eb:AckRequested SOAP:mustUnderstand=\"1\" "
                + "eb:version=\"2.0\" eb:signed=\"false\" SOAP:actor=\"").append(escape(actor)).append("\"/>\r\n"));
        if (request.syncReply()) {
            x.append("<eb:SyncReply SOAP:mustUnderstand=\"1\" eb:version=\"2.0\" SOAP:actor=\"")
                    .append(Names.SOAP_ACTOR_NEXT).append("\"/>\r\n");
        }
        x.append("</SOAP:Header><SOAP:Body><eb:Manifest SOAP:mustUnderstand=\"1\" eb:version=\"2.0\">");
        x.append("<eb:Reference xlink:href=\"cid:").append(escape(h.messageId())).append(Names.CONTENT_ID_DOMAIN)
                .append("\"><eb:Schema eb:location=\"").append(Names.HL7_SCHEMA).append("\" eb:version=\"1.0\"/>")
                .append("<eb:Description xml:lang=\"en\">HL7 payload</eb:Description>")
                .append("<hl7ebxml:Payload style=\"HL7\" encoding=\"XML\" version=\"3.0\"/></eb:Reference>");
        for (int i = 0; i < request.attachments().size(); i++) {
            Attachment a = request.attachments().get(i);
            x.append("<eb:Reference");
            a.documentId().ifPresent(id -> x.append(" eb:id=\"").append(escape(id)).append('"'));
            // eb:id before xlink:href and xml:lang="en" on the description: MHS's template order (inferred detail)
            x.append(" xlink:href=\"cid:").append(attachmentIds.get(i)).append("\"><eb:Description xml:lang=\"en\">")
                    .append(escape(a.description())).append("</eb:Description></eb:Reference>");
        }
        for (ExternalAttachment e : request.externalAttachments()) {
            x.append("<eb:Reference xlink:href=\"mid:").append(escape(e.messageId())).append('"');
            e.documentId().ifPresent(id -> x.append(" eb:id=\"").append(escape(id)).append('"'));
            x.append("><eb:Description xml:lang=\"en\">").append(escape(e.description()))
                    .append("</eb:Description></eb:Reference>");
        }
        x.append("</eb:Manifest></SOAP:Body></SOAP:Envelope>");

        // Every part's header and body is known before a byte is written, so the body is sized exactly,
        // checked against the limit before it is allocated, and written once (no growing, no copy).
        int count = 2 + request.attachments().size();
        byte[][] heads = new byte[count][];
        byte[][] bodies = new byte[count][];
        heads[0] = partHeader("<" + Names.EBXML_CONTENT_ID + ">", "text/xml; charset=UTF-8", "8bit");
        bodies[0] = x.toString().getBytes(StandardCharsets.UTF_8);
        checkDelimiter(bodies[0], "ebXML header");
        heads[1] = partHeader("<" + h.messageId() + Names.CONTENT_ID_DOMAIN + ">", "text/xml; charset=UTF-8", "8bit");
        bodies[1] = request.payloadUnsafe();
        checkDelimiter(bodies[1], "HL7 payload");
        long size = CLOSE.length;
        for (int i = 0; i < request.attachments().size(); i++) {
            Attachment a = request.attachments().get(i);
            heads[i + 2] = partHeader("<" + attachmentIds.get(i) + ">", a.contentType(),
                    a.base64() ? "base64" : "8bit");
            bodies[i + 2] = a.contentUnsafe();
            if (a.base64()) {
                size += Base64Lines.encodedLength(a.contentUnsafe().length);
            } else {
                checkDelimiter(a.contentUnsafe(), "attachment " + Text.quote(a.description()));
                size += a.contentUnsafe().length;
            }
        }
        for (int i = 0; i < count; i++) {
            size += heads[i].length + CRLF.length + (i < 2 ? bodies[i].length : 0);
        }
        if (size > maxBytes) {
            throw new MessagingException(MessagingException.Reason.TOO_LARGE, "message " + h.messageId() + " is "
                    + size + " bytes serialised: at most " + maxBytes + " allowed (Spine's limit is 4,999,600, "
                    + "MHS_SPINE_REQUEST_MAX_SIZE); send large attachments as external attachments in other messages");
        }
        byte[] body = new byte[(int) size];
        int at = 0;
        for (int i = 0; i < count; i++) {
            at = put(body, at, heads[i]);
            if (i >= 2 && request.attachments().get(i - 2).base64()) {
                at = Base64Lines.encode(bodies[i], body, at);
            } else {
                at = put(body, at, bodies[i]);
            }
            at = put(body, at, CRLF);
        }
        at = put(body, at, CLOSE);
        assert at == body.length;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", Names.MULTIPART_CONTENT_TYPE);
        headers.put("SOAPAction", h.soapAction());
        return new EncodedMessage(headers, body);
    }

    private static byte[] partHeader(String contentId, String type, String encoding) {
        return (DELIMITER + "\r\nContent-Id: " + contentId + "\r\nContent-Type: " + type
                + "\r\nContent-Transfer-Encoding: " + encoding + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void checkDelimiter(byte[] body, String what) {
        if (containsDelimiter(body)) {
            throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, what + " contains the line "
                    + Text.quote(DELIMITER) + ", the MIME boundary Spine uses: send it base64");
        }
    }

    private static int put(byte[] to, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, to, at, bytes.length);
        return at + bytes.length;
    }

    /** Whether a line of the body starts with the delimiter (which would end the part early). */
    static boolean containsDelimiter(byte[] body) {
        return startsWith(body, 0, DELIMITER_BYTES) || indexOf(body, LINE_DELIMITER) >= 0;
    }

    /**
     * Boyer-Moore-Horspool search: the first index of {@code pattern} in {@code body}, or -1. It
     * skips up to the pattern's length at each step, so a body is scanned some 20 times faster than
     * byte by byte.
     */
    static int indexOf(byte[] body, byte[] pattern) {
        int last = pattern.length - 1;
        for (int i = 0; i + last < body.length; i += SKIP[body[i + last] & 0xff]) {
            if (startsWith(body, i, pattern)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] body, int at, byte[] pattern) {
        if (at + pattern.length > body.length) {
            return false;
        }
        for (int j = pattern.length - 1; j >= 0; j--) {
            if (body[at + j] != pattern[j]) {
                return false;
            }
        }
        return true;
    }

    private static int[] skipTable(byte[] pattern) {
        int[] skip = new int[256];
        java.util.Arrays.fill(skip, pattern.length);
        for (int j = 0; j < pattern.length - 1; j++) {
            skip[pattern[j] & 0xff] = pattern.length - 1 - j;
        }
        return skip;
    }

    static void messageHeader(StringBuilder x, MessageHeader h) {
        x.append("<eb:MessageHeader SOAP:mustUnderstand=\"1\" eb:version=\"2.0\">")
                .append("<eb:From><eb:PartyId eb:type=\"").append(Names.PARTY_TYPE).append("\">")
                .append(escape(h.fromPartyKey())).append("</eb:PartyId></eb:From>")
                .append("<eb:To><eb:PartyId eb:type=\"").append(Names.PARTY_TYPE).append("\">")
                .append(escape(h.toPartyKey())).append("</eb:PartyId></eb:To>")
                .append("<eb:CPAId>").append(escape(h.cpaId())).append("</eb:CPAId>")
                .append("<eb:ConversationId>").append(escape(h.conversationId())).append("</eb:ConversationId>")
                .append("<eb:Service>").append(escape(h.service())).append("</eb:Service>")
                .append("<eb:Action>").append(escape(h.action())).append("</eb:Action>")
                .append("<eb:MessageData><eb:MessageId>").append(escape(h.messageId())).append("</eb:MessageId>")
                .append("<eb:Timestamp>").append(escape(h.timestamp())).append("</eb:Timestamp>");
        h.refToMessageId().ifPresent(r -> x.append("<eb:RefToMessageId>").append(escape(r))
                .append("</eb:RefToMessageId>"));
        x.append("</eb:MessageData>");
        if (h.duplicateElimination()) {
            x.append("<eb:DuplicateElimination/>");
        }
        x.append("</eb:MessageHeader>");
    }

    /** An acknowledgement of {@code received} (MESSAGING.md section 3 and its section 8 fixture). */
    static EncodedMessage acknowledgment(MessageHeader received, String messageId, Instant now) {
        String ts = Timestamps.format(now);
        MessageHeader h = new MessageHeader(received.toPartyKey(), received.fromPartyKey(), received.cpaId(),
                received.conversationId(), Names.EBXML_SERVICE, Names.ACTION_ACK, messageId, ts,
                Optional.of(received.messageId()), false);
        StringBuilder x = new StringBuilder(1500).append(ENVELOPE_OPEN).append("<SOAP:Header>\r\n");
        messageHeader(x, h);
        x.append("\r\n<eb:Acknowledgment eb:version=\"2.0\" SOAP:mustUnderstand=\"1\" SOAP:actor=\"")
                .append(EbxmlRequest.ACTOR_TO_PARTY_MSH).append("\"><eb:Timestamp>").append(ts)
                .append("</eb:Timestamp><eb:RefToMessageId>").append(escape(received.messageId()))
                .append("</eb:RefToMessageId><eb:From><eb:PartyId eb:type=\"").append(Names.PARTY_TYPE).append("\">")
                .append(escape(received.toPartyKey())).append("</eb:PartyId></eb:From></eb:Acknowledgment>\r\n")
                .append("</SOAP:Header><SOAP:Body/></SOAP:Envelope>");
        return textXml(x, Names.EBXML_SERVICE + "/" + Names.ACTION_ACK);
    }

    /** A message error answering {@code received} (MESSAGING.md section 3 and its section 8 fixture). */
    static EncodedMessage messageError(MessageHeader received, String messageId, Instant now, List<EbxmlError> errors) {
        MessageHeader h = new MessageHeader(received.toPartyKey(), received.fromPartyKey(), received.cpaId(),
                received.conversationId(), Names.EBXML_SERVICE, Names.ACTION_ERROR, messageId, Timestamps.format(now),
                Optional.of(received.messageId()), false);
        StringBuilder x = new StringBuilder(1500).append(ENVELOPE_OPEN).append("<SOAP:Header>\r\n");
        messageHeader(x, h);
        boolean anyError = errors.stream().anyMatch(e -> e.severity().equals("Error"));
        x.append("\r\n<eb:ErrorList SOAP:mustUnderstand=\"1\" eb:version=\"2.0\" eb:highestSeverity=\"")
                .append(anyError ? "Error" : "Warning").append("\">");
        for (EbxmlError e : errors) {
            x.append("<eb:Error eb:codeContext=\"").append(escape(e.codeContext())).append("\" eb:errorCode=\"")
                    .append(escape(e.errorCode())).append("\" eb:severity=\"").append(escape(e.severity())).append('"');
            e.location().ifPresent(l -> x.append(" eb:location=\"").append(escape(l)).append('"'));
            e.id().ifPresent(i -> x.append(" eb:id=\"").append(escape(i)).append('"'));
            x.append('>');
            e.description().ifPresent(d -> x.append("<eb:Description xml:lang=\"en-GB\">").append(escape(d))
                    .append("</eb:Description>"));
            x.append("</eb:Error>");
        }
        x.append("</eb:ErrorList>\r\n</SOAP:Header><SOAP:Body/></SOAP:Envelope>");
        return textXml(x, Names.EBXML_SERVICE + "/" + Names.ACTION_ERROR);
    }

    /** A SOAP fault as Spine sends it (MESSAGING.md section 3 and its section 8 fixture). */
    static EncodedMessage soapFault(List<FaultError> errors) {
        StringBuilder x = new StringBuilder(800).append("<SOAP:Envelope xmlns:SOAP=\"").append(Names.SOAP)
                .append("\"><SOAP:Body><SOAP:Fault><faultcode>SOAP:Server</faultcode><faultstring>Application "
                        + "Exception</faultstring><detail><nasp:errorList xmlns:nasp=\"").append(Names.NASP)
                .append("\">");
        for (FaultError e : errors) {
            x.append("<nasp:error>");
            e.codeContext().ifPresent(v -> x.append("<nasp:codeContext>").append(escape(v)).append("</nasp:codeContext>"));
            x.append("<nasp:errorCode>").append(escape(e.errorCode())).append("</nasp:errorCode>");
            e.severity().ifPresent(v -> x.append("<nasp:severity>").append(escape(v)).append("</nasp:severity>"));
            e.location().ifPresent(v -> x.append("<nasp:location>").append(escape(v)).append("</nasp:location>"));
            e.description().ifPresent(v -> x.append("<nasp:description>").append(escape(v))
                    .append("</nasp:description>"));
            x.append("</nasp:error>");
        }
        x.append("</nasp:errorList></detail></SOAP:Fault></SOAP:Body></SOAP:Envelope>");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/xml");
        return new EncodedMessage(headers, x.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static EncodedMessage textXml(StringBuilder x, String soapAction) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/xml");
        headers.put("SOAPAction", soapAction);
        return new EncodedMessage(headers, x.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * XML-escapes {@code & ' < > "} in text and attributes, as MHS 2.0.0 does for descriptions
     * (MESSAGING.md section 7). Control characters other than tab, CR and LF cannot be written in
     * XML 1.0 and are refused; so are unpaired surrogates.
     */
    static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&apos;";
                case '\r' -> "&#13;"; // a raw CR would be normalised away by the reader
                default -> null;
            };
            if (r == null && ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xfffe || c == 0xffff
                    || (Character.isSurrogate(c) && !validSurrogate(s, i)))) {
                throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, "text "
                        + Text.quote(s) + " has the character U+" + String.format(Locale.ROOT, "%04X", (int) c)
                        + ", which XML 1.0 cannot carry: remove it");
            }
            if (r != null && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (r != null) {
                    b.append(r);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? s : b.toString();
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
