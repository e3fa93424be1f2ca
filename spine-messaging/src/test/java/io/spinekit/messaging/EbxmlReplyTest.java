package io.spinekit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Acknowledgements, message errors and SOAP faults (MESSAGING.md section 3), read and written. */
class EbxmlReplyTest {
    private static final MessageHeader RECEIVED = EbxmlCodec.decode(Fixtures.CONTENT_TYPE,
            Fixtures.bytes("reliable-request.bin")).header();
    private static final Instant ACK_TIME = Instant.parse("2025-01-02T03:04:06Z");

    @Test
    void theAckFixtureIsAnAcknowledgementOfTheRequest() {
        SpineReply r = EbxmlCodec.parseReply(202, "text/xml", Fixtures.bytes("ack.xml"));

        SpineReply.Acknowledged ack = (SpineReply.Acknowledged) r;
        assertThat(ack.refToMessageId()).contains(Fixtures.MESSAGE_ID);
        MessageHeader h = ack.header().orElseThrow();
        assertThat(h.fromPartyKey()).isEqualTo("YES-0000806");
        assertThat(h.toPartyKey()).isEqualTo("X99-123456");
        assertThat(h.action()).isEqualTo("Acknowledgment");
        assertThat(h.service()).isEqualTo("urn:oasis:names:tc:ebxml-msg:service");
        assertThat(h.conversationId()).isEqualTo(Fixtures.CONVERSATION_ID);
    }

    @Test
    void writesTheAckFixtureByteForByte() {
        EncodedMessage ack = EbxmlWriter.acknowledgment(RECEIVED, "0A1B2C3D-0000-4000-8000-000000000003", ACK_TIME);

        assertThat(new String(ack.body(), StandardCharsets.UTF_8)).isEqualTo(Fixtures.text("ack.xml"));
        assertThat(ack.headers()).containsEntry("Content-Type", "text/xml")
                .containsEntry("SOAPAction", "urn:oasis:names:tc:ebxml-msg:service/Acknowledgment");
    }

    @Test
    void theNackFixtureIsAMessageErrorWithItsError() {
        SpineReply r = EbxmlCodec.parseReply(200, "text/xml", Fixtures.bytes("nack.xml"));

        SpineReply.MessageError nack = (SpineReply.MessageError) r;
        assertThat(nack.errors()).containsExactly(new EbxmlError("ValueNotRecognized", "Error",
                "urn:oasis:names:tc:ebxml-msg:service:errors", Optional.empty(), Optional.empty(),
                Optional.of("501319:Unknown eb:CPAId")));
        assertThat(nack.header().orElseThrow().refToMessageId()).contains(Fixtures.MESSAGE_ID);
        assertThat(EbxmlCodec.parseReply(500, "text/xml; charset=UTF-8", Fixtures.bytes("nack.xml")))
                .isInstanceOf(SpineReply.MessageError.class);
    }

    @Test
    void writesTheNackFixtureByteForByte() {
        EncodedMessage nack = EbxmlWriter.messageError(RECEIVED, "0A1B2C3D-0000-4000-8000-000000000004", ACK_TIME,
                List.of(EbxmlError.of("ValueNotRecognized", "501319:Unknown eb:CPAId")));

        assertThat(new String(nack.body(), StandardCharsets.UTF_8)).isEqualTo(Fixtures.text("nack.xml"));
    }

    @Test
    void theSoapFaultFixtureIsARetriableFault() {
        SpineReply.SoapFault f = (SpineReply.SoapFault) EbxmlCodec.parseReply(500, "text/xml",
                Fixtures.bytes("soap-fault-206.xml"));

        assertThat(f.status()).isEqualTo(500);
        assertThat(f.faultCode()).isEqualTo("SOAP:Server");
        assertThat(f.faultString()).isEqualTo("Application Exception");
        assertThat(f.errors()).containsExactly(FaultError.of("206", "Routing delivery failure"));
        assertThat(f.retriable()).isTrue();
        assertThat(EbxmlCodec.soapFault(f.errors()).body()).isEqualTo(Fixtures.bytes("soap-fault-206.xml"));
    }

    @Test
    void aFaultIsRetriableOnlyIfEveryCodeIsAndThereIsAtLeastOne() {
        assertThat(fault("200", "208").retriable()).isTrue();
        assertThat(fault("206", "201").retriable()).isFalse();
        assertThat(fault("300").retriable()).isFalse();
        assertThat(fault("207").retriable()).isFalse();
        assertThat(fault().retriable()).as("an empty code list is not retried (MHS would)").isFalse();
    }

    @Test
    void emptyHtmlAndOtherAnswersAreTypedToo() {
        assertThat(EbxmlCodec.parseReply(202, null, new byte[0]))
                .isEqualTo(new SpineReply.Acknowledged(202, Optional.empty(), Optional.empty()));
        SpineReply html = EbxmlCodec.parseReply(503, "text/html",
                "<html><body>Service Unavailable</body></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(html).isEqualTo(new SpineReply.Unexpected(503, "text/html", "a body of 45 bytes of type "
                + "\"text/html\", starting \"<html><body>Service Unavailable</body></html>\""));
        assertThat(EbxmlCodec.parseReply(404, "text/plain", new byte[0]))
                .isEqualTo(new SpineReply.Unexpected(404, "text/plain", "an empty body"));
        MessagingException hostile = assertThrows(MessagingException.class, () -> EbxmlCodec.parseReply(500,
                "text/xml", "<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>".getBytes(StandardCharsets.UTF_8)));
        assertThat(hostile.reason()).isEqualTo(MessagingException.Reason.REFUSED_XML);
    }

    @Test
    void aMultipartReplyIsReadFromItsEbxmlPart() {
        EncodedMessage ackAsMultipart = EbxmlCodec.encode(Fixtures.reliable().build());
        String body = new String(ackAsMultipart.body(), StandardCharsets.UTF_8);

        SpineReply r = EbxmlCodec.parseReply(202, ackAsMultipart.contentType(), body.getBytes(StandardCharsets.UTF_8));

        assertThat(r).isInstanceOf(SpineReply.Acknowledged.class);
        assertThat(((SpineReply.Acknowledged) r).header().orElseThrow().messageId()).isEqualTo(Fixtures.MESSAGE_ID);
    }

    private static SpineReply.SoapFault fault(String... codes) {
        List<FaultError> errors = java.util.Arrays.stream(codes).map(c -> FaultError.of(c, "d")).toList();
        return (SpineReply.SoapFault) EbxmlCodec.parseReply(500, "text/xml", EbxmlCodec.soapFault(errors).body());
    }
}
