package io.spinekit.ldap;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The cache settings of an {@link SdsClient}: the same for both back-ends, as the cache is the same
 * code for both (keyed on the look-up, misses coalesced, stale-if-error, bounded, invalidated
 * explicitly). {@link SdsClient.Builder} inherits them; there are no other subclasses.
 *
 * @param <B> the builder type
 */
public abstract class SdsCacheSettings<B extends SdsCacheSettings<B>> {
    Duration cacheTtl = Duration.ofMinutes(15);
    Duration negativeCacheTtl = Duration.ofMinutes(1);
    Duration staleIfError = Duration.ofHours(1);
    Duration staleRetryInterval = Duration.ofSeconds(10);
    long cacheMaximumSize = 10_000;
    LongSupplier nanoTime = System::nanoTime;

    SdsCacheSettings() {
    }

    /**
     * This builder.
     *
     * @return this
     */
    abstract B self();

    /**
     * Sets how long a result is fresh. Default 15 minutes, as public NHS adaptors use.
     *
     * @param ttl a positive duration
     * @return this
     */
    public B cacheTtl(Duration ttl) {
        this.cacheTtl = SdsBackends.positive(ttl, "cacheTtl");
        return self();
    }

    /**
     * Sets how long an empty result (no route, no such ASID) is fresh. Default 1 minute.
     *
     * @param ttl zero (do not cache empty results) or positive
     * @return this
     */
    public B negativeCacheTtl(Duration ttl) {
        this.negativeCacheTtl = SdsBackends.notNegative(ttl, "negativeCacheTtl");
        return self();
    }

    /**
     * Sets how long past its time to live a result is kept, to be served (flagged stale) while
     * SDS is unreachable. Default 1 hour; zero turns stale-if-error off.
     *
     * @param window zero or positive
     * @return this
     */
    public B staleIfError(Duration window) {
        this.staleIfError = SdsBackends.notNegative(window, "staleIfError");
        return self();
    }

    /**
     * Sets, once a refresh has failed because SDS is unreachable, how long the stale result is
     * served before SDS is asked again. Default 10 seconds: during an outage one caller per
     * interval pays the connect timeout, not every caller.
     *
     * @param interval positive
     * @return this
     */
    public B staleRetryInterval(Duration interval) {
        this.staleRetryInterval = SdsBackends.positive(interval, "staleRetryInterval");
        return self();
    }

    /**
     * Sets the most results the cache holds. Default 10,000.
     *
     * @param max 1 or more
     * @return this
     */
    public B cacheMaximumSize(long max) {
        if (max < 1) {
            throw new IllegalArgumentException("cacheMaximumSize must be 1 or more, was " + max);
        }
        this.cacheMaximumSize = max;
        return self();
    }

    /**
     * Turns the cache off: every look-up searches SDS.
     *
     * @return this
     */
    public B noCache() {
        this.cacheTtl = Duration.ZERO;
        return self();
    }

    /**
     * The clock the cache measures freshness with, in nanoseconds; default {@link System#nanoTime()}.
     * Tests pass a settable clock to expire entries without waiting.
     *
     * @param ticker the clock
     * @return this
     */
    public B nanoTime(LongSupplier ticker) {
        this.nanoTime = Objects.requireNonNull(ticker, "ticker");
        return self();
    }
}
