package io.spinekit.cis.internal;

import io.spinekit.cis.CisException;
import io.spinekit.core.xml.SafeXml;
import io.spinekit.core.xml.XmlElement;
import io.spinekit.core.xml.XmlException;
import io.spinekit.core.xml.XmlLimits;

/**
 * spine-cis's door to the SDK's one hardened XML setup ({@link SafeXml} in spine-core): the same
 * parser and limits, with its failures as {@link CisException}s ({@code REJECTED_XML} for a DTD,
 * an entity reference or a limit, {@code MALFORMED} otherwise), message unchanged.
 *
 * <p>Internal API: may change without notice.
 */
public final class CisXml {
    private CisXml() {
    }

    /**
     * Parses a document from bytes.
     *
     * @param bytes the document
     * @param limits the limits
     * @param what what the document is, for messages
     * @return the root element
     * @throws CisException {@code REJECTED_XML} or {@code MALFORMED}
     */
    public static XmlElement parse(byte[] bytes, XmlLimits limits, String what) {
        try {
            return SafeXml.parse(bytes, limits, what);
        } catch (XmlException e) {
            throw translate(e);
        }
    }

    /**
     * Parses a document from text.
     *
     * @param text the document
     * @param limits the limits ({@code maxBytes} applies to characters)
     * @param what what the document is, for messages
     * @return the root element
     * @throws CisException {@code REJECTED_XML} or {@code MALFORMED}
     */
    public static XmlElement parse(String text, XmlLimits limits, String what) {
        try {
            return SafeXml.parse(text, limits, what);
        } catch (XmlException e) {
            throw translate(e);
        }
    }

    private static CisException translate(XmlException e) {
        CisException.Reason reason = switch (e.reason()) {
            case REFUSED -> CisException.Reason.REJECTED_XML;
            case MALFORMED -> CisException.Reason.MALFORMED;
            case CONFIGURATION -> CisException.Reason.CONFIGURATION;
        };
        return new CisException(reason, e.getMessage(), e);
    }
}
