package io.spinekit.messaging;

import io.spinekit.core.Text;
import io.spinekit.core.xml.XmlElement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ebXML codec: builds the exact bytes Spine expects and reads what Spine and other MHSs send
 * (MESSAGING.md sections 1 to 3). Stateless and thread-safe; every method is static.
 *
 * <pre>{@code
 * EncodedMessage out = EbxmlCodec.encode(EbxmlRequest.builder()
 *         .from(PartyKey.of("X99-123456")).to(route.partyKey()).cpaId(route.cpaId())
 *         .interaction(route.interactionId()).payload(hl7).build());
 * EbxmlMessage in = EbxmlCodec.decode(request.getHeader("Content-Type"), body);
 * in.header().conversationId(); in.manifest(); in.payload(); in.attachments();
 * }</pre>
 *
 * <p>{@link SpineMessaging} sends with it; use it directly to build or read messages yourself.
 */
public final class EbxmlCodec {
    /**
     * Spine's size limit on a serialised request body: 4,999,600 bytes ({@code MHS_SPINE_REQUEST_MAX_SIZE},
     * "5 000 000 - 400", MESSAGING.md section 7). MHS compares characters; this compares bytes,
     * which is stricter for multibyte text.
     */
    public static final int SPINE_MAX_BYTES = 4_999_600;

    private EbxmlCodec() {
    }

    /**
     * Serialises a message within {@link #SPINE_MAX_BYTES}.
     *
     * @param request the message
     * @return the headers and body to post
     * @throws MessagingException {@code TOO_LARGE} over the limit, {@code INVALID_ARGUMENT} for text
     *     XML cannot carry or a part containing the boundary
     */
    public static EncodedMessage encode(EbxmlRequest request) {
        return encode(request, SPINE_MAX_BYTES);
    }

    /**
     * Serialises a message within a given size.
     *
     * @param request the message
     * @param maxBytes the largest body allowed
     * @return the headers and body to post
     * @throws MessagingException as for {@link #encode(EbxmlRequest)}
     */
    public static EncodedMessage encode(EbxmlRequest request, int maxBytes) {
        return EbxmlWriter.encode(Objects.requireNonNull(request, "request"), maxBytes);
    }

    /**
     * Parses a message of at most {@link #SPINE_MAX_BYTES}.
     *
     * @param contentType the HTTP {@code Content-Type}
     * @param body the body
     * @return the message
     * @throws MessagingException naming what is wrong: {@code NOT_MULTIPART}, {@code MISSING_START_PART},
     *     {@code MISSING_PART}, {@code TOO_LARGE}, {@code MALFORMED_MIME}, {@code REFUSED_XML}, {@code MALFORMED_XML}
     */
    public static EbxmlMessage decode(String contentType, byte[] body) {
        return decode(contentType, body, SPINE_MAX_BYTES);
    }

    /**
     * Parses a message within a given size.
     *
     * @param contentType the HTTP {@code Content-Type}
     * @param body the body
     * @param maxBytes the largest body accepted
     * @return the message
     * @throws MessagingException as for {@link #decode(String, byte[])}
     */
    public static EbxmlMessage decode(String contentType, byte[] body, int maxBytes) {
        return EbxmlReader.decode(contentType, Objects.requireNonNull(body, "body"), maxBytes);
    }

    /**
     * Reads at most {@code maxBytes} from a stream and parses them; a longer stream is refused
     * after reading one byte more than the limit, never buffered whole.
     *
     * @param contentType the HTTP {@code Content-Type}
     * @param body the body stream (not closed)
     * @param maxBytes the largest body accepted
     * @return the message
     * @throws MessagingException as for {@link #decode(String, byte[])}
     * @throws UncheckedIOException if the stream fails
     */
    public static EbxmlMessage decode(String contentType, InputStream body, int maxBytes) {
        return decode(contentType, readBounded(body, maxBytes), maxBytes);
    }

    static byte[] readBounded(InputStream in, int maxBytes) {
        try {
            byte[] bytes = in.readNBytes(maxBytes);
            if (bytes.length == maxBytes && in.read() >= 0) {
                throw new MessagingException(MessagingException.Reason.TOO_LARGE, "message is larger than the limit "
                        + "of " + maxBytes + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the answer to an ebXML send (MESSAGING.md section 3): an {@code eb:Acknowledgment} or a
     * 202 (asynchronous success), an {@code eb:ErrorList}, a {@code SOAP:Fault}, or something else.
     * The body may be {@code text/xml} or {@code multipart/related}; the status does not decide the
     * kind (Spine sends ebXML errors with 200, MHS's fake Spine with 500).
     *
     * @param status the HTTP status
     * @param contentType the {@code Content-Type}, or {@code null}
     * @param body the body, possibly empty
     * @return the reply
     * @throws MessagingException ({@code REFUSED_XML}, {@code MALFORMED_XML}, MIME reasons) for an XML
     *     or multipart body that cannot be read
     */
    public static SpineReply parseReply(int status, String contentType, byte[] body) {
        Objects.requireNonNull(body, "body");
        String type = EbxmlReader.mediaType(contentType);
        if (body.length == 0 || isBlank(body)) {
            return status == 202 ? new SpineReply.Acknowledged(status, Optional.empty(), Optional.empty())
                    : new SpineReply.Unexpected(status, Objects.toString(contentType, ""), "an empty body");
        }
        XmlElement root;
        if (type.equals("multipart/related")) {
            EbxmlMessage m = EbxmlReader.decode(contentType, body, SPINE_MAX_BYTES);
            root = EbxmlReader.xml(m.ebxmlPart().body(), "ebXML reply");
        } else if (type.equals("text/xml") || type.equals("application/xml") || type.equals("application/soap+xml")) {
            root = EbxmlReader.xml(body, "ebXML reply");
        } else {
            return new SpineReply.Unexpected(status, Objects.toString(contentType, ""), "a body of " + body.length
                    + " bytes of type " + Text.quote(Objects.toString(contentType, "(none)")) + ", starting "
                    + Text.quote(new String(body, 0, Math.min(body.length, 60), StandardCharsets.UTF_8)));
        }
        Envelope e = Envelope.read(root);
        if (e.fault().isPresent()) {
            SpineReply.SoapFault f = e.fault().get();
            return new SpineReply.SoapFault(status, f.faultCode(), f.faultString(), f.errors());
        }
        if (e.errorList().isPresent()) {
            return new SpineReply.MessageError(status, e.header(), e.errorList().get());
        }
        if (e.acknowledged().isPresent()) {
            return new SpineReply.Acknowledged(status, e.header(), e.acknowledged().filter(s -> !s.isEmpty()));
        }
        if (status == 202) {
            return new SpineReply.Acknowledged(status, e.header(), e.header().flatMap(MessageHeader::refToMessageId));
        }
        return new SpineReply.Unexpected(status, Objects.toString(contentType, ""), "a SOAP envelope with neither "
                + "an acknowledgement, an error list nor a fault");
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\r' && b != '\n' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    /**
     * An acknowledgement of a received message (MESSAGING.md section 3): From the receiver, To the
     * sender, same CPAId and ConversationId, a new MessageId, RefToMessageId the acked one.
     * The MessageData timestamp is {@code now} (ST's choice; MHS copies the received one).
     *
     * @param received the header of the message acknowledged
     * @param now the time to write
     * @return the {@code text/xml} body with its {@code SOAPAction}
     */
    public static EncodedMessage acknowledgment(MessageHeader received, Instant now) {
        return EbxmlWriter.acknowledgment(received, EbxmlRequest.newId(), now);
    }

    /**
     * A message error (negative acknowledgement) answering a received message.
     *
     * @param received the header of the message refused
     * @param errors the errors, at least one
     * @param now the time to write
     * @return the {@code text/xml} body with its {@code SOAPAction}
     */
    public static EncodedMessage messageError(MessageHeader received, List<EbxmlError> errors, Instant now) {
        if (errors.isEmpty()) {
            throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, "a message error needs at least "
                    + "one error");
        }
        return EbxmlWriter.messageError(received, EbxmlRequest.newId(), now, errors);
    }

    /**
     * A SOAP fault as Spine sends it ({@code SOAP:Server} / {@code Application Exception} with a
     * {@code nasp:errorList}), to be sent with HTTP 500.
     *
     * @param errors the errors
     * @return the {@code text/xml} body
     */
    public static EncodedMessage soapFault(List<FaultError> errors) {
        return EbxmlWriter.soapFault(errors);
    }
}
