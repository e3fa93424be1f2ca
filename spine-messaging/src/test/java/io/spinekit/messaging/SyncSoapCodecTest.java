package io.spinekit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The synchronous SOAP envelope (MESSAGING.md section 5) and the reading of Spine's answer. */
class SyncSoapCodecTest {
    private static final String ID = "0A1B2C3D-0000-4000-8000-000000000009";

    private static byte[] answer(String relatesTo, String body) {
        return ("<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:wsa=\""
                + "http://schemas.xmlsoap.org/ws/2004/08/addressing\" xmlns:hl7=\"urn:hl7-org:v3\"><SOAP-ENV:Header>"
                + "<wsa:MessageID>uuid:0A1B2C3D-0000-4000-8000-00000000FFFF</wsa:MessageID><wsa:RelatesTo>" + relatesTo
                + "</wsa:RelatesTo></SOAP-ENV:Header><SOAP-ENV:Body>" + body + "</SOAP-ENV:Body></SOAP-ENV:Envelope>")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theRequestCarriesTheWsAddressingHeadersAndBothAsids() {
        EncodedMessage m = SyncSoap.encode(ID, "urn:nhs:names:services:pdsquery", "QUPA_IN000006UK02", "918999198738",
                "200000000001", "<?xml version=\"1.0\"?>\n<QUPA_IN000006UK02 xmlns=\"urn:hl7-org:v3\"/>"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(new String(m.body(), StandardCharsets.UTF_8)).isEqualTo("<SOAP-ENV:Envelope xmlns:SOAP-ENV=\""
                + "http://schemas.xmlsoap.org/soap/envelope/\" xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/"
                + "addressing\" xmlns:hl7=\"urn:hl7-org:v3\"><SOAP-ENV:Header><wsa:MessageID>uuid:" + ID
                + "</wsa:MessageID><wsa:Action>urn:nhs:names:services:pdsquery/QUPA_IN000006UK02</wsa:Action><wsa:To>"
                + "urn:nhs:names:services:pdsquery</wsa:To><wsa:From><wsa:Address></wsa:Address></wsa:From>"
                + "<hl7:communicationFunctionRcv><hl7:device><hl7:id root=\"1.2.826.0.1285.0.2.0.107\" "
                + "extension=\"918999198738\"/></hl7:device></hl7:communicationFunctionRcv><hl7:communicationFunctionSnd>"
                + "<hl7:device><hl7:id root=\"1.2.826.0.1285.0.2.0.107\" extension=\"200000000001\"/></hl7:device>"
                + "</hl7:communicationFunctionSnd><wsa:ReplyTo><wsa:Address></wsa:Address></wsa:ReplyTo>"
                + "</SOAP-ENV:Header><SOAP-ENV:Body><QUPA_IN000006UK02 xmlns=\"urn:hl7-org:v3\"/></SOAP-ENV:Body>"
                + "</SOAP-ENV:Envelope>");
        assertThat(m.headers()).containsEntry("SOAPAction", "urn:nhs:names:services:pdsquery/QUPA_IN000006UK02")
                .containsEntry("Content-Type", "text/xml; charset=UTF-8");
    }

    @Test
    void theResponseBodyIsReturnedByteForByteWithItsRelatesTo() {
        String content = "<hl7:retrievalQueryResponse><QUPA_IN000007UK01>Zoë</QUPA_IN000007UK01></hl7:retrievalQueryResponse>";

        SpineReply r = SyncSoap.read(200, "text/xml", answer("uuid:" + ID, content), ID);

        assertThat(r).isEqualTo(new SpineReply.SyncResponse(200, Optional.of("uuid:" + ID),
                content.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aResponseToAnotherRequestIsRefused() {
        MessagingException e = assertThrows(MessagingException.class,
                () -> SyncSoap.read(200, "text/xml", answer("uuid:other", "<x/>"), ID));

        assertThat(e.getMessage()).isEqualTo("the synchronous response's wsa:RelatesTo is \"uuid:other\": expected "
                + "uuid:" + ID);
    }
}
