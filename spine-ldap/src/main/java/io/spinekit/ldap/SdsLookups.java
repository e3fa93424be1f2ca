package io.spinekit.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.SearchResultEntry;
import io.spinekit.env.Asid;
import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.env.PartyKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The look-ups behind {@link SdsClient}: the searches of each record kind, the route built from
 * them (MHS records merged with the accredited system of the same party key, optionally through
 * Spine's reliable intermediary), and their cache keys. {@link SdsClient} documents each look-up;
 * {@link SdsDirectory} runs the searches, {@link SdsCache} keeps the answers. Thread-safe.
 */
final class SdsLookups {
    private final SdsDirectory directory;
    private final SdsCache cache;
    private final String servicesBase;
    private final String organisationsBase;
    private final Optional<OdsCode> spineCoreOdsCode;
    private final String spineCoreHint;
    private final String environmentName;
    private final Clock clock;

    /**
     * @param directory the connections
     * @param cache the cache of answers
     * @param searchBase the directory root ({@code o=nhs})
     * @param spineCoreOdsCode the Spine core ODS code, when known
     * @param spineCoreHint how to supply the Spine core ODS code, for the message when it is unknown
     * @param environmentName the environment, or {@code null}
     * @param clock the clock of {@link Freshness#retrievedAt()}
     */
    SdsLookups(SdsDirectory directory, SdsCache cache, String searchBase, Optional<OdsCode> spineCoreOdsCode,
            String spineCoreHint, String environmentName, Clock clock) {
        this.directory = directory;
        this.cache = cache;
        this.servicesBase = "ou=services," + searchBase;
        this.organisationsBase = "ou=organisations," + searchBase;
        this.spineCoreOdsCode = spineCoreOdsCode;
        this.spineCoreHint = spineCoreHint;
        this.environmentName = environmentName;
        this.clock = clock;
    }

    // ---------------------------------------------------------------------------------- routes

    RouteResult route(RouteRequest request) {
        Objects.requireNonNull(request, "request");
        return cache.get(request, () -> loadRoute(request), r -> !r.found(), SdsLookups::staleRoute);
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
        String pk = request.partyKey().map(PartyKey::value).orElse(null);
        List<MhsRecord> mhs = searchMhs(request.odsCode().value(), request.interactionId().value(), pk);
        if (mhs.isEmpty()) {
            return new RouteResult.NotFound(request, RouteResult.Reason.NO_MHS, "SDS has no nhsMhs entry for ODS code "
                    + request.odsCode() + " and interaction " + request.interactionId()
                    + request.partyKey().map(p -> " with party key " + p).orElse(""), List.of(), now);
        }
        List<AccreditedSystem> systems = search(servicesBase,
                SdsFilters.accreditedSystemsForInteraction(request.odsCode().value(), request.interactionId().value()),
                "accredited systems for ODS code " + request.odsCode() + " and interaction " + request.interactionId(),
                SdsEntries::accreditedSystem, SdsEntries.AS_ORDER);
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
            List<MhsRecord> via = searchMhs(intermediaryOds.value(), SdsClient.RELIABLE_INTERMEDIARY, null);
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
        return cached(key, what, () -> searchMhs(odsCode.value(), interactionId.value(),
                partyKey == null ? null : partyKey.value()));
    }

    SdsResult<AccreditedSystem> accreditedSystems(OdsCode odsCode, InteractionId interactionId) {
        Objects.requireNonNull(odsCode, "odsCode");
        Objects.requireNonNull(interactionId, "interactionId");
        String what = "accredited systems for ODS code " + odsCode + " and interaction " + interactionId;
        return cached(new Key("as-ia", odsCode.value(), interactionId.value(), ""), what,
                () -> search(servicesBase, SdsFilters.accreditedSystemsForInteraction(odsCode.value(),
                        interactionId.value()), what, SdsEntries::accreditedSystem, SdsEntries.AS_ORDER));
    }

    SdsResult<AccreditedSystem> accreditedSystems(OdsCode odsCode, PartyKey partyKey) {
        Objects.requireNonNull(odsCode, "odsCode");
        Objects.requireNonNull(partyKey, "partyKey");
        String what = "accredited systems for ODS code " + odsCode + " and party key " + partyKey;
        return cached(new Key("as-pk", odsCode.value(), partyKey.value(), ""), what,
                () -> search(servicesBase, SdsFilters.accreditedSystemsForPartyKey(odsCode.value(), partyKey.value()),
                        what, SdsEntries::accreditedSystem, SdsEntries.AS_ORDER));
    }

    SdsResult<AccreditedSystem> accreditedSystem(Asid asid) {
        Objects.requireNonNull(asid, "asid");
        String what = "accredited system with ASID " + asid;
        return cached(new Key("asid", asid.value(), "", ""), what,
                () -> search(servicesBase, SdsFilters.accreditedSystem(asid.value()), what,
                        SdsEntries::accreditedSystem, SdsEntries.AS_ORDER));
    }

    SdsResult<Organisation> organisation(OdsCode odsCode) {
        Objects.requireNonNull(odsCode, "odsCode");
        String what = "organisation with ODS code " + odsCode;
        return cached(new Key("org", odsCode.value(), "", ""), what,
                () -> search(organisationsBase, SdsFilters.organisation(odsCode.value()), what,
                        SdsEntries::organisation, SdsEntries.ORG_ORDER));
    }

    private List<MhsRecord> searchMhs(String ods, String interaction, String partyKey) {
        String what = "nhsMhs entries for ODS code " + ods + " and interaction " + interaction
                + (partyKey == null ? "" : " with party key " + partyKey);
        return search(servicesBase, SdsFilters.mhs(ods, interaction, partyKey), what, SdsEntries::mhs,
                SdsEntries.MHS_ORDER);
    }

    private <T> List<T> search(String base, Filter filter, String what, Function<SearchResultEntry, T> mapper,
            java.util.Comparator<T> order) {
        List<T> out = new ArrayList<>();
        for (SearchResultEntry e : directory.search(base, filter, what)) {
            out.add(mapper.apply(e));
        }
        out.sort(order);
        return out;
    }

    private <T> SdsResult<T> cached(Key key, String what, java.util.function.Supplier<List<T>> loader) {
        return cache.get(key, () -> new SdsResult<>(what, loader.get(), new Freshness(clock.instant(), false)),
                SdsResult::isEmpty, SdsResult::asStale);
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
