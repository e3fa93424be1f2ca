package io.spinekit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.junit.jupiter.api.Test;

/** The reader's base64 decoding gives exactly mime4j's lenient result, on the fast path or not. */
class EbxmlReaderBase64Test {

    private static byte[] mime4j(byte[] raw) throws IOException {
        try (InputStream in = new Base64InputStream(new ByteArrayInputStream(raw), DecodeMonitor.SILENT)) {
            return in.readAllBytes();
        }
    }

    @Test
    void wellFormedBase64TakesTheFastPathAndOddBase64DoesNot() throws IOException {
        byte[] wrapped = Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encode(new byte[1000]);
        assertThat(EbxmlReader.plainBase64(wrapped)).isTrue();
        assertThat(EbxmlReader.plainBase64("QUI=\n".getBytes(StandardCharsets.US_ASCII))).isTrue();
        for (String odd : List.of("QUI", "QUI=QUJD", "QU I=", "QUJD*", "QUJDR", "QUJD===", "Zoë=")) {
            assertThat(EbxmlReader.plainBase64(odd.getBytes(StandardCharsets.UTF_8))).as(odd).isFalse();
        }
        for (String s : List.of("QUI", "QUI=QUJD", "QU I=", "QUJD*", "QUJDR", "QUJD===", "", "\r\n")) {
            byte[] raw = s.getBytes(StandardCharsets.US_ASCII);
            assertThat(EbxmlReader.base64(raw)).as(s).isEqualTo(mime4j(raw));
        }
    }

    @Test
    void agreesWithMime4jOnRandomBodies() throws IOException {
        Random random = new Random(7);
        byte[] alphabet = "ABCXYZabcxyz0189+/=\r\n *".getBytes(StandardCharsets.US_ASCII);
        int fast = 0;
        for (int n = 0; n < 20_000; n++) {
            byte[] raw;
            if (n % 2 == 0) {
                byte[] data = new byte[random.nextInt(200)];
                random.nextBytes(data);
                raw = Base64.getMimeEncoder(4 * (1 + random.nextInt(20)), new byte[] {'\r', '\n'}).encode(data);
            } else {
                raw = new byte[random.nextInt(40)];
                for (int i = 0; i < raw.length; i++) {
                    raw[i] = alphabet[random.nextInt(alphabet.length)];
                }
            }
            fast += EbxmlReader.plainBase64(raw) ? 1 : 0;
            assertThat(EbxmlReader.base64(raw)).as(new String(raw, StandardCharsets.US_ASCII)).isEqualTo(mime4j(raw));
        }
        assertThat(fast).isGreaterThan(10_000);
    }
}
