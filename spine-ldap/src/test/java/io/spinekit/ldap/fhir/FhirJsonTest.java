package io.spinekit.ldap.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spinekit.env.Asid;
import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.env.PartyKey;
import io.spinekit.ldap.AccreditedSystem;
import io.spinekit.ldap.Actor;
import io.spinekit.ldap.AlwaysOrNever;
import io.spinekit.ldap.MhsRecord;
import io.spinekit.ldap.SdsLookupException;
import io.spinekit.ldap.SyncReplyMode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Bundles of docs/reference/SDS-FHIR.md section 7, read into the records the LDAP back-end reads. */
class FhirJsonTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static JsonNode fixture(String name) throws IOException {
        try (InputStream in = FhirJsonTest.class.getResourceAsStream(name)) {
            return JSON.readTree(in);
        }
    }

    @Test
    void deviceGivesTheAsidFromNhsSpineAsidAndItsInteractions() throws IOException {
        List<JsonNode> devices = FhirJson.resources(fixture("device-bundle.json"), "Device", "q", "id");
        AccreditedSystem as = FhirJson.device(devices.get(0), OdsCode.of("A20047"));

        assertThat(as.asid()).isEqualTo(Asid.of("200000000985"));
        assertThat(as.partyKey()).isEqualTo(PartyKey.of("A20047-821870"));
        assertThat(as.odsCode()).isEqualTo(OdsCode.of("A20047"));
        assertThat(as.interactionIds()).containsExactly(
                InteractionId.of("urn:nhs:names:services:gpconnect:fhir:operation:gpc.getcarerecord"),
                InteractionId.of("urn:nhs:names:services:gpconnect:fhir:rest:read:location"));
        assertThat(as.clients()).containsExactly(OdsCode.of("A20047"));
        assertThat(as.dn()).isEqualTo("Device/0E512499-E65C-4AE9-BEEC-224917FCDE94");
        assertThat(as.dateApproved()).isEmpty();
        assertThat(as.productName()).isEmpty();
    }

    @Test
    void endpointGivesAddressIdsAndReliabilityButNotTheAsid() throws IOException {
        MhsRecord m = FhirJson.endpoint(FhirJson.resources(fixture("endpoint-bundle.json"), "Endpoint", "q", "id").get(0));

        assertThat(m.endpoint()).isEqualTo(URI.create("https://msg.int.spine2.ncrs.nhs.uk/reliablemessaging/reliablerequest"));
        assertThat(m.odsCode()).isEqualTo(OdsCode.of("YES"));
        assertThat(m.partyKey()).isEqualTo(PartyKey.of("YES-0000806"));
        assertThat(m.fqdn()).isEqualTo("msg.int.spine2.ncrs.nhs.uk");
        assertThat(m.cpaId()).isEqualTo("S20001A000182");
        assertThat(m.uniqueIdentifier()).as("nhsMHSId, not an ASID").isEqualTo("S20001A000182");
        assertThat(m.interactionId()).isEqualTo(InteractionId.of("urn:nhs:names:services:psis:REPC_IN150016UK05"));
        assertThat(m.serviceName()).isEqualTo("urn:nhs:names:services:psis");
        assertThat(m.interactionName()).isEqualTo("REPC_IN150016UK05");
        assertThat(m.reliability().syncReplyMode()).contains(SyncReplyMode.MSH_SIGNALS_ONLY);
        assertThat(m.reliability().retryInterval()).contains(Duration.ofMinutes(1));
        assertThat(m.reliability().retries()).contains(2);
        assertThat(m.reliability().persistDuration()).contains(Duration.ofMinutes(5));
        assertThat(m.reliability().duplicateElimination()).contains(AlwaysOrNever.ALWAYS);
        assertThat(m.reliability().ackRequested()).contains(AlwaysOrNever.ALWAYS);
        assertThat(m.reliability().actor()).contains(Actor.TO_PARTY_MSH);
        assertThat(m.authentication()).as("not exposed").isEmpty();
        assertThat(m.dateApproved()).isEmpty();
    }

    @Test
    void emptyBundleAndBundleWithoutEntryMatchNothing() throws IOException {
        assertThat(FhirJson.resources(fixture("empty-bundle.json"), "Endpoint", "q", "id")).isEmpty();
        ObjectNode noEntry = (ObjectNode) fixture("empty-bundle.json");
        noEntry.remove("entry");
        assertThat(FhirJson.resources(noEntry, "Endpoint", "q", "id")).isEmpty();
    }

    @Test
    void aBundleOfTheWrongShapeIsMalformedNamingWhatWasWrong() throws IOException {
        assertThatThrownBy(() -> FhirJson.resources(fixture("bad-request.json"), "Endpoint", "Endpoint search", "c1"))
                .isInstanceOfSatisfying(SdsFhirException.class,
                        e -> assertThat(e.kind()).isEqualTo(SdsFhirException.Kind.MALFORMED_RESPONSE))
                .hasMessageContaining("resourceType is \"\\\"OperationOutcome\\\"\"").hasMessageContaining("c1");
        assertThatThrownBy(() -> FhirJson.resources(fixture("device-bundle.json"), "Endpoint", "q", "c2"))
                .hasMessageContaining("entry[0].resource.resourceType").hasMessageContaining("expected 'Endpoint'");
    }

    @Test
    void aDeviceWithoutAnAsidOrAnEndpointWithABadRetryCountNamesTheResourceAndValue() throws IOException {
        ObjectNode d = (ObjectNode) FhirJson.resources(fixture("device-bundle.json"), "Device", "q", "id").get(0);
        ((com.fasterxml.jackson.databind.node.ArrayNode) d.get("identifier")).remove(0);
        assertThatThrownBy(() -> FhirJson.device(d, OdsCode.of("A20047"))).isInstanceOf(SdsLookupException.class)
                .hasMessageContaining("Device/0E512499").hasMessageContaining("nhsSpineASID");

        String text = new String(FhirJsonTest.class.getResourceAsStream("endpoint-bundle.json").readAllBytes(),
                StandardCharsets.UTF_8).replace("\"valueInteger\":2", "\"valueString\":\"two\"");
        JsonNode e = FhirJson.resources(JSON.readTree(text), "Endpoint", "q", "id").get(0);
        assertThatThrownBy(() -> FhirJson.endpoint(e)).isInstanceOf(SdsLookupException.class)
                .hasMessageContaining("nhsMhsRetries").hasMessageContaining("\"two\"");
    }

    @Test
    void theServiceAndInteractionNamesAreDerivedFromTheInteractionId() {
        InteractionId ebxml = InteractionId.of("urn:oasis:names:tc:ebxml-msg:service:Ping");
        assertThat(FhirJson.serviceName(ebxml)).isEqualTo("urn:oasis:names:tc:ebxml-msg:service");
        assertThat(FhirJson.interactionName(ebxml)).isEqualTo("Ping");
        InteractionId gpc = InteractionId.of("urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1");
        assertThat(FhirJson.serviceName(gpc)).isEqualTo("urn:nhs:names:services:gpconnect");
        assertThat(FhirJson.interactionName(gpc)).isEqualTo("fhir:rest:read:metadata-1");
    }
}
