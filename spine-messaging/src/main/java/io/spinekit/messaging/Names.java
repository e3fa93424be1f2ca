package io.spinekit.messaging;

/** Protocol strings, each from MESSAGING.md (the section and its source in the comment). */
final class Names {
    /** SOAP 1.1 envelope (MHS {@code t/ebxml_request.mustache}, section 2). */
    static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    /** ebXML message header 2.0 (section 2). */
    static final String EB = "http://www.oasis-open.org/committees/ebxml-msg/schema/msg-header-2_0.xsd";
    /** XLink (section 2). */
    static final String XLINK = "http://www.w3.org/1999/xlink";
    /** HL7 ebXML transport, as MHS and Spine write it (section 2); {@link #HL7EBXML_LOWER} is also read. */
    static final String HL7EBXML = "urn:hl7-org:transport/ebXML/DSTUv1.0";
    /** The spelling of ST, EMIS and MHS's inbound examples (section 2). */
    static final String HL7EBXML_LOWER = "urn:hl7-org:transport/ebxml/DSTUv1.0";
    /** SOAP fault detail namespace (MHS {@code m/soap_fault_envelope.py}, section 3). */
    static final String NASP = "http://national.carerecords.nhs.uk/schema/";
    /** Party id type (section 2). */
    static final String PARTY_TYPE = "urn:nhs:names:partyType:ocs+serviceInstance";
    /** The boundary parameter (MHS {@code m/ebxml_request_envelope.py}, section 1). */
    static final String BOUNDARY = "--=_MIME-Boundary";
    /** Content id of the ebXML part (section 1). */
    static final String EBXML_CONTENT_ID = "ebXMLHeader@spine.nhs.uk";
    /** Suffix of generated content ids (section 1). */
    static final String CONTENT_ID_DOMAIN = "@spine.nhs.uk";
    /**
     * The request Content-Type: the quoted, angle-bracketed {@code type} and {@code start} of
     * Spine's own inbound requests (FS capture, which also carries {@code charset="UTF-8"}) and of
     * ST, without the charset, exactly as the section 8 fixture; MHS sends {@code type=text/xml;
     * start=ebXMLHeader@spine.nhs.uk} bare. Choosing this form is an inference (section 1).
     */
    static final String MULTIPART_CONTENT_TYPE = "multipart/related; boundary=\"" + BOUNDARY
            + "\"; type=\"text/xml\"; start=\"<" + EBXML_CONTENT_ID + ">\"";
    /** The SyncReply actor (section 2). */
    static final String SOAP_ACTOR_NEXT = "http://schemas.xmlsoap.org/soap/actor/next";
    /** HL7 payload schema in the manifest (MHS template, section 2). */
    static final String HL7_SCHEMA = "http://www.nhsia.nhs.uk/schemas/HL7-Message.xsd";
    /** Service of acknowledgements and message errors (section 3). */
    static final String EBXML_SERVICE = "urn:oasis:names:tc:ebxml-msg:service";
    /** Action of an acknowledgement (section 3). */
    static final String ACTION_ACK = "Acknowledgment";
    /** Action of a message error (section 3). */
    static final String ACTION_ERROR = "MessageError";

    private Names() {
    }
}
