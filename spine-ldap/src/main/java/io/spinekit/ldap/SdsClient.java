package io.spinekit.ldap;

import io.spinekit.env.Asid;
import io.spinekit.env.EnvironmentProfile;
import io.spinekit.env.Fact;
import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.env.PartyKey;
import io.spinekit.env.SpineCatalog;
import io.spinekit.env.SpineEnvironment;
import io.spinekit.ldap.fhir.SdsFhir;
import io.spinekit.ldap.internal.SdsBackend;
import io.spinekit.tls.SpineTlsContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks up routes, accredited systems and organisations in the Spine Directory Service (SDS): the
 * entry point of spine-ldap, over either of SDS's two back-ends. LDAPS is the default; the SDS
 * FHIR API ({@link Builder#fhir(SdsFhir)}, internet-facing, an API key instead of a Spine client
 * certificate) answers the same {@link Route}s through the same cache:
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
 * try (SdsClient sds = SdsClient.builder()
 *         .environment(SpineEnvironment.INTEGRATION)   // sds.fhir.url from the catalog, overridable
 *         .fhir(SdsFhir.builder().apiKeyFile(Path.of("sds-api.key")).build())
 *         .build()) {
 *     Route route = sds.route(ods, interaction).orElseThrow();   // equal to the LDAP back-end's
 * }
 * }</pre>
 *
 * <p><b>Connections (LDAP).</b> An UnboundID connection pool over a failover server set: the URLs are tried
 * in order, an operation whose connection died is retried on a fresh one, idle connections are
 * health-checked, and connections to a secondary server are replaced after
 * {@link Builder#failbackAfter(Duration)} so traffic returns to the first server once it is back.
 * Binds are anonymous; LDAPS presents the TLS context's client certificate and checks the server's
 * host name. Plain {@code ldap://} is refused unless {@link Builder#allowPlainLdap()} was called.
 *
 * <p><b>Several matches.</b> Real directories hold several entries for one look-up. Every result
 * lists all of them; the preferred one is the first. Over LDAP: newest {@code nhsDateApproved} first
 * (ties by DN). Over FHIR: the API's order (the directory's, unsorted: the API exposes no approval
 * date). A route merges each {@code nhsMhs} match with the {@code nhsAs} entry of the same ODS code,
 * party key and interaction; a {@link ForwardReliable} interaction goes through Spine's reliable
 * intermediary on both back-ends.
 *
 * <p><b>Cache.</b> Results are cached per look-up (default 15 minutes, empty results 1 minute, at
 * most 10,000 entries). Callers that miss on one key at once share one LDAP search. When SDS is
 * unreachable (over FHIR also: 5xx, 429 past its retries, a timeout) an expired entry (up to 1 hour
 * past its time to live by default) is served and its {@link Freshness#stale()} is {@code true}. The
 * cache is the same code for both back-ends, keyed the same. See {@link #cacheStats()},
 * {@link #invalidateAll()}.
 *
 * <p>Thread-safe. {@link #close()} closes every connection and the health-check thread.
 */
public final class SdsClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SdsClient.class);

    /** The interaction id of Spine's reliable intermediary MHS, under the Spine core ODS code. */
    public static final String RELIABLE_INTERMEDIARY = "urn:nhs:names:services:tms:ReliableIntermediary";

    private final SdsBackend backend;
    private final SdsCache cache;
    private final SdsLookups lookups;
    private final Optional<OdsCode> spineCoreOdsCode;

    private SdsClient(Builder b, SdsBackend backend) {
        this.backend = backend;
        this.cache = new SdsCache(new SdsCache.Settings(b.cacheTtl, b.negativeCacheTtl, b.staleIfError,
                b.staleRetryInterval, b.cacheMaximumSize), b.nanoTime);
        this.spineCoreOdsCode = Optional.ofNullable(b.spineCoreOdsCode != null ? b.spineCoreOdsCode : b.profileSpineCore);
        this.lookups = new SdsLookups(backend, cache, new SdsWarnings(), spineCoreOdsCode, b.spineCoreHint,
                b.environmentName, b.clock, new SdsLookupNotifier(b.lookupListener, backend.name()));
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
        return lookups.route(request);
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
        return lookups.mhsRecords(odsCode, interactionId, partyKey);
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
        return lookups.accreditedSystems(odsCode, interactionId);
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
        return lookups.accreditedSystems(odsCode, partyKey);
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
        return lookups.accreditedSystem(asid);
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
        return lookups.organisation(odsCode);
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
        lookups.invalidate(odsCode);
    }

    /**
     * Drops the cached look-up of an accredited system by ASID.
     *
     * @param asid the ASID
     */
    public void invalidate(Asid asid) {
        lookups.invalidate(asid);
    }

    // ---------------------------------------------------------------------------------- about

    /**
     * The LDAP servers, in failover order.
     *
     * @return URLs such as {@code ldaps://ldap.nis1.national.ncrs.nhs.uk:636}; none for the FHIR back-end
     */
    public List<String> ldapUrls() {
        return backend instanceof LdapBackend ? backend.servers() : List.of();
    }

    /**
     * Which back-end answers.
     *
     * @return {@code "ldap"} or {@code "fhir"}
     */
    public String backend() {
        return backend.name();
    }

    /**
     * Where the back-end reads.
     *
     * @return the LDAP URLs in failover order, or the SDS FHIR API base URL
     */
    public List<String> servers() {
        return backend.servers();
    }

    /**
     * The Spine core ODS code under which Spine's own MHS records (the reliable intermediary) are found.
     *
     * @return the ODS code, empty when neither the environment nor the builder supplied one
     */
    public Optional<OdsCode> spineCoreOdsCode() {
        return spineCoreOdsCode;
    }

    /** Closes every pooled connection (and the LDAP health-check thread). Idempotent. */
    @Override
    public void close() {
        backend.close();
    }

    // ---------------------------------------------------------------------------------- builder

    /**
     * Configures an {@link SdsClient}. Every setting has a documented default; only the servers
     * (and a TLS context for LDAPS) are required. Not thread-safe.
     */
    public static final class Builder extends SdsCacheSettings<Builder> {
        final List<String> urls = new ArrayList<>();
        final List<String> profileUrls = new ArrayList<>();
        Fact profileUrlFact;
        OdsCode profileSpineCore;
        Fact profileFhirUrl;
        SdsFhir fhir;
        SpineTlsContext tls;
        boolean allowPlainLdap;
        Duration connectTimeout = Duration.ofSeconds(5);
        Duration responseTimeout = Duration.ofSeconds(5);
        int maxConnections = 8;
        Duration healthCheckInterval = Duration.ofSeconds(30);
        Duration failbackAfter = Duration.ofMinutes(5);
        int maxResults = 100;
        String searchBase = "o=nhs";
        OdsCode spineCoreOdsCode;
        String spineCoreHint = "call SdsClient.Builder.spineCoreOdsCode(...)";
        String environmentName;
        String missingUrlHint = "call ldapUrls(\"ldaps://host:636\") or environment(...)";
        Clock clock = Clock.systemUTC();
        SdsLookupListener lookupListener;

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * Uses a standard environment from {@link SpineCatalog#load()} (bundled data plus system
         * property and environment variable overrides): its {@code ldap.url} (or, for the FHIR
         * back-end, {@code sds.fhir.url}) and its Spine core ODS code ({@code spine.core.ods}, else
         * the ODS part of {@code spine.partykey}). Servers set with {@link #ldapUrls(String...)} take
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
         * Uses an environment profile (standard or custom): its {@code ldap.url} (FHIR: {@code sds.fhir.url})
         * and Spine core ODS code ({@code spine.core.ods}, else from {@code spine.partykey}). An environment
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
            this.profileSpineCore = profile.spineCoreOdsCode().orElse(null);
            this.profileFhirUrl = profile.fact("sds.fhir.url").orElse(null);
            this.spineCoreHint = "set spine.partykey (system property " + profile.systemProperty("spine.partykey")
                    + " or environment variable " + profile.environmentVariable("spine.partykey")
                    + ") or call SdsClient.Builder.spineCoreOdsCode(...)";
            this.missingUrlHint = "set ldap.url (system property " + profile.systemProperty("ldap.url")
                    + " or environment variable " + profile.environmentVariable("ldap.url")
                    + ") or call ldapUrls(\"ldaps://host:636\")";
            return this;
        }

        /**
         * Reads SDS over its FHIR API instead of LDAPS: {@code GET /Device} and {@code GET /Endpoint}
         * with an API key, over a TLS context of public CAs kept apart from the NHS PKI. Its base URL
         * is the environment's {@code sds.fhir.url} unless the settings give one. The cache settings
         * of this builder apply; the LDAP ones (servers, TLS context, pool) do not.
         *
         * @param settings the FHIR settings
         * @return this
         */
        public Builder fhir(SdsFhir settings) {
            this.fhir = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Reads SDS over LDAPS (the default), undoing {@link #fhir(SdsFhir)}.
         *
         * @return this
         */
        public Builder ldap() {
            this.fhir = null;
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

        /** Test hook: the clock of {@link Freshness#retrievedAt()}. */
        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Told of every look-up (route, records, accredited systems, organisation): the back-end,
         * what was looked up, how it ended, whether the cache answered, and how long it took (see
         * {@link SdsLookupListener}); for metrics. A listener that throws is logged and never
         * changes a look-up. Default none (nothing is timed).
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder lookupListener(SdsLookupListener listener) {
            this.lookupListener = Objects.requireNonNull(listener, "lookupListener");
            return this;
        }

        /**
         * Builds the client. No connection is needed yet: a client can be built while SDS is down,
         * and look-ups fail (or serve stale entries) until a server answers.
         *
         * @return the client
         * @throws SdsLookupException when no server is set, a URL is invalid, a URL is plain
         *         {@code ldap://} without {@link #allowPlainLdap()}, or LDAPS has no TLS context;
         *         for FHIR, when no base URL is known or the API key cannot be read
         */
        public SdsClient build() {
            return new SdsClient(this, SdsBackends.open(this));
        }

        private static Duration positive(Duration d, String name) {
            return SdsBackends.positive(d, name);
        }

        private static Duration notNegative(Duration d, String name) {
            return SdsBackends.notNegative(d, name);
        }
    }
}
