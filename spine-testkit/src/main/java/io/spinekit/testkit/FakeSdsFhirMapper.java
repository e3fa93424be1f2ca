package io.spinekit.testkit;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.ldap.sdk.Entry;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The SDS FHIR API's mapper as {@link FakeSdsFhir} plays it (docs/reference/SDS-FHIR.md sections 2,
 * 3 and 5, from the service's {@code request/fhir_json_mapper.py}): raw LDAP entries to Device and
 * Endpoint resources, values verbatim, empty attributes omitted, one Endpoint per
 * {@code nhsMhsEndPoint} value, fresh upper-case UUIDs for ids.
 */
final class FakeSdsFhirMapper {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ID = "https://fhir.nhs.uk/Id/";
    static final String SD = "https://fhir.nhs.uk/StructureDefinition/";

    /** Thrown where the real service raises (multi-valued single attributes): a 500. */
    static final class ServiceFault extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ServiceFault(String message) {
            super(message);
        }
    }

    private FakeSdsFhirMapper() {
    }

    static String uuid() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }

    static ObjectNode bundle(String selfUrl, List<ObjectNode> resources, String base, String type) {
        ObjectNode b = JSON.createObjectNode().put("resourceType", "Bundle").put("id", uuid()).put("type", "searchset")
                .put("total", resources.size());
        b.putArray("link").addObject().put("relation", "self").put("url", selfUrl);
        ArrayNode entries = b.putArray("entry");
        for (ObjectNode r : resources) {
            ObjectNode e = entries.addObject().put("fullUrl", base + "/" + type + "/" + r.path("id").asText());
            e.set("resource", r);
            e.putObject("search").put("mode", "match");
        }
        return b;
    }

    static ObjectNode device(Entry e) {
        ObjectNode d = JSON.createObjectNode().put("resourceType", "Device").put("id", uuid());
        ArrayNode ids = d.putArray("identifier");
        identifier(ids, "nhsSpineASID", single(e, "uniqueIdentifier"));
        identifier(ids, "nhsMhsPartyKey", single(e, "nhsMhsPartyKey"));
        ArrayNode ext = d.putArray("extension");
        String manufacturer = single(e, "nhsMhsManufacturerOrg");
        if (manufacturer != null) {
            reference(ext.addObject().put("url", SD + "Extension-SDS-ManufacturingOrganisation"),
                    "ods-organization-code", manufacturer);
        }
        for (String ia : values(e, "nhsAsSvcIA")) {
            reference(ext.addObject().put("url", SD + "Extension-SDS-NhsServiceInteractionId"),
                    "nhsServiceInteractionId", ia);
        }
        String owner = single(e, "nhsAsClient");
        if (owner != null) {
            d.putObject("owner").putObject("identifier").put("system", ID + "ods-organization-code").put("value", owner);
        }
        return d;
    }

    /** One Endpoint per {@code nhsMhsEndPoint} value; {@code address} replaced when {@code substitute} is set. */
    static List<ObjectNode> endpoints(Entry e, String substitute) {
        String[] addresses = values(e, "nhsMhsEndPoint");
        List<ObjectNode> out = new java.util.ArrayList<>();
        for (String a : addresses.length == 0 ? new String[] {null} : addresses) {
            ObjectNode r = JSON.createObjectNode().put("resourceType", "Endpoint").put("id", uuid()).put("status", "active");
            r.putObject("connectionType").put("system", "http://terminology.hl7.org/CodeSystem/endpoint-connection-type")
                    .put("code", "hl7-fhir-msg").put("display", "HL7 FHIR Messaging");
            r.putArray("payloadType").addObject().putArray("coding").addObject()
                    .put("system", "http://terminology.hl7.org/CodeSystem/endpoint-payload-type").put("code", "any")
                    .put("display", "Any");
            String address = substitute != null ? substitute : a;
            if (address != null) {
                r.put("address", address);
            }
            String ods = single(e, "nhsIDCode");
            if (ods != null) {
                r.putObject("managingOrganization").putObject("identifier").put("system", ID + "ods-organization-code")
                        .put("value", ods);
            }
            ArrayNode ids = r.putArray("identifier");
            identifier(ids, "nhsMhsFQDN", single(e, "nhsMhsFQDN"));
            identifier(ids, "nhsMhsPartyKey", single(e, "nhsMhsPartyKey"));
            identifier(ids, "nhsMhsCPAId", single(e, "nhsMhsCPAId"));
            identifier(ids, "nhsMHSId", single(e, "uniqueIdentifier"));
            ArrayNode ext = r.putArray("extension");
            ArrayNode nested = JSON.createArrayNode();
            for (String name : new String[] {"nhsMHSSyncReplyMode", "nhsMHSRetryInterval", "nhsMHSRetries",
                    "nhsMHSPersistDuration", "nhsMHSDuplicateElimination", "nhsMHSAckRequested", "nhsMHSActor"}) {
                String v = single(e, name); // attribute names are case-insensitive (UnboundID's Entry)
                if (v == null) {
                    continue;
                }
                ObjectNode x = nested.addObject().put("url", name);
                if (name.equals("nhsMHSRetries")) {
                    try {
                        x.put("valueInteger", Integer.parseInt(v.trim())); // int() in the service
                    } catch (NumberFormatException ex) {
                        throw new ServiceFault("int() of nhsMHSRetries " + v);
                    }
                } else {
                    x.put("valueString", v);
                }
            }
            if (!nested.isEmpty()) {
                ext.addObject().put("url", SD + "Extension-SDS-ReliabilityConfiguration").set("extension", nested);
            }
            for (String ia : values(e, "nhsMhsSvcIA")) {
                reference(ext.addObject().put("url", SD + "Extension-SDS-NhsServiceInteractionId"),
                        "nhsServiceInteractionId", ia);
            }
            out.add(r);
        }
        return out;
    }

    private static void identifier(ArrayNode ids, String system, String value) {
        if (value != null) {
            ids.addObject().put("system", ID + system).put("value", value);
        }
    }

    private static void reference(ObjectNode ext, String system, String value) {
        ext.putObject("valueReference").putObject("identifier").put("system", ID + system).put("value", value);
    }

    private static String[] values(Entry e, String attribute) {
        String[] v = e.getAttributeValues(attribute);
        return v == null ? new String[0] : v;
    }

    static String single(Entry e, String attribute) {
        String[] v = values(e, attribute);
        if (v.length > 1) {
            throw new ServiceFault(attribute + " of " + e.getDN() + " has " + v.length + " values");
        }
        return v.length == 0 || v[0].isEmpty() ? null : v[0];
    }
}
