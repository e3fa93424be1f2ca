package io.spinekit.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One MIME part of a received message, with its body decoded from its
 * {@code Content-Transfer-Encoding} (base64 decided by the encoding, never by the content type:
 * MESSAGING.md section 7, MHS 1.3.2). Immutable: the body is copied in and out.
 *
 * @param contentId the {@code Content-Id} without angle brackets, empty if the part has none
 * @param contentType the {@code Content-Type} as sent, such as {@code text/xml; charset=UTF-8}
 * @param transferEncoding the {@code Content-Transfer-Encoding} in lower case ({@code 8bit} if absent)
 * @param body the decoded bytes, exactly as sent for 7bit, 8bit and binary parts
 */
public record MimePart(Optional<String> contentId, String contentType, String transferEncoding, byte[] body) {

    /**
     * Copies the body.
     *
     * @param contentId content id
     * @param contentType content type
     * @param transferEncoding transfer encoding
     * @param body decoded body
     */
    public MimePart {
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(transferEncoding, "transferEncoding");
        body = Objects.requireNonNull(body, "body").clone();
    }

    /**
     * A copy of the decoded body.
     *
     * @return the bytes
     */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body itself, not copied: for the package's own reading only. */
    byte[] bodyUnsafe() {
        return body;
    }

    /**
     * The body's length, without copying it.
     *
     * @return bytes
     */
    public int size() {
        return body.length;
    }

    /**
     * The body as UTF-8 text.
     *
     * @return the text
     */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MimePart p && contentId.equals(p.contentId) && contentType.equals(p.contentType)
                && transferEncoding.equals(p.transferEncoding) && Arrays.equals(body, p.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(contentId, contentType, transferEncoding, Arrays.hashCode(body));
    }

    /**
     * The headers and the size, never the content.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "MimePart[contentId=" + contentId.orElse("") + ", contentType=" + contentType + ", transferEncoding="
                + transferEncoding + ", " + body.length + " bytes]";
    }
}
