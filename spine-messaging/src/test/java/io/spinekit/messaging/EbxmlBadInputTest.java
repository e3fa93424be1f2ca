package io.spinekit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bad input gives a typed error naming what is wrong; nothing half-parsed escapes. */
class EbxmlBadInputTest {
    private static final String FIXTURE = Fixtures.text("reliable-request.bin");

    private static MessagingException refused(String contentType, String body) {
        return assertThrows(MessagingException.class,
                () -> EbxmlCodec.decode(contentType, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aBodyThatIsNotMultipartIsNotMultipart() {
        MessagingException e = refused("text/xml", Fixtures.text("ack.xml"));

        assertThat(e.reason()).isEqualTo(MessagingException.Reason.NOT_MULTIPART);
        assertThat(e.getMessage()).isEqualTo("Content-Type \"text/xml\" is not multipart/related: an ebXML message "
                + "is multipart/related with the ebXML part first");
        assertThat(refused(null, FIXTURE).getMessage()).startsWith("Content-Type \"(none)\" is not multipart/related");
        MessagingException noBoundary = refused("multipart/related; type=\"text/xml\"", FIXTURE);
        assertThat(noBoundary.reason()).isEqualTo(MessagingException.Reason.NOT_MULTIPART);
        assertThat(noBoundary.getMessage()).contains("has no boundary parameter");
    }

    @Test
    void aBodyWithoutTheBoundaryHasNoParts() {
        MessagingException e = refused(Fixtures.CONTENT_TYPE, "just some text\r\n");

        assertThat(e.reason()).isEqualTo(MessagingException.Reason.MALFORMED_MIME);
        assertThat(e.getMessage()).startsWith("the body has no MIME part delimited by the boundary");
    }

    @Test
    void aMissingStartPartIsNamed() {
        MessagingException e = refused(Fixtures.CONTENT_TYPE,
                FIXTURE.replace("Content-Id: <ebXMLHeader@spine.nhs.uk>", "Content-Id: <other@spine.nhs.uk>"));

        assertThat(e.reason()).isEqualTo(MessagingException.Reason.MISSING_START_PART);
        assertThat(e.getMessage()).isEqualTo("no MIME part has the Content-Id of the start parameter "
                + "\"<ebXMLHeader@spine.nhs.uk>\": the first part is \"<other@spine.nhs.uk>\"");
        MessagingException second = refused(Fixtures.CONTENT_TYPE.replace("<ebXMLHeader@spine.nhs.uk>",
                "<" + Fixtures.MESSAGE_ID + "@spine.nhs.uk>"), FIXTURE);
        assertThat(second.getMessage()).contains("is not the first MIME part: the ebXML header must come first");
    }

    @Test
    void aManifestPointingAtAMissingPartIsNamed() {
        MessagingException e = refused(Fixtures.CONTENT_TYPE, FIXTURE.replace(
                "xlink:href=\"cid:" + Fixtures.MESSAGE_ID + "@spine.nhs.uk\"", "xlink:href=\"cid:gone@spine.nhs.uk\""));

        assertThat(e.reason()).isEqualTo(MessagingException.Reason.MISSING_PART);
        assertThat(e.getMessage()).isEqualTo("the manifest references \"cid:gone@spine.nhs.uk\" but no MIME part has "
                + "Content-Id \"<gone@spine.nhs.uk>\"");
    }

    @Test
    void hostileXmlInTheEbxmlPartIsRefusedAndNothingIsExpanded() {
        String dtd = FIXTURE.replace("<SOAP:Envelope ", "<!DOCTYPE SOAP:Envelope [<!ENTITY x SYSTEM "
                + "\"file:///etc/passwd\">]><SOAP:Envelope ").replace("<eb:CPAId>S1001A1630", "<eb:CPAId>&x;");
        MessagingException e = refused(Fixtures.CONTENT_TYPE, dtd);

        assertThat(e.reason()).isEqualTo(MessagingException.Reason.REFUSED_XML);
        assertThat(e.getMessage()).startsWith("ebXML header part was refused: it contains a document type declaration");
        String deep = FIXTURE.replace("<eb:CPAId>S1001A1630</eb:CPAId>",
                "<eb:CPAId>" + "<x>".repeat(40) + "</x>".repeat(40) + "</eb:CPAId>");
        assertThat(refused(Fixtures.CONTENT_TYPE, deep).getMessage()).contains("(XmlLimits.maxDepth)");
    }

    @Test
    void brokenOrIncompleteEnvelopesAreMalformedXml() {
        MessagingException noHeader = refused(Fixtures.CONTENT_TYPE, FIXTURE.replaceAll(
                "(?s)<eb:MessageHeader .*?</eb:MessageHeader>", ""));
        assertThat(noHeader.reason()).isEqualTo(MessagingException.Reason.MALFORMED_XML);
        assertThat(noHeader.getMessage()).isEqualTo("the ebXML header part has no <eb:MessageHeader> in its "
                + "<SOAP:Header>");
        MessagingException noCpa = refused(Fixtures.CONTENT_TYPE, FIXTURE.replace("<eb:CPAId>S1001A1630</eb:CPAId>",
                ""));
        assertThat(noCpa.getMessage()).isEqualTo("<eb:MessageHeader> has no <eb:CPAId>: it is required "
                + "(MESSAGING.md section 2)");
        MessagingException broken = refused(Fixtures.CONTENT_TYPE, FIXTURE.replace("</SOAP:Envelope>", ""));
        assertThat(broken.reason()).isEqualTo(MessagingException.Reason.MALFORMED_XML);
        assertThat(broken.getMessage()).startsWith("ebXML header part is not well-formed XML: ");
        MessagingException notSoap = refused(Fixtures.CONTENT_TYPE, FIXTURE.replace(
                "xmlns:SOAP=\"http://schemas.xmlsoap.org/soap/envelope/\"", "xmlns:SOAP=\"urn:other\""));
        assertThat(notSoap.getMessage()).startsWith("the document's root is \"<{urn:other}Envelope>\"");
    }

    @Test
    void unknownTransferEncodingsAndNestedMultipartsAreMalformedMime() {
        MessagingException qp = refused(Fixtures.CONTENT_TYPE, FIXTURE.replaceFirst(
                "Content-Transfer-Encoding: 8bit", "Content-Transfer-Encoding: x-uuencode"));
        assertThat(qp.reason()).isEqualTo(MessagingException.Reason.MALFORMED_MIME);
        assertThat(qp.getMessage()).isEqualTo("MIME part 1 has Content-Transfer-Encoding \"x-uuencode\": expected "
                + "7bit, 8bit, binary or base64 (EIS Part 2)");
        StringBuilder many = new StringBuilder(FIXTURE.substring(0, FIXTURE.lastIndexOf("----=_MIME-Boundary--")));
        for (int i = 0; i < 99; i++) {
            many.append("----=_MIME-Boundary\r\nContent-Id: <p").append(i).append(">\r\nContent-Type: text/plain"
                    + "\r\n\r\nx\r\n");
        }
        many.append("----=_MIME-Boundary--\r\n");
        MessagingException tooMany = refused(Fixtures.CONTENT_TYPE, many.toString());
        assertThat(tooMany.getMessage()).isEqualTo("message has more than 100 MIME parts: at most 100 including the "
                + "ebXML part (EIS 2.5.4.2)");
    }
}
