package io.spinekit.ldap;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The entries one SDS look-up matched, in the documented order (newest {@code nhsDateApproved}
 * first, then by DN), with when they were read and whether they are stale.
 *
 * <p>An empty result is a normal outcome (nothing matched), never {@code null}.
 *
 * @param query a readable description of the look-up, such as
 *        {@code "accredited systems for ODS code X26 and interaction ..."}
 * @param matches every matching entry, possibly none
 * @param freshness when the entries were read and whether they are stale
 * @param <T> the record type
 */
public record SdsResult<T>(String query, List<T> matches, Freshness freshness) {
    /**
     * Copies the matches.
     *
     * @param query the look-up
     * @param matches the matches
     * @param freshness the freshness
     */
    public SdsResult {
        Objects.requireNonNull(query, "query");
        matches = List.copyOf(matches);
        Objects.requireNonNull(freshness, "freshness");
    }

    /**
     * The preferred match: the first in the documented order.
     *
     * @return the first match, empty when nothing matched
     */
    public Optional<T> first() {
        return matches.isEmpty() ? Optional.empty() : Optional.of(matches.get(0));
    }

    /**
     * Whether nothing matched.
     *
     * @return {@code true} when there are no matches
     */
    public boolean isEmpty() {
        return matches.isEmpty();
    }

    /**
     * The preferred match, or an exception naming the query.
     *
     * @return the first match
     * @throws SdsNotFoundException when nothing matched
     */
    public T orElseThrow() {
        if (matches.isEmpty()) {
            throw new SdsNotFoundException("SDS has no " + query);
        }
        return matches.get(0);
    }

    SdsResult<T> asStale() {
        return new SdsResult<>(query, matches, freshness.asStale());
    }
}
