package io.spinekit.spring.boot.autoconfigure;

import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.ldap.RouteRequest;
import io.spinekit.ldap.RouteResult;
import io.spinekit.ldap.SdsClient;
import io.spinekit.ldap.SdsUnavailableException;
import io.spinekit.messaging.SpineMessaging;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Route look-ups through the auto-configured {@link SdsClient}, timed for the
 * {@code spinekit.sds.lookups} meter: the route resolver the auto-configured {@code SpineMessaging}
 * uses, and a bean for your own look-ups. A result read from SDS during the call is a cache
 * {@code miss}, one read before it a {@code hit}, a stale one {@code stale}.
 */
public final class SpinekitRoutes implements SpineMessaging.RouteResolver {
    private final SdsClient sds;
    private final SpinekitEvents events;
    private final Clock clock;

    /**
     * Wraps a client.
     *
     * @param sds the client
     * @param events where each look-up is reported
     * @param clock the clock the client stamps results with (its {@code Freshness})
     */
    public SpinekitRoutes(SdsClient sds, SpinekitEvents events, Clock clock) {
        this.sds = Objects.requireNonNull(sds, "sds");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The route for an interaction to an organisation.
     *
     * @param odsCode the organisation
     * @param interactionId the interaction
     * @return found or not found
     */
    public RouteResult route(OdsCode odsCode, InteractionId interactionId) {
        return resolve(RouteRequest.of(odsCode, interactionId));
    }

    @Override
    public RouteResult resolve(RouteRequest request) {
        Instant asked = clock.instant();
        long t0 = System.nanoTime();
        try {
            RouteResult r = sds.route(request);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
            if (r instanceof RouteResult.Found f) {
                events.lookup(sds.backend(), "found", cache(f.freshness().stale(), f.freshness().retrievedAt(), asked),
                        elapsed);
            } else {
                RouteResult.NotFound n = (RouteResult.NotFound) r;
                events.lookup(sds.backend(), "not_found", cache(n.freshness().stale(), n.freshness().retrievedAt(),
                        asked), elapsed);
            }
            return r;
        } catch (SdsUnavailableException e) {
            events.lookup(sds.backend(), "unavailable", "miss", Duration.ofNanos(System.nanoTime() - t0));
            throw e;
        } catch (RuntimeException e) {
            events.lookup(sds.backend(), "error", "miss", Duration.ofNanos(System.nanoTime() - t0));
            throw e;
        }
    }

    private static String cache(boolean stale, Instant retrievedAt, Instant asked) {
        if (stale) {
            return "stale";
        }
        return retrievedAt.isBefore(asked) ? "hit" : "miss";
    }
}
