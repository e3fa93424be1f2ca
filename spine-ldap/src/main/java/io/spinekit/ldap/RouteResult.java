package io.spinekit.ldap;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a route look-up: {@link Found} or {@link NotFound}, never {@code null}.
 *
 * <pre>{@code
 * switch (sds.route(ods, interaction)) {
 *     case RouteResult.Found f -> send(f.route());              // Java 21 pattern switch
 *     case RouteResult.NotFound n -> log.warn(n.message());
 * }
 * Route r = sds.route(ods, interaction).orElseThrow();      // or throw SdsNotFoundException
 * }</pre>
 */
public sealed interface RouteResult permits RouteResult.Found, RouteResult.NotFound {

    /**
     * What was looked up.
     *
     * @return the request
     */
    RouteRequest request();

    /**
     * When the answer was read from SDS and whether it is stale.
     *
     * @return the freshness
     */
    Freshness freshness();

    /**
     * The malformed values the records of this result skipped because the answer did not depend on
     * them (such as an {@code nhsAsSvcIA} value of the receiver's accredited system that is not an
     * interaction id); they were also logged at WARN when the entries were read.
     *
     * @return the skipped values, possibly none
     */
    List<SdsWarning> warnings();

    /**
     * Whether a route was found.
     *
     * @return {@code true} for {@link Found}
     */
    default boolean found() {
        return this instanceof Found;
    }

    /**
     * The preferred route, if any.
     *
     * @return the route, empty for {@link NotFound}
     */
    default Optional<Route> asOptional() {
        return this instanceof Found f ? Optional.of(f.route()) : Optional.empty();
    }

    /**
     * The preferred route, or an exception saying what was missing.
     *
     * @return the route
     * @throws SdsNotFoundException for {@link NotFound}, with its message
     */
    default Route orElseThrow() {
        if (this instanceof Found f) {
            return f.route();
        }
        throw new SdsNotFoundException(((NotFound) this).message());
    }

    /** Why no route was found. */
    enum Reason {
        /** No {@code nhsMhs} entry matched the ODS code, interaction (and party key). */
        NO_MHS,
        /** MHS entries matched, but no {@code nhsAs} entry with the same ODS code, party key and interaction. */
        NO_ACCREDITED_SYSTEM,
        /** The receiver was found, but Spine's reliable intermediary MHS was not. */
        NO_INTERMEDIARY
    }

    /**
     * A route was found.
     *
     * @param request what was looked up
     * @param route the preferred route: the first of {@code candidates}
     * @param candidates every route that matched, in the documented order (newest
     *        {@code nhsDateApproved} of the MHS record first, then by DN)
     * @param freshness when it was read and whether it is stale
     * @param warnings the values the candidates' records skipped, possibly none
     */
    record Found(RouteRequest request, Route route, List<Route> candidates, Freshness freshness,
            List<SdsWarning> warnings) implements RouteResult {
        /**
         * Copies the candidates and warnings.
         *
         * @param request request
         * @param route preferred route
         * @param candidates all routes
         * @param freshness freshness
         * @param warnings skipped values
         */
        public Found {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(route, "route");
            candidates = List.copyOf(candidates);
            Objects.requireNonNull(freshness, "freshness");
            warnings = List.copyOf(warnings);
        }

        /**
         * A result whose warnings are those of the candidates' accredited systems, each once.
         *
         * @param request request
         * @param route preferred route
         * @param candidates all routes
         * @param freshness freshness
         */
        public Found(RouteRequest request, Route route, List<Route> candidates, Freshness freshness) {
            this(request, route, candidates, freshness, candidates.stream()
                    .flatMap(r -> r.accreditedSystem().warnings().stream()).distinct().toList());
        }
    }

    /**
     * No route was found.
     *
     * @param request what was looked up
     * @param reason what was missing
     * @param message a sentence naming the query and what was missing
     * @param mhsMatches the MHS records that did match, if any (for {@link Reason#NO_ACCREDITED_SYSTEM}
     *        and {@link Reason#NO_INTERMEDIARY})
     * @param freshness when it was read and whether it is stale
     * @param warnings the values this result's MHS records skipped, possibly none (an MHS record has no
     *        multi-valued attribute to skip a value of, so none today; the accredited systems read
     *        for {@link Reason#NO_ACCREDITED_SYSTEM} did not match and are not part of the result)
     */
    record NotFound(RouteRequest request, Reason reason, String message, List<MhsRecord> mhsMatches,
            Freshness freshness, List<SdsWarning> warnings) implements RouteResult {
        /**
         * Copies the matches.
         *
         * @param request request
         * @param reason reason
         * @param message message
         * @param mhsMatches MHS matches
         * @param freshness freshness
         * @param warnings skipped values
         */
        public NotFound {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
            mhsMatches = List.copyOf(mhsMatches);
            Objects.requireNonNull(freshness, "freshness");
            warnings = List.copyOf(warnings);
        }

        /**
         * A result with no warnings (MHS records skip no value).
         *
         * @param request request
         * @param reason reason
         * @param message message
         * @param mhsMatches MHS matches
         * @param freshness freshness
         */
        public NotFound(RouteRequest request, Reason reason, String message, List<MhsRecord> mhsMatches,
                Freshness freshness) {
            this(request, reason, message, mhsMatches, freshness, List.of());
        }
    }
}
