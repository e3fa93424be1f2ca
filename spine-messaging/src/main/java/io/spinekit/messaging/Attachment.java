package io.spinekit.messaging;

import io.spinekit.core.Text;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An attachment to send inline, as its own MIME part after the HL7 payload. Immutable: the content
 * is copied in and out.
 *
 * <p>Rules from the EIS 2.5.4.2 as quoted in MHS's request schema (MESSAGING.md section 7): the
 * content type is one of {@link #ALLOWED_TYPES} (parameters such as {@code charset} allowed), the
 * content at most {@link #MAX_BYTES} bytes. The description may hold any text (it is XML-escaped on
 * the wire, MHS 2.0.0), including GP2GP's {@code Filename="a=b.txt" ContentType=...} grammar.
 *
 * @param contentType the MIME type, such as {@code application/pdf}
 * @param content the raw bytes (not base64)
 * @param base64 whether to send it {@code base64} (otherwise {@code 8bit}, for text)
 * @param description the {@code eb:Description} text
 * @param documentId the manifest's {@code eb:id}, if any
 */
public record Attachment(String contentType, byte[] content, boolean base64, String description,
        Optional<String> documentId) {

    /** Largest attachment: 5 MB ("attachment ≤5 MB", EIS 2.5.4.2 quoted by MHS; read as 5,000,000 bytes, inf). */
    public static final int MAX_BYTES = 5_000_000;

    /** The content types the EIS allows for attachments (EIS 2.5.4.2 quoted by MHS). */
    public static final Set<String> ALLOWED_TYPES = Set.of("text/plain", "text/html", "application/pdf", "text/xml",
            "application/xml", "text/rtf", "audio/basic", "audio/mpeg", "image/png", "image/gif", "image/jpeg",
            "image/tiff", "video/mpeg", "application/msword", "application/octet-stream");

    /**
     * Validates and copies.
     *
     * @param contentType content type
     * @param content raw bytes
     * @param base64 whether to send base64
     * @param description description
     * @param documentId document id
     * @throws MessagingException ({@code INVALID_ARGUMENT}) naming the value and the rule
     */
    public Attachment {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(documentId, "documentId");
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!ALLOWED_TYPES.contains(type) || contentType.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, "attachment content type "
                    + Text.quote(contentType) + " is not allowed: expected one of " + String.join(" ",
                    ALLOWED_TYPES.stream().sorted().toList()) + " (EIS 2.5.4.2)");
        }
        if (content.length > MAX_BYTES) {
            throw new MessagingException(MessagingException.Reason.TOO_LARGE, "attachment " + Text.quote(description)
                    + " is " + content.length + " bytes: at most " + MAX_BYTES + " allowed (EIS 2.5.4.2); split it "
                    + "as GP2GP does for large messages");
        }
        content = content.clone();
    }

    /**
     * A base64 attachment without a document id.
     *
     * @param contentType content type
     * @param content raw bytes
     * @param description description
     * @return the attachment
     */
    public static Attachment of(String contentType, byte[] content, String description) {
        return new Attachment(contentType, content, true, description, Optional.empty());
    }

    /**
     * A text attachment sent 8bit, without a document id.
     *
     * @param contentType content type, {@code text/...} or an XML type
     * @param content raw bytes
     * @param description description
     * @return the attachment
     */
    public static Attachment text(String contentType, byte[] content, String description) {
        return new Attachment(contentType, content, false, description, Optional.empty());
    }

    /**
     * A copy with a document id ({@code eb:id}).
     *
     * @param id the id
     * @return a new attachment
     */
    public Attachment withDocumentId(String id) {
        return new Attachment(contentType, content, base64, description, Optional.of(id));
    }

    /**
     * A copy of the content.
     *
     * @return the raw bytes
     */
    @Override
    public byte[] content() {
        return content.clone();
    }

    int size() {
        return content.length;
    }

    byte[] contentUnsafe() {
        return content;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attachment a && contentType.equals(a.contentType) && Arrays.equals(content, a.content)
                && base64 == a.base64 && description.equals(a.description) && documentId.equals(a.documentId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(contentType, Arrays.hashCode(content), base64, description, documentId);
    }

    /**
     * The type, size and description, never the content.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "Attachment[" + contentType + ", " + content.length + " bytes, " + (base64 ? "base64" : "8bit")
                + ", description=" + Text.quote(description) + "]";
    }
}
