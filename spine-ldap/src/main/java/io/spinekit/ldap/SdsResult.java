package io.spinekit.ldap;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The entries one SDS look-up matched, in the documented order (newest {@code nhsDateApproved}
 * first, then by DN), with when they were read and whether they are stale.
 *
 * <p>An empty result is a normal outcome (nothing matched), never {@code null}.
 *
 * <p>{@link #warnings()} lists the malformed values the matches skipped because the answer did not
 * depend on them (such as an {@code nhsAsSvcIA} value that is not an interaction id); they were
 * also logged at WARN when the entries were read.
 *
 * @param query a readable description of the look-up, such as
 *        {@code "accredited systems for ODS code X26 and interaction ..."}
 * @param matches every matching entry, possibly none
 * @param freshness when the entries were read and whether they are stale
 * @param warnings the values the matches skipped, possibly none
 * @param <T> the record type
 */
public record SdsResult<T>(String query, List<T> matches, Freshness freshness, List<SdsWarning> warnings) {
    /**
     * Copies the matches and warnings.
     *
     * @param query the look-up
     * @param matches the matches
     * @param freshness the freshness
     * @param warnings the skipped values
     */
    public SdsResult {
        Objects.requireNonNull(query, "query");
        matches = List.copyOf(matches);
        Objects.requireNonNull(freshness, "freshness");
        warnings = List.copyOf(warnings);
    }

    /**
     * A result whose warnings are those of its matches ({@link AccreditedSystem#warnings()}).
     *
     * @param query the look-up
     * @param matches the matches
     * @param freshness the freshness
     */
    public SdsResult(String query, List<T> matches, Freshness freshness) {
        this(query, matches, freshness, warningsOf(matches));
    }

    private static List<SdsWarning> warningsOf(List<?> matches) {
        List<SdsWarning> out = new ArrayList<>();
        for (Object m : matches) {
            if (m instanceof AccreditedSystem as) {
                out.addAll(as.warnings());
            }
        }
        return out;
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
        return new SdsResult<>(query, matches, freshness.asStale(), warnings);
    }
}
