package io.spinekit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The writer's fast search for a body line that starts with the MIME delimiter. */
class EbxmlWriterDelimiterTest {
    private static final String D = "--" + Names.BOUNDARY;

    private static boolean contains(String body) {
        return EbxmlWriter.containsDelimiter(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void findsTheDelimiterOnlyAtTheStartOfALine() {
        assertThat(contains(D)).isTrue();
        assertThat(contains(D + "--")).isTrue();
        assertThat(contains("text\n" + D)).isTrue();
        assertThat(contains("text\r\n" + D + "\r\nmore")).isTrue();
        assertThat(contains("Zoë 😀\n\n" + D)).isTrue();
        assertThat(contains("text " + D)).isFalse();
        assertThat(contains("text\n " + D)).isFalse();
        assertThat(contains("text\n" + D.substring(0, D.length() - 1))).isFalse();
        assertThat(contains(D.substring(1))).isFalse();
        assertThat(contains("")).isFalse();
        assertThat(contains("\n")).isFalse();
    }

    @Test
    void agreesWithAByteByByteScanOnRandomBodies() {
        Random random = new Random(42);
        byte[] alphabet = ("\n\r-=_ ab" + Names.BOUNDARY).getBytes(StandardCharsets.US_ASCII);
        byte[] d = D.getBytes(StandardCharsets.US_ASCII);
        int found = 0;
        for (int n = 0; n < 20_000; n++) {
            byte[] body = new byte[random.nextInt(80)];
            for (int i = 0; i < body.length; i++) {
                body[i] = alphabet[random.nextInt(alphabet.length)];
            }
            if (random.nextInt(3) == 0 && body.length >= d.length) {
                System.arraycopy(d, 0, body, random.nextInt(body.length - d.length + 1), d.length);
            }
            boolean expected = naive(body, d);
            found += expected ? 1 : 0;
            assertThat(EbxmlWriter.containsDelimiter(body)).as(new String(body, StandardCharsets.US_ASCII))
                    .isEqualTo(expected);
        }
        assertThat(found).isGreaterThan(500);
    }

    private static boolean naive(byte[] body, byte[] d) {
        outer:
        for (int i = 0; i + d.length <= body.length; i++) {
            if (i > 0 && body[i - 1] != '\n') {
                continue;
            }
            for (int j = 0; j < d.length; j++) {
                if (body[i + j] != d[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
