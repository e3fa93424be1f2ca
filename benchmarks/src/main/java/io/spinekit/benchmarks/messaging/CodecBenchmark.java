package io.spinekit.benchmarks.messaging;

import io.spinekit.env.PartyKey;
import io.spinekit.messaging.Attachment;
import io.spinekit.messaging.EbxmlCodec;
import io.spinekit.messaging.EbxmlMessage;
import io.spinekit.messaging.EbxmlRequest;
import io.spinekit.messaging.EncodedMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The ebXML codec on one thread, messages per second: build + serialise ({@link EbxmlCodec#encode}),
 * parse ({@link EbxmlCodec#decode}: mime4j and the hardened XML parser) and both, for a 10 KB
 * message (an 8 KB HL7 payload with multibyte UTF-8 and one 2 KB base64 attachment). Beside them a
 * baseline of the same size without a codec: the bytes concatenated into a
 * {@code ByteArrayOutputStream} from a fixed header (new UUIDs, base64 attachment) and split again
 * by scanning for the boundary, with no XML parsing and no checks. The baseline is a floor for the
 * cost of copying the bytes, not a competing implementation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBenchmark {
    private static final byte[] DELIMITER = "\r\n----=_MIME-Boundary".getBytes(StandardCharsets.US_ASCII);

    private byte[] payload;
    private byte[] attachment;
    private String contentType;
    private byte[] encoded;
    private byte[] headerTemplate;

    /** Builds the payload, the attachment and one encoded message to parse. */
    @Setup
    public void setUp() {
        StringBuilder hl7 = new StringBuilder("<REPC_IN150016UK05 xmlns=\"urn:hl7-org:v3\">");
        while (hl7.length() < 8 * 1024 - 40) {
            hl7.append("<observation code=\"1234\">Zoë Ünïcode &amp; 😀</observation>");
        }
        hl7.append("</REPC_IN150016UK05>");
        payload = hl7.toString().getBytes(StandardCharsets.UTF_8);
        attachment = new byte[2 * 1024];
        for (int i = 0; i < attachment.length; i++) {
            attachment[i] = (byte) (i * 31);
        }
        EncodedMessage m = build();
        contentType = m.contentType();
        encoded = m.body();
        String body = new String(encoded, StandardCharsets.UTF_8);
        headerTemplate = body.substring(0, body.indexOf("Content-Id: <", body.indexOf("Content-Id: <") + 1))
                .getBytes(StandardCharsets.UTF_8);
    }

    private EncodedMessage build() {
        return EbxmlCodec.encode(EbxmlRequest.builder().from(PartyKey.of("X99-123456")).to(PartyKey.of("X26-823848"))
                .cpaId("S20001A000182").service("urn:nhs:names:services:psis").action("REPC_IN150016UK05")
                .duplicateElimination(true).ackRequested(EbxmlRequest.ACTOR_TO_PARTY_MSH).syncReply(true)
                .payload(payload).attachment(Attachment.of("application/pdf", attachment, "Filename=\"letter.pdf\""))
                .build());
    }

    /**
     * Build and serialise a message.
     *
     * @return the bytes
     */
    @Benchmark
    public byte[] encode() {
        return build().body();
    }

    /**
     * Parse a message: header, manifest, parts.
     *
     * @return the message
     */
    @Benchmark
    public EbxmlMessage decode() {
        return EbxmlCodec.decode(contentType, encoded);
    }

    /**
     * Build, serialise and parse: the "build + serialise and parse" (aim: 50,000 a second).
     *
     * @return the parsed message
     */
    @Benchmark
    public EbxmlMessage encodeThenDecode() {
        EncodedMessage m = build();
        return EbxmlCodec.decode(m.contentType(), m.body());
    }

    /**
     * Baseline: concatenate bytes of the same size (fixed header, two new UUIDs, payload, base64
     * attachment), then split them at the boundary. No XML, no MIME library, no checks.
     *
     * @return the parts
     */
    @Benchmark
    public List<byte[]> baselineConcatenateThenSplit() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length + 256);
        out.writeBytes(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(headerTemplate);
        out.writeBytes(("Content-Id: <" + UUID.randomUUID() + "@spine.nhs.uk>\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payload);
        out.writeBytes(DELIMITER);
        out.writeBytes("\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(Base64.getMimeEncoder().encode(attachment));
        out.writeBytes(DELIMITER);
        out.writeBytes("--\r\n".getBytes(StandardCharsets.US_ASCII));
        return split(out.toByteArray());
    }

    private static List<byte[]> split(byte[] body) {
        List<byte[]> parts = new ArrayList<>();
        int start = 0;
        outer:
        for (int i = 0; i <= body.length - DELIMITER.length; i++) {
            for (int k = 0; k < DELIMITER.length; k++) {
                if (body[i + k] != DELIMITER[k]) {
                    continue outer;
                }
            }
            byte[] part = new byte[i - start];
            System.arraycopy(body, start, part, 0, part.length);
            parts.add(part);
            start = i + DELIMITER.length;
        }
        return parts;
    }
}
