package io.spinekit.messaging;

/**
 * Base64 as RFC 2045 section 6.8 writes it in MIME bodies: the standard alphabet with padding, lines
 * of 76 characters split by CRLF and no line break after the last: the same bytes as the JDK's
 * {@code Base64.getMimeEncoder(76, CRLF)}, written straight into a caller's array so a message body
 * is built without an intermediate copy of each attachment.
 */
final class Base64Lines {
    /** Characters per line (RFC 2045: at most 76). */
    static final int LINE = 76;
    /** Source bytes per full line. */
    private static final int LINE_BYTES = LINE / 4 * 3;
    private static final byte[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Base64Lines() {
    }

    /**
     * The encoded length of {@code n} bytes, line breaks included.
     *
     * @param n source bytes
     * @return encoded bytes
     */
    static long encodedLength(int n) {
        long chars = 4L * ((n + 2L) / 3);
        long lines = (chars + LINE - 1) / LINE;
        return chars + (lines > 1 ? 2 * (lines - 1) : 0);
    }

    /**
     * Encodes {@code src} into {@code dst} at {@code at}.
     *
     * @param src the bytes
     * @param dst where to write, with room for {@link #encodedLength(int)} bytes
     * @param at the offset
     * @return the offset after the last byte written
     */
    static int encode(byte[] src, byte[] dst, int at) {
        int o = at;
        for (int lineStart = 0; lineStart < src.length; lineStart += LINE_BYTES) {
            if (lineStart > 0) {
                dst[o++] = '\r';
                dst[o++] = '\n';
            }
            int end = Math.min(src.length, lineStart + LINE_BYTES);
            int i = lineStart;
            for (; i + 3 <= end; i += 3) {
                int bits = (src[i] & 0xff) << 16 | (src[i + 1] & 0xff) << 8 | (src[i + 2] & 0xff);
                dst[o++] = ALPHABET[bits >>> 18];
                dst[o++] = ALPHABET[(bits >>> 12) & 0x3f];
                dst[o++] = ALPHABET[(bits >>> 6) & 0x3f];
                dst[o++] = ALPHABET[bits & 0x3f];
            }
            int left = end - i;
            if (left > 0) {
                int bits = (src[i] & 0xff) << 16 | (left == 2 ? (src[i + 1] & 0xff) << 8 : 0);
                dst[o++] = ALPHABET[bits >>> 18];
                dst[o++] = ALPHABET[(bits >>> 12) & 0x3f];
                dst[o++] = left == 2 ? ALPHABET[(bits >>> 6) & 0x3f] : (byte) '=';
                dst[o++] = '=';
            }
        }
        return o;
    }
}
