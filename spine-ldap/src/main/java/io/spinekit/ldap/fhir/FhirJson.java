package io.spinekit.ldap.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import io.spinekit.core.Text;
import io.spinekit.env.Asid;
import io.spinekit.env.InteractionId;
import io.spinekit.env.InvalidIdentifierException;
import io.spinekit.env.OdsCode;
import io.spinekit.env.PartyKey;
import io.spinekit.ldap.AccreditedSystem;
import io.spinekit.ldap.MhsRecord;
import io.spinekit.ldap.Reliability;
import io.spinekit.ldap.SdsLookupException;
import io.spinekit.ldap.SdsWarning;
import io.spinekit.ldap.internal.SdsValues;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the SDS FHIR API's Bundles into the records the LDAP back-end reads (the mapping of
 * docs/reference/SDS-FHIR.md sections 2, 3 and 6): a {@code Device} into an {@link AccreditedSystem}
 * (ASID from {@code identifier[nhsSpineASID]}, never the Endpoint's {@code nhsMHSId}), an
 * {@code Endpoint} into an {@link MhsRecord} (reliability from the nested
 * {@code Extension-SDS-ReliabilityConfiguration} extensions, values read as LDAP's are). Entries stay
 * in the API's order. A Bundle that is not what the API sends is an {@link SdsFhirException}
 * {@code MALFORMED_RESPONSE} naming what was wrong; a malformed value a record needs is an
 * {@link SdsLookupException} naming the resource, the attribute and the value, as over LDAP.
 */
final class FhirJson {
    static final String ID = "https://fhir.nhs.uk/Id/";
    static final String ODS_SYSTEM = ID + "ods-organization-code";
    static final String INTERACTION_SYSTEM = ID + "nhsServiceInteractionId";
    static final String PARTY_KEY_SYSTEM = ID + "nhsMhsPartyKey";
    static final String ASID_SYSTEM = ID + "nhsSpineASID";
    static final String FQDN_SYSTEM = ID + "nhsMhsFQDN";
    static final String CPA_SYSTEM = ID + "nhsMhsCPAId";
    static final String MHS_ID_SYSTEM = ID + "nhsMHSId";
    static final String SD = "https://fhir.nhs.uk/StructureDefinition/";
    static final String INTERACTION_EXT = SD + "Extension-SDS-NhsServiceInteractionId";
    static final String RELIABILITY_EXT = SD + "Extension-SDS-ReliabilityConfiguration";
    private static final String NHS_PREFIX = "urn:nhs:names:services:";

    private FhirJson() {
    }

    /** The resources of a searchset Bundle, in the API's order. */
    static List<JsonNode> resources(JsonNode bundle, String resourceType, String what, String id) {
        if (!"Bundle".equals(bundle.path("resourceType").asText(null))) {
            throw malformed(what, id, "resourceType is " + shown(bundle.path("resourceType")) + ", expected 'Bundle'");
        }
        JsonNode entries = bundle.path("entry");
        if (entries.isMissingNode() || entries.isNull()) {
            return List.of(); // MHS's fixtures omit entry for no match (SDS-FHIR.md section 5)
        }
        if (!entries.isArray()) {
            throw malformed(what, id, "entry is not an array");
        }
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode r = entries.get(i).path("resource");
            if (!resourceType.equals(r.path("resourceType").asText(null))) {
                throw malformed(what, id, "entry[" + i + "].resource.resourceType is " + shown(r.path("resourceType"))
                        + ", expected '" + resourceType + "'");
            }
            out.add(r);
        }
        return out;
    }

    private static SdsFhirException malformed(String what, String id, String detail) {
        return new SdsFhirException(SdsFhirException.Kind.MALFORMED_RESPONSE, "The SDS FHIR API's answer to the "
                + what + " is not a FHIR searchset Bundle as expected (X-Correlation-Id " + id + "): " + detail, null, id);
    }

    private static String shown(JsonNode n) {
        return n.isMissingNode() ? "missing" : Text.quote(n.toString(), 100);
    }

    /** A Device as an accredited system; {@code odsCode} is the organisation the query matched on. */
    static AccreditedSystem device(JsonNode d, OdsCode odsCode) {
        String where = "Device/" + d.path("id").asText("");
        Asid asid = parse(where, "uniqueIdentifier (identifier[system=" + ASID_SYSTEM + "])",
                required(where, d, ASID_SYSTEM, "uniqueIdentifier"), Asid::of);
        PartyKey partyKey = parse(where, "nhsMhsPartyKey (identifier[system=" + PARTY_KEY_SYSTEM + "])",
                required(where, d, PARTY_KEY_SYSTEM, "nhsMhsPartyKey"), PartyKey::of);
        List<SdsWarning> warnings = new ArrayList<>();
        List<InteractionId> interactions = new ArrayList<>();
        for (String v : extensionIdentifiers(d, INTERACTION_EXT)) {
            tolerant(where, "nhsAsSvcIA", v, InteractionId::of, "not an interaction id", warnings)
                    .ifPresent(interactions::add);
        }
        List<OdsCode> clients = new ArrayList<>();
        JsonNode owner = d.path("owner").path("identifier").path("value");
        if (owner.isTextual()) {
            tolerant(where, "nhsAsClient", owner.asText(), OdsCode::of, "not an ODS code", warnings)
                    .ifPresent(clients::add);
        }
        return new AccreditedSystem(where, asid, odsCode, partyKey, interactions, clients, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), warnings);
    }

    /** An Endpoint as an MHS record. */
    static MhsRecord endpoint(JsonNode e) {
        String where = "Endpoint/" + e.path("id").asText("");
        List<String> ia = extensionIdentifiers(e, INTERACTION_EXT);
        if (ia.size() != 1) {
            throw new SdsLookupException(where, "nhsMhsSvcIA (extension " + INTERACTION_EXT + ")",
                    ia.isEmpty() ? null : String.join(", ", ia), "exactly one interaction id");
        }
        InteractionId interaction = parse(where, "nhsMhsSvcIA", ia.get(0), InteractionId::of);
        JsonNode org = e.path("managingOrganization").path("identifier").path("value");
        OdsCode ods = parse(where, "nhsIDCode (managingOrganization)", org.isTextual() ? org.asText() : null, OdsCode::of);
        JsonNode address = e.path("address");
        return new MhsRecord(where,
                required(where, e, MHS_ID_SYSTEM, "uniqueIdentifier").trim(),
                ods,
                parse(where, "nhsMhsPartyKey", required(where, e, PARTY_KEY_SYSTEM, "nhsMhsPartyKey"), PartyKey::of),
                interaction,
                serviceName(interaction),
                interactionName(interaction),
                uri(where, address.isTextual() ? address.asText() : null),
                required(where, e, FQDN_SYSTEM, "nhsMhsFQDN").trim(),
                required(where, e, CPA_SYSTEM, "nhsMhsCPAId").trim(),
                Optional.empty(), Optional.empty(), Optional.empty(),
                reliability(where, e),
                Optional.empty());
    }

    /**
     * {@code nhsMhsSN}, which the API does not expose (SDS-FHIR.md section 6), derived from the
     * interaction id. Inferred: SDS's entries (the INT examples, NHS's OpenTest capture) hold the
     * id's {@code urn:nhs:names:services:<service>} part; other forms are split at the last colon.
     */
    static String serviceName(InteractionId id) {
        if (id.form() == InteractionId.Form.NHS) {
            return NHS_PREFIX + id.service();
        }
        int cut = id.value().lastIndexOf(':');
        return cut > 0 ? id.value().substring(0, cut) : id.value();
    }

    /** {@code nhsMhsIN}, derived as {@link #serviceName} is (inferred). */
    static String interactionName(InteractionId id) {
        if (id.form() == InteractionId.Form.NHS) {
            return id.interaction();
        }
        int cut = id.value().lastIndexOf(':');
        return cut > 0 ? id.value().substring(cut + 1) : id.value();
    }

    private static Reliability reliability(String where, JsonNode e) {
        JsonNode nested = null;
        for (JsonNode x : e.path("extension")) {
            if (RELIABILITY_EXT.equals(x.path("url").asText(null))) {
                nested = x.path("extension");
            }
        }
        if (nested == null) {
            return Reliability.NONE;
        }
        JsonNode r = nested;
        return SdsValues.reliability(where, attribute -> value(r, attribute));
    }

    /**
     * A nested reliability value by its LDAP attribute's name (the extension's bare-name {@code url},
     * such as {@code nhsMHSRetries}, differs only in case): valueString, or valueInteger (the code
     * sends nhsMHSRetries so; SCH says string).
     */
    private static Optional<String> value(JsonNode nested, String attribute) {
        for (JsonNode x : nested) {
            if (attribute.equalsIgnoreCase(x.path("url").asText(""))) {
                JsonNode s = x.path("valueString");
                if (s.isTextual()) {
                    return Optional.of(s.asText());
                }
                JsonNode i = x.path("valueInteger");
                if (i.isIntegralNumber()) {
                    return Optional.of(i.asText());
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> extensionIdentifiers(JsonNode resource, String url) {
        List<String> out = new ArrayList<>();
        for (JsonNode x : resource.path("extension")) {
            if (url.equals(x.path("url").asText(null))) {
                JsonNode v = x.path("valueReference").path("identifier").path("value");
                if (v.isTextual()) {
                    out.add(v.asText());
                }
            }
        }
        return out;
    }

    /** The value of {@code identifier[system=...]}; more than one is malformed, as over LDAP. */
    private static String required(String where, JsonNode resource, String system, String attribute) {
        List<String> found = new ArrayList<>();
        for (JsonNode i : resource.path("identifier")) {
            if (system.equals(i.path("system").asText(null)) && i.path("value").isTextual()) {
                found.add(i.path("value").asText());
            }
        }
        if (found.size() != 1) {
            throw new SdsLookupException(where, attribute + " (identifier[system=" + system + "])",
                    found.isEmpty() ? null : String.join(", ", found), "exactly one value");
        }
        return found.get(0);
    }

    private static <T> T parse(String where, String attribute, String value, Function<String, T> parser) {
        if (value == null) {
            throw new SdsLookupException(where, attribute, null, "a value");
        }
        try {
            return parser.apply(value.trim());
        } catch (InvalidIdentifierException ex) {
            String m = ex.getMessage();
            int i = m.indexOf(": expected ");
            throw new SdsLookupException(where, attribute, value, i < 0 ? m : m.substring(i + ": expected ".length()));
        }
    }

    private static <T> Optional<T> tolerant(String where, String attribute, String value, Function<String, T> parser,
            String reason, List<SdsWarning> warnings) {
        try {
            return Optional.of(parser.apply(value.trim()));
        } catch (InvalidIdentifierException ex) {
            warnings.add(new SdsWarning(where, attribute, value, reason));
            return Optional.empty();
        }
    }

    private static URI uri(String where, String value) {
        if (value != null) {
            try {
                URI u = new URI(value.trim());
                if (u.getHost() != null && ("https".equalsIgnoreCase(u.getScheme())
                        || "http".equalsIgnoreCase(u.getScheme()))) {
                    return u;
                }
            } catch (URISyntaxException ex) {
                // reported below
            }
        }
        throw new SdsLookupException(where, "nhsMhsEndPoint (address)", value,
                "an absolute https:// (or http://) URL with a host");
    }
}
