package io.spinekit.ldap;

import io.spinekit.env.Asid;
import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.env.PartyKey;
import io.spinekit.ldap.internal.SdsBackend;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The look-ups behind {@link SdsClient}, the same for both back-ends: the route built from the
 * records (MHS records merged with the accredited system of the same party key, through Spine's
 * reliable intermediary when asked or when {@link ForwardReliable} says so), and the cache keys of
 * every look-up. {@link SdsClient} documents each look-up; an {@link SdsBackend} (LDAP or FHIR)
 * runs the searches, {@link SdsCache} keeps the answers, {@link SdsWarnings} logs skipped values
 * once. Thread-safe.
 */
final class SdsLookups {
    private final SdsBackend backend;
    private final SdsCache cache;
    private final SdsWarnings warnings;
    private final Optional<OdsCode> spineCoreOdsCode;
    private final String spineCoreHint;
    private final String environmentName;
    private final Clock clock;
    private final SdsLookupNotifier notifier;

    /**
     * @param backend the back-end that runs the searches
     * @param cache the cache of answers
     * @param warnings logs each skipped value once
     * @param spineCoreOdsCode the Spine core ODS code, when known
     * @param spineCoreHint how to supply the Spine core ODS code, for the message when it is unknown
     * @param environmentName the environment, or {@code null}
     * @param clock the clock of {@link Freshness#retrievedAt()}
     * @param notifier tells the look-up listener of each look-up
     */
    SdsLookups(SdsBackend backend, SdsCache cache, SdsWarnings warnings, Optional<OdsCode> spineCoreOdsCode,
            String spineCoreHint, String environmentName, Clock clock, SdsLookupNotifier notifier) {
        this.backend = backend;
        this.cache = cache;
        this.warnings = warnings;
        this.spineCoreOdsCode = spineCoreOdsCode;
        this.spineCoreHint = spineCoreHint;
        this.environmentName = environmentName;
        this.clock = clock;
        this.notifier = notifier;
    }

    // ---------------------------------------------------------------------------------- routes

    /**
     * The route; a {@link ForwardReliable} interaction is routed through the intermediary whether or
     * not the request asked, as the SDS FHIR API does, so both back-ends answer alike.
     */
    RouteResult route(RouteRequest asked) {
        Objects.requireNonNull(asked, "request");
        RouteRequest request = !asked.reliableIntermediary() && ForwardReliable.applies(asked.interactionId())
                ? asked.viaReliableIntermediary() : asked;
        SdsLookupNotifier.Call call = notifier.start(SdsLookupEvent.Kind.ROUTE);
        try {
            RouteResult r = cache.get(request, call.loading(() -> loadRoute(request)), x -> !x.found(),
                    SdsLookups::staleRoute);
            warnings.logOnce(r.warnings());
            call.ended(r.found(), r.freshness().stale());
            return r;
        } catch (RuntimeException e) {
            call.failed(e);
            throw e;
        }
    }

    private static RouteResult staleRoute(RouteResult r) {
        if (r instanceof RouteResult.Found f) {
            return new RouteResult.Found(f.request(), f.route(), f.candidates(), f.freshness().asStale());
        }
        RouteResult.NotFound n = (RouteResult.NotFound) r;
        return new RouteResult.NotFound(n.request(), n.reason(), n.message(), n.mhsMatches(), n.freshness().asStale());
    }

    private RouteResult loadRoute(RouteRequest request) {
        OdsCode intermediaryOds = request.reliableIntermediary() ? requireSpineCore() : null;
        Freshness now = new Freshness(clock.instant(), false);
        List<MhsRecord> mhs = backend.mhs(request.odsCode(), request.interactionId(), request.partyKey());
        if (mhs.isEmpty()) {
            return new RouteResult.NotFound(request, RouteResult.Reason.NO_MHS, "SDS has no nhsMhs entry for ODS code "
                    + request.odsCode() + " and interaction " + request.interactionId()
                    + request.partyKey().map(p -> " with party key " + p).orElse(""), List.of(), now);
        }
        List<AccreditedSystem> systems = backend.accreditedSystems(request.odsCode(), request.interactionId());
        Map<PartyKey, AccreditedSystem> byPartyKey = new LinkedHashMap<>();
        for (AccreditedSystem as : systems) {
            byPartyKey.putIfAbsent(as.partyKey(), as); // newest first, so the newest wins
        }
        List<Route> candidates = new ArrayList<>();
        for (MhsRecord m : mhs) {
            AccreditedSystem as = byPartyKey.get(m.partyKey());
            if (as != null) {
                candidates.add(Route.direct(m, as));
            }
        }
        if (candidates.isEmpty()) {
            String keys = mhs.stream().map(m -> m.partyKey().value()).distinct().collect(Collectors.joining(", "));
            return new RouteResult.NotFound(request, RouteResult.Reason.NO_ACCREDITED_SYSTEM, "SDS has " + mhs.size()
                    + " nhsMhs entr" + (mhs.size() == 1 ? "y" : "ies") + " for ODS code " + request.odsCode()
                    + " and interaction " + request.interactionId() + " (party key " + keys
                    + ") but no nhsAs entry with that ODS code, interaction and party key", mhs, now);
        }
        if (intermediaryOds != null) {
            List<MhsRecord> via = backend.mhs(intermediaryOds, InteractionId.of(SdsClient.RELIABLE_INTERMEDIARY),
                    Optional.empty());
            if (via.isEmpty()) {
                return new RouteResult.NotFound(request, RouteResult.Reason.NO_INTERMEDIARY,
                        "SDS has no nhsMhs entry for Spine's reliable intermediary (ODS code " + intermediaryOds
                                + ", interaction " + SdsClient.RELIABLE_INTERMEDIARY + ")", mhs, now);
            }
            MhsRecord intermediary = via.get(0);
            candidates.replaceAll(r -> r.through(intermediary));
        }
        return new RouteResult.Found(request, candidates.get(0), candidates, now);
    }

    private OdsCode requireSpineCore() {
        return spineCoreOdsCode.orElseThrow(() -> new SdsLookupException("The Spine core ODS code is unknown"
                + (environmentName == null ? "" : " for environment " + environmentName)
                + ", so Spine's reliable intermediary cannot be looked up: " + spineCoreHint));
    }

    // ---------------------------------------------------------------------------------- records

    SdsResult<MhsRecord> mhsRecords(OdsCode odsCode, InteractionId interactionId, PartyKey partyKey) {
        Objects.requireNonNull(odsCode, "odsCode");
        Objects.requireNonNull(interactionId, "interactionId");
        Key key = new Key("mhs", odsCode.value(), interactionId.value(), partyKey == null ? "" : partyKey.value());
        String what = "nhsMhs entries for ODS code " + odsCode + " and interaction " + interactionId
                + (partyKey == null ? "" : " with party key " + partyKey);
        return cached(SdsLookupEvent.Kind.MHS_RECORDS, key, what,
                () -> backend.mhs(odsCode, interactionId, Optional.ofNullable(partyKey)));
    }

    SdsResult<AccreditedSystem> accreditedSystems(OdsCode odsCode, InteractionId interactionId) {
        Objects.requireNonNull(odsCode, "odsCode");
        Objects.requireNonNull(interactionId, "interactionId");
        return cached(SdsLookupEvent.Kind.ACCREDITED_SYSTEMS,
                new Key("as-ia", odsCode.value(), interactionId.value(), ""),
                "accredited systems for ODS code " + odsCode + " and interaction " + interactionId,
                () -> backend.accreditedSystems(odsCode, interactionId));
    }

    SdsResult<AccreditedSystem> accreditedSystems(OdsCode odsCode, PartyKey partyKey) {
        Objects.requireNonNull(odsCode, "odsCode");
        Objects.requireNonNull(partyKey, "partyKey");
        return cached(SdsLookupEvent.Kind.ACCREDITED_SYSTEMS, new Key("as-pk", odsCode.value(), partyKey.value(), ""),
                "accredited systems for ODS code " + odsCode + " and party key " + partyKey,
                () -> backend.accreditedSystems(odsCode, partyKey));
    }

    SdsResult<AccreditedSystem> accreditedSystem(Asid asid) {
        Objects.requireNonNull(asid, "asid");
        return cached(SdsLookupEvent.Kind.ACCREDITED_SYSTEM, new Key("asid", asid.value(), "", ""),
                "accredited system with ASID " + asid,
                () -> backend.accreditedSystem(asid));
    }

    SdsResult<Organisation> organisation(OdsCode odsCode) {
        Objects.requireNonNull(odsCode, "odsCode");
        return cached(SdsLookupEvent.Kind.ORGANISATION, new Key("org", odsCode.value(), "", ""),
                "organisation with ODS code " + odsCode,
                () -> backend.organisation(odsCode));
    }

    private <T> SdsResult<T> cached(SdsLookupEvent.Kind kind, Key key, String what, Supplier<List<T>> loader) {
        SdsLookupNotifier.Call call = notifier.start(kind);
        try {
            SdsResult<T> r = cache.get(key, call.loading(() -> new SdsResult<>(what, loader.get(),
                    new Freshness(clock.instant(), false))), SdsResult::isEmpty, SdsResult::asStale);
            warnings.logOnce(r.warnings());
            call.ended(!r.isEmpty(), r.freshness().stale());
            return r;
        } catch (RuntimeException e) {
            call.failed(e);
            throw e;
        }
    }

    /** A cache key of the record look-ups; routes are keyed on their {@link RouteRequest}. */
    private record Key(String kind, String a, String b, String c) {
    }

    // ---------------------------------------------------------------------------------- invalidation

    void invalidate(OdsCode odsCode) {
        Objects.requireNonNull(odsCode, "odsCode");
        cache.invalidateIf(k -> k instanceof RouteRequest r ? r.odsCode().equals(odsCode)
                : k instanceof Key key && !key.kind().equals("asid") && key.a().equals(odsCode.value()));
    }

    void invalidate(Asid asid) {
        Objects.requireNonNull(asid, "asid");
        cache.invalidateIf(k -> k instanceof Key key && key.kind().equals("asid") && key.a().equals(asid.value()));
    }
}
