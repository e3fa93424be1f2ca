package io.spinekit.ldap;

import java.time.Instant;
import java.util.Objects;

/**
 * When a look-up result was read from SDS and whether it is stale.
 *
 * <p>A result is stale when its cache time to live had passed and SDS could not be reached to
 * refresh it, so the client served the expired entry rather than fail (stale-if-error).
 *
 * @param retrievedAt when the result was read from SDS
 * @param stale {@code true} when served past its time to live because SDS was unreachable
 */
public record Freshness(Instant retrievedAt, boolean stale) {
    /**
     * Checks the time is present.
     *
     * @param retrievedAt when the result was read
     * @param stale whether it is stale
     */
    public Freshness {
        Objects.requireNonNull(retrievedAt, "retrievedAt");
    }

    Freshness asStale() {
        return stale ? this : new Freshness(retrievedAt, true);
    }
}
