package io.spinekit.cis;

import io.spinekit.core.xml.SafeXml;
import io.spinekit.core.xml.XmlElement;
import io.spinekit.core.xml.XmlException;

/**
 * spine-cis's door to the SDK's one hardened XML setup ({@link SafeXml} in spine-core): the same
 * parser and limits, with its failures as {@link CisException}s ({@code REJECTED_XML} for a DTD,
 * an entity reference or a limit, {@code MALFORMED} otherwise), message unchanged.
 */
final class CisXml {
    private CisXml() {
    }

    static XmlElement parse(byte[] bytes, XmlLimits limits, String what) {
        try {
            return SafeXml.parse(bytes, limits.toCore(), what);
        } catch (XmlException e) {
            throw translate(e);
        }
    }

    static XmlElement parse(String text, XmlLimits limits, String what) {
        try {
            return SafeXml.parse(text, limits.toCore(), what);
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
