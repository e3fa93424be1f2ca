package io.spinekit.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import org.junit.jupiter.api.Test;

/** The cache logic alone, with a counting loader and a controlled clock. */
class SdsCacheUnitTest {
    static final Duration RETRY = Duration.ofSeconds(10);
    final AtomicLong now = new AtomicLong(5_000_000_000L);
    final SdsCache cache = new SdsCache(new SdsCache.Settings(Duration.ofMinutes(15), Duration.ofMinutes(1),
            Duration.ofHours(1), RETRY, 100), now::get);
    final AtomicInteger loads = new AtomicInteger();

    String get(String key, Supplier<String> loader) {
        return cache.get(key, () -> {
            loads.incrementAndGet();
            return loader.get();
        }, String::isEmpty, v -> v + " (stale)");
    }

    @Test
    void freshEntryIsAHitAndExpiredOneIsReloaded() {
        assertThat(get("k", () -> "v1")).isEqualTo("v1");
        now.addAndGet(Duration.ofMinutes(15).minusNanos(1).toNanos());
        assertThat(get("k", () -> "v2")).isEqualTo("v1");
        now.addAndGet(1);
        assertThat(get("k", () -> "v2")).isEqualTo("v2");
        assertThat(loads).hasValue(2);
        assertThat(cache.stats()).isEqualTo(new SdsCacheStats(1, 2, 2, 0, 0, 1));
    }

    @Test
    void emptyAnswerUsesTheNegativeTimeToLive() {
        get("k", () -> "");
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(get("k", () -> "found")).isEqualTo("found");
        assertThat(loads).hasValue(2);
    }

    @Test
    void unreachableSdsServesTheExpiredEntryMarkedStale() {
        get("k", () -> "v1");
        now.addAndGet(Duration.ofMinutes(20).toNanos());

        assertThat(get("k", () -> {
            throw new SdsUnavailableException("down", null);
        })).isEqualTo("v1 (stale)");
        assertThat(cache.stats().staleServes()).isEqualTo(1);
        assertThat(cache.stats().errors()).isEqualTo(1);
    }

    @Test
    void afterAFailedRefreshTheStaleEntryIsServedWithoutAskingAgainForAWhile() {
        get("k", () -> "v1");
        now.addAndGet(Duration.ofMinutes(20).toNanos());
        Supplier<String> down = () -> {
            throw new SdsUnavailableException("down", null);
        };
        assertThat(get("k", down)).isEqualTo("v1 (stale)");

        now.addAndGet(RETRY.minusSeconds(1).toNanos());
        assertThat(get("k", down)).isEqualTo("v1 (stale)");
        assertThat(loads).hasValue(2);
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(get("k", () -> "v2")).isEqualTo("v2");
        assertThat(loads).hasValue(3);
        assertThat(cache.stats()).isEqualTo(new SdsCacheStats(0, 3, 2, 2, 1, 1));
    }

    @Test
    void malformedAnswerIsNotMaskedByAStaleEntry() {
        get("k", () -> "v1");
        now.addAndGet(Duration.ofMinutes(20).toNanos());

        assertThatThrownBy(() -> get("k", () -> {
            throw new SdsLookupException("dn", "attr", "bad", "good");
        })).isInstanceOf(SdsLookupException.class).isNotInstanceOf(SdsUnavailableException.class);
        assertThat(cache.stats().staleServes()).isZero();
    }

    @Test
    void failedLoadIsNotCached() {
        assertThatThrownBy(() -> get("k", () -> {
            throw new SdsUnavailableException("down", null);
        })).isInstanceOf(SdsUnavailableException.class);
        assertThat(get("k", () -> "v")).isEqualTo("v");
        assertThat(loads).hasValue(2);
    }

    @Test
    void thousandConcurrentMissesShareOneLoad() throws Exception {
        int callers = 1000;
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    ready.countDown();
                    return get("k", () -> {
                        try {
                            // hold the load until every caller has asked
                            release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return "v";
                    });
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(100);
            release.countDown();
            for (Future<String> f : results) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo("v");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(loads).hasValue(1);
        assertThat(cache.stats().loads()).isEqualTo(1);
        assertThat(cache.stats().hits() + cache.stats().misses()).isEqualTo(callers);
    }

    /**
     * Eight valid ODS codes with one {@code String.hashCode}: "AQ" and "B2" hash alike (65*31+81 ==
     * 66*31+50), so every mix of three such pairs after an X collides.
     */
    static List<OdsCode> collidingOdsCodes() {
        List<OdsCode> codes = new ArrayList<>();
        for (String a : List.of("AQ", "B2")) {
            for (String b : List.of("AQ", "B2")) {
                for (String c : List.of("AQ", "B2")) {
                    codes.add(OdsCode.of("X" + a + b + c));
                }
            }
        }
        return codes;
    }

    @Test
    void missesOnCollidingKeysRunInParallel() throws Exception {
        List<OdsCode> codes = collidingOdsCodes();
        InteractionId psis = InteractionId.of("urn:nhs:names:services:psis:REPC_IN150016UK05");
        List<RouteRequest> keys = codes.stream().map(c -> RouteRequest.of(c, psis)).toList();
        assertThat(codes.stream().map(c -> c.value().hashCode()).distinct()).hasSize(1);
        assertThat(keys.stream().map(Object::hashCode).distinct()).hasSize(1);
        assertThat(keys).doesNotHaveDuplicates();

        // each slow search waits until every search is in flight (or gives up after a while), so the
        // most in flight at once is 8 when misses run in parallel and 1 when they queue on a lock
        CountDownLatch allInFlight = new CountDownLatch(keys.size());
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(keys.size());
        try {
            List<Future<String>> results = new ArrayList<>();
            for (RouteRequest key : keys) {
                results.add(pool.submit(() -> cache.get(key, () -> {
                    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    allInFlight.countDown();
                    try {
                        allInFlight.await(2, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    inFlight.decrementAndGet();
                    return key.odsCode().value();
                }, String::isEmpty, v -> v)));
            }
            for (int i = 0; i < keys.size(); i++) {
                assertThat(results.get(i).get(60, TimeUnit.SECONDS)).isEqualTo(codes.get(i).value());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(mostInFlight).hasValue(keys.size());
        assertThat(cache.stats().loads()).isEqualTo(keys.size());
    }

    @Test
    void invalidationDropsMatchingKeys() {
        get("a", () -> "1");
        get("b", () -> "2");
        cache.invalidateIf("a"::equals);
        get("a", () -> "1");
        get("b", () -> "2");
        assertThat(loads).hasValue(3);
        cache.invalidateAll();
        assertThat(cache.stats().size()).isZero();
    }
}
