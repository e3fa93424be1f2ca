/**
 * The SDK's one hardened XML setup: {@link io.spinekit.core.xml.SafeXml} reads a document with the
 * JDK's StAX parser, refusing DTDs and entity references, within {@link io.spinekit.core.xml.XmlLimits}
 * (size, depth, element count, attributes, text), into an immutable
 * {@link io.spinekit.core.xml.XmlElement} tree; failures are {@link io.spinekit.core.xml.XmlException}s.
 * spine-cis (SAML, GAS) and spine-messaging (ebXML, SOAP) both read XML through it.
 */
package io.spinekit.core.xml;
