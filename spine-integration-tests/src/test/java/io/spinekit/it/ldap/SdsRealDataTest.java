package io.spinekit.it.ldap;

import static io.spinekit.testkit.OpenTestSdsShapes.GP_CONNECT;
import static io.spinekit.testkit.OpenTestSdsShapes.ITK;
import static io.spinekit.testkit.OpenTestSdsShapes.JUNK_INTERACTION;
import static io.spinekit.testkit.OpenTestSdsShapes.PDS;
import static io.spinekit.testkit.OpenTestSdsShapes.PSIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.env.Asid;
import io.spinekit.env.InteractionId;
import io.spinekit.env.InvalidIdentifierException;
import io.spinekit.env.OdsCode;
import io.spinekit.env.PartyKey;
import io.spinekit.env.SpineEnvironment;
import io.spinekit.ldap.AccreditedSystem;
import io.spinekit.ldap.Authentication;
import io.spinekit.ldap.InteractionType;
import io.spinekit.ldap.MhsRecord;
import io.spinekit.ldap.Reliability;
import io.spinekit.ldap.Route;
import io.spinekit.ldap.RouteResult;
import io.spinekit.ldap.SdsClient;
import io.spinekit.ldap.SdsLookupException;
import io.spinekit.ldap.SdsResult;
import io.spinekit.ldap.SdsWarning;
import io.spinekit.ldap.SyncReplyMode;
import io.spinekit.testkit.EmbeddedSds;
import io.spinekit.testkit.EmbeddedSdsExtension;
import io.spinekit.testkit.OpenTestSdsShapes;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Look-ups against the shapes of NHS's OpenTest SDS (FACTS.md section 3, loaded by
 * {@link OpenTestSdsShapes}) over LDAPS with a client certificate: real data is read tolerantly
 * (issue 15 item 23).
 */
class SdsRealDataTest {
    @RegisterExtension
    static final EmbeddedSdsExtension SDS = EmbeddedSdsExtension.forEnvironment(SpineEnvironment.INTEGRATION);

    static final OdsCode X26 = OdsCode.of(OpenTestSdsShapes.X26);
    static final OdsCode SPINE = OdsCode.of(OpenTestSdsShapes.SPINE_ODS);
    static final SdsWarning JUNK_WARNING = new SdsWarning(OpenTestSdsShapes.SPINE_BULK_AS_DN, "nhsAsSvcIA",
            JUNK_INTERACTION, "not an interaction id");

    @BeforeEach
    void load(EmbeddedSds sds) {
        assertThat(OpenTestSdsShapes.load(sds)).isEqualTo(8);
    }

    @Test
    void routeSucceedsThoughTheAccreditedSystemHoldsAValueThatIsNotAnInteractionId(SdsClient client) {
        RouteResult result = client.route(SPINE, InteractionId.of(GP_CONNECT));

        assertThat(result).isInstanceOf(RouteResult.Found.class);
        Route route = result.orElseThrow();
        assertThat(route.asid()).isEqualTo(Asid.of(OpenTestSdsShapes.SPINE_BULK_ASID));
        assertThat(route.partyKey()).isEqualTo(PartyKey.of(OpenTestSdsShapes.SPINE_PARTY_KEY));
        assertThat(route.endpoint()).isEqualTo(URI.create(OpenTestSdsShapes.SPINE_ENDPOINT));
        assertThat(route.accreditedSystem().interactionIds())
                .hasSize(OpenTestSdsShapes.BULK_INTERACTION_COUNT - 1)
                .contains(InteractionId.of(ITK), InteractionId.of(OpenTestSdsShapes.CUT_INTERACTION));
        assertThat(result.warnings()).containsExactly(JUNK_WARNING);
        assertThat(result.warnings().get(0).message()).isEqualTo("SDS entry \"" + OpenTestSdsShapes.SPINE_BULK_AS_DN
                + "\": skipped nhsAsSvcIA value \"" + JUNK_INTERACTION + "\" (not an interaction id)");
    }

    @Test
    void accreditedSystemsSharingSpinesPartyKeySplitItsInteractions(SdsClient client) {
        SdsResult<AccreditedSystem> both = client.accreditedSystems(SPINE,
                PartyKey.of(OpenTestSdsShapes.SPINE_PARTY_KEY));

        assertThat(both.matches()).extracting(a -> a.asid().value())
                .containsExactly(OpenTestSdsShapes.SPINE_BULK_ASID, OpenTestSdsShapes.SPINE_OTHER_ASID);
        assertThat(both.warnings()).containsExactly(JUNK_WARNING);

        Route pds = client.route(SPINE, InteractionId.of(PDS)).orElseThrow();
        assertThat(pds.asid()).isEqualTo(Asid.of(OpenTestSdsShapes.SPINE_OTHER_ASID));
        assertThat(client.route(SPINE, InteractionId.of(PDS)).warnings()).isEmpty();
        assertThat(client.accreditedSystems(SPINE, InteractionId.of(GP_CONNECT)).warnings())
                .containsExactly(JUNK_WARNING);
    }

    @Test
    void asidStoredWithATrailingSpaceIsFoundAndRead(SdsClient client) {
        SdsResult<AccreditedSystem> result = client.accreditedSystem(Asid.of(OpenTestSdsShapes.X26_ASID));

        AccreditedSystem as = result.orElseThrow();
        assertThat(as.dn()).isEqualTo(OpenTestSdsShapes.X26_AS_DN);
        assertThat(as.asid()).isEqualTo(Asid.of(OpenTestSdsShapes.X26_ASID));
        assertThat(as.partyKey()).isEqualTo(PartyKey.of(OpenTestSdsShapes.X26_PARTY_KEY));
        assertThat(as.interactionIds()).containsExactly(InteractionId.of(PSIS), InteractionId.of(ITK));
        assertThat(as.clients()).containsExactly(OdsCode.of(OpenTestSdsShapes.X26_CLIENT));
        assertThat(as.productVersion()).contains("1.0");
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void routeReadsValuesWithSurroundingWhiteSpaceAndMixedCase(SdsClient client) {
        RouteResult result = client.route(X26, InteractionId.of(PSIS));

        Route route = result.orElseThrow();
        assertThat(route.asid()).isEqualTo(Asid.of(OpenTestSdsShapes.X26_ASID));
        assertThat(route.partyKey()).isEqualTo(PartyKey.of(OpenTestSdsShapes.X26_PARTY_KEY));
        assertThat(route.endpoint()).isEqualTo(URI.create(OpenTestSdsShapes.X26_PSIS_ENDPOINT));
        assertThat(route.fqdn()).isEqualTo("mhs.x26.spinekit.test");
        assertThat(route.authentication()).contains(Authentication.NONE);
        assertThat(route.mhs().uniqueIdentifier()).isEqualTo("1C4F2E9D0A7B3C5D6E8F");
        assertThat(route.mhs().interactionType()).contains(InteractionType.EBXML);
        assertThat(route.reliability().syncReplyMode()).contains(SyncReplyMode.NONE);
        assertThat(route.reliability().persistDuration()).contains(Duration.ofHours(4).plusMinutes(10));
        assertThat(route.reliability().retryInterval()).contains(Duration.ofSeconds(61));
        assertThat(route.reliability().retries()).contains(12);
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void oneOdsCodeWithTwoPartyKeysRoutesToTheOneWithAnAccreditedSystem(SdsClient client) {
        assertThat(client.mhsRecords(X26, InteractionId.of(PSIS)).matches()).extracting(m -> m.partyKey().value())
                .containsExactly(OpenTestSdsShapes.X26_PARTY_KEY_WITHOUT_AS, OpenTestSdsShapes.X26_PARTY_KEY);

        RouteResult.Found found = (RouteResult.Found) client.route(X26, InteractionId.of(PSIS));
        assertThat(found.candidates()).extracting(r -> r.partyKey().value())
                .containsExactly(OpenTestSdsShapes.X26_PARTY_KEY);

        RouteResult other = client.route(X26, InteractionId.of(PSIS),
                PartyKey.of(OpenTestSdsShapes.X26_PARTY_KEY_WITHOUT_AS));
        assertThat(other).isInstanceOfSatisfying(RouteResult.NotFound.class,
                n -> assertThat(n.reason()).isEqualTo(RouteResult.Reason.NO_ACCREDITED_SYSTEM));
    }

    @Test
    void itkInteractionCanBeAskedForAndRouted(SdsClient client) {
        RouteResult result = client.route(X26, InteractionId.of(ITK));

        Route route = result.orElseThrow();
        assertThat(route.interactionId().value()).isEqualTo(ITK);
        assertThat(route.interactionId().form()).isEqualTo(InteractionId.Form.OTHER);
        assertThat(route.endpoint()).isEqualTo(URI.create(OpenTestSdsShapes.X26_ITK_ENDPOINT));
        assertThat(route.asid()).isEqualTo(Asid.of(OpenTestSdsShapes.X26_ASID));
        assertThat(route.mhs().interactionType()).contains(InteractionType.FHIR);
        assertThat(route.reliability().persistDuration()).contains(Duration.ZERO);
        assertThat(route.reliability().retries()).contains(0);
        assertThat(client.accreditedSystems(X26, InteractionId.of(ITK)).matches()).extracting(a -> a.asid().value())
                .containsExactly(OpenTestSdsShapes.X26_ASID);
    }

    @Test
    void mhsEntryWithoutReliabilityAttributesHasNone(SdsClient client) {
        MhsRecord m = client.mhsRecords(X26, InteractionId.of(PSIS),
                PartyKey.of(OpenTestSdsShapes.X26_PARTY_KEY_WITHOUT_AS)).orElseThrow();

        assertThat(m.reliability()).isEqualTo(Reliability.NONE);
        assertThat(m.uniqueIdentifier()).isEqualTo("0B1C2D3E4F5A6B7C8D9E");
    }

    @Test
    void interactionIdsStillRefuseFilterMetacharacters() {
        for (String hostile : List.of(ITK + ")(objectClass=*", ITK + "*", ITK + "\\2a", ITK + "\u0000", JUNK_INTERACTION)) {
            assertThatThrownBy(() -> InteractionId.of(hostile)).as(hostile)
                    .isInstanceOf(InvalidIdentifierException.class);
        }
    }

    @Test
    void aValueTheAnswerNeedsStillFailsNamingEntryAndAttribute(EmbeddedSds sds, SdsClient client) {
        String dn = sds.addAccreditedSystem(EmbeddedSds.accreditedSystem("918999198739", "B82001")
                .partyKey("B82001 823848").interactions(PSIS, JUNK_INTERACTION));

        assertThatThrownBy(() -> client.accreditedSystems(OdsCode.of("B82001"), InteractionId.of(PSIS)))
                .isInstanceOfSatisfying(SdsLookupException.class, e -> {
                    assertThat(e.entryDn()).contains(dn);
                    assertThat(e.attribute()).contains("nhsMhsPartyKey");
                    assertThat(e.value()).isEqualTo(Optional.of("B82001 823848"));
                })
                .hasMessageStartingWith("SDS entry \"" + dn + "\" has a malformed nhsMhsPartyKey value \"B82001 823848\"");
    }
}
