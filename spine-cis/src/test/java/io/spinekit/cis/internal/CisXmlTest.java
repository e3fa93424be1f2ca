package io.spinekit.cis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spinekit.cis.CisException;
import io.spinekit.core.xml.XmlException;
import io.spinekit.core.xml.XmlLimits;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** spine-cis reads XML through spine-core's SafeXml; its failures keep their CIS reasons and messages. */
class CisXmlTest {

    @Test
    void refusalsAreRejectedXmlWithTheCoreMessageAndCause() {
        CisException e = assertThrows(CisException.class, () -> CisXml.parse(
                ("<e>".repeat(3) + "</e>".repeat(3)).getBytes(StandardCharsets.UTF_8),
                XmlLimits.DEFAULT.withMaxDepth(2), "role assertion response"));

        assertThat(e.reason()).isEqualTo(CisException.Reason.REJECTED_XML);
        assertThat(e.getMessage()).isEqualTo("role assertion response was refused: its elements are nested deeper "
                + "than 2 levels (XmlLimits.maxDepth)");
        assertThat(e.getCause()).isInstanceOf(XmlException.class);
    }

    @Test
    void malformedDocumentsAreMalformed() {
        CisException e = assertThrows(CisException.class, () -> CisXml.parse("<r>", XmlLimits.DEFAULT, "GAS message"));

        assertThat(e.reason()).isEqualTo(CisException.Reason.MALFORMED);
        assertThat(e.getMessage()).startsWith("GAS message is not well-formed XML: ");
    }

    @Test
    void limitsGivenToTheCisParserAreTheSdksOneXmlLimits() {
        // spine-cis has no copy of XmlLimits any more: a bad limit is the shared XmlException
        // (a SpineException) with reason CONFIGURATION, whichever module builds it.
        XmlException e = assertThrows(XmlException.class, () -> new XmlLimits(0, 1, 1, 1, 1));

        assertThat(e.reason()).isEqualTo(XmlException.Reason.CONFIGURATION);
        assertThat(e.getMessage()).isEqualTo("XmlLimits.maxBytes is 0: expected a positive number");
    }
}
