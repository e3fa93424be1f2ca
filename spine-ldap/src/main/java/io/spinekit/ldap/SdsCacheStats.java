package io.spinekit.ldap;

/**
 * Counters of an {@link SdsClient}'s look-up cache since it was built.
 *
 * @param hits look-ups answered from a fresh cache entry
 * @param misses look-ups that found no fresh entry (each then waited for a load, its own or
 *        another caller's for the same key)
 * @param loads searches of SDS that completed (one per key however many callers missed at once)
 * @param staleServes look-ups answered with an expired entry because SDS could not be reached
 * @param errors loads that failed (SDS unreachable, malformed entry), whether or not a stale entry
 *        was served instead
 * @param size entries currently held (fresh, negative or kept for stale-if-error)
 */
public record SdsCacheStats(long hits, long misses, long loads, long staleServes, long errors, long size) {

    /**
     * The share of look-ups answered from a fresh entry.
     *
     * @return {@code hits / (hits + misses)}, 0 when there were none
     */
    public double hitRate() {
        long total = hits + misses;
        return total == 0 ? 0 : (double) hits / total;
    }
}
