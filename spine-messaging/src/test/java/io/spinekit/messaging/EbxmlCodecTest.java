package io.spinekit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spinekit.env.InteractionId;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EbxmlCodecTest {

    @Test
    void encodesTheReliableRequestFixtureByteForByte() {
        EncodedMessage out = EbxmlCodec.encode(Fixtures.reliable().build());

        assertThat(new String(out.body(), StandardCharsets.UTF_8)).isEqualTo(Fixtures.text("reliable-request.bin"));
        assertThat(out.body()).isEqualTo(Fixtures.bytes("reliable-request.bin"));
        assertThat(out.headers()).containsExactly(
                java.util.Map.entry("Content-Type", Fixtures.CONTENT_TYPE),
                java.util.Map.entry("SOAPAction", "urn:nhs:names:services:psis/REPC_IN150016UK05"));
    }

    @Test
    void decodesEveryFieldOfTheFixture() {
        EbxmlMessage m = EbxmlCodec.decode(Fixtures.CONTENT_TYPE, Fixtures.bytes("reliable-request.bin"));

        assertThat(m.header()).isEqualTo(new MessageHeader("X99-123456", "YES-0000806", "S1001A1630",
                Fixtures.CONVERSATION_ID, "urn:nhs:names:services:psis", "REPC_IN150016UK05", Fixtures.MESSAGE_ID,
                "2025-01-02T03:04:05Z", Optional.empty(), true));
        assertThat(m.header().instant()).contains(Instant.parse("2025-01-02T03:04:05Z"));
        assertThat(m.ackRequestedActor()).contains("urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH");
        assertThat(m.syncReply()).isTrue();
        assertThat(m.manifest()).containsExactly(new ManifestReference("cid:" + Fixtures.MESSAGE_ID + "@spine.nhs.uk",
                Optional.empty(), Optional.of("HL7 payload"), true));
        assertThat(m.parts()).hasSize(2);
        assertThat(m.ebxmlPart().contentId()).contains("ebXMLHeader@spine.nhs.uk");
        MimePart payload = m.payload().orElseThrow();
        assertThat(payload.body()).isEqualTo(Fixtures.PAYLOAD);
        assertThat(payload.contentId()).contains(Fixtures.MESSAGE_ID + "@spine.nhs.uk");
        assertThat(payload.contentType()).isEqualTo("text/xml; charset=UTF-8");
        assertThat(payload.transferEncoding()).isEqualTo("8bit");
        assertThat(m.attachments()).isEmpty();
    }

    @Test
    void readsWhatOtherSystemsSendLfLinesBareStartLowerCaseNamespaceZonelessTimestamp() {
        // MESSAGING.md sections 1 and 2: MHS uses bare LF and a bare start; ST, EMIS and MHS's inbound
        // examples spell the namespace ebxml; Spine's error fixture has a timestamp without zone.
        String lf = Fixtures.text("reliable-request.bin").replace("\r\n", "\n")
                .replace("urn:hl7-org:transport/ebXML/DSTUv1.0", "urn:hl7-org:transport/ebxml/DSTUv1.0")
                .replace("2025-01-02T03:04:05Z", "2013-10-24T15:08:07");
        String bare = "multipart/related; boundary=\"--=_MIME-Boundary\"; type=text/xml; start=ebXMLHeader@spine.nhs.uk";

        EbxmlMessage m = EbxmlCodec.decode(bare, lf.getBytes(StandardCharsets.UTF_8));

        assertThat(m.payload().orElseThrow().body()).isEqualTo(Fixtures.PAYLOAD);
        assertThat(m.manifest().get(0).hl7Payload()).isTrue();
        assertThat(m.header().timestamp()).isEqualTo("2013-10-24T15:08:07");
        assertThat(m.header().instant()).contains(Instant.parse("2013-10-24T15:08:07Z"));
        assertThat(EbxmlCodec.decode("multipart/related; boundary=\"--=_MIME-Boundary\"",
                Fixtures.bytes("reliable-request.bin")).header().messageId()).isEqualTo(Fixtures.MESSAGE_ID);
    }

    @Test
    void multibyteUtf8PayloadIsByteIdenticalAfterARoundTrip() {
        byte[] payload = ("<PRPA_IN000000UK01 xmlns=\"urn:hl7-org:v3\"><name>Zoë Ærøskøbing – 日本語 😀 "
                + "Ünïcödé\r\nline two</name></PRPA_IN000000UK01>\r\n").getBytes(StandardCharsets.UTF_8);

        EbxmlMessage m = roundTrip(Fixtures.reliable().payload(payload).build());

        assertThat(m.payload().orElseThrow().body()).isEqualTo(payload);
    }

    @Test
    void descriptionsNeedingEscapingAndFilenamesWithEqualsRoundTrip() {
        String gp2gp = "Filename=\"a=b&c<d>'e'.txt\" ContentType=text/plain Compressed=No LargeAttachment=No "
                + "OriginalBase64=No Length=5 DomainData=\"X-a=1;b=2\"";
        String multiline = "first\r\nsecond\ttabbed & \"quoted\"";
        EbxmlRequest request = Fixtures.reliable()
                .attachment(Attachment.text("text/plain", "hello".getBytes(StandardCharsets.UTF_8), gp2gp)
                        .withDocumentId("_DOC=1&2"))
                .attachment(Attachment.of("application/pdf", new byte[] {0, 1, 2, (byte) 0xff}, multiline))
                .build();

        EncodedMessage out = EbxmlCodec.encode(request);
        EbxmlMessage m = EbxmlCodec.decode(out.contentType(), out.body());

        assertThat(new String(out.body(), StandardCharsets.UTF_8))
                .contains("Filename=&quot;a=b&amp;c&lt;d&gt;&apos;e&apos;.txt&quot;").contains("eb:id=\"_DOC=1&amp;2\"");
        assertThat(m.manifest()).hasSize(3);
        assertThat(m.manifest().get(1).description()).contains(gp2gp);
        assertThat(m.manifest().get(1).id()).contains("_DOC=1&2");
        assertThat(m.manifest().get(2).description()).contains(multiline);
        assertThat(m.attachments()).hasSize(2);
        assertThat(m.part(m.manifest().get(1)).orElseThrow().text()).isEqualTo("hello");
        MimePart pdf = m.part(m.manifest().get(2)).orElseThrow();
        assertThat(pdf.body()).isEqualTo(new byte[] {0, 1, 2, (byte) 0xff});
        assertThat(pdf.transferEncoding()).isEqualTo("base64");
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
    }

    @Test
    void ninetyEightAttachmentsRoundTripAndNinetyNineAreRefused() {
        EbxmlRequest.Builder b = Fixtures.reliable();
        List<byte[]> contents = new ArrayList<>();
        for (int i = 0; i < 98; i++) {
            byte[] c = ("attachment " + i + " é").getBytes(StandardCharsets.UTF_8);
            contents.add(c);
            b.attachment(i % 2 == 0 ? Attachment.of("application/octet-stream", c, "file " + i)
                    : Attachment.text("text/plain", c, "file " + i));
        }

        EbxmlMessage m = roundTrip(b.build());

        assertThat(m.parts()).hasSize(100);
        assertThat(m.attachments()).hasSize(98);
        for (int i = 0; i < 98; i++) {
            ManifestReference r = m.manifest().get(i + 1);
            assertThat(r.description()).contains("file " + i);
            assertThat(m.part(r).orElseThrow().body()).isEqualTo(contents.get(i));
        }
        MessagingException e = assertThrows(MessagingException.class, () -> b.attachment(
                Attachment.of("text/plain", new byte[1], "one too many")).build());
        assertThat(e.reason()).isEqualTo(MessagingException.Reason.INVALID_ARGUMENT);
        assertThat(e.getMessage()).startsWith("99 attachments: at most 98 allowed");
    }

    @Test
    void aMessageOfExactlyTheSpineLimitRoundTripsAndOneByteMoreIsRefused() {
        int overhead = EbxmlCodec.encode(Fixtures.reliable().payload(new byte[0]).build()).body().length;
        byte[] payload = new byte[EbxmlCodec.SPINE_MAX_BYTES - overhead];
        Arrays.fill(payload, (byte) 'x');

        EncodedMessage out = EbxmlCodec.encode(Fixtures.reliable().payload(payload).build());
        EbxmlMessage m = EbxmlCodec.decode(out.contentType(), out.body());

        assertThat(out.body()).hasSize(EbxmlCodec.SPINE_MAX_BYTES);
        assertThat(m.payload().orElseThrow().body()).isEqualTo(payload);
        byte[] over = Arrays.copyOf(payload, payload.length + 1);
        over[payload.length] = 'x';
        MessagingException e = assertThrows(MessagingException.class,
                () -> EbxmlCodec.encode(Fixtures.reliable().payload(over).build()));
        assertThat(e.reason()).isEqualTo(MessagingException.Reason.TOO_LARGE);
        assertThat(e.getMessage()).contains("is 4999601 bytes serialised: at most 4999600 allowed");
        byte[] tooLong = Arrays.copyOf(out.body(), out.body().length + 1);
        MessagingException d = assertThrows(MessagingException.class,
                () -> EbxmlCodec.decode(out.contentType(), tooLong));
        assertThat(d.reason()).isEqualTo(MessagingException.Reason.TOO_LARGE);
        MessagingException s = assertThrows(MessagingException.class,
                () -> EbxmlCodec.decode(out.contentType(), new ByteArrayInputStream(tooLong), EbxmlCodec.SPINE_MAX_BYTES));
        assertThat(s.getMessage()).isEqualTo("message is larger than the limit of 4999600 bytes");
    }

    @Test
    void externalAttachmentsAreMidReferences() {
        EbxmlRequest request = Fixtures.reliable().externalAttachment(new ExternalAttachment(
                "0A1B2C3D-0000-4000-8000-0000000000FF", Optional.of("_DOC1"), "Filename=\"big.pdf\"")).build();

        EncodedMessage out = EbxmlCodec.encode(request);
        EbxmlMessage m = EbxmlCodec.decode(out.contentType(), out.body());

        assertThat(new String(out.body(), StandardCharsets.UTF_8)).contains("<eb:Reference xlink:href=\"mid:"
                + "0A1B2C3D-0000-4000-8000-0000000000FF\" eb:id=\"_DOC1\"><eb:Description xml:lang=\"en\">"
                + "Filename=&quot;big.pdf&quot;</eb:Description></eb:Reference>");
        assertThat(m.externalAttachments()).containsExactly(new ManifestReference(
                "mid:0A1B2C3D-0000-4000-8000-0000000000FF", Optional.of("_DOC1"), Optional.of("Filename=\"big.pdf\""),
                false));
        assertThat(m.externalAttachments().get(0).target()).isEqualTo("0A1B2C3D-0000-4000-8000-0000000000FF");
        assertThat(m.part(m.externalAttachments().get(0))).isEmpty();
        assertThat(m.parts()).hasSize(2);
    }

    @Test
    void expressHeadersCarryNoReliabilityElementsAndInteractionIdSetsServiceAndAction() {
        EbxmlRequest request = Fixtures.reliable().duplicateElimination(false).ackRequested(null).syncReply(false)
                .interaction(InteractionId.of("urn:nhs:names:services:pdsquery:QUPA_IN000006UK02")).build();

        EncodedMessage out = EbxmlCodec.encode(request);
        String text = new String(out.body(), StandardCharsets.UTF_8);
        EbxmlMessage m = EbxmlCodec.decode(out.contentType(), out.body());

        assertThat(text).doesNotContain("DuplicateElimination").doesNotContain("AckRequested")
                .doesNotContain("SyncReply").contains("</eb:MessageData></eb:MessageHeader>\r\n</SOAP:Header>");
        assertThat(out.headers()).containsEntry("SOAPAction", "urn:nhs:names:services:pdsquery/QUPA_IN000006UK02");
        assertThat(m.ackRequested()).isFalse();
        assertThat(m.syncReply()).isFalse();
        assertThat(m.header().duplicateElimination()).isFalse();
        assertThat(m.header().service()).isEqualTo("urn:nhs:names:services:pdsquery");
        assertThat(m.header().action()).isEqualTo("QUPA_IN000006UK02");
    }

    @Test
    void builderRefusesBadValuesNamingThem() {
        MessagingException id = assertThrows(MessagingException.class,
                () -> Fixtures.reliable().messageId("not-a-uuid").build());
        assertThat(id.getMessage()).isEqualTo("message id \"not-a-uuid\" is not a UUID: expected the form "
                + "0A1B2C3D-0000-4000-8000-000000000002");
        assertThat(Fixtures.reliable().messageId("0a1b2c3d-0000-4000-8000-00000000000a").build().header().messageId())
                .isEqualTo("0A1B2C3D-0000-4000-8000-00000000000A");
        MessagingException control = assertThrows(MessagingException.class,
                () -> Fixtures.reliable().conversationId("a\nb").build());
        assertThat(control.getMessage()).contains("\"a\\nb\"");
        MessagingException type = assertThrows(MessagingException.class,
                () -> Attachment.of("application/x-evil", new byte[1], "d"));
        assertThat(type.getMessage()).startsWith("attachment content type \"application/x-evil\" is not allowed");
        MessagingException big = assertThrows(MessagingException.class,
                () -> Attachment.of("application/pdf", new byte[Attachment.MAX_BYTES + 1], "big.pdf"));
        assertThat(big.reason()).isEqualTo(MessagingException.Reason.TOO_LARGE);
        MessagingException xml = assertThrows(MessagingException.class, () -> EbxmlCodec.encode(
                Fixtures.reliable().attachment(Attachment.text("text/plain", new byte[1], "bell\u0007")).build()));
        assertThat(xml.getMessage()).contains("U+0007");
        MessagingException boundary = assertThrows(MessagingException.class, () -> EbxmlCodec.encode(
                Fixtures.reliable().payload("x\r\n----=_MIME-Boundary\r\ny".getBytes(StandardCharsets.UTF_8)).build()));
        assertThat(boundary.getMessage()).startsWith("HL7 payload contains the line \"----=_MIME-Boundary\"");
    }

    private static EbxmlMessage roundTrip(EbxmlRequest request) {
        EncodedMessage out = EbxmlCodec.encode(request);
        return EbxmlCodec.decode(out.contentType(), out.body());
    }
}
