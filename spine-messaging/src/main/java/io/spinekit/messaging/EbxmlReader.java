package io.spinekit.messaging;

import io.spinekit.core.Text;
import io.spinekit.core.xml.SafeXml;
import io.spinekit.core.xml.XmlElement;
import io.spinekit.core.xml.XmlException;
import io.spinekit.core.xml.XmlLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;

/**
 * Reads ebXML messages with Apache James mime4j (MIME) and spine-core's {@link SafeXml} (XML),
 * leniently where MESSAGING.md says systems differ: CRLF or LF, quoted or bare {@code start} with
 * or without angle brackets, either casing of the hl7ebxml namespace, any timestamp form. Nothing
 * half-parsed escapes: the message is returned whole or a {@link MessagingException} names what is wrong.
 */
final class EbxmlReader {
    /** At most 100 MIME parts including the ebXML part (EIS 2.5.4.2 quoted by MHS, MESSAGING.md section 7). */
    static final int MAX_PARTS = 100;
    /** Transfer encodings the EIS accepts (MHS {@code m/ebxml_request_envelope.py}, MESSAGING.md section 1). */
    private static final Set<String> ENCODINGS = Set.of("7bit", "8bit", "binary", "base64");
    /** The ebXML envelope: 98 references with long GP2GP descriptions fit well within these. */
    static final XmlLimits ENVELOPE_LIMITS = new XmlLimits(2 * 1024 * 1024, 32, 20_000, 32, 1024 * 1024);

    /** The base64 alphabet (RFC 2045 section 6.8), indexed by ASCII code. */
    private static final boolean[] BASE64 = new boolean[128];
    /** The value of each base64 character, indexed by ASCII code. */
    private static final byte[] VALUE = new byte[128];
    /** mime4j's configuration: lenient, no line or content limit (the body is bounded before), 50 headers. */
    private static final MimeConfig MIME_CONFIG = MimeConfig.custom().setStrictParsing(false).setMaxLineLen(-1)
            .setMaxHeaderCount(50).setMaxHeaderLen(16 * 1024).setMaxContentLen(-1).build();

    static {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            BASE64[alphabet.charAt(i)] = true;
            VALUE[alphabet.charAt(i)] = (byte) i;
        }
    }

    private EbxmlReader() {
    }

    static EbxmlMessage decode(String contentType, byte[] body, int maxBytes) {
        if (body.length > maxBytes) {
            throw new MessagingException(MessagingException.Reason.TOO_LARGE, "message is " + body.length
                    + " bytes: larger than the limit of " + maxBytes + " bytes");
        }
        List<MimePart> parts = parts(contentType, body);
        String start = parts.get(0).contentId().orElse("");
        String wanted = startParameter(contentType);
        if (wanted != null && !wanted.equals(start)) {
            boolean elsewhere = parts.stream().anyMatch(p -> p.contentId().filter(wanted::equals).isPresent());
            throw new MessagingException(MessagingException.Reason.MISSING_START_PART, elsewhere
                    ? "the start part " + Text.quote("<" + wanted + ">") + " is not the first MIME part: the ebXML "
                            + "header must come first (EIS section 2.5.4)"
                    : "no MIME part has the Content-Id of the start parameter " + Text.quote("<" + wanted + ">")
                            + ": the first part is " + Text.quote(start.isEmpty() ? "(no Content-Id)" : "<" + start + ">"));
        }
        XmlElement envelope = xml(parts.get(0).bodyUnsafe(), "ebXML header part");
        Envelope e = Envelope.read(envelope);
        MessageHeader header = e.header().orElseThrow(() -> malformed("the ebXML header part has no "
                + "<eb:MessageHeader> in its <SOAP:Header>"));
        EbxmlMessage message = new EbxmlMessage(header, e.ackRequestedActor(), e.syncReply(), e.manifest(), parts);
        for (ManifestReference r : message.manifest()) {
            if (r.inline() && message.part(r).isEmpty()) {
                throw new MessagingException(MessagingException.Reason.MISSING_PART, "the manifest references "
                        + Text.quote(r.href()) + " but no MIME part has Content-Id " + Text.quote("<" + r.target()
                        + ">"));
            }
            if (!r.inline() && !r.external()) {
                throw malformed("the manifest reference " + Text.quote(r.href()) + " is neither cid: nor mid:");
            }
        }
        return message;
    }

    static XmlElement xml(byte[] bytes, String what) {
        try {
            return SafeXml.parse(bytes, ENVELOPE_LIMITS, what);
        } catch (XmlException x) {
            throw new MessagingException(x.reason() == XmlException.Reason.REFUSED
                    ? MessagingException.Reason.REFUSED_XML : MessagingException.Reason.MALFORMED_XML,
                    x.getMessage(), x);
        }
    }

    static MessagingException malformed(String message) {
        return new MessagingException(MessagingException.Reason.MALFORMED_XML, message);
    }

    /** The media type in lower case, without parameters. */
    static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    private static List<MimePart> parts(String contentType, byte[] body) {
        if (!mediaType(contentType).equals("multipart/related")) {
            throw new MessagingException(MessagingException.Reason.NOT_MULTIPART, "Content-Type "
                    + Text.quote(contentType == null ? "(none)" : contentType)
                    + " is not multipart/related: an ebXML message is multipart/related with the ebXML part first");
        }
        MimeTokenStream stream = new MimeTokenStream(MIME_CONFIG);
        List<MimePart> parts = new ArrayList<>();
        Scratch scratch = Scratch.forBody(body.length);
        try {
            stream.parseHeadless(new ByteArrayInputStream(body), contentType);
            int multiparts = 0;
            String contentId = null;
            String partType = null;
            for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                switch (state) {
                    case T_START_MULTIPART -> {
                        multiparts++;
                        if (multiparts == 1 && stream.getBodyDescriptor().getBoundary() == null) {
                            throw new MessagingException(MessagingException.Reason.NOT_MULTIPART, "Content-Type "
                                    + Text.quote(contentType) + " has no boundary parameter");
                        }
                        if (multiparts > 1) {
                            throw new MessagingException(MessagingException.Reason.MALFORMED_MIME, "MIME part "
                                    + (parts.size() + 1) + " is itself multipart: Spine messages do not nest parts");
                        }
                    }
                    case T_START_BODYPART -> {
                        contentId = null;
                        partType = null;
                        if (parts.size() == MAX_PARTS) {
                            throw new MessagingException(MessagingException.Reason.MALFORMED_MIME, "message has more "
                                    + "than " + MAX_PARTS + " MIME parts: at most " + MAX_PARTS + " including the "
                                    + "ebXML part (EIS 2.5.4.2)");
                        }
                    }
                    case T_FIELD -> {
                        Field f = stream.getField();
                        if (f.getName().equalsIgnoreCase("Content-Id")) {
                            contentId = stripAngles(f.getBody());
                        } else if (f.getName().equalsIgnoreCase("Content-Type")) {
                            partType = f.getBody().strip();
                        }
                    }
                    case T_BODY -> {
                        if (multiparts == 0) {
                            throw new MessagingException(MessagingException.Reason.NOT_MULTIPART, "Content-Type "
                                    + Text.quote(contentType) + " has no boundary parameter: expected "
                                    + "multipart/related; boundary=\"...\"");
                        }
                        BodyDescriptor d = stream.getBodyDescriptor();
                        String encoding = d.getTransferEncoding() == null ? "7bit"
                                : d.getTransferEncoding().toLowerCase(Locale.ROOT);
                        if (!ENCODINGS.contains(encoding)) {
                            throw new MessagingException(MessagingException.Reason.MALFORMED_MIME, "MIME part "
                                    + (parts.size() + 1) + " has Content-Transfer-Encoding " + Text.quote(encoding)
                                    + ": expected 7bit, 8bit, binary or base64 (EIS Part 2)");
                        }
                        try (InputStream in = stream.getInputStream()) {
                            scratch.readAll(in);
                        }
                        byte[] bytes = encoding.equals("base64") ? base64(scratch.bytes, scratch.length)
                                : Arrays.copyOf(scratch.bytes, scratch.length);
                        parts.add(new MimePart(Optional.ofNullable(contentId),
                                partType == null ? "text/plain" : partType, encoding, bytes));
                    }
                    default -> {
                        // preamble, epilogue, header boundaries: nothing to keep
                    }
                }
            }
        } catch (IOException | MimeException x) {
            throw new MessagingException(MessagingException.Reason.MALFORMED_MIME, "the MIME body could not be read: "
                    + Text.quote(String.valueOf(x.getMessage())), x);
        }
        if (parts.isEmpty()) {
            throw new MessagingException(MessagingException.Reason.MALFORMED_MIME, "the body has no MIME part "
                    + "delimited by the boundary of Content-Type " + Text.quote(contentType));
        }
        return parts;
    }

    /**
     * Decodes a base64 body exactly as mime4j's lenient {@link Base64InputStream} would: well-formed
     * base64 (lines of the alphabet, padding only at the end) directly, anything else with mime4j
     * itself, which ignores stray characters and drops a partial quantum.
     */
    static byte[] base64(byte[] raw) throws IOException {
        return base64(raw, raw.length);
    }

    /** As {@link #base64(byte[])} for the first {@code length} bytes of {@code raw}. */
    static byte[] base64(byte[] raw, int length) throws IOException {
        int chars = plainBase64Chars(raw, length);
        if (chars >= 0) {
            return decodePlain(raw, length, chars);
        }
        try (InputStream in = new Base64InputStream(new ByteArrayInputStream(raw, 0, length), DecodeMonitor.SILENT)) {
            return in.readAllBytes();
        }
    }

    /** Whether the body is whole base64 quanta split by CR and LF, with up to two '=' only at its end. */
    static boolean plainBase64(byte[] raw) {
        return plainBase64Chars(raw, raw.length) >= 0;
    }

    /** The number of base64 characters (padding included) if the body is plain base64, else -1. */
    private static int plainBase64Chars(byte[] raw, int length) {
        int chars = 0;
        int pad = 0;
        for (int i = 0; i < length; i++) {
            byte b = raw[i];
            if (b == '\r' || b == '\n') {
                continue;
            }
            if (b == '=') {
                pad++;
            } else if (pad > 0 || b < 0 || !BASE64[b]) {
                return -1;
            }
            chars++;
        }
        return chars % 4 == 0 && pad <= 2 ? chars : -1;
    }

    /** Decodes plain base64 (checked by {@link #plainBase64Chars}) of {@code chars} characters. */
    private static byte[] decodePlain(byte[] raw, int length, int chars) {
        int pad = chars == 0 ? 0 : (raw[lastChar(raw, length)] == '=' ? 1 : 0)
                + (chars >= 2 && raw[lastChar(raw, lastChar(raw, length))] == '=' ? 1 : 0);
        byte[] out = new byte[chars / 4 * 3 - pad];
        int o = 0;
        int bits = 0;
        int n = 0;
        for (int i = 0; i < length; i++) {
            byte b = raw[i];
            if (b == '\r' || b == '\n' || b == '=') {
                continue;
            }
            bits = bits << 6 | VALUE[b];
            if (++n == 4) {
                out[o++] = (byte) (bits >> 16);
                out[o++] = (byte) (bits >> 8);
                out[o++] = (byte) bits;
                bits = 0;
                n = 0;
            }
        }
        if (n == 3) {
            out[o++] = (byte) (bits >> 10);
            out[o++] = (byte) (bits >> 2);
        } else if (n == 2) {
            out[o++] = (byte) (bits >> 4);
        }
        assert o == out.length;
        return out;
    }

    /** The index of the last byte before {@code end} that is not CR or LF. */
    private static int lastChar(byte[] raw, int end) {
        int i = end - 1;
        while (raw[i] == '\r' || raw[i] == '\n') {
            i--;
        }
        return i;
    }

    /**
     * A buffer every part's body is read into before it is copied out at its exact size. No part is
     * longer than the whole body, so a buffer of the body's size never grows. A thread keeps one
     * buffer of {@link #KEPT} bytes for its next message (it holds the last message's bytes until
     * overwritten, as the JDK's reused XML reader does); a larger body gets its own.
     */
    private static final class Scratch {
        static final int KEPT = 64 * 1024;
        private static final ThreadLocal<Scratch> KEPT_BY_THREAD = ThreadLocal.withInitial(() -> new Scratch(KEPT));
        byte[] bytes;
        int length;

        private Scratch(int size) {
            bytes = new byte[Math.max(size, 256)];
        }

        static Scratch forBody(int size) {
            if (size > KEPT) {
                return new Scratch(size);
            }
            Scratch kept = KEPT_BY_THREAD.get();
            if (kept.bytes.length != KEPT) { // grown (it cannot, see above): never keep more than KEPT
                kept = new Scratch(KEPT);
                KEPT_BY_THREAD.set(kept);
            }
            return kept;
        }

        void readAll(InputStream in) throws IOException {
            length = 0;
            for (int n; (n = in.read(bytes, length, bytes.length - length)) >= 0; ) {
                length += n;
                if (length == bytes.length) {
                    bytes = Arrays.copyOf(bytes, bytes.length * 2);
                }
            }
        }
    }

    /** The {@code start} parameter, quoted or bare, with or without angle brackets; null if absent. */
    static String startParameter(String contentType) {
        for (String param : contentType.split(";")) {
            String p = param.strip();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase("start")) {
                String v = p.substring(eq + 1).strip();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return stripAngles(v);
            }
        }
        return null;
    }

    static String stripAngles(String value) {
        String v = value.strip();
        if (v.startsWith("<") && v.endsWith(">")) {
            v = v.substring(1, v.length() - 1).strip();
        }
        return v;
    }
}
