package io.spinekit.it.sdsfhir;

import static io.spinekit.testkit.EmbeddedSds.accreditedSystem;
import static io.spinekit.testkit.EmbeddedSds.mhs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.env.PartyKey;
import io.spinekit.ldap.RouteRequest;
import io.spinekit.ldap.RouteResult;
import io.spinekit.ldap.SdsClient;
import io.spinekit.ldap.SdsUnavailableException;
import io.spinekit.ldap.fhir.SdsFhirUnavailableException;
import io.spinekit.testkit.EmbeddedSds;
import io.spinekit.testkit.FakeSdsFhir;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two back-ends of one {@link SdsClient} answer the same {@link io.spinekit.ldap.Route} for the
 * same directory data: every route scenario of the LDAP suite ({@code it.ldap.SdsRouteTest}) is
 * stored once in an {@link EmbeddedSds} and read over LDAPS and, through {@link FakeSdsFhir}, over
 * the FHIR API. The documented differences have tests of their own below.
 */
class SdsBackendParityTest {
    static final String PSIS = "urn:nhs:names:services:psis:REPC_IN150016UK05";
    /** Forward reliable: service gp2gp, interaction RCMR_IN030000UK06 (SDS-FHIR.md section 5). */
    static final String GP2GP = "urn:nhs:names:services:gp2gp:RCMR_IN030000UK06";
    static final OdsCode X26 = OdsCode.of("X26");

    static EmbeddedSds sds;
    static FakeSdsFhir fhir;
    SdsClient overLdap;
    SdsClient overFhir;

    @BeforeAll
    static void start() {
        sds = EmbeddedSds.startDefault();
        fhir = FakeSdsFhir.over(sds).apiKey("parity-key").start();
    }

    @AfterAll
    static void stop() {
        fhir.close();
        sds.close();
    }

    @BeforeEach
    void clients() {
        sds.clear();
        overLdap = sds.clientBuilder().spineCoreOdsCode(OdsCode.of("YES")).noCache().build();
        overFhir = fhir.clientBuilder().noCache().build();
    }

    @AfterEach
    void close() {
        overLdap.close();
        overFhir.close();
    }

    record Scenario(String name, Consumer<EmbeddedSds> fixture, RouteRequest request) {
        @Override
        public String toString() {
            return name;
        }
    }

    static void x26(EmbeddedSds s, String interaction) {
        s.addMhs(mhs("X26", interaction).uniqueIdentifier("S918999198738").partyKey("X26-823848")
                .endpoint("https://mhs.x26.test/reliablemessaging/reliablerequest").fqdn("mhs.x26.test")
                .cpaId("S20001A000182").authenticated("transient").reliability("PT5M", "2", "PT1M")
                .messaging("always", "always", "MSHSignalsOnly", "urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH"));
        s.addAccreditedSystem(accreditedSystem("918999198738", "X26").partyKey("X26-823848")
                .interactions(interaction, "urn:nhs:names:services:pds:QUPA_IN000008UK02").clients("A81001"));
    }

    static void intermediary(EmbeddedSds s) {
        s.addMhs(mhs("YES", SdsClient.RELIABLE_INTERMEDIARY).partyKey("YES-0000806")
                .endpoint("https://msg.int.spine2.ncrs.nhs.uk/reliablemessaging/intermediary")
                .fqdn("msg.int.spine2.ncrs.nhs.uk").reliability("PT10M", "3", "PT2M")
                .messaging("always", "always", "never", "urn:oasis:names:tc:ebxml-msg:actor:nextMSH"));
    }

    static void several(EmbeddedSds s) {
        for (String[] v : new String[][] {{"OLD", "X26-000001", "20190101000000", "100000000001"},
                {"NEW", "X26-000002", "20230101000000", "100000000002"},
                {"MID", "X26-000003", "20210101000000", "100000000003"}}) {
            s.addMhs(mhs("X26", PSIS).uniqueIdentifier(v[0]).partyKey(v[1]).dateApproved(v[2])
                    .endpoint("https://" + v[0].toLowerCase() + ".x26.test/"));
            s.addAccreditedSystem(accreditedSystem(v[3], "X26").partyKey(v[1]).interactions(PSIS));
        }
    }

    static Stream<Scenario> scenarios() {
        InteractionId psis = InteractionId.of(PSIS);
        return Stream.of(
                new Scenario("route with reliability", s -> x26(s, PSIS), RouteRequest.of(X26, psis)),
                new Scenario("reliability attributes absent", s -> {
                    s.addMhs(mhs("X26", PSIS).partyKey("X26-823848"));
                    s.addAccreditedSystem(accreditedSystem("918999198738", "X26").partyKey("X26-823848")
                            .interactions(PSIS));
                }, RouteRequest.of(X26, psis)),
                new Scenario("party key narrows several", SdsBackendParityTest::several,
                        RouteRequest.of(X26, psis).withPartyKey(PartyKey.of("x26-000001"))),
                new Scenario("not found: no MHS", s -> { }, RouteRequest.of(X26, psis)),
                new Scenario("not found: no accredited system", s -> {
                    s.addMhs(mhs("X26", PSIS).partyKey("X26-823848"));
                    s.addAccreditedSystem(accreditedSystem("918999198738", "X26").partyKey("X26-823848")
                            .interactions("urn:nhs:names:services:pds:QUPA_IN000008UK02"));
                }, RouteRequest.of(X26, psis)),
                new Scenario("forward reliable (the API substitutes, LDAP applies the rule)", s -> {
                    x26(s, GP2GP);
                    intermediary(s);
                }, RouteRequest.of(X26, InteractionId.of(GP2GP))),
                new Scenario("through the intermediary on request", s -> {
                    x26(s, PSIS);
                    intermediary(s);
                }, RouteRequest.of(X26, psis).viaReliableIntermediary()),
                new Scenario("through the intermediary on request, none stored", s -> x26(s, PSIS),
                        RouteRequest.of(X26, psis).viaReliableIntermediary()),
                new Scenario("case-varied attribute names", s -> s.importLdif(String.join("\n",
                        "dn: uniqueIdentifier=CASE1,ou=services,o=nhs", "OBJECTCLASS: top", "objectclass: NHSMHS",
                        "UNIQUEIDENTIFIER: CASE1", "NHSIDCODE: X26", "nhsmhspartykey: X26-823848", "NHSMHSSVCIA: " + PSIS,
                        "NhsMhsSn: urn:nhs:names:services:psis", "NHSMHSIN: REPC_IN150016UK05",
                        "NHSMHSENDPOINT: https://case.x26.test/reliablemessaging/reliablerequest",
                        "nhsmhsfqdn: case.x26.test", "NHSMHSISAUTHENTICATED: persistent", "NHSMHSCPAID: CASE1",
                        "NHSPRODUCTKEY: 1", "NHSEPINTERACTIONTYPE: ebxml", "NHSCONTRACTPROPERTYTEMPLATEKEY: 1",
                        "NHSREQUESTORURP: x", "NHSAPPROVERURP: x", "NHSDNSAPPROVER: x",
                        "NHSDATEREQUESTED: 20200101000000", "NHSDATEAPPROVED: 20200101000000",
                        "NHSDATEDNSAPPROVED: 20200101000000", "NHSMHSRETRYINTERVAL: PT30S", "nhsMHSRetries: 4",
                        "NHSMHSSYNCREPLYMODE: None", "",
                        "dn: uniqueIdentifier=918999198738,ou=services,o=nhs", "objectClass: top", "objectClass: nhsAS",
                        "uniqueidentifier: 918999198738", "NHSIDCODE: X26", "NHSMHSPARTYKEY: X26-823848",
                        "NHSASSVCIA: " + PSIS, "NHSREQUESTORURP: x", "NHSAPPROVERURP: x",
                        "NHSDATEREQUESTED: 20200101000000", "NHSDATEAPPROVED: 20200101000000", "")),
                        RouteRequest.of(X26, psis)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void bothBackEndsAnswerTheSameRoute(Scenario scenario) {
        scenario.fixture().accept(sds);

        RouteResult ldap = overLdap.route(scenario.request());
        RouteResult viaFhir = overFhir.route(scenario.request());

        assertThat(viaFhir.found()).as("found").isEqualTo(ldap.found());
        if (ldap instanceof RouteResult.Found l) {
            RouteResult.Found f = (RouteResult.Found) viaFhir;
            assertThat(f.route()).isEqualTo(l.route());
            assertThat(f.candidates()).isEqualTo(l.candidates());
            assertThat(f.request()).isEqualTo(l.request());
            assertThat(f.route().asid()).isEqualTo(l.route().accreditedSystem().asid());
        } else {
            RouteResult.NotFound l = (RouteResult.NotFound) ldap;
            RouteResult.NotFound f = (RouteResult.NotFound) viaFhir;
            assertThat(f.reason()).isEqualTo(l.reason());
            assertThat(f.message()).isEqualTo(l.message());
        }
    }

    @Test
    void severalMatchesHoldTheSameCandidatesNewestFirstOverLdapInTheApisOrderOverFhir() {
        several(sds);
        InteractionId psis = InteractionId.of(PSIS);

        RouteResult.Found ldap = (RouteResult.Found) overLdap.route(X26, psis);
        RouteResult.Found viaFhir = (RouteResult.Found) overFhir.route(X26, psis);

        assertThat(ldap.route().endpoint()).isEqualTo(URI.create("https://new.x26.test/"));
        assertThat(viaFhir.candidates()).containsExactlyInAnyOrderElementsOf(ldap.candidates());
        // the API exposes no approval date, so it keeps the directory's order (SDS-FHIR.md section 5)
        assertThat(viaFhir.candidates()).extracting(r -> r.mhs().dateApproved().isPresent()).containsOnly(false);
    }

    @Test
    void overFhirTheTargetRecordOfAForwardReliableRouteCarriesTheSubstitutedAddress() {
        x26(sds, GP2GP);
        intermediary(sds);
        RouteRequest r = RouteRequest.of(X26, InteractionId.of(GP2GP));

        var ldap = overLdap.route(r).orElseThrow();
        var viaFhir = overFhir.route(r).orElseThrow();

        assertThat(viaFhir).isEqualTo(ldap);
        assertThat(ldap.viaIntermediary()).isTrue();
        assertThat(ldap.mhs().endpoint()).hasToString("https://mhs.x26.test/reliablemessaging/reliablerequest");
        assertThat(viaFhir.mhs().endpoint()).hasToString("https://msg.int.spine2.ncrs.nhs.uk/reliablemessaging/intermediary");
        assertThat(viaFhir.mhs().uniqueIdentifier()).isEqualTo("S918999198738");
        assertThat(viaFhir.asid().value()).as("the Device's nhsSpineASID, not nhsMHSId").isEqualTo("918999198738");
    }

    @Test
    void aForwardReliableRouteWithoutAnIntermediaryIsNotFoundOverLdapAndA500OverFhir() {
        x26(sds, GP2GP);
        RouteRequest r = RouteRequest.of(X26, InteractionId.of(GP2GP));

        assertThat(((RouteResult.NotFound) overLdap.route(r)).reason()).isEqualTo(RouteResult.Reason.NO_INTERMEDIARY);
        assertThatThrownBy(() -> overFhir.route(r)).isInstanceOfSatisfying(SdsFhirUnavailableException.class, e -> {
            assertThat(e.reason()).isEqualTo(SdsUnavailableException.Reason.UNAVAILABLE);
            assertThat(e.outcome()).hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(500));
        });
    }

    @Test
    void theCacheIsTheSameCodeKeyedTheSame() {
        x26(sds, PSIS);
        try (SdsClient a = sds.clientBuilder().build(); SdsClient b = fhir.clientBuilder().build()) {
            for (SdsClient c : List.of(a, b)) {
                c.route(X26, InteractionId.of(PSIS));
                c.route(X26, InteractionId.of(PSIS));
                c.accreditedSystems(X26, InteractionId.of(PSIS));
            }
            assertThat(b.cacheStats()).isEqualTo(a.cacheStats());
            assertThat(b.cacheStats().hits()).isEqualTo(1);
        }
    }
}
