package io.spinekit.it.sdsfhir;

import static io.spinekit.testkit.EmbeddedSds.accreditedSystem;
import static io.spinekit.testkit.EmbeddedSds.mhs;
import static org.assertj.core.api.Assertions.assertThat;

import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.ldap.SdsClient;
import io.spinekit.ldap.SdsLookupEvent;
import io.spinekit.testkit.EmbeddedSds;
import io.spinekit.testkit.FakeSdsFhir;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The look-up listener on the FHIR back-end, against the fake SDS FHIR API over HTTPS: the same events, backend fhir. */
class SdsFhirLookupListenerTest {
    static final String PSIS = "urn:nhs:names:services:psis:REPC_IN150016UK05";
    static EmbeddedSds sds;
    static FakeSdsFhir fhir;

    @BeforeAll
    static void start() {
        sds = EmbeddedSds.startDefault();
        fhir = FakeSdsFhir.over(sds).apiKey("the-key").start();
        sds.addMhs(mhs("X26", PSIS).uniqueIdentifier("S918999198738").partyKey("X26-823848"));
        sds.addAccreditedSystem(accreditedSystem("918999198738", "X26").partyKey("X26-823848").interactions(PSIS));
    }

    @AfterAll
    static void stop() {
        fhir.close();
        sds.close();
    }

    @Test
    void routeLookUpsAreAMissThenAHitOnTheFhirBackend() {
        List<SdsLookupEvent> events = new CopyOnWriteArrayList<>();
        try (SdsClient c = fhir.clientBuilder().lookupListener(events::add).build()) {
            c.route(OdsCode.of("X26"), InteractionId.of(PSIS));
            c.route(OdsCode.of("X26"), InteractionId.of(PSIS));
        }

        assertThat(events).extracting(e -> e.backend() + " " + e.kind() + " " + e.outcome() + " " + e.cache())
                .containsExactly("fhir ROUTE FOUND MISS", "fhir ROUTE FOUND HIT");
    }
}
