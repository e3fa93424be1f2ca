package io.spinekit.it.ldap;

import io.spinekit.ldap.AccreditedSystem;
import io.spinekit.ldap.Actor;
import io.spinekit.ldap.AlwaysOrNever;
import io.spinekit.ldap.Authentication;
import io.spinekit.ldap.InteractionType;
import io.spinekit.ldap.MhsRecord;
import io.spinekit.ldap.Organisation;
import io.spinekit.ldap.Reliability;
import io.spinekit.ldap.Route;
import io.spinekit.ldap.RouteRequest;
import io.spinekit.ldap.RouteResult;
import io.spinekit.ldap.SdsClient;
import io.spinekit.ldap.SdsLookupException;
import io.spinekit.ldap.SdsNotFoundException;
import io.spinekit.ldap.SdsResult;
import io.spinekit.ldap.SyncReplyMode;
import static io.spinekit.testkit.EmbeddedSds.accreditedSystem;
import static io.spinekit.testkit.EmbeddedSds.mhs;
import static io.spinekit.testkit.EmbeddedSds.organisation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.env.Asid;
import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.env.PartyKey;
import io.spinekit.env.SpineEnvironment;
import io.spinekit.testkit.EmbeddedSds;
import io.spinekit.testkit.EmbeddedSdsExtension;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Route and record look-ups against the embedded SDS (real schema, LDAPS with a client certificate). */
class SdsRouteTest {
    @RegisterExtension
    static final EmbeddedSdsExtension SDS = EmbeddedSdsExtension.forEnvironment(SpineEnvironment.INTEGRATION);

    static final String PSIS = "urn:nhs:names:services:psis:REPC_IN150016UK05";
    static final OdsCode X26 = OdsCode.of("X26");
    static final InteractionId PSIS_ID = InteractionId.of(PSIS);

    static void addX26(EmbeddedSds sds) {
        sds.addMhs(mhs("X26", PSIS).uniqueIdentifier("S918999198738").partyKey("X26-823848")
                .endpoint("https://msg.int.spine2.ncrs.nhs.uk/reliablemessaging/reliablerequest")
                .fqdn("msg.int.spine2.ncrs.nhs.uk").cpaId("S20001A000182")
                .names("urn:nhs:names:services:psis", "REPC_IN150016UK05").authenticated("transient")
                .reliability("PT5M", "2", "PT1M")
                .messaging("always", "always", "MSHSignalsOnly", "urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH")
                .dateApproved("20210304101112"));
        sds.addAccreditedSystem(accreditedSystem("918999198738", "X26").partyKey("X26-823848")
                .interactions(PSIS, "urn:nhs:names:services:pds:QUPA_IN000008UK02")
                .clients("A81001", "B82001").product("Spinekit Test System", "1.2.3"));
    }

    @Test
    void resolvesRouteMergingMhsRecordAndAccreditedSystem(EmbeddedSds sds, SdsClient client) {
        addX26(sds);

        RouteResult result = client.route(X26, PSIS_ID);

        assertThat(result).isInstanceOf(RouteResult.Found.class);
        Route route = result.orElseThrow();
        assertThat(route.odsCode()).isEqualTo(X26);
        assertThat(route.interactionId()).isEqualTo(PSIS_ID);
        assertThat(route.endpoint()).isEqualTo(URI.create("https://msg.int.spine2.ncrs.nhs.uk/reliablemessaging/reliablerequest"));
        assertThat(route.fqdn()).isEqualTo("msg.int.spine2.ncrs.nhs.uk");
        assertThat(route.partyKey()).isEqualTo(PartyKey.of("X26-823848"));
        assertThat(route.asid()).isEqualTo(Asid.of("918999198738"));
        assertThat(route.cpaId()).isEqualTo("S20001A000182");
        assertThat(route.serviceName()).isEqualTo("urn:nhs:names:services:psis");
        assertThat(route.interactionName()).isEqualTo("REPC_IN150016UK05");
        assertThat(route.authentication()).contains(Authentication.TRANSIENT);
        assertThat(route.authenticated()).isTrue();
        assertThat(route.reliability()).isEqualTo(new Reliability(Optional.of(Duration.ofMinutes(5)),
                Optional.of(Duration.ofMinutes(1)), Optional.of(2), Optional.of(AlwaysOrNever.ALWAYS),
                Optional.of(AlwaysOrNever.ALWAYS), Optional.of(SyncReplyMode.MSH_SIGNALS_ONLY),
                Optional.of(Actor.TO_PARTY_MSH)));
        assertThat(route.reliability().reliable()).isTrue();
        assertThat(route.intermediary()).isEmpty();
        assertThat(route.mhs().dn()).isEqualTo("uniqueIdentifier=S918999198738,ou=services,o=nhs");
        assertThat(route.mhs().interactionType()).contains(InteractionType.HL7);
        assertThat(route.mhs().dateApproved()).contains(LocalDateTime.of(2021, 3, 4, 10, 11, 12));
        assertThat(route.accreditedSystem().productName()).contains("Spinekit Test System");
        assertThat(route.accreditedSystem().clients()).containsExactly(OdsCode.of("A81001"), OdsCode.of("B82001"));
        assertThat(((RouteResult.Found) result).candidates()).containsExactly(route);
        assertThat(result.freshness().stale()).isFalse();
    }

    @Test
    void missingOptionalReliabilityAttributesAreAbsent(EmbeddedSds sds, SdsClient client) {
        sds.addMhs(mhs("X26", PSIS).partyKey("X26-823848"));
        sds.addAccreditedSystem(accreditedSystem("918999198738", "X26").partyKey("X26-823848").interactions(PSIS));

        Route route = client.route(X26, PSIS_ID).orElseThrow();

        assertThat(route.reliability()).isEqualTo(Reliability.NONE);
        assertThat(route.reliability().reliable()).isFalse();
        assertThat(route.authenticated()).isFalse();
        assertThat(route.accreditedSystem().productName()).isEmpty();
        assertThat(route.accreditedSystem().clients()).isEmpty();
    }

    @Test
    void severalMatchesAreAllReturnedNewestApprovalFirst(EmbeddedSds sds, SdsClient client) {
        sds.addMhs(mhs("X26", PSIS).uniqueIdentifier("OLD").partyKey("X26-000001").dateApproved("20190101000000")
                .endpoint("https://old.x26.test/"));
        sds.addMhs(mhs("X26", PSIS).uniqueIdentifier("NEW").partyKey("X26-000002").dateApproved("20230101000000")
                .endpoint("https://new.x26.test/"));
        sds.addMhs(mhs("X26", PSIS).uniqueIdentifier("MID").partyKey("X26-000003").dateApproved("20210101000000")
                .endpoint("https://mid.x26.test/"));
        sds.addAccreditedSystem(accreditedSystem("100000000001", "X26").partyKey("X26-000001").interactions(PSIS));
        sds.addAccreditedSystem(accreditedSystem("100000000002", "X26").partyKey("X26-000002").interactions(PSIS));
        sds.addAccreditedSystem(accreditedSystem("100000000003", "X26").partyKey("X26-000003").interactions(PSIS));

        RouteResult.Found found = (RouteResult.Found) client.route(X26, PSIS_ID);

        assertThat(found.route().endpoint()).isEqualTo(URI.create("https://new.x26.test/"));
        assertThat(found.candidates()).extracting(r -> r.endpoint().getHost())
                .containsExactly("new.x26.test", "mid.x26.test", "old.x26.test");
        assertThat(found.candidates()).extracting(r -> r.asid().value())
                .containsExactly("100000000002", "100000000003", "100000000001");
        assertThat(client.mhsRecords(X26, PSIS_ID).matches()).extracting(MhsRecord::uniqueIdentifier)
                .containsExactly("NEW", "MID", "OLD");
    }

    @Test
    void partyKeyNarrowsTheRoute(EmbeddedSds sds, SdsClient client) {
        sds.addMhs(mhs("X26", PSIS).partyKey("X26-000001").dateApproved("20190101000000").endpoint("https://one.test/"));
        sds.addMhs(mhs("X26", PSIS).partyKey("X26-000002").dateApproved("20230101000000").endpoint("https://two.test/"));
        sds.addAccreditedSystem(accreditedSystem("100000000001", "X26").partyKey("X26-000001").interactions(PSIS));
        sds.addAccreditedSystem(accreditedSystem("100000000002", "X26").partyKey("X26-000002").interactions(PSIS));

        Route route = client.route(X26, PSIS_ID, PartyKey.of("x26-000001")).orElseThrow();

        assertThat(route.endpoint()).isEqualTo(URI.create("https://one.test/"));
        assertThat(route.asid()).isEqualTo(Asid.of("100000000001"));
    }

    @Test
    void noMhsIsATypedNotFoundNamingTheQuery(SdsClient client) {
        RouteResult result = client.route(X26, PSIS_ID);

        assertThat(result).isInstanceOf(RouteResult.NotFound.class);
        RouteResult.NotFound notFound = (RouteResult.NotFound) result;
        assertThat(notFound.reason()).isEqualTo(RouteResult.Reason.NO_MHS);
        assertThat(notFound.message()).isEqualTo(
                "SDS has no nhsMhs entry for ODS code X26 and interaction " + PSIS);
        assertThat(result.asOptional()).isEmpty();
        assertThatThrownBy(result::orElseThrow).isInstanceOf(SdsNotFoundException.class)
                .hasMessage(notFound.message());
    }

    @Test
    void mhsWithoutAccreditedSystemIsNotFoundAndShowsTheMhsMatches(EmbeddedSds sds, SdsClient client) {
        sds.addMhs(mhs("X26", PSIS).partyKey("X26-823848"));
        // the accredited system exists but does not declare the interaction
        sds.addAccreditedSystem(accreditedSystem("918999198738", "X26").partyKey("X26-823848")
                .interactions("urn:nhs:names:services:pds:QUPA_IN000008UK02"));

        RouteResult.NotFound notFound = (RouteResult.NotFound) client.route(X26, PSIS_ID);

        assertThat(notFound.reason()).isEqualTo(RouteResult.Reason.NO_ACCREDITED_SYSTEM);
        assertThat(notFound.mhsMatches()).extracting(m -> m.partyKey().value()).containsExactly("X26-823848");
        assertThat(notFound.message()).contains("party key X26-823848", "no nhsAs entry");
    }

    @Test
    void forwardReliableRouteGoesToSpinesReliableIntermediary(EmbeddedSds sds, SdsClient client) {
        addX26(sds);
        sds.addMhs(mhs("YES", SdsClient.RELIABLE_INTERMEDIARY).partyKey("YES-0000806")
                .endpoint("https://msg.int.spine2.ncrs.nhs.uk/reliablemessaging/intermediary")
                .fqdn("msg.int.spine2.ncrs.nhs.uk").reliability("PT10M", "3", "PT2M")
                .messaging("always", "always", "never", "urn:oasis:names:tc:ebxml-msg:actor:nextMSH"));

        Route route = client.route(RouteRequest.of(X26, PSIS_ID).viaReliableIntermediary()).orElseThrow();

        assertThat(client.spineCoreOdsCode()).contains(OdsCode.of("YES"));
        assertThat(route.viaIntermediary()).isTrue();
        assertThat(route.endpoint()).isEqualTo(URI.create("https://msg.int.spine2.ncrs.nhs.uk/reliablemessaging/intermediary"));
        assertThat(route.reliability().retries()).contains(3);
        assertThat(route.reliability().actor()).contains(Actor.NEXT_MSH);
        assertThat(route.partyKey()).isEqualTo(PartyKey.of("X26-823848"));
        assertThat(route.asid()).isEqualTo(Asid.of("918999198738"));
        assertThat(route.cpaId()).isEqualTo("S20001A000182");
        assertThat(route.mhs().endpoint()).isEqualTo(URI.create("https://msg.int.spine2.ncrs.nhs.uk/reliablemessaging/reliablerequest"));
        assertThat(route.intermediary()).get().extracting(m -> m.partyKey().value()).isEqualTo("YES-0000806");
    }

    @Test
    void forwardReliableRouteWithoutIntermediaryIsNotFound(EmbeddedSds sds, SdsClient client) {
        addX26(sds);

        RouteResult.NotFound notFound = (RouteResult.NotFound) client.route(RouteRequest.of(X26, PSIS_ID)
                .viaReliableIntermediary());

        assertThat(notFound.reason()).isEqualTo(RouteResult.Reason.NO_INTERMEDIARY);
        assertThat(notFound.message()).contains("ODS code YES", SdsClient.RELIABLE_INTERMEDIARY);
    }

    @Test
    void findsAccreditedSystemsByInteractionPartyKeyAndAsid(EmbeddedSds sds, SdsClient client) {
        addX26(sds);
        sds.addAccreditedSystem(accreditedSystem("918999198999", "X26").partyKey("X26-823999")
                .interactions("urn:nhs:names:services:pds:QUPA_IN000008UK02").dateApproved("20240101000000"));

        assertThat(client.accreditedSystems(X26, PSIS_ID).matches()).extracting(a -> a.asid().value())
                .containsExactly("918999198738");
        assertThat(client.accreditedSystems(X26, InteractionId.of("urn:nhs:names:services:pds:QUPA_IN000008UK02"))
                .matches()).extracting(a -> a.asid().value()).containsExactly("918999198999", "918999198738");
        assertThat(client.accreditedSystems(X26, PartyKey.of("X26-823999")).matches())
                .extracting(a -> a.asid().value()).containsExactly("918999198999");
        AccreditedSystem as = client.accreditedSystem(Asid.of("918999198738")).orElseThrow();
        assertThat(as.odsCode()).isEqualTo(X26);
        assertThat(as.partyKey()).isEqualTo(PartyKey.of("X26-823848"));
        assertThat(as.productName()).contains("Spinekit Test System");
        assertThat(as.productVersion()).contains("1.2.3");
        assertThat(as.interactionIds()).containsExactly(PSIS_ID,
                InteractionId.of("urn:nhs:names:services:pds:QUPA_IN000008UK02"));
        assertThat(as.supports(PSIS_ID)).isTrue();
        assertThat(client.accreditedSystem(Asid.of("000000000000")).isEmpty()).isTrue();
    }

    @Test
    void findsOrganisationByOdsCode(EmbeddedSds sds, SdsClient client) {
        sds.addOrganisation(organisation("A81001", "THE DENSHAM SURGERY").type("GP PRACTICE", "PR")
                .address("STOCKTON-ON-TEES", "TS18 1HU", "THE HEALTH CENTRE", "LAWSON STREET"));

        Organisation org = client.organisation(OdsCode.of("a81001")).orElseThrow();

        assertThat(org).isEqualTo(new Organisation("uniqueIdentifier=A81001,ou=organisations,o=nhs",
                OdsCode.of("A81001"), "THE DENSHAM SURGERY", "GP PRACTICE", "PR",
                List.of("THE HEALTH CENTRE", "LAWSON STREET"), "STOCKTON-ON-TEES", "TS18 1HU", Optional.empty()));
        SdsResult<Organisation> none = client.organisation(OdsCode.of("Z99"));
        assertThat(none.isEmpty()).isTrue();
        assertThatThrownBy(none::orElseThrow).isInstanceOf(SdsNotFoundException.class)
                .hasMessage("SDS has no organisation with ODS code Z99");
    }

    @Test
    void attributeNamesAreMatchedIgnoringCase(EmbeddedSds sds, SdsClient client) {
        sds.importLdif(String.join("\n",
                "dn: uniqueIdentifier=CASE1,ou=services,o=nhs",
                "OBJECTCLASS: top",
                "objectclass: NHSMHS",
                "UNIQUEIDENTIFIER: CASE1",
                "NHSIDCODE: X26",
                "nhsmhspartykey: X26-823848",
                "NHSMHSSVCIA: " + PSIS,
                "NhsMhsSn: urn:nhs:names:services:psis",
                "NHSMHSIN: REPC_IN150016UK05",
                "NHSMHSENDPOINT: https://case.x26.test/reliablemessaging/reliablerequest",
                "nhsmhsfqdn: case.x26.test",
                "NHSMHSISAUTHENTICATED: persistent",
                "NHSMHSCPAID: CASE1",
                "NHSPRODUCTKEY: 1",
                "NHSEPINTERACTIONTYPE: ebxml",
                "NHSCONTRACTPROPERTYTEMPLATEKEY: 1",
                "NHSREQUESTORURP: x",
                "NHSAPPROVERURP: x",
                "NHSDNSAPPROVER: x",
                "NHSDATEREQUESTED: 20200101000000",
                "NHSDATEAPPROVED: 20200101000000",
                "NHSDATEDNSAPPROVED: 20200101000000",
                "NHSMHSRETRYINTERVAL: PT30S",
                "",
                "dn: uniqueIdentifier=918999198738,ou=services,o=nhs",
                "objectClass: top",
                "objectClass: nhsAS",
                "uniqueidentifier: 918999198738",
                "NHSIDCODE: X26",
                "NHSMHSPARTYKEY: X26-823848",
                "NHSASSVCIA: " + PSIS,
                "NHSREQUESTORURP: x",
                "NHSAPPROVERURP: x",
                "NHSDATEREQUESTED: 20200101000000",
                "NHSDATEAPPROVED: 20200101000000",
                ""));

        Route route = client.route(X26, PSIS_ID).orElseThrow();

        assertThat(route.endpoint().getHost()).isEqualTo("case.x26.test");
        assertThat(route.authentication()).contains(Authentication.PERSISTENT);
        assertThat(route.mhs().interactionType()).contains(InteractionType.EBXML);
        assertThat(route.reliability().retryInterval()).contains(Duration.ofSeconds(30));
        assertThat(route.asid()).isEqualTo(Asid.of("918999198738"));
    }

    @Test
    void malformedValuesFailNamingEntryAttributeAndValue(EmbeddedSds sds, SdsClient client) {
        String dn = sds.addMhs(mhs("X26", PSIS).uniqueIdentifier("BAD1").partyKey("X26-823848")
                .reliability("PT5M", "2", "every minute"));
        sds.addAccreditedSystem(accreditedSystem("918999198738", "X26").partyKey("X26-823848").interactions(PSIS));

        assertThatThrownBy(() -> client.route(X26, PSIS_ID))
                .isInstanceOfSatisfying(SdsLookupException.class, e -> {
                    assertThat(e.entryDn()).contains(dn);
                    assertThat(e.attribute()).contains("nhsMhsRetryInterval");
                    assertThat(e.value()).contains("every minute");
                })
                .hasMessage("SDS entry \"uniqueIdentifier=BAD1,ou=services,o=nhs\" has a malformed nhsMhsRetryInterval "
                        + "value \"every minute\": expected an ISO 8601 duration such as 'PT5M' or 'PT1H30M'");
    }

    @Test
    void eachMalformedAttributeIsReported(EmbeddedSds sds, SdsClient client) {
        List<String[]> cases = List.of(
                new String[] {"nhsMhsRetries", "two"},
                new String[] {"nhsMhsAckRequested", "sometimes"},
                new String[] {"nhsMhsSyncReplyMode", "async"},
                new String[] {"nhsMhsActor", "urn:oasis:names:tc:ebxml-msg:actor:someone"},
                new String[] {"nhsMhsIsAuthenticated", "maybe"},
                new String[] {"nhsMhsEndPoint", "not a url"},
                new String[] {"nhsDateApproved", "2021-03-04"},
                new String[] {"nhsMhsPartyKey", "X26_823848"});
        for (String[] c : cases) {
            sds.clear();
            client.invalidateAll();
            sds.addMhs(mhs("X26", PSIS).uniqueIdentifier("BAD").attribute(c[0], c[1]));

            assertThatThrownBy(() -> client.mhsRecords(X26, PSIS_ID))
                    .as(c[0])
                    .isInstanceOfSatisfying(SdsLookupException.class, e -> {
                        assertThat(e.entryDn()).contains("uniqueIdentifier=BAD,ou=services,o=nhs");
                        assertThat(e.attribute()).contains(c[0]);
                        assertThat(e.value()).contains(c[1]);
                    });
        }
    }

    @Test
    void directoryEnforcesTheSdsSchemaOnFixtures(EmbeddedSds sds) {
        assertThatThrownBy(() -> sds.addMhs(mhs("X26", PSIS).without("nhsMhsCPAId")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nhsMhsCPAId");
        assertThatThrownBy(() -> sds.addMhs(mhs("X26", PSIS).attribute("nhsMhsSvcIA", PSIS, PSIS + "X")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nhsMhsSvcIA");
    }
}
