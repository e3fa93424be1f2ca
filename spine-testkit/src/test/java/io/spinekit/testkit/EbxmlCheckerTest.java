package io.spinekit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.spinekit.env.PartyKey;
import io.spinekit.messaging.EbxmlCodec;
import io.spinekit.messaging.EbxmlMessage;
import io.spinekit.messaging.EbxmlRequest;
import io.spinekit.messaging.EncodedMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The MIME part checks of {@link EbxmlChecker}: as strict as MESSAGING.md (sections 1 and 2), no
 * stricter. Each case rewrites the part headers of a message the SDK's own codec wrote.
 */
class EbxmlCheckerTest {
    static final String EBXML_PART = "Content-Id: <ebXMLHeader@spine.nhs.uk>\r\nContent-Type: text/xml; charset=UTF-8"
            + "\r\nContent-Transfer-Encoding: 8bit";

    private final EncodedMessage sent = EbxmlCodec.encode(EbxmlRequest.builder().from(PartyKey.of("X99-123456"))
            .to(PartyKey.of("YES-0000806")).cpaId("S1001A1630").service("urn:nhs:names:services:psis")
            .action("REPC_IN150016UK05").duplicateElimination(true).ackRequested(EbxmlRequest.ACTOR_TO_PARTY_MSH)
            .syncReply(true).payload("<REPC_IN150016UK05 xmlns=\"urn:hl7-org:v3\"/>".getBytes(StandardCharsets.UTF_8))
            .build());

    /** The problems of the message with its ebXML part headers and HL7 part headers replaced. */
    private List<String> problems(String ebxmlType, String ebxmlEncoding, String hl7Type, String hl7Encoding) {
        String body = new String(sent.body(), StandardCharsets.UTF_8);
        String id = EbxmlCodec.decode(sent.contentType(), sent.body()).header().messageId();
        String hl7Part = "Content-Id: <" + id + "@spine.nhs.uk>\r\nContent-Type: text/xml; charset=UTF-8"
                + "\r\nContent-Transfer-Encoding: 8bit";
        assertThat(body).contains(EBXML_PART, hl7Part);
        body = body.replace(EBXML_PART, "Content-Id: <ebXMLHeader@spine.nhs.uk>\r\nContent-Type: " + ebxmlType
                + "\r\nContent-Transfer-Encoding: " + ebxmlEncoding)
                .replace(hl7Part, "Content-Id: <" + id + "@spine.nhs.uk>\r\nContent-Type: " + hl7Type
                        + "\r\nContent-Transfer-Encoding: " + hl7Encoding);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        EbxmlMessage m = EbxmlCodec.decode(sent.contentType(), bytes);
        Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(sent.headers());
        headers.put("Content-Type", sent.contentType());
        return new EbxmlChecker().check("POST", headers, bytes, m);
    }

    @Test
    void whatTheSdkWritesConforms() {
        assertThat(problems("text/xml; charset=UTF-8", "8bit", "text/xml; charset=UTF-8", "8bit")).isEmpty();
    }

    @Test
    void theHl7PartMayBeApplicationXmlAsSpineAndSpineToolsSendIt() {
        assertThat(problems("text/xml; charset=UTF-8", "8bit", "application/xml", "8bit")).as("Spine (FS capture)")
                .isEmpty();
        assertThat(problems("text/xml; charset=UTF-8", "8bit", "application/xml; charset=UTF-8", "8bit"))
                .as("SpineTools").isEmpty();
    }

    @Test
    void parameterSpellingThatMimeTreatsAsEqualIsAccepted() {
        assertThat(problems("Text/XML;charset=\"utf-8\"", "8BIT", "text/xml;  charset=utf-8", "8bit")).isEmpty();
        assertThat(problems("text/xml", "8bit", "application/xml", "8bit")).as("no charset parameter").isEmpty();
    }

    @Test
    void everyTransferEncodingTheEisAcceptsIsAccepted() {
        for (String encoding : List.of("7bit", "8bit", "binary")) {
            assertThat(problems("text/xml; charset=UTF-8", encoding, "text/xml; charset=UTF-8", encoding))
                    .as(encoding).isEmpty();
        }
    }

    @Test
    void theEbxmlPartMustBeTextXmlAsTheMultipartTypeSays() {
        assertThat(problems("application/xml; charset=UTF-8", "8bit", "text/xml; charset=UTF-8", "8bit"))
                .containsExactly("ebXML part Content-Type application/xml; charset=UTF-8: expected text/xml"
                        + " (charset UTF-8, if any)");
    }

    @Test
    void anotherTypeOrCharsetIsAProblemNamingIt() {
        // another Content-Transfer-Encoding (quoted-printable) the codec itself refuses, and FakeMhs reports that
        assertThat(problems("text/xml; charset=ISO-8859-1", "8bit", "text/plain", "8bit")).containsExactly(
                "ebXML part Content-Type text/xml; charset=ISO-8859-1: expected text/xml (charset UTF-8, if any)",
                "HL7 part Content-Type text/plain: expected text/xml or application/xml (charset UTF-8, if any)");
    }
}
