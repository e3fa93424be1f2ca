/**
 * Spine messaging: the ebXML codec ({@link io.spinekit.messaging.EbxmlCodec}) and the client that
 * sends an interaction to an SDS route ({@link io.spinekit.messaging.SpineMessaging}), synchronous SOAP
 * included, and the inbound side ({@link io.spinekit.messaging.InboundHandler},
 * {@link io.spinekit.messaging.InboundServer}). Protocol
 * strings come from the SDK's messaging reference (MESSAGING.md); where it says a detail is
 * inferred, the javadoc says so. MIME is read with Apache James mime4j, XML with spine-core's
 * hardened {@link io.spinekit.core.xml.SafeXml}.
 */
package io.spinekit.messaging;
