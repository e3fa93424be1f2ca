package io.spinekit.messaging;

import io.spinekit.env.PartyKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The MESSAGING.md section 8 fixtures, copied into test resources, and a request matching them. */
final class Fixtures {
    static final String CONTENT_TYPE = "multipart/related; boundary=\"--=_MIME-Boundary\"; type=\"text/xml\"; "
            + "start=\"<ebXMLHeader@spine.nhs.uk>\"";
    static final String MESSAGE_ID = "0A1B2C3D-0000-4000-8000-000000000002";
    static final String CONVERSATION_ID = "0A1B2C3D-0000-4000-8000-000000000001";
    static final byte[] PAYLOAD = "<REPC_IN150016UK05 xmlns=\"urn:hl7-org:v3\"/>".getBytes(StandardCharsets.UTF_8);

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** The section 8 request, as a builder. */
    static EbxmlRequest.Builder reliable() {
        return EbxmlRequest.builder().from(PartyKey.of("X99-123456")).to(PartyKey.of("YES-0000806"))
                .cpaId("S1001A1630").conversationId(CONVERSATION_ID).service("urn:nhs:names:services:psis")
                .action("REPC_IN150016UK05").messageId(MESSAGE_ID).timestamp(Instant.parse("2025-01-02T03:04:05Z"))
                .duplicateElimination(true).ackRequested(EbxmlRequest.ACTOR_TO_PARTY_MSH).syncReply(true)
                .payload(PAYLOAD);
    }
}
