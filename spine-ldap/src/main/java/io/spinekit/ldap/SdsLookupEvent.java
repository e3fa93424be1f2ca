package io.spinekit.ldap;

import java.time.Duration;
import java.util.Objects;

/**
 * One look-up of an {@link SdsClient}, as an {@link SdsLookupListener} is told it.
 *
 * @param backend the back-end: {@code ldap} or {@code fhir} (as {@link SdsClient#backend()})
 * @param kind what was looked up
 * @param outcome how it ended
 * @param cache whether the cache answered
 * @param duration how long the call took on the caller's thread (a wait for another caller's load included)
 */
public record SdsLookupEvent(String backend, Kind kind, Outcome outcome, Cache cache, Duration duration) {

    /** What was looked up: which method of {@link SdsClient}. */
    public enum Kind {
        /** {@link SdsClient#route(RouteRequest)} and its overloads. */
        ROUTE,
        /** {@code mhsRecords}. */
        MHS_RECORDS,
        /** {@code accreditedSystems}, by interaction or by party key. */
        ACCREDITED_SYSTEMS,
        /** {@code accreditedSystem} by ASID. */
        ACCREDITED_SYSTEM,
        /** {@code organisation}. */
        ORGANISATION
    }

    /** How the look-up ended. */
    public enum Outcome {
        /** A route, or at least one record. */
        FOUND,
        /** No route, or no records (a {@link RouteResult.NotFound}, an empty {@link SdsResult}). */
        NOT_FOUND,
        /** It threw {@link SdsUnavailableException}: no server answered and nothing was cached. */
        UNAVAILABLE,
        /** It threw another exception (a malformed entry, too many matches, a bad request). */
        ERROR
    }

    /** Whether the cache answered. */
    public enum Cache {
        /** A fresh cached answer (or another caller's load of the same key, waited for): no search by this call. */
        HIT,
        /** This call searched SDS (always, with the cache off; and for every failure). */
        MISS,
        /** An expired answer served because SDS could not be reached (stale-if-error). */
        STALE
    }

    /**
     * Checks the components.
     *
     * @param backend backend
     * @param kind kind
     * @param outcome outcome
     * @param cache cache
     * @param duration duration, never negative
     */
    public SdsLookupEvent {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            duration = Duration.ZERO;
        }
    }
}
