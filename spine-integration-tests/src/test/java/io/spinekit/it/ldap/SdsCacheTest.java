package io.spinekit.it.ldap;

import io.spinekit.ldap.Organisation;
import io.spinekit.ldap.Route;
import io.spinekit.ldap.RouteResult;
import io.spinekit.ldap.SdsCacheStats;
import io.spinekit.ldap.SdsClient;
import io.spinekit.ldap.SdsUnavailableException;
import static io.spinekit.testkit.EmbeddedSds.accreditedSystem;
import static io.spinekit.testkit.EmbeddedSds.mhs;
import static io.spinekit.testkit.EmbeddedSds.organisation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.env.Asid;
import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.env.SpineEnvironment;
import io.spinekit.testkit.EmbeddedSds;
import io.spinekit.testkit.EmbeddedSdsExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The look-up cache against the embedded SDS, with a controlled clock. Searches are counted at the server. */
class SdsCacheTest {
    @RegisterExtension
    static final EmbeddedSdsExtension SDS = EmbeddedSdsExtension.forEnvironment(SpineEnvironment.INTEGRATION);

    static final String PSIS = "urn:nhs:names:services:psis:REPC_IN150016UK05";
    static final OdsCode X26 = OdsCode.of("X26");
    static final InteractionId PSIS_ID = InteractionId.of(PSIS);

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    SdsClient client;

    @BeforeEach
    void client() {
        client = SDS.sds().clientBuilder().nanoTime(now::get).build();
    }

    @AfterEach
    void close() {
        client.close();
    }

    void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    static void addRoute(EmbeddedSds sds, String endpoint) {
        sds.addMhs(mhs("X26", PSIS).partyKey("X26-823848").endpoint(endpoint));
        sds.addAccreditedSystem(accreditedSystem("918999198738", "X26").partyKey("X26-823848").interactions(PSIS));
    }

    @Test
    void repeatedLookUpIsServedFromCacheWithoutSearching(EmbeddedSds sds) {
        addRoute(sds, "https://one.test/");

        Route first = client.route(X26, PSIS_ID).orElseThrow();
        long searchesAfterFirst = sds.searchCount();
        Route second = client.route(X26, PSIS_ID).orElseThrow();

        assertThat(searchesAfterFirst).isEqualTo(2); // nhsMhs, then nhsAs
        assertThat(sds.searchCount()).isEqualTo(2);
        assertThat(second).isEqualTo(first);
        assertThat(client.cacheStats()).isEqualTo(new SdsCacheStats(1, 1, 1, 0, 0, 1));
        assertThat(client.cacheStats().hitRate()).isEqualTo(0.5);
    }

    @Test
    void entryIsReloadedAfterItsTimeToLive(EmbeddedSds sds) {
        addRoute(sds, "https://one.test/");
        client.route(X26, PSIS_ID);
        sds.clear();
        addRoute(sds, "https://two.test/");

        advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(client.route(X26, PSIS_ID).orElseThrow().endpoint().getHost()).isEqualTo("one.test");
        advance(Duration.ofSeconds(2));
        assertThat(client.route(X26, PSIS_ID).orElseThrow().endpoint().getHost()).isEqualTo("two.test");
        assertThat(sds.searchCount()).isEqualTo(4);
    }

    @Test
    void emptyResultIsCachedForTheShortNegativeTimeToLive(EmbeddedSds sds) {
        assertThat(client.organisation(OdsCode.of("Z99")).isEmpty()).isTrue();
        sds.addOrganisation(organisation("Z99", "NEW PRACTICE"));

        advance(Duration.ofSeconds(59));
        assertThat(client.organisation(OdsCode.of("Z99")).isEmpty()).isTrue();
        advance(Duration.ofSeconds(2));
        assertThat(client.organisation(OdsCode.of("Z99")).orElseThrow().name()).isEqualTo("NEW PRACTICE");
        assertThat(sds.searchCount()).isEqualTo(2);
    }

    @Test
    void thousandConcurrentMissesForOneKeyMakeExactlyOneSearch(EmbeddedSds sds) throws Exception {
        sds.addOrganisation(organisation("A81001", "THE DENSHAM SURGERY"));
        sds.latency(Duration.ofMillis(300)); // keep the first load in flight while the others arrive
        int callers = 1000;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Organisation>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return client.organisation(OdsCode.of("A81001")).orElseThrow();
                }));
            }
            assertThat(ready.await(60, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            Set<Organisation> distinct = new HashSet<>();
            for (Future<Organisation> f : results) {
                distinct.add(f.get(60, TimeUnit.SECONDS));
            }

            assertThat(sds.searchCount()).isEqualTo(1);
            assertThat(distinct).singleElement().extracting(Organisation::name).isEqualTo("THE DENSHAM SURGERY");
            SdsCacheStats stats = client.cacheStats();
            assertThat(stats.loads()).isEqualTo(1);
            assertThat(stats.hits() + stats.misses()).isEqualTo(callers);
            assertThat(stats.errors()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void expiredEntryIsServedFlaggedStaleWhileSdsIsDown(EmbeddedSds sds) {
        client.close();
        client = sds.clientBuilder().nanoTime(now::get).staleRetryInterval(Duration.ofSeconds(3)).build();
        addRoute(sds, "https://one.test/");
        RouteResult fresh = client.route(X26, PSIS_ID);
        advance(Duration.ofMinutes(16));
        sds.stop();

        RouteResult stale = client.route(X26, PSIS_ID);

        assertThat(stale.freshness().stale()).isTrue();
        assertThat(stale.freshness().retrievedAt()).isEqualTo(fresh.freshness().retrievedAt());
        assertThat(stale.orElseThrow()).isEqualTo(fresh.orElseThrow());
        assertThat(client.cacheStats().staleServes()).isEqualTo(1);
        assertThat(client.cacheStats().errors()).isEqualTo(1);

        sds.start();
        advance(Duration.ofSeconds(2));
        long searchesBefore = sds.searchCount();
        assertThat(client.route(X26, PSIS_ID).freshness().stale()).isTrue(); // not asked again within the interval
        assertThat(sds.searchCount()).isEqualTo(searchesBefore);
        advance(Duration.ofSeconds(1));
        RouteResult again = client.route(X26, PSIS_ID);
        assertThat(again.freshness().stale()).isFalse();
        assertThat(again.orElseThrow()).isEqualTo(fresh.orElseThrow());
    }

    @Test
    void staleEntryIsNotServedPastTheStaleIfErrorWindow(EmbeddedSds sds) {
        addRoute(sds, "https://one.test/");
        client.route(X26, PSIS_ID);
        advance(Duration.ofMinutes(15).plus(Duration.ofHours(1)).plusSeconds(1));
        sds.stop();

        assertThatThrownBy(() -> client.route(X26, PSIS_ID)).isInstanceOf(SdsUnavailableException.class)
                .hasMessageContaining(sds.url());
    }

    @Test
    void lookUpWithNothingCachedFailsWhileSdsIsDown(EmbeddedSds sds) {
        sds.stop();

        assertThatThrownBy(() -> client.accreditedSystem(Asid.of("918999198738")))
                .isInstanceOf(SdsUnavailableException.class)
                .hasMessageContaining("No SDS server answered the accredited system with ASID 918999198738")
                .hasMessageContaining(sds.url());
        assertThat(client.cacheStats().errors()).isEqualTo(1);
        assertThat(client.cacheStats().size()).isZero();
    }

    @Test
    void invalidationForcesAFreshSearch(EmbeddedSds sds) {
        addRoute(sds, "https://one.test/");
        sds.addOrganisation(organisation("X26", "NHS ENGLAND"));
        client.route(X26, PSIS_ID);
        client.organisation(X26);
        client.accreditedSystem(Asid.of("918999198738"));
        sds.clear();
        addRoute(sds, "https://two.test/");
        sds.resetSearchCount();

        client.invalidate(OdsCode.of("Z99"));
        assertThat(client.route(X26, PSIS_ID).orElseThrow().endpoint().getHost()).isEqualTo("one.test");
        client.invalidate(X26);
        assertThat(client.route(X26, PSIS_ID).orElseThrow().endpoint().getHost()).isEqualTo("two.test");
        assertThat(client.organisation(X26).isEmpty()).isTrue();
        assertThat(client.accreditedSystem(Asid.of("918999198738")).isEmpty()).isFalse(); // still cached
        assertThat(sds.searchCount()).isEqualTo(3);

        client.invalidate(Asid.of("918999198738"));
        client.accreditedSystem(Asid.of("918999198738"));
        assertThat(sds.searchCount()).isEqualTo(4);
        client.invalidateAll();
        client.route(X26, PSIS_ID);
        assertThat(sds.searchCount()).isEqualTo(6);
    }

    @Test
    void cacheSizeIsBounded(EmbeddedSds sds) {
        try (SdsClient small = sds.clientBuilder().cacheMaximumSize(3).build()) {
            for (int i = 0; i < 10; i++) {
                small.organisation(OdsCode.of("Z0" + i));
            }
            assertThat(small.cacheStats().size()).isLessThanOrEqualTo(3);
            assertThat(small.cacheStats().loads()).isEqualTo(10);
        }
    }

    @Test
    void disabledCacheSearchesEveryTime(EmbeddedSds sds) {
        sds.addOrganisation(organisation("X26", "NHS ENGLAND"));
        try (SdsClient uncached = sds.clientBuilder().noCache().build()) {
            uncached.organisation(X26);
            uncached.organisation(X26);
            assertThat(sds.searchCount()).isEqualTo(2);
            assertThat(uncached.cacheStats()).isEqualTo(new SdsCacheStats(0, 2, 2, 0, 0, 0));
        }
    }
}
