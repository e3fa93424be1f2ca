package io.spinekit.core.xml;

import java.io.ByteArrayInputStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A hardened XML reader: the JDK's own StAX parser configured so that no DTD, external entity or
 * entity expansion can ever take effect, plus size, depth, element-count, attribute-count and
 * text-length limits, producing an immutable {@link XmlElement} tree.
 *
 * <p>Protections, in order:
 * <ul>
 *   <li>the document is refused before parsing if it is larger than {@link XmlLimits#maxBytes()};</li>
 *   <li>{@code SUPPORT_DTD=false}, {@code IS_SUPPORTING_EXTERNAL_ENTITIES=false},
 *       {@code IS_REPLACING_ENTITY_REFERENCES=false}, {@link XMLConstants#ACCESS_EXTERNAL_DTD} and
 *       {@link XMLConstants#ACCESS_EXTERNAL_SCHEMA} set to {@code ""} (no protocol allowed), and an
 *       {@code XMLResolver} that refuses every resolution;</li>
 *   <li>any {@code <!DOCTYPE>} (DTD event) and any entity reference other than the five predefined
 *       ones and character references are refused, so XXE (file, http) and billion-laughs documents
 *       fail before any entity is declared, fetched or expanded;</li>
 *   <li>depth, element count, attributes per element and text per element are counted while
 *       streaming and the parse stops at the first limit exceeded.</li>
 * </ul>
 *
 * <p>StAX is used instead of DOM because it reports the DTD as an event (so it can be refused
 * outright rather than merely not loaded) and lets the limits be enforced while streaming. The JDK
 * implementation is requested explicitly ({@link XMLInputFactory#newDefaultFactory()}), so another
 * StAX provider on the class path cannot weaken the configuration. Thread-safe.
 *
 * <p>Speed: each thread keeps its own hardened factory with {@code reuse-instance} set, so the JDK
 * resets and reuses that thread's last (closed) reader instead of building a new one with an empty
 * symbol table for every document; that roughly halves the cost of parsing a small document. The
 * configuration is the same. So that a reused reader cannot grow or pin memory, a thread's factory
 * is dropped after a document larger than {@link #REUSE_MAX_BYTES} or once the documents it has
 * read hold more than {@link #REUSE_MAX_NAMES} element and attribute names in all.
 *
 * <p>This is the SDK's one hardened XML setup: every spinekit module that reads XML from a peer
 * (spine-cis for SAML and GAS, spine-messaging for ebXML and SOAP) reads it through this class, so a
 * fix here protects them all. JDK only, no dependencies.
 */
public final class SafeXml {
    /** A thread keeps its reader only after documents of at most this many bytes (or characters). */
    static final int REUSE_MAX_BYTES = 64 * 1024;
    /** A thread's reader is replaced once its documents have held this many names in all. */
    static final int REUSE_MAX_NAMES = 50_000;
    /** JDK property ({@code com.sun.xml.internal.stream.XMLInputFactoryImpl}): reuse the last closed reader. */
    private static final String REUSE_INSTANCE = "reuse-instance";
    private static final ThreadLocal<Cached> CACHED = new ThreadLocal<>();

    private SafeXml() {
    }

    /** A thread's hardened factory, reusing its last reader, and the names its documents held so far. */
    private static final class Cached {
        final XMLInputFactory factory = newFactory();
        int names;
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(REUSE_INSTANCE, Boolean.TRUE);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.TRUE);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resolution refused");
        });
        return f;
    }

    /**
     * Parses a document from bytes (encoding taken from the BOM or XML declaration, UTF-8 by default).
     *
     * @param bytes the document
     * @param limits the limits to enforce
     * @param what what the document is, for messages (for example "role assertion response")
     * @return the root element
     * @throws XmlException {@link XmlException.Reason#REFUSED} for a DTD, an entity reference or a limit,
     *     {@link XmlException.Reason#MALFORMED} if it is not well-formed XML
     */
    public static XmlElement parse(byte[] bytes, XmlLimits limits, String what) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(limits, "limits");
        if (bytes.length > limits.maxBytes()) {
            throw new XmlException(XmlException.Reason.REFUSED, what + " is " + bytes.length
                    + " bytes: larger than the limit of " + limits.maxBytes() + " bytes (XmlLimits.maxBytes)", null);
        }
        if (bytes.length == 0) {
            throw new XmlException(XmlException.Reason.MALFORMED, what + " is empty: expected an XML document", null);
        }
        Cached cached = cached();
        try {
            return read(cached.factory.createXMLStreamReader(new ByteArrayInputStream(bytes)), limits, what, cached,
                    bytes.length);
        } catch (XMLStreamException e) {
            throw malformed(what, e);
        }
    }

    private static Cached cached() {
        Cached c = CACHED.get();
        if (c == null) {
            c = new Cached();
            CACHED.set(c);
        }
        return c;
    }

    /** Keeps the thread's reader for the next document, or drops it (see the class comment). */
    private static void release(Cached cached, int size, int names) {
        cached.names += names;
        if (size > REUSE_MAX_BYTES || cached.names > REUSE_MAX_NAMES) {
            CACHED.remove();
        }
    }

    /**
     * Parses a document from text.
     *
     * @param text the document
     * @param limits the limits to enforce ({@link XmlLimits#maxBytes()} applies to characters)
     * @param what what the document is, for messages
     * @return the root element
     * @throws XmlException as for {@link #parse(byte[], XmlLimits, String)}
     */
    public static XmlElement parse(String text, XmlLimits limits, String what) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(limits, "limits");
        if (text.length() > limits.maxBytes()) {
            throw new XmlException(XmlException.Reason.REFUSED, what + " is " + text.length()
                    + " characters: larger than the limit of " + limits.maxBytes() + " (XmlLimits.maxBytes)", null);
        }
        if (text.isBlank()) {
            throw new XmlException(XmlException.Reason.MALFORMED, what + " is empty: expected an XML document", null);
        }
        Reader reader = new StringReader(text);
        Cached cached = cached();
        try {
            return read(cached.factory.createXMLStreamReader(reader), limits, what, cached, text.length());
        } catch (XMLStreamException e) {
            throw malformed(what, e);
        }
    }

    private static XmlException malformed(String what, XMLStreamException e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s+", " ");
        return new XmlException(XmlException.Reason.MALFORMED, what + " is not well-formed XML: " + detail, e);
    }

    /**
     * An element being read. Its text is kept as the one string the parser reported (with
     * coalescing that is the usual case) and only gathered in a builder when it comes in several
     * pieces (text around a comment or a child); an element without text or attributes allocates
     * neither.
     */
    private static final class Building {
        final String namespace;
        final String localName;
        final Map<String, String> attributes;
        final Map<String, String> namespaces;
        List<XmlElement> children = List.of();
        String text = "";
        StringBuilder pieces;

        Building(String namespace, String localName, Map<String, String> attributes, Map<String, String> namespaces) {
            this.namespace = namespace;
            this.localName = localName;
            this.attributes = attributes;
            this.namespaces = namespaces;
        }

        int textLength() {
            return pieces == null ? text.length() : pieces.length();
        }

        void addText(char[] chars, int start, int length) {
            if (length == 0) {
                return;
            }
            if (pieces != null) {
                pieces.append(chars, start, length);
            } else if (text.isEmpty()) {
                text = new String(chars, start, length);
            } else {
                pieces = new StringBuilder(text.length() + length + 16).append(text).append(chars, start, length);
                text = null;
            }
        }

        void addChild(XmlElement child) {
            if (children.isEmpty()) {
                children = new ArrayList<>(4);
            }
            children.add(child);
        }

        XmlElement build() {
            return new XmlElement(namespace, localName, attributes, children, pieces == null ? text
                    : pieces.toString(), namespaces);
        }
    }

    private static XmlElement read(XMLStreamReader r, XmlLimits limits, String what, Cached cached, int size)
            throws XMLStreamException {
        Deque<Building> stack = new ArrayDeque<>();
        XmlElement root = null;
        int elements = 0;
        int names = 0;
        try {
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw rejected(what, "it contains a document type declaration "
                            + "(<!DOCTYPE>); DTDs are never processed, which rules out external entities (XXE) and "
                            + "entity expansion");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw rejected(what, "it references the entity '&"
                            + shorten(r.getLocalName()) + ";'; only the predefined entities and character references are "
                            + "accepted");
                    case XMLStreamConstants.ENTITY_DECLARATION, XMLStreamConstants.NOTATION_DECLARATION ->
                            throw rejected(what, "it declares entities or notations");
                    case XMLStreamConstants.START_ELEMENT -> {
                        elements++;
                        names += 1 + r.getAttributeCount() + r.getNamespaceCount();
                        if (elements > limits.maxElements()) {
                            throw rejected(what, "it has more than " + limits.maxElements()
                                    + " elements (XmlLimits.maxElements)");
                        }
                        if (stack.size() + 1 > limits.maxDepth()) {
                            throw rejected(what, "its elements are nested deeper than " + limits.maxDepth()
                                    + " levels (XmlLimits.maxDepth)");
                        }
                        if (r.getAttributeCount() > limits.maxAttributes()) {
                            throw rejected(what, "element <" + shorten(r.getLocalName()) + "> has "
                                    + r.getAttributeCount() + " attributes, more than " + limits.maxAttributes()
                                    + " (XmlLimits.maxAttributes)");
                        }
                        Map<String, String> inScope = stack.isEmpty() ? Map.of() : stack.peek().namespaces;
                        if (r.getNamespaceCount() > 0) {
                            Map<String, String> copy = new HashMap<>(inScope);
                            for (int i = 0; i < r.getNamespaceCount(); i++) {
                                String prefix = r.getNamespacePrefix(i);
                                String uri = r.getNamespaceURI(i);
                                copy.put(prefix == null ? "" : prefix, uri == null ? "" : uri);
                            }
                            inScope = Map.copyOf(copy);
                        }
                        int count = r.getAttributeCount();
                        Map<String, String> attributes = count == 0 ? Map.of() : new HashMap<>(count * 2);
                        for (int i = 0; i < count; i++) {
                            String ns = r.getAttributeNamespace(i);
                            String key = ns == null || ns.isEmpty() ? r.getAttributeLocalName(i)
                                    : "{" + ns + "}" + r.getAttributeLocalName(i);
                            attributes.put(key, r.getAttributeValue(i));
                        }
                        String ns = r.getNamespaceURI();
                        stack.push(new Building(ns == null ? "" : ns, r.getLocalName(), attributes, inScope));
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!stack.isEmpty()) {
                            Building b = stack.peek();
                            if (b.textLength() + r.getTextLength() > limits.maxTextLength()) {
                                throw rejected(what, "element <" + shorten(b.localName) + "> has more than "
                                        + limits.maxTextLength() + " characters of text (XmlLimits.maxTextLength)");
                            }
                            b.addText(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        XmlElement done = stack.pop().build();
                        if (stack.isEmpty()) {
                            root = done;
                        } else {
                            stack.peek().addChild(done);
                        }
                    }
                    default -> {
                        // comments, processing instructions, start/end document: nothing to keep
                    }
                }
            }
        } finally {
            r.close();
            release(cached, size, names);
        }
        if (root == null) {
            throw new XmlException(XmlException.Reason.MALFORMED, what + " has no root element", null);
        }
        return root;
    }

    private static XmlException rejected(String what, String why) {
        return new XmlException(XmlException.Reason.REFUSED, what + " was refused: " + why, null);
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
