package io.spinekit.ldap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.concurrent.atomic.LongAdder;

/**
 * The look-up cache: Caffeine keyed on the look-up, with
 * <ul>
 *   <li>a time to live for answers and a shorter one for empty answers (negative caching);</li>
 *   <li>coalesced misses: callers that miss on one key at the same time wait for one load
 *       ({@code compute} on the key), so SDS sees one search;</li>
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

    /** What one compute did, so the caller knows whether to flag its answer stale. */
    private static final class Outcome {
        boolean stale;
    }

    private final Settings settings;
    private final LongSupplier nanoTime;
    private final Cache<Object, Held> cache;
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
                        .build()
                : null;
    }

    /**
     * Answers a look-up from the cache, or loads it once for every concurrent caller.
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
        Held held = cache.getIfPresent(key);
        if (held != null && nanoTime.getAsLong() - held.freshUntil < 0) {
            if (held.stale) {
                staleServes.increment();
                return markStale.apply((V) held.value);
            }
            hits.increment();
            return (V) held.value;
        }
        misses.increment();
        Outcome outcome = new Outcome();
        Held result = cache.asMap().compute(key, (k, old) -> {
            long now = nanoTime.getAsLong();
            if (old != null && now - old.freshUntil < 0) {
                // another caller loaded it (or failed to refresh it) while this one waited
                outcome.stale = old.stale;
                if (old.stale) {
                    staleServes.increment();
                }
                return old;
            }
            try {
                V value = loader.get();
                loads.increment();
                long ttl = (negative.test(value) ? settings.negativeTtl() : settings.ttl()).toNanos();
                return new Held(value, now + ttl, now + ttl + settings.staleIfError().toNanos(), false);
            } catch (SdsUnavailableException e) {
                errors.increment();
                if (old != null && now - old.keepUntil < 0) {
                    staleServes.increment();
                    outcome.stale = true;
                    // serve it without asking SDS again for a short while, so callers do not each wait
                    // for a connect timeout during an outage
                    long retryAt = Math.min(now + settings.staleRetryInterval().toNanos(), old.keepUntil);
                    return new Held(old.value, retryAt, old.keepUntil, true);
                }
                throw e;
            } catch (RuntimeException e) {
                errors.increment();
                throw e;
            }
        });
        V value = (V) result.value;
        return outcome.stale ? markStale.apply(value) : value;
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
            cache.invalidateAll();
        }
    }

    void invalidateIf(Predicate<Object> keyMatches) {
        if (cache != null) {
            cache.asMap().keySet().removeIf(keyMatches);
        }
    }

    SdsCacheStats stats() {
        if (cache != null) {
            cache.cleanUp();
        }
        return new SdsCacheStats(hits.sum(), misses.sum(), loads.sum(), staleServes.sum(), errors.sum(),
                cache == null ? 0 : cache.estimatedSize());
    }

    Settings settings() {
        return settings;
    }
}
