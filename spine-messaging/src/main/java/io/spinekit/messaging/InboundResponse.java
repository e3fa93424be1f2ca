package io.spinekit.messaging;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to answer an inbound POST with: status, headers and body. Immutable.
 *
 * @param status the HTTP status
 * @param headers the headers ({@code Content-Type}, {@code SOAPAction}), empty for an empty body
 * @param body the body, possibly empty
 */
public record InboundResponse(int status, Map<String, String> headers, byte[] body) {

    /**
     * Copies.
     *
     * @param status status
     * @param headers headers
     * @param body body
     */
    public InboundResponse {
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = Objects.requireNonNull(body, "body").clone();
    }

    static InboundResponse of(int status, EncodedMessage message) {
        return new InboundResponse(status, message.headers(), message.bodyUnsafe());
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

    @Override
    public boolean equals(Object o) {
        return o instanceof InboundResponse r && status == r.status && headers.equals(r.headers)
                && Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body));
    }

    /**
     * Status, headers and size.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "InboundResponse[" + status + ", " + headers + ", " + body.length + " bytes]";
    }
}
