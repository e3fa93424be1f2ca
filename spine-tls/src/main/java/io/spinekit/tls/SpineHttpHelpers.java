package io.spinekit.tls;

import io.spinekit.core.Text;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.UnaryOperator;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;

/** The bodies of {@link SpineHttp}'s static helpers: bounded bodies, content types, failure text. */
final class SpineHttpHelpers {
    private SpineHttpHelpers() {
    }

    /** See {@link SpineHttp#readBody}. */
    static byte[] read(HttpEntity entity, int limit) throws IOException {
        if (limit < 0 || limit == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("limit must be from 0 to " + (Integer.MAX_VALUE - 1) + ", was " + limit);
        }
        long declared = entity.getContentLength();
        if (declared > limit) {
            throw new SpineHttp.BodyTooLargeException(limit, declared);
        }
        // Not try-with-resources: a body over the limit is left open (closing it would read the rest).
        InputStream in = entity.getContent();
        if (in == null) {
            return new byte[0];
        }
        byte[] body = in.readNBytes(limit + 1);
        if (body.length > limit) {
            throw new SpineHttp.BodyTooLargeException(limit, -1);
        }
        in.close();
        return body;
    }

    /** See {@link SpineHttp#mimeType}. */
    static String mimeType(String contentType) {
        try {
            return contentType == null || contentType.isEmpty() ? "" : ContentType.parse(contentType).getMimeType();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** See {@link SpineHttp#describe(Throwable, UnaryOperator)}. */
    static String describe(Throwable e, UnaryOperator<String> redact, int limit) {
        if (e.getMessage() == null) {
            return e.getClass().getSimpleName();
        }
        return e.getClass().getSimpleName() + ": "
                + Text.quote(redact.apply(e.getMessage().replaceAll("\\s+", " ")), limit);
    }
}
