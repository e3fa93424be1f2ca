package io.spinekit.ldap;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.spinekit.core.Text;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.concurrent.atomic.LongAdder;

/**
 * The look-up cache: Caffeine keyed on the look-up, with
 * <ul>
 *   <li>a time to live for answers and a shorter one for empty answers (negative caching);</li>
 *   <li>coalesced misses: callers that miss on one key at the same time wait for one load (a
 *       future in Caffeine's {@link AsyncCache}; the search runs outside every lock), so SDS sees
 *       one search per key and misses on different keys never wait for each other;</li>
 *   <li>stale-if-error: an expired entry is kept for a further window, and served (flagged stale)
 *       when the load fails because SDS is unreachable; SDS is then asked again after the
 *       stale retry interval at the earliest, so an outage does not cost every caller a
 *       connect timeout;</li>
 *   <li>a bounded size and explicit invalidation.</li>
 * </ul>
 * Maintenance runs on the calling threads: the cache owns no thread.
 */
final class SdsCache {
    /**
     * Cache settings; a zero {@code ttl} turns caching off.
     *
     * @param ttl how long an answer is fresh
     * @param negativeTtl how long an empty answer is fresh
     * @param staleIfError how long past its time to live an entry is kept to be served when SDS is down
     * @param staleRetryInterval after a failed refresh, how long the stale entry is served without asking SDS again
     * @param maximumSize the most entries held
     */
    record Settings(Duration ttl, Duration negativeTtl, Duration staleIfError, Duration staleRetryInterval,
            long maximumSize) {
        boolean enabled() {
            return !ttl.isZero() && maximumSize > 0;
        }
    }

    private static final class Held {
        final Object value;
        final long freshUntil;
        final long keepUntil;
        final boolean stale;

        Held(Object value, long freshUntil, long keepUntil, boolean stale) {
            this.value = value;
            this.freshUntil = freshUntil;
            this.keepUntil = keepUntil;
            this.stale = stale;
        }
    }

    private final Settings settings;
    private final LongSupplier nanoTime;
    private final AsyncCache<Object, Held> cache;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder loads = new LongAdder();
    private final LongAdder staleServes = new LongAdder();
    private final LongAdder errors = new LongAdder();

    SdsCache(Settings settings, LongSupplier nanoTime) {
        this.settings = settings;
        this.nanoTime = nanoTime;
        this.cache = settings.enabled()
                ? Caffeine.newBuilder()
                        .maximumSize(settings.maximumSize())
                        .ticker(nanoTime::getAsLong)
                        .executor(Runnable::run)
                        .expireAfter(new Expiry<Object, Held>() {
                            @Override
                            public long expireAfterCreate(Object key, Held value, long currentTime) {
                                return Math.max(0, value.keepUntil - currentTime);
                            }

                            @Override
                            public long expireAfterUpdate(Object key, Held value, long currentTime,
                                    long currentDuration) {
                                return Math.max(0, value.keepUntil - currentTime);
                            }

                            @Override
                            public long expireAfterRead(Object key, Held value, long currentTime,
                                    long currentDuration) {
                                return currentDuration;
                            }
                        })
                        .buildAsync()
                : null;
    }

    private boolean fresh(Held held) {
        return nanoTime.getAsLong() - held.freshUntil < 0;
    }

    /**
     * Answers a look-up from the cache, or loads it once for every concurrent caller.
     *
     * <p>The first caller to miss puts an incomplete future in the cache (a short map update, no
     * I/O under any lock), searches SDS on its own thread outside the map, and completes the future;
     * callers that miss on the same key meanwhile wait for that future. Misses on other keys, even
     * keys with the same hash, run in parallel.
     *
     * @param key the look-up
     * @param loader searches SDS
     * @param negative whether an answer is empty (cached for the negative time to live)
     * @param markStale copies an answer flagged as stale
     * @param <V> the answer type
     * @return the answer
     */
    @SuppressWarnings("unchecked")
    <V> V get(Object key, Supplier<V> loader, Predicate<V> negative, UnaryOperator<V> markStale) {
        if (cache == null) {
            return loadUncached(loader);
        }
        CompletableFuture<Held> present = cache.getIfPresent(key);
        Held now = present == null ? null : present.getNow(null);
        if (now != null && fresh(now)) {
            if (now.stale) {
                staleServes.increment();
                return markStale.apply((V) now.value);
            }
            hits.increment();
            return (V) now.value;
        }
        misses.increment();
        CompletableFuture<Held> mine = new CompletableFuture<>();
        Held[] previous = new Held[1];
        CompletableFuture<Held> chosen = cache.asMap().compute(key, (k, current) -> {
            if (current != null) {
                if (!current.isDone()) {
                    return current; // a load is in flight: wait for it
                }
                Held done = current.isCompletedExceptionally() ? null : current.join();
                if (done != null && fresh(done)) {
                    return current; // another caller loaded it (or failed to refresh it) meanwhile
                }
                previous[0] = done;
            }
            return mine;
        });
        if (chosen != mine) {
            Held held = await(chosen);
            if (held.stale) {
                staleServes.increment();
                return markStale.apply((V) held.value);
            }
            return (V) held.value;
        }
        Held held = load(loader, negative, previous[0], mine);
        if (held.stale) {
            return markStale.apply((V) held.value);
        }
        return (V) held.value;
    }

    /** Runs the loader on this thread and completes {@code mine} with the answer, a stale one, or the failure. */
    private <V> Held load(Supplier<V> loader, Predicate<V> negative, Held old, CompletableFuture<Held> mine) {
        try {
            V value = loader.get();
            loads.increment();
            long now = nanoTime.getAsLong();
            long ttl = (negative.test(value) ? settings.negativeTtl() : settings.ttl()).toNanos();
            Held held = new Held(value, now + ttl, now + ttl + settings.staleIfError().toNanos(), false);
            mine.complete(held);
            return held;
        } catch (SdsUnavailableException e) {
            errors.increment();
            long now = nanoTime.getAsLong();
            if (old != null && now - old.keepUntil < 0) {
                staleServes.increment();
                // serve it without asking SDS again for a short while, so callers do not each wait
                // for a connect timeout during an outage
                long retryAt = Math.min(now + settings.staleRetryInterval().toNanos(), old.keepUntil);
                Held held = new Held(old.value, retryAt, old.keepUntil, true);
                mine.complete(held);
                return held;
            }
            mine.completeExceptionally(e); // the cache drops a failed future: a failure is not cached
            throw e;
        } catch (RuntimeException | Error e) {
            errors.increment();
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** Waits for another caller's load; its failure is thrown as it was thrown to that caller. */
    private static Held await(CompletableFuture<Held> future) {
        try {
            return future.join();
        } catch (CompletionException | CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new SdsLookupException("The SDS look-up failed: "
                    + Text.quote(String.valueOf(cause), SdsLookupException.QUOTE_LIMIT), cause);
        }
    }

    private <V> V loadUncached(Supplier<V> loader) {
        misses.increment();
        try {
            V v = loader.get();
            loads.increment();
            return v;
        } catch (RuntimeException e) {
            errors.increment();
            throw e;
        }
    }

    void invalidateAll() {
        if (cache != null) {
            cache.synchronous().invalidateAll();
        }
    }

    void invalidateIf(Predicate<Object> keyMatches) {
        if (cache != null) {
            cache.asMap().keySet().removeIf(keyMatches);
        }
    }

    SdsCacheStats stats() {
        if (cache != null) {
            cache.synchronous().cleanUp();
        }
        return new SdsCacheStats(hits.sum(), misses.sum(), loads.sum(), staleServes.sum(), errors.sum(),
                cache == null ? 0 : cache.synchronous().estimatedSize());
    }

    Settings settings() {
        return settings;
    }
}
