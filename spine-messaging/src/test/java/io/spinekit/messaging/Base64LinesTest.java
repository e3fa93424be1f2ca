package io.spinekit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.spinekit.env.PartyKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The writer's own base64 gives the JDK MIME encoder's bytes, and a message carries them exactly. */
class Base64LinesTest {
    private static final Base64.Encoder JDK = Base64.getMimeEncoder(76, new byte[] {'\r', '\n'});

    @Test
    void everyLengthEncodesAsTheJdkMimeEncoderDoes() {
        Random random = new Random(11);
        for (int n = 0; n < 2_000; n++) {
            check(random, n);
        }
        for (int n : new int[] {56, 57, 58, 114, 1 << 16, 1_000_003}) {
            check(random, n);
        }
    }

    private static void check(Random random, int n) {
        byte[] data = new byte[n];
        random.nextBytes(data);
        byte[] expected = JDK.encode(data);
        byte[] out = new byte[expected.length + 4];
        out[0] = 'x';
        int end = Base64Lines.encode(data, out, 1);
        assertThat(Base64Lines.encodedLength(n)).as("length of %d", n).isEqualTo(expected.length);
        assertThat(end).isEqualTo(1 + expected.length);
        assertThat(Arrays.copyOfRange(out, 1, end)).as("%d bytes", n).isEqualTo(expected);
        assertThat(out[0]).isEqualTo((byte) 'x');
    }

    @Test
    void attachmentsAreWrittenAsJdkBase64AndReadBackByteForByte() {
        Random random = new Random(3);
        for (int n : new int[] {1, 2, 3, 57, 2048, 100_000}) {
            byte[] data = new byte[n];
            random.nextBytes(data);
            EncodedMessage m = EbxmlCodec.encode(EbxmlRequest.builder().from(PartyKey.of("X99-123456"))
                    .to(PartyKey.of("X26-823848")).cpaId("S20001A000182").service("urn:nhs:names:services:psis")
                    .action("REPC_IN150016UK05").payload("<a/>".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .attachment(Attachment.of("application/pdf", data, "d"))
                    .attachment(Attachment.of("text/plain", data, "e")).build());
            String body = new String(m.body(), java.nio.charset.StandardCharsets.ISO_8859_1);
            String b64 = new String(JDK.encode(data), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(body).contains("Content-Transfer-Encoding: base64\r\n\r\n" + b64 + "\r\n--" + Names.BOUNDARY);
            assertThat(body).endsWith("\r\n--" + Names.BOUNDARY + "--\r\n");
            EbxmlMessage in = EbxmlCodec.decode(m.contentType(), m.body());
            assertThat(in.attachments()).hasSize(2);
            assertThat(in.attachments().get(0).body()).isEqualTo(data);
            assertThat(in.attachments().get(1).body()).isEqualTo(data);
        }
    }
}
