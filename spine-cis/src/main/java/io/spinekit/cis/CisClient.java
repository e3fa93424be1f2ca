package io.spinekit.cis;

import io.spinekit.core.Text;
import io.spinekit.env.EnvironmentProfile;
import io.spinekit.tls.SpineTlsContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The spine-cis entry point: asks an environment's Care Identity Service for role assertions over
 * mutual TLS, and fetches its CIS2 OpenID Connect discovery document and keys.
 *
 * <pre>{@code
 * EnvironmentProfile env = SpineCatalog.load().profile(SpineEnvironment.INTEGRATION);
 * SpineTlsContext spineTls = SpineTlsContext.builder().trust(env)
 *         .clientIdentityPem(Path.of("endpoint.crt"), Path.of("endpoint.key")).build();
 * try (CisClient cis = CisClient.builder().profile(env).spineTls(spineTls).build()) {
 *     RoleAssertion assertion = cis.roleAssertion(SsoTicket.of(ticketFromIdentityAgent));
 *     RoleProfile role = assertion.selectedRole().orElseThrow();
 * }
 * }</pre>
 *
 * <p>Transport: Apache HttpClient 5 on spine-tls contexts (TLS 1.2+, hostname checks with CN
 * fallback), connect timeout (default 5 s), response timeout (default 10 s, per wait for data),
 * request timeout (default 30 s, the whole exchange), a bounded body (default 1 MiB, aborted not
 * drained when exceeded), no redirects, no cookies. A request is retried once when the
 * connection could not be made (refused, unreachable, connect timeout); never after it was sent
 * (response timeout, reset) and never for an HTTP status, 5xx included. Role assertions use the
 * Spine context ({@link Builder#spineTls}: NHS trust plus your endpoint certificate); CIS2 hosts are
 * internet-facing with public CAs, so discovery and keys use a separate context
 * ({@link Builder#cis2Tls}, by default the JVM's public trust only).
 *
 * <p>The SSO ticket is never logged, and is scrubbed from every exception this client throws.
 * Thread-safe; close it to release connections.
 */
public final class CisClient implements AutoCloseable {
    /** Default connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Default response timeout (longest wait for data once connected). */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(10);
    /** Default request timeout: the longest a whole exchange (connect, send, read everything) may take. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Default largest response body: 1 MiB. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

    private final CisUrls urls;
    private final RoleAssertionParser parser;
    private final CisHttp spineHttp;
    private final SpineTlsContext cis2Tls;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final Duration requestTimeout;
    private final int maxResponseBytes;
    private final DnsResolver dnsResolver;
    private CisHttp cis2Http;
    private boolean closed;

    private CisClient(Builder b) {
        this.urls = b.urls;
        this.parser = b.parser;
        this.spineHttp = b.spineTls == null ? null
                : new CisHttp(b.spineTls, b.connectTimeout, b.responseTimeout, b.requestTimeout,
                        b.maxResponseBytes, b.dnsResolver);
        this.cis2Tls = b.cis2Tls;
        this.connectTimeout = b.connectTimeout;
        this.responseTimeout = b.responseTimeout;
        this.requestTimeout = b.requestTimeout;
        this.maxResponseBytes = b.maxResponseBytes;
        this.dnsResolver = b.dnsResolver;
    }

    /** The CIS2 transport, made on first use (the default trust loads the JVM's CA bundle). */
    private synchronized CisHttp cis2Http() {
        if (closed) {
            throw new CisException(CisException.Reason.CONFIGURATION, "this CisClient is closed");
        }
        if (cis2Http == null) {
            SpineTlsContext tls = cis2Tls != null ? cis2Tls : SpineTlsContext.builder().addJvmDefaultTrust().build();
            cis2Http = new CisHttp(tls, connectTimeout, responseTimeout, requestTimeout, maxResponseBytes, dnsResolver);
        }
        return cis2Http;
    }

    /**
     * Starts a client.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The environment's CIS URLs.
     *
     * @return the URLs
     */
    public CisUrls urls() {
        return urls;
    }

    /**
     * Asks the RoleAssertion endpoint for a ticket's role assertion:
     * {@code GET {sbapi.roleassertion.url}?token=<url-encoded ticket>} over mutual TLS, then parses
     * and checks the SAML response with {@link RoleAssertionParser}.
     *
     * @param ticket the user's SSO ticket
     * @return the assertion
     * @throws io.spinekit.env.CatalogException when the environment has no RoleAssertion URL, saying how to supply it
     * @throws CisException for transport failures ({@code CONNECTION_FAILED}, {@code TLS_FAILED},
     *     {@code TIMEOUT}, {@code IO}, {@code RESPONSE_TOO_LARGE}), an HTTP status other than 200
     *     ({@code HTTP_STATUS}), or a response the parser refuses; never containing the ticket
     */
    public RoleAssertion roleAssertion(SsoTicket ticket) {
        Objects.requireNonNull(ticket, "ticket");
        URI endpoint = urls.roleAssertionEndpoint();
        if (spineHttp == null) {
            throw new CisException(CisException.Reason.CONFIGURATION, "no Spine TLS context: call "
                    + "CisClient.builder().spineTls(...) with the NHS trust and your endpoint certificate");
        }
        CisHttp.Response r = spineHttp.get(urls.roleAssertionUrl(ticket), "text/xml, application/xml",
                "role assertion", endpoint, ticket);
        checkStatus(r, "role assertion", endpoint, ticket);
        try {
            return parser.parse(r.body(), ticket);
        } catch (CisException e) {
            throw redacted(e, ticket);
        }
    }

    /**
     * Fetches and checks the environment's CIS2 discovery document. Its {@code issuer} must be the
     * environment's issuer (an explicit {@code :443} is allowed).
     *
     * @return the discovery document
     * @throws io.spinekit.env.CatalogException when the environment has no CIS2 issuer, saying how to supply it
     * @throws CisException for transport failures, an HTTP status other than 200, or a document that is
     *     malformed or names another issuer ({@code INVALID_DISCOVERY})
     */
    public OidcDiscovery discovery() {
        Cis2Issuer issuer = urls.cis2Issuer();
        return discovery(issuer.discoveryUrl(), issuer);
    }

    /**
     * Fetches a discovery document from a given URL and checks it names the given issuer.
     *
     * @param discoveryUrl the document URL
     * @param expectedIssuer the issuer it must name
     * @return the discovery document
     * @throws CisException as for {@link #discovery()}
     */
    public OidcDiscovery discovery(URI discoveryUrl, Cis2Issuer expectedIssuer) {
        Objects.requireNonNull(discoveryUrl, "discoveryUrl");
        Objects.requireNonNull(expectedIssuer, "expectedIssuer");
        CisHttp.Response r = cis2Http().get(discoveryUrl, "application/json", "CIS2 discovery document", discoveryUrl,
                null);
        checkStatus(r, "CIS2 discovery document", discoveryUrl, null);
        OidcDiscovery d = OidcDiscovery.parse(new String(r.body(), StandardCharsets.UTF_8));
        if (!expectedIssuer.matches(d.issuer())) {
            throw new CisException(CisException.Reason.INVALID_DISCOVERY, "CIS2 discovery document at " + discoveryUrl
                    + " names issuer " + Cis2Issuer.quoted(d.issuer()) + ", not the expected "
                    + Cis2Issuer.quoted(expectedIssuer.toString())
                    + ": check cis2.issuer for this environment");
        }
        return d;
    }

    /**
     * Fetches the JWK set a discovery document points to.
     *
     * @param discovery the discovery document
     * @return the JWKS JSON
     * @throws CisException for transport failures or an HTTP status other than 200
     */
    public String jwks(OidcDiscovery discovery) {
        URI u = discovery.jwksUri();
        CisHttp.Response r = cis2Http().get(u, "application/json, application/jwk-set+json", "CIS2 JWKS", u, null);
        checkStatus(r, "CIS2 JWKS", u, null);
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    /**
     * A validator for ID tokens issued to a client: fetches the discovery document now and the JWKS on
     * first use (and again on key rotation), and accepts only algorithms that both the provider
     * advertises and spinekit allows.
     *
     * @param clientId the client id registered with CIS2 (the tokens' audience)
     * @return the validator
     * @throws CisException as for {@link #discovery()}
     */
    public IdTokenValidator idTokenValidator(String clientId) {
        OidcDiscovery d = discovery();
        return idTokenValidatorBuilder(d).audience(clientId).build();
    }

    /**
     * A validator builder preset from a discovery document (issuer, JWKS fetched through this client,
     * algorithms); set the audience and any other option, then build.
     *
     * @param discovery the discovery document
     * @return a builder
     */
    public IdTokenValidator.Builder idTokenValidatorBuilder(OidcDiscovery discovery) {
        IdTokenValidator.Builder b = IdTokenValidator.builder().issuer(discovery.cis2Issuer())
                .jwksSource(() -> jwks(discovery));
        Set<String> algs = new LinkedHashSet<>(discovery.idTokenSigningAlgValuesSupported());
        algs.retainAll(IdTokenValidator.DEFAULT_ALGORITHMS);
        if (!algs.isEmpty()) {
            b.algorithms(algs);
        }
        return b;
    }

    private static void checkStatus(CisHttp.Response r, String what, URI endpoint, SsoTicket ticket) {
        if (r.status() == 200) {
            return;
        }
        StringBuilder m = new StringBuilder(what).append(" request to ").append(endpoint).append(" answered HTTP ")
                .append(r.status());
        // Secrets are removed from what the server sent before anything is cut.
        if (r.status() >= 300 && r.status() < 400) {
            m.append(", a redirect to ").append(r.location() == null ? "(no Location)"
                    : Text.quote(redact(r.location(), ticket), 160)).append(" that was not followed");
        } else if (r.body().length > 0 && CisHttp.isXmlOrText(r.contentType())) {
            String text = new String(r.body(), 0, Math.min(r.body().length, BODY_EXCERPT_BYTES),
                    StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
            m.append(", body starts ").append(Text.quote(redact(text, ticket), 160));
        }
        m.append(r.status() >= 500 ? ": a server error; not retried, try again later" : ": expected 200");
        throw new CisException(CisException.Reason.HTTP_STATUS, redact(m.toString(), ticket));
    }

    /** How much of an error body is read for its excerpt (redacted whole, then cut to 160 characters). */
    private static final int BODY_EXCERPT_BYTES = 16 * 1024;

    private static String redact(String text, SsoTicket ticket) {
        return ticket == null ? text : ticket.redact(text);
    }

    private static CisException redacted(CisException e, SsoTicket ticket) {
        if (!ticket.appearsIn(e.getMessage()) && CisHttp.safeCause(e, ticket) == e) {
            return e;
        }
        return new CisException(e.reason(), ticket.redact(e.getMessage()), CisHttp.safeCause(e.getCause(), ticket));
    }

    /**
     * Closes the HTTP clients.
     */
    @Override
    public void close() {
        if (spineHttp != null) {
            spineHttp.close();
        }
        synchronized (this) {
            closed = true;
            if (cis2Http != null) {
                cis2Http.close();
            }
        }
    }

    /** Settings for a {@link CisClient}. Not thread-safe. */
    public static final class Builder {
        private CisUrls urls;
        private SpineTlsContext spineTls;
        private SpineTlsContext cis2Tls;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private RoleAssertionParser parser = RoleAssertionParser.create();
        private DnsResolver dnsResolver;

        private Builder() {
        }

        /**
         * The environment, from a catalog profile (required, or {@link #urls(CisUrls)}).
         *
         * @param profile the profile
         * @return this
         */
        public Builder profile(EnvironmentProfile profile) {
            this.urls = CisUrls.of(profile);
            return this;
        }

        /**
         * The environment's URLs given directly.
         *
         * @param urls the URLs
         * @return this
         */
        public Builder urls(CisUrls urls) {
            this.urls = Objects.requireNonNull(urls, "urls");
            return this;
        }

        /**
         * The TLS context for Spine (sbapi) endpoints: the environment's NHS trust and your endpoint
         * certificate. Required for {@link CisClient#roleAssertion(SsoTicket)}.
         *
         * @param tls the context
         * @return this
         */
        public Builder spineTls(SpineTlsContext tls) {
            this.spineTls = Objects.requireNonNull(tls, "tls");
            return this;
        }

        /**
         * The TLS context for CIS2 (internet-facing, public CAs). Default: the JVM's public trust only,
         * kept apart from the NHS trust.
         *
         * @param tls the context
         * @return this
         */
        public Builder cis2Tls(SpineTlsContext tls) {
            this.cis2Tls = Objects.requireNonNull(tls, "tls");
            return this;
        }

        /**
         * The connect timeout (default 5 s).
         *
         * @param timeout between 1 ms and 5 minutes
         * @return this
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = checkTimeout("connect timeout", timeout);
            return this;
        }

        /**
         * The response timeout: the longest wait for data once the request is sent (default 10 s).
         *
         * @param timeout between 1 ms and 5 minutes
         * @return this
         */
        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = checkTimeout("response timeout", timeout);
            return this;
        }

        /**
         * The request timeout: the longest a whole exchange may take, so a server that dribbles bytes
         * just inside the response timeout cannot hold the caller indefinitely (default 30 s).
         *
         * @param timeout between 1 ms and 5 minutes
         * @return this
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = checkTimeout("request timeout", timeout);
            return this;
        }

        /**
         * The largest response body accepted (default 1 MiB).
         *
         * @param bytes between 1 KiB and 64 MiB
         * @return this
         */
        public Builder maxResponseBytes(int bytes) {
            if (bytes < 1024 || bytes > 64 * 1024 * 1024) {
                throw new CisException(CisException.Reason.CONFIGURATION, "maxResponseBytes " + bytes
                        + " is out of range: expected between 1024 and 67108864");
            }
            this.maxResponseBytes = bytes;
            return this;
        }

        /**
         * The role assertion parser (default {@link RoleAssertionParser#create()}), for another clock,
         * clock skew or XML limits.
         *
         * @param parser the parser
         * @return this
         */
        public Builder parser(RoleAssertionParser parser) {
            this.parser = Objects.requireNonNull(parser, "parser");
            return this;
        }

        /**
         * Resolves host names with this resolver instead of the system's; for tests that point a
         * published CIS host name at a loopback server (the TLS host name check still uses the name).
         * Needs Apache HttpClient 5, which spine-cis depends on.
         *
         * @param resolver the resolver
         * @return this
         */
        public Builder dnsResolver(DnsResolver resolver) {
            this.dnsResolver = resolver;
            return this;
        }

        private static Duration checkTimeout(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.toMillis() < 1 || d.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new CisException(CisException.Reason.CONFIGURATION, name + " " + d
                        + " is out of range: expected between 1 ms and 5 minutes");
            }
            return d;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws CisException (CONFIGURATION) when no environment was given
         */
        public CisClient build() {
            if (urls == null) {
                throw new CisException(CisException.Reason.CONFIGURATION,
                        "CisClient needs profile(EnvironmentProfile) or urls(CisUrls)");
            }
            return new CisClient(this);
        }
    }
}
