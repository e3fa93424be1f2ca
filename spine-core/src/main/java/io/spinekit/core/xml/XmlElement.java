package io.spinekit.core.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One element of a document read by {@link SafeXml}: immutable, with its namespace, attributes,
 * child elements, text and the namespace bindings in scope (to resolve QName-valued attributes such
 * as SAML's {@code Value="samlp:Success"}).
 *
 * <p>{@link #toString()} shows only the element name, so
 * that a document's content (which may hold a ticket) never reaches a log by accident.
 *
 * @param namespace the namespace URI, or {@code ""} for none
 * @param localName the local name
 * @param attributes attribute values keyed by local name (unqualified attributes) or {@code {uri}local}
 * @param children child elements in document order
 * @param text the element's own text (not its children's), untrimmed
 * @param namespaces prefix to namespace URI bindings in scope ({@code ""} for the default namespace)
 */
public record XmlElement(String namespace, String localName, Map<String, String> attributes,
        List<XmlElement> children, String text, Map<String, String> namespaces) {

    /**
     * Copies the collections.
     *
     * @param namespace the namespace URI
     * @param localName the local name
     * @param attributes attribute values
     * @param children child elements
     * @param text own text
     * @param namespaces bindings in scope
     */
    public XmlElement {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
        namespaces = Map.copyOf(namespaces);
    }

    /**
     * Whether this element has the given name.
     *
     * @param ns the namespace URI
     * @param local the local name
     * @return true if both match
     */
    public boolean is(String ns, String local) {
        return namespace.equals(ns) && localName.equals(local);
    }

    /**
     * An attribute by local name (unqualified attributes).
     *
     * @param name the attribute name
     * @return its value, if present
     */
    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /**
     * The child elements with the given name.
     *
     * @param ns the namespace URI
     * @param local the local name
     * @return matching children in document order
     */
    public List<XmlElement> children(String ns, String local) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement c : children) {
            if (c.is(ns, local)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The first child element with the given name.
     *
     * @param ns the namespace URI
     * @param local the local name
     * @return the child, if any
     */
    public Optional<XmlElement> child(String ns, String local) {
        for (XmlElement c : children) {
            if (c.is(ns, local)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * The text with leading and trailing white space removed.
     *
     * @return trimmed text, possibly empty
     */
    public String trimmedText() {
        return text.strip();
    }

    /**
     * Resolves a QName-valued attribute (such as {@code samlp:Success}) to its namespace URI.
     *
     * @param qname a prefixed or unprefixed name
     * @return the namespace URI bound to the prefix (the default namespace when unprefixed), if bound
     */
    public Optional<String> resolvePrefix(String qname) {
        int colon = qname.indexOf(':');
        String prefix = colon < 0 ? "" : qname.substring(0, colon);
        return Optional.ofNullable(namespaces.get(prefix));
    }

    /**
     * The name only, never the content.
     *
     * @return for example {@code <{urn:oasis:names:tc:SAML:1.0:protocol}Response>}
     */
    @Override
    public String toString() {
        return "<" + (namespace.isEmpty() ? "" : "{" + namespace + "}") + localName + ">";
    }
}
