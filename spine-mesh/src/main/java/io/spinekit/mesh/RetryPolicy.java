package io.spinekit.mesh;

import io.spinekit.core.Text;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * When a MESH request is tried again, after the official client (MESH.md section 4: up to 3 retries,
 * backoff factor 0.5 s, for statuses 425, 429, 502, 503 and 504).
 *
 * <p>The wait before retry {@code k} (1-based) is 0 for the first and {@code backoff × 2^(k-1)} after
 * (0 s, 1 s, 2 s by default), unless the answer carried {@code Retry-After}, which is then waited
 * instead; a {@code Retry-After} longer than {@link #maxWait} is not waited for and the call fails.
 * What is retried at all is decided by {@link MeshClient}: never the first POST of a message.
 *
 * @param maxRetries retries after the first attempt, 0 to 10
 * @param backoff the backoff factor
 * @param maxWait the longest single wait, Retry-After included
 * @param statuses the HTTP statuses that are retried
 */
public record RetryPolicy(int maxRetries, Duration backoff, Duration maxWait, Set<Integer> statuses) {
    /** The statuses the official client retries (MESH.md section 4). */
    public static final Set<Integer> DEFAULT_STATUSES = Set.of(425, 429, 502, 503, 504);

    /** 3 retries, 0.5 s backoff factor, waits up to 60 s, {@link #DEFAULT_STATUSES}. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(60),
            DEFAULT_STATUSES);

    /** No retries at all. */
    public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Set.of());

    /**
     * Checks the parts.
     *
     * @param maxRetries retries
     * @param backoff the backoff factor
     * @param maxWait the longest wait
     * @param statuses the retried statuses
     */
    public RetryPolicy {
        if (maxRetries < 0 || maxRetries > 10) {
            throw new MeshException(MeshException.Reason.CONFIGURATION, "retry count "
                    + Text.quote(Integer.toString(maxRetries)) + " is out of range: expected 0 to 10");
        }
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(maxWait, "maxWait");
        if (backoff.isNegative() || maxWait.isNegative()) {
            throw new MeshException(MeshException.Reason.CONFIGURATION, "retry waits must not be negative");
        }
        statuses = Set.copyOf(statuses);
    }

    /**
     * The wait before a retry when the answer gave no Retry-After.
     *
     * @param retry the retry number, from 1
     * @return the wait
     */
    public Duration delayBefore(int retry) {
        if (retry <= 1) {
            return Duration.ZERO;
        }
        return backoff.multipliedBy(1L << Math.min(retry - 1, 20));
    }
}
