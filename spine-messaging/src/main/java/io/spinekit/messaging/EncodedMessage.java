package io.spinekit.messaging;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A message ready to post: its HTTP headers and its body bytes. Immutable: the body is copied in and out.
 *
 * @param headers the HTTP headers to send with it, in order ({@code Content-Type}, {@code SOAPAction})
 * @param body the serialised body
 */
public record EncodedMessage(Map<String, String> headers, byte[] body) {

    /**
     * Copies.
     *
     * @param headers headers
     * @param body body
     */
    public EncodedMessage {
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = Objects.requireNonNull(body, "body").clone();
    }

    /**
     * A copy of the body.
     *
     * @return the bytes
     */
    @Override
    public byte[] body() {
        return body.clone();
    }

    byte[] bodyUnsafe() {
        return body;
    }

    /**
     * The {@code Content-Type} header.
     *
     * @return its value
     */
    public String contentType() {
        return headers.get("Content-Type");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncodedMessage m && headers.equals(m.headers) && Arrays.equals(body, m.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(headers, Arrays.hashCode(body));
    }

    /**
     * The headers and the size, never the content.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "EncodedMessage[" + headers + ", " + body.length + " bytes]";
    }
}
