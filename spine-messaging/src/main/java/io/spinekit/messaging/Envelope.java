package io.spinekit.messaging;

import io.spinekit.core.Text;
import io.spinekit.core.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a SOAP envelope holds, read from an {@link XmlElement} tree (MESSAGING.md sections 2 and 3):
 * the ebXML header elements, the manifest, an error list, an acknowledgement or a SOAP fault.
 */
record Envelope(Optional<MessageHeader> header, Optional<String> ackRequestedActor, boolean syncReply,
        List<ManifestReference> manifest, Optional<List<EbxmlError>> errorList, Optional<String> acknowledged,
        Optional<SpineReply.SoapFault> fault) {

    static Envelope read(XmlElement root) {
        if (!root.is(Names.SOAP, "Envelope")) {
            throw EbxmlReader.malformed("the document's root is " + Text.quote(root.toString())
                    + ": expected <SOAP:Envelope> in " + Names.SOAP);
        }
        Optional<XmlElement> head = root.child(Names.SOAP, "Header");
        Optional<XmlElement> body = root.child(Names.SOAP, "Body");
        Optional<MessageHeader> header = head.flatMap(h -> h.child(Names.EB, "MessageHeader")).map(Envelope::header);
        Optional<String> actor = head.flatMap(h -> h.child(Names.EB, "AckRequested"))
                .map(a -> attr(a, Names.SOAP, "actor").orElse(""));
        boolean syncReply = head.flatMap(h -> h.child(Names.EB, "SyncReply")).isPresent();
        List<ManifestReference> manifest = new ArrayList<>();
        body.flatMap(b -> b.child(Names.EB, "Manifest")).ifPresent(m -> {
            for (XmlElement r : m.children(Names.EB, "Reference")) {
                String href = attr(r, Names.XLINK, "href").orElseThrow(() -> EbxmlReader.malformed(
                        "an <eb:Reference> in the manifest has no xlink:href"));
                boolean hl7 = r.children().stream().anyMatch(c -> c.localName().equals("Payload")
                        && (c.namespace().equalsIgnoreCase(Names.HL7EBXML)));
                manifest.add(new ManifestReference(href.strip(), attr(r, Names.EB, "id"),
                        r.child(Names.EB, "Description").map(XmlElement::text), hl7));
            }
        });
        Optional<List<EbxmlError>> errors = head.flatMap(h -> h.child(Names.EB, "ErrorList")).map(Envelope::errors);
        Optional<String> acked = head.flatMap(h -> h.child(Names.EB, "Acknowledgment"))
                .map(a -> a.child(Names.EB, "RefToMessageId").map(XmlElement::trimmedText)
                        .orElseGet(() -> header.flatMap(MessageHeader::refToMessageId).orElse("")));
        Optional<SpineReply.SoapFault> fault = body.flatMap(b -> b.child(Names.SOAP, "Fault")).map(Envelope::fault);
        return new Envelope(header, actor, syncReply, manifest, errors, acked, fault);
    }

    private static MessageHeader header(XmlElement h) {
        XmlElement data = required(h, "MessageData");
        return new MessageHeader(party(h, "From"), party(h, "To"), text(h, "CPAId"), text(h, "ConversationId"),
                text(h, "Service"), text(h, "Action"), text(data, "MessageId"), text(data, "Timestamp"),
                data.child(Names.EB, "RefToMessageId").map(XmlElement::trimmedText),
                h.child(Names.EB, "DuplicateElimination").isPresent());
    }

    private static String party(XmlElement h, String side) {
        return required(required(h, side), "PartyId").trimmedText();
    }

    private static String text(XmlElement parent, String name) {
        return required(parent, name).trimmedText();
    }

    private static XmlElement required(XmlElement parent, String name) {
        return parent.child(Names.EB, name).orElseThrow(() -> EbxmlReader.malformed("<eb:" + parent.localName()
                + "> has no <eb:" + name + ">: it is required (MESSAGING.md section 2)"));
    }

    private static List<EbxmlError> errors(XmlElement list) {
        List<EbxmlError> out = new ArrayList<>();
        for (XmlElement e : list.children(Names.EB, "Error")) {
            out.add(new EbxmlError(attr(e, Names.EB, "errorCode").orElseThrow(() -> EbxmlReader.malformed(
                    "an <eb:Error> has no eb:errorCode: it is required by the ebXML schema")),
                    attr(e, Names.EB, "severity").orElse("Error"),
                    attr(e, Names.EB, "codeContext").orElse(EbxmlError.DEFAULT_CODE_CONTEXT),
                    attr(e, Names.EB, "location"), attr(e, Names.EB, "id"),
                    e.child(Names.EB, "Description").map(XmlElement::text)));
        }
        return out;
    }

    private static SpineReply.SoapFault fault(XmlElement f) {
        List<FaultError> errors = new ArrayList<>();
        f.children().stream().filter(c -> c.localName().equals("detail")).findFirst()
                .flatMap(d -> d.child(Names.NASP, "errorList")).ifPresent(list -> {
                    for (XmlElement e : list.children(Names.NASP, "error")) {
                        errors.add(new FaultError(nasp(e, "codeContext"), nasp(e, "errorCode").orElse(""),
                                nasp(e, "severity"), nasp(e, "location"), nasp(e, "description")));
                    }
                });
        return new SpineReply.SoapFault(0, unqualified(f, "faultcode").orElse(""),
                unqualified(f, "faultstring").orElse(""), errors);
    }

    private static Optional<String> nasp(XmlElement e, String name) {
        return e.child(Names.NASP, name).map(XmlElement::trimmedText);
    }

    /** SOAP 1.1 fault children are unqualified; some writers qualify them, so the local name decides. */
    private static Optional<String> unqualified(XmlElement f, String name) {
        return f.children().stream().filter(c -> c.localName().equals(name)).findFirst().map(XmlElement::trimmedText);
    }

    /** A namespaced attribute, or the same name unqualified (some writers omit the prefix). */
    static Optional<String> attr(XmlElement e, String ns, String name) {
        Optional<String> v = Optional.ofNullable(e.attributes().get("{" + ns + "}" + name));
        return v.isPresent() ? v : e.attribute(name);
    }
}
