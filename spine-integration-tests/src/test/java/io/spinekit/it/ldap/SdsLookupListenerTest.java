package io.spinekit.it.ldap;

import static io.spinekit.testkit.EmbeddedSds.accreditedSystem;
import static io.spinekit.testkit.EmbeddedSds.mhs;
import static io.spinekit.testkit.EmbeddedSds.organisation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.env.Asid;
import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.env.SpineEnvironment;
import io.spinekit.ldap.SdsClient;
import io.spinekit.ldap.SdsLookupEvent;
import io.spinekit.ldap.SdsLookupEvent.Cache;
import io.spinekit.ldap.SdsLookupEvent.Kind;
import io.spinekit.ldap.SdsLookupEvent.Outcome;
import io.spinekit.ldap.SdsUnavailableException;
import io.spinekit.testkit.EmbeddedSds;
import io.spinekit.testkit.EmbeddedSdsExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The look-up listener against the embedded SDS over LDAPS: one event per look-up, cache hit, miss and stale. */
class SdsLookupListenerTest {
    @RegisterExtension
    static final EmbeddedSdsExtension SDS = EmbeddedSdsExtension.forEnvironment(SpineEnvironment.INTEGRATION);

    static final String PSIS = "urn:nhs:names:services:psis:REPC_IN150016UK05";
    static final OdsCode X26 = OdsCode.of("X26");

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final List<SdsLookupEvent> events = new CopyOnWriteArrayList<>();

    static void addRoute(EmbeddedSds sds) {
        sds.addMhs(mhs("X26", PSIS).partyKey("X26-823848").endpoint("https://one.test/"));
        sds.addAccreditedSystem(accreditedSystem("918999198738", "X26").partyKey("X26-823848").interactions(PSIS));
    }

    static List<String> summary(List<SdsLookupEvent> events) {
        return events.stream().map(e -> e.backend() + " " + e.kind() + " " + e.outcome() + " " + e.cache()).toList();
    }

    @Test
    void eachLookUpIsOneEventAMissThenAHit(EmbeddedSds sds) {
        addRoute(sds);
        sds.addOrganisation(organisation("X26", "NHS DIGITAL"));
        try (SdsClient client = sds.clientBuilder().lookupListener(events::add).build()) {
            client.route(X26, InteractionId.of(PSIS));
            client.route(X26, InteractionId.of(PSIS));
            client.route(OdsCode.of("Z99"), InteractionId.of(PSIS));
            client.organisation(X26);
            client.accreditedSystem(Asid.of("918999198738"));
            client.mhsRecords(X26, InteractionId.of(PSIS));
            client.accreditedSystems(X26, InteractionId.of(PSIS));
        }

        assertThat(summary(events)).containsExactly(
                "ldap ROUTE FOUND MISS",
                "ldap ROUTE FOUND HIT",
                "ldap ROUTE NOT_FOUND MISS",
                "ldap ORGANISATION FOUND MISS",
                "ldap ACCREDITED_SYSTEM FOUND MISS",
                "ldap MHS_RECORDS FOUND MISS",
                "ldap ACCREDITED_SYSTEMS FOUND MISS");
        assertThat(events).allSatisfy(e -> assertThat(e.duration().isNegative()).isFalse());
    }

    @Test
    void anUnreachableSdsIsUnavailableThenAStaleAnswerIsStale(EmbeddedSds sds) {
        addRoute(sds);
        try (SdsClient client = sds.clientBuilder().nanoTime(now::get).lookupListener(events::add).build()) {
            client.route(X26, InteractionId.of(PSIS));
            now.addAndGet(Duration.ofMinutes(16).toNanos());
            sds.stop();
            try {
                assertThat(client.route(X26, InteractionId.of(PSIS)).freshness().stale()).isTrue();
                assertThatThrownBy(() -> client.organisation(OdsCode.of("A81001")))
                        .isInstanceOf(SdsUnavailableException.class);
            } finally {
                sds.start();
            }
        }

        assertThat(summary(events)).containsExactly("ldap ROUTE FOUND MISS", "ldap ROUTE FOUND STALE",
                "ldap ORGANISATION UNAVAILABLE MISS");
    }

    @Test
    void withTheCacheOffEveryLookUpIsAMiss(EmbeddedSds sds) {
        addRoute(sds);
        try (SdsClient client = sds.clientBuilder().noCache().lookupListener(events::add).build()) {
            client.route(X26, InteractionId.of(PSIS));
            client.route(X26, InteractionId.of(PSIS));
        }

        assertThat(summary(events)).containsExactly("ldap ROUTE FOUND MISS", "ldap ROUTE FOUND MISS");
    }

    @Test
    void aListenerThatThrowsNeverBreaksALookUp(EmbeddedSds sds) {
        addRoute(sds);
        try (SdsClient client = sds.clientBuilder().lookupListener(e -> {
            events.add(e);
            throw new IllegalStateException("listener bug");
        }).build()) {
            assertThat(client.route(X26, InteractionId.of(PSIS)).found()).isTrue();
            assertThat(client.route(X26, InteractionId.of(PSIS)).found()).isTrue();
        }

        assertThat(summary(events)).containsExactly("ldap ROUTE FOUND MISS", "ldap ROUTE FOUND HIT");
    }
}
