package io.spinekit.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.SearchResultEntry;
import io.spinekit.env.Asid;
import io.spinekit.env.EnvironmentProfile;
import io.spinekit.env.Fact;
import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.env.PartyKey;
import io.spinekit.env.SpineCatalog;
import io.spinekit.env.SpineEnvironment;
import io.spinekit.tls.SpineTlsContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks up routes, accredited systems and organisations in the Spine Directory Service (SDS) over
 * LDAPS: the entry point of spine-ldap.
 *
 * <pre>{@code
 * SpineTlsContext tls = SpineTlsContext.builder()
 *         .environment(SpineEnvironment.INTEGRATION)
 *         .clientIdentityPem(Path.of("endpoint.crt"), Path.of("endpoint.key"))
 *         .build();
 * try (SdsClient sds = SdsClient.builder()
 *         .environment(SpineEnvironment.INTEGRATION)   // ldap.url from the catalog, overridable
 *         .tls(tls)                                     // LDAPS with the client certificate
 *         .build()) {
 *     Route route = sds.route(OdsCode.of("X26"), InteractionId.of("urn:nhs:names:services:psis:REPC_IN150016UK05"))
 *             .orElseThrow();
 *     post(route.endpoint(), route.partyKey(), route.asid(), route.cpaId());
 * }
 * }</pre>
 *
 * <p><b>Connections.</b> An UnboundID connection pool over a failover server set: the URLs are tried
 * in order, an operation whose connection died is retried on a fresh one, idle connections are
 * health-checked, and connections to a secondary server are replaced after
 * {@link Builder#failbackAfter(Duration)} so traffic returns to the first server once it is back.
 * Binds are anonymous; LDAPS presents the TLS context's client certificate and checks the server's
 * host name. Plain {@code ldap://} is refused unless {@link Builder#allowPlainLdap()} was called.
 *
 * <p><b>Several matches.</b> Real directories hold several entries for one look-up. Every result
 * lists all of them, newest {@code nhsDateApproved} first (ties by DN); the preferred one is the
 * first. A route merges each {@code nhsMhs} match with the {@code nhsAs} entry of the same ODS code,
 * party key and interaction.
 *
 * <p><b>Cache.</b> Results are cached per look-up (default 15 minutes, empty results 1 minute, at
 * most 10,000 entries). Callers that miss on one key at once share one LDAP search. When SDS is
 * unreachable an expired entry (up to 1 hour past its time to live by default) is served and its
 * {@link Freshness#stale()} is {@code true}. See {@link #cacheStats()}, {@link #invalidateAll()}.
 *
 * <p>Thread-safe. {@link #close()} closes every connection and the health-check thread.
 */
public final class SdsClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SdsClient.class);

    /** The interaction id of Spine's reliable intermediary MHS, under the Spine core ODS code. */
    public static final String RELIABLE_INTERMEDIARY = "urn:nhs:names:services:tms:ReliableIntermediary";

    private final SdsDirectory directory;
    private final SdsCache cache;
    private final String servicesBase;
    private final String organisationsBase;
    private final Optional<OdsCode> spineCoreOdsCode;
    private final String spineCoreHint;
    private final String environmentName;
    private final Clock clock;

    private SdsClient(Builder b, List<LdapServer> servers, SdsDirectory directory) {
        this.directory = directory;
        this.cache = new SdsCache(new SdsCache.Settings(b.cacheTtl, b.negativeCacheTtl, b.staleIfError,
                b.staleRetryInterval, b.cacheMaximumSize), b.nanoTime);
        this.servicesBase = "ou=services," + b.searchBase;
        this.organisationsBase = "ou=organisations," + b.searchBase;
        this.spineCoreOdsCode = Optional.ofNullable(b.spineCoreOdsCode != null ? b.spineCoreOdsCode : b.profileSpineCore);
        this.spineCoreHint = b.spineCoreHint;
        this.environmentName = b.environmentName;
        this.clock = b.clock;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------------------------- routes

    /**
     * The route for an interaction to an organisation, any party key.
     *
     * @param odsCode the receiving organisation
     * @param interactionId the interaction
     * @return {@link RouteResult.Found} or {@link RouteResult.NotFound}
     * @throws SdsUnavailableException when no SDS server answered and nothing is cached
     * @throws SdsLookupException when a matching entry is malformed or too many entries match
     */
    public RouteResult route(OdsCode odsCode, InteractionId interactionId) {
        return route(RouteRequest.of(odsCode, interactionId));
    }

    /**
     * The route for an interaction to one party key of an organisation.
     *
     * @param odsCode the receiving organisation
     * @param interactionId the interaction
     * @param partyKey the receiving party key
     * @return {@link RouteResult.Found} or {@link RouteResult.NotFound}
     * @throws SdsUnavailableException when no SDS server answered and nothing is cached
     * @throws SdsLookupException when a matching entry is malformed or too many entries match
     */
    public RouteResult route(OdsCode odsCode, InteractionId interactionId, PartyKey partyKey) {
        return route(RouteRequest.of(odsCode, interactionId).withPartyKey(partyKey));
    }

    /**
     * The route for a request, optionally through Spine's reliable intermediary.
     *
     * @param request what to route
     * @return {@link RouteResult.Found} or {@link RouteResult.NotFound}
     * @throws SdsUnavailableException when no SDS server answered and nothing is cached
     * @throws SdsLookupException when a matching entry is malformed, too many entries match, or the
     *         request goes through the intermediary and the Spine core ODS code is unknown
     */
    public RouteResult route(RouteRequest request) {
        Objects.requireNonNull(request, "request");
        return cache.get(request, () -> loadRoute(request), r -> !r.found(), SdsClient::staleRoute);
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
            List<MhsRecord> via = searchMhs(intermediaryOds.value(), RELIABLE_INTERMEDIARY, null);
            if (via.isEmpty()) {
                return new RouteResult.NotFound(request, RouteResult.Reason.NO_INTERMEDIARY,
                        "SDS has no nhsMhs entry for Spine's reliable intermediary (ODS code " + intermediaryOds
                                + ", interaction " + RELIABLE_INTERMEDIARY + ")", mhs, now);
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

    /**
     * Every {@code nhsMhs} entry for an organisation and interaction, newest approval first.
     *
     * @param odsCode the organisation
     * @param interactionId the interaction
     * @return the entries, possibly none
     * @throws SdsUnavailableException when no SDS server answered and nothing is cached
     * @throws SdsLookupException when a matching entry is malformed or too many entries match
     */
    public SdsResult<MhsRecord> mhsRecords(OdsCode odsCode, InteractionId interactionId) {
        return mhsRecords(odsCode, interactionId, null);
    }

    /**
     * Every {@code nhsMhs} entry for an organisation, interaction and party key, newest approval first.
     *
     * @param odsCode the organisation
     * @param interactionId the interaction
     * @param partyKey the party key, or {@code null} for any
     * @return the entries, possibly none
     * @throws SdsUnavailableException when no SDS server answered and nothing is cached
     * @throws SdsLookupException when a matching entry is malformed or too many entries match
     */
    public SdsResult<MhsRecord> mhsRecords(OdsCode odsCode, InteractionId interactionId, PartyKey partyKey) {
        Objects.requireNonNull(odsCode, "odsCode");
        Objects.requireNonNull(interactionId, "interactionId");
        Key key = new Key("mhs", odsCode.value(), interactionId.value(), partyKey == null ? "" : partyKey.value());
        String what = "nhsMhs entries for ODS code " + odsCode + " and interaction " + interactionId
                + (partyKey == null ? "" : " with party key " + partyKey);
        return cached(key, what, () -> searchMhs(odsCode.value(), interactionId.value(),
                partyKey == null ? null : partyKey.value()));
    }

    /**
     * Every accredited system ({@code nhsAs}) of an organisation that declares an interaction.
     *
     * @param odsCode the organisation
     * @param interactionId the interaction ({@code nhsAsSvcIA})
     * @return the systems, newest approval first, possibly none
     * @throws SdsUnavailableException when no SDS server answered and nothing is cached
     * @throws SdsLookupException when a matching entry is malformed or too many entries match
     */
    public SdsResult<AccreditedSystem> accreditedSystems(OdsCode odsCode, InteractionId interactionId) {
        Objects.requireNonNull(odsCode, "odsCode");
        Objects.requireNonNull(interactionId, "interactionId");
        String what = "accredited systems for ODS code " + odsCode + " and interaction " + interactionId;
        return cached(new Key("as-ia", odsCode.value(), interactionId.value(), ""), what,
                () -> search(servicesBase, SdsFilters.accreditedSystemsForInteraction(odsCode.value(),
                        interactionId.value()), what, SdsEntries::accreditedSystem, SdsEntries.AS_ORDER));
    }

    /**
     * Every accredited system ({@code nhsAs}) of an organisation with a party key.
     *
     * @param odsCode the organisation
     * @param partyKey the party key ({@code nhsMhsPartyKey})
     * @return the systems, newest approval first, possibly none
     * @throws SdsUnavailableException when no SDS server answered and nothing is cached
     * @throws SdsLookupException when a matching entry is malformed or too many entries match
     */
    public SdsResult<AccreditedSystem> accreditedSystems(OdsCode odsCode, PartyKey partyKey) {
        Objects.requireNonNull(odsCode, "odsCode");
        Objects.requireNonNull(partyKey, "partyKey");
        String what = "accredited systems for ODS code " + odsCode + " and party key " + partyKey;
        return cached(new Key("as-pk", odsCode.value(), partyKey.value(), ""), what,
                () -> search(servicesBase, SdsFilters.accreditedSystemsForPartyKey(odsCode.value(), partyKey.value()),
                        what, SdsEntries::accreditedSystem, SdsEntries.AS_ORDER));
    }

    /**
     * The accredited system with an ASID.
     *
     * @param asid the ASID
     * @return the system (normally at most one), possibly none
     * @throws SdsUnavailableException when no SDS server answered and nothing is cached
     * @throws SdsLookupException when the entry is malformed
     */
    public SdsResult<AccreditedSystem> accreditedSystem(Asid asid) {
        Objects.requireNonNull(asid, "asid");
        String what = "accredited system with ASID " + asid;
        return cached(new Key("asid", asid.value(), "", ""), what,
                () -> search(servicesBase, SdsFilters.accreditedSystem(asid.value()), what,
                        SdsEntries::accreditedSystem, SdsEntries.AS_ORDER));
    }

    /**
     * The organisation ({@code nhsOrg}, or {@code nhsGPPractice}) with an ODS code.
     *
     * @param odsCode the ODS code
     * @return the organisation (normally at most one), possibly none
     * @throws SdsUnavailableException when no SDS server answered and nothing is cached
     * @throws SdsLookupException when the entry is malformed
     */
    public SdsResult<Organisation> organisation(OdsCode odsCode) {
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

    // ---------------------------------------------------------------------------------- cache

    /**
     * The cache counters.
     *
     * @return hits, misses, loads, stale serves, errors and size
     */
    public SdsCacheStats cacheStats() {
        return cache.stats();
    }

    /** Drops every cached look-up, so the next look-ups read SDS. */
    public void invalidateAll() {
        cache.invalidateAll();
    }

    /**
     * Drops every cached look-up about an organisation (routes, MHS records, accredited systems by
     * ODS code, the organisation itself).
     *
     * @param odsCode the organisation
     */
    public void invalidate(OdsCode odsCode) {
        Objects.requireNonNull(odsCode, "odsCode");
        cache.invalidateIf(k -> k instanceof RouteRequest r ? r.odsCode().equals(odsCode)
                : k instanceof Key key && !key.kind().equals("asid") && key.a().equals(odsCode.value()));
    }

    /**
     * Drops the cached look-up of an accredited system by ASID.
     *
     * @param asid the ASID
     */
    public void invalidate(Asid asid) {
        Objects.requireNonNull(asid, "asid");
        cache.invalidateIf(k -> k instanceof Key key && key.kind().equals("asid") && key.a().equals(asid.value()));
    }

    // ---------------------------------------------------------------------------------- about

    /**
     * The servers, in failover order.
     *
     * @return URLs such as {@code ldaps://ldap.nis1.national.ncrs.nhs.uk:636}
     */
    public List<String> ldapUrls() {
        return directory.servers().stream().map(LdapServer::url).toList();
    }

    /**
     * The Spine core ODS code under which Spine's own MHS records (the reliable intermediary) are found.
     *
     * @return the ODS code, empty when neither the environment nor the builder supplied one
     */
    public Optional<OdsCode> spineCoreOdsCode() {
        return spineCoreOdsCode;
    }

    /** Closes every pooled connection and stops the health-check thread. Idempotent. */
    @Override
    public void close() {
        directory.close();
    }

    // ---------------------------------------------------------------------------------- builder

    /**
     * Configures an {@link SdsClient}. Every setting has a documented default; only the servers
     * (and a TLS context for LDAPS) are required. Not thread-safe.
     */
    public static final class Builder {
        private final List<String> urls = new ArrayList<>();
        private final List<String> profileUrls = new ArrayList<>();
        private Fact profileUrlFact;
        private OdsCode profileSpineCore;
        private SpineTlsContext tls;
        private boolean allowPlainLdap;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration responseTimeout = Duration.ofSeconds(5);
        private int maxConnections = 8;
        private Duration healthCheckInterval = Duration.ofSeconds(30);
        private Duration failbackAfter = Duration.ofMinutes(5);
        private int maxResults = 100;
        private Duration cacheTtl = Duration.ofMinutes(15);
        private Duration negativeCacheTtl = Duration.ofMinutes(1);
        private Duration staleIfError = Duration.ofHours(1);
        private Duration staleRetryInterval = Duration.ofSeconds(10);
        private long cacheMaximumSize = 10_000;
        private String searchBase = "o=nhs";
        private OdsCode spineCoreOdsCode;
        private String spineCoreHint = "call SdsClient.Builder.spineCoreOdsCode(...)";
        private String environmentName;
        private String missingUrlHint = "call ldapUrls(\"ldaps://host:636\") or environment(...)";
        private LongSupplier nanoTime = System::nanoTime;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Uses a standard environment from {@link SpineCatalog#load()} (bundled data plus system
         * property and environment variable overrides): its {@code ldap.url} and the Spine core ODS
         * code (from {@code spine.partykey}). Servers set with {@link #ldapUrls(String...)} take
         * precedence: use it to list several servers for failover.
         *
         * @param environment the environment
         * @return this
         */
        public Builder environment(SpineEnvironment environment) {
            Objects.requireNonNull(environment, "environment");
            return profile(SpineCatalog.load().profile(environment));
        }

        /**
         * Uses an environment profile (standard or custom): its {@code ldap.url} and Spine core ODS code (from {@code spine.partykey}). An environment
         * without {@code ldap.url} fails at {@link #build()} naming the override that supplies it,
         * unless {@link #ldapUrls(String...)} is set. An inferred URL is used and logged as inferred.
         *
         * @param profile the profile
         * @return this
         */
        public Builder profile(EnvironmentProfile profile) {
            Objects.requireNonNull(profile, "profile");
            this.environmentName = profile.name();
            this.profileUrls.clear();
            this.profileUrlFact = profile.fact("ldap.url").orElse(null);
            if (profileUrlFact != null) {
                profileUrls.add(profileUrlFact.value());
            }
            this.profileSpineCore = profile.spinePartyKey().map(PartyKey::odsCode).orElse(null);
            this.spineCoreHint = "set spine.partykey (system property " + profile.systemProperty("spine.partykey")
                    + " or environment variable " + profile.environmentVariable("spine.partykey")
                    + ") or call SdsClient.Builder.spineCoreOdsCode(...)";
            this.missingUrlHint = "set ldap.url (system property " + profile.systemProperty("ldap.url")
                    + " or environment variable " + profile.environmentVariable("ldap.url")
                    + ") or call ldapUrls(\"ldaps://host:636\")";
            return this;
        }

        /**
         * Sets the SDS servers, replacing any set before (and overriding an environment's). They are
         * tried in order: the first that answers serves new connections.
         *
         * @param ldapUrls {@code ldaps://host[:port]} URLs (port 636 by default)
         * @return this
         */
        public Builder ldapUrls(String... ldapUrls) {
            return ldapUrls(List.of(ldapUrls));
        }

        /**
         * Sets the SDS servers, replacing any set before. They are tried in order.
         *
         * @param ldapUrls {@code ldaps://host[:port]} URLs
         * @return this
         */
        public Builder ldapUrls(List<String> ldapUrls) {
            urls.clear();
            urls.addAll(ldapUrls);
            return this;
        }

        /**
         * Sets the TLS context for LDAPS: the Spine trust and the client certificate (live and
         * integration SDS require one). Required for {@code ldaps://} servers.
         *
         * @param tls the context
         * @return this
         */
        public Builder tls(SpineTlsContext tls) {
            this.tls = Objects.requireNonNull(tls, "tls");
            return this;
        }

        /**
         * Allows plain, unencrypted {@code ldap://} servers. For a local test directory only: Spine's
         * SDS is LDAPS.
         *
         * @return this
         */
        public Builder allowPlainLdap() {
            this.allowPlainLdap = true;
            return this;
        }

        /**
         * Sets how long to wait for a TCP connection to a server. Default 5 seconds. The TLS handshake
         * that follows is bounded by the {@linkplain #responseTimeout(Duration) response timeout}
         * for each server flight, so a connection attempt ends within {@code connectTimeout + 2 x
         * responseTimeout}; then the next server is tried.
         *
         * @param timeout a positive duration
         * @return this
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * Sets how long to wait for each answer of a server, counted from what we last sent and in
         * all, not per read: each TLS handshake flight, and each search's response with all its
         * entries. A server that trickles bytes cannot stretch it. Default 5 seconds (public NHS code
         * uses 3-5).
         *
         * @param timeout a positive duration
         * @return this
         */
        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = positive(timeout, "responseTimeout");
            return this;
        }

        /**
         * Sets the most connections the pool holds; a caller waits up to the response timeout for a
         * free one. Default 8.
         *
         * @param max 1 or more
         * @return this
         */
        public Builder maxConnections(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConnections must be 1 or more, was " + max);
            }
            this.maxConnections = max;
            return this;
        }

        /**
         * Sets how often idle connections are health-checked (a read of the root DSE). Default 30 seconds.
         *
         * @param interval a positive duration
         * @return this
         */
        public Builder healthCheckInterval(Duration interval) {
            this.healthCheckInterval = positive(interval, "healthCheckInterval");
            return this;
        }

        /**
         * Sets how long a connection to a server other than the first may live before it is replaced
         * by one to the first server that answers. Default 5 minutes.
         *
         * @param age a positive duration
         * @return this
         */
        public Builder failbackAfter(Duration age) {
            this.failbackAfter = positive(age, "failbackAfter");
            return this;
        }

        /**
         * Sets the most entries one search may return; a look-up that matches more fails with an
         * {@link SdsLookupException} rather than pick from a partial list. Default 100.
         *
         * @param max 1 or more
         * @return this
         */
        public Builder maxResults(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxResults must be 1 or more, was " + max);
            }
            this.maxResults = max;
            return this;
        }

        /**
         * Sets how long a result is fresh. Default 15 minutes, as public NHS adaptors use.
         *
         * @param ttl a positive duration
         * @return this
         */
        public Builder cacheTtl(Duration ttl) {
            this.cacheTtl = positive(ttl, "cacheTtl");
            return this;
        }

        /**
         * Sets how long an empty result (no route, no such ASID) is fresh. Default 1 minute.
         *
         * @param ttl zero (do not cache empty results) or positive
         * @return this
         */
        public Builder negativeCacheTtl(Duration ttl) {
            this.negativeCacheTtl = notNegative(ttl, "negativeCacheTtl");
            return this;
        }

        /**
         * Sets how long past its time to live a result is kept, to be served (flagged stale) while
         * SDS is unreachable. Default 1 hour; zero turns stale-if-error off.
         *
         * @param window zero or positive
         * @return this
         */
        public Builder staleIfError(Duration window) {
            this.staleIfError = notNegative(window, "staleIfError");
            return this;
        }

        /**
         * Sets, once a refresh has failed because SDS is unreachable, how long the stale result is
         * served before SDS is asked again. Default 10 seconds: during an outage one caller per
         * interval pays the connect timeout, not every caller.
         *
         * @param interval positive
         * @return this
         */
        public Builder staleRetryInterval(Duration interval) {
            this.staleRetryInterval = positive(interval, "staleRetryInterval");
            return this;
        }

        /**
         * Sets the most results the cache holds. Default 10,000.
         *
         * @param max 1 or more
         * @return this
         */
        public Builder cacheMaximumSize(long max) {
            if (max < 1) {
                throw new IllegalArgumentException("cacheMaximumSize must be 1 or more, was " + max);
            }
            this.cacheMaximumSize = max;
            return this;
        }

        /**
         * Turns the cache off: every look-up searches SDS.
         *
         * @return this
         */
        public Builder noCache() {
            this.cacheTtl = Duration.ZERO;
            return this;
        }

        /**
         * Sets the directory root. Default {@code o=nhs} (services under {@code ou=services},
         * organisations under {@code ou=organisations}).
         *
         * @param base a DN
         * @return this
         */
        public Builder searchBase(String base) {
            this.searchBase = Objects.requireNonNull(base, "base");
            return this;
        }

        /**
         * Sets the Spine core ODS code under which Spine's own MHS records are found (the ODS part
         * of the Spine party key, {@code YES} in the PTL environments).
         *
         * @param odsCode the ODS code
         * @return this
         */
        public Builder spineCoreOdsCode(OdsCode odsCode) {
            this.spineCoreOdsCode = Objects.requireNonNull(odsCode, "odsCode");
            return this;
        }

        /**
         * The clock the cache measures freshness with, in nanoseconds; default {@link System#nanoTime()}.
         * Tests pass a settable clock to expire entries without waiting.
         *
         * @param ticker the clock
         * @return this
         */
        public Builder nanoTime(LongSupplier ticker) {
            this.nanoTime = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /** Test hook: the clock of {@link Freshness#retrievedAt()}. */
        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the client. No connection is needed yet: a client can be built while SDS is down,
         * and look-ups fail (or serve stale entries) until a server answers.
         *
         * @return the client
         * @throws SdsLookupException when no server is set, a URL is invalid, a URL is plain
         *         {@code ldap://} without {@link #allowPlainLdap()}, or LDAPS has no TLS context
         */
        public SdsClient build() {
            List<String> chosen = urls.isEmpty() ? profileUrls : urls;
            if (chosen.isEmpty()) {
                throw new SdsLookupException("No SDS server" + (environmentName == null ? ""
                        : " for environment " + environmentName + " (nothing publishes its ldap.url)") + ": "
                        + missingUrlHint);
            }
            if (chosen == profileUrls && profileUrlFact != null && profileUrlFact.inferred()) {
                LOG.warn("SDS URL {} for environment {} is inferred, not published ({}); override ldap.url if it is"
                        + " wrong", profileUrlFact.value(), environmentName, profileUrlFact.source());
            }
            List<LdapServer> servers = new ArrayList<>();
            for (String u : chosen) {
                LdapServer s = LdapServer.parse(u);
                if (!s.secure() && !allowPlainLdap) {
                    throw new SdsLookupException("Plain LDAP URL '" + u + "' refused: SDS is reached over LDAPS"
                            + " (ldaps://host:636); for a local test directory call allowPlainLdap()");
                }
                servers.add(s);
            }
            boolean anySecure = servers.stream().anyMatch(LdapServer::secure);
            if (anySecure && tls == null) {
                throw new SdsLookupException("LDAPS server " + servers.stream().filter(LdapServer::secure)
                        .findFirst().orElseThrow() + " needs a TLS context: call tls(SpineTlsContext) with the "
                        + "environment's trust and your client certificate");
            }
            SdsDirectory directory = new SdsDirectory(servers,
                    anySecure ? tls.ldapSocketFactory() : null,
                    anySecure ? tls.ldapSocketVerifier() : null,
                    anySecure && tls.clientIdentity().isPresent(),
                    new SdsDirectory.Settings(connectTimeout, responseTimeout, maxConnections, healthCheckInterval,
                            failbackAfter, maxResults));
            return new SdsClient(this, servers, directory);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
            return d;
        }

        private static Duration notNegative(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, was " + d);
            }
            return d;
        }
    }
}
