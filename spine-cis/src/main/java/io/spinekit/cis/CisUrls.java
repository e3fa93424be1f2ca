package io.spinekit.cis;

import io.spinekit.core.Text;
import io.spinekit.env.CatalogException;
import io.spinekit.env.EnvironmentProfile;
import io.spinekit.env.Fact;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An environment's Care Identity Service URLs: GAS ({@code authactivate}, {@code authvalidate},
 * {@code authlogout}), sbapi (role selection, role assertion, naming service) and the CIS2 issuer.
 *
 * <pre>{@code
 * CisUrls urls = CisUrls.of(SpineCatalog.load().profile(SpineEnvironment.DEVELOPMENT));
 * URI assertion = urls.roleAssertionUrl(ticket);   // .../saml/RoleAssertion?token=AQIC...%3D%40...%23
 * URI discovery = urls.discoveryUrl();              // issuer + /.well-known/openid-configuration
 * }</pre>
 *
 * <p>Values come from the catalog keys {@value #GAS_ACTIVATE}, {@value #GAS_VALIDATE},
 * {@value #GAS_LOGOUT}, {@value #ROLE_SELECTION}, {@value #ROLE_ASSERTION}, {@value #NAMING_SERVICE}
 * and {@value #CIS2_ISSUER}. A value nothing publishes is absent: its accessor throws a
 * {@link CatalogException} naming the system property and environment variable that supply it.
 *
 * <p>URLs built with a ticket contain the secret: never log them. {@link #toString()} shows only
 * the environment and which keys are present. Immutable and thread-safe.
 */
public final class CisUrls {
    /** GAS smartcard activation, used by the Identity Agent. */
    public static final String GAS_ACTIVATE = "gas.activate.url";
    /** GAS ticket validation ({@code authvalidate}). */
    public static final String GAS_VALIDATE = "gas.validate.url";
    /** GAS logout. */
    public static final String GAS_LOGOUT = "gas.logout.url";
    /** sbapi role selection page ({@code RoleSelectionGP.jsp}). */
    public static final String ROLE_SELECTION = "sbapi.roleselection.url";
    /** sbapi SAML role assertion ({@code /saml/RoleAssertion}). */
    public static final String ROLE_ASSERTION = "sbapi.roleassertion.url";
    /** sbapi (OpenAM) naming service. */
    public static final String NAMING_SERVICE = "sbapi.namingservice.url";
    /** CIS2 OpenID Connect issuer. */
    public static final String CIS2_ISSUER = "cis2.issuer";

    private static final Map<String, String> DESCRIPTIONS = descriptions();

    /**
     * One URL and where it comes from.
     *
     * @param key the catalog key, such as {@value CisUrls#ROLE_ASSERTION}
     * @param description what the URL is for
     * @param url the URL, or empty when nothing publishes it
     * @param provenance for a present value, its provenance (SEED, PUBLIC, INFERRED, OVERRIDE or GIVEN)
     * @param source for a present value, where it comes from; for an absent one, how to supply it
     */
    public record Entry(String key, String description, Optional<URI> url, Optional<String> provenance, String source) {
        /**
         * Checks for nulls.
         *
         * @param key the key
         * @param description the description
         * @param url the URL
         * @param provenance the provenance
         * @param source the source or how to supply the value
         */
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(provenance, "provenance");
            Objects.requireNonNull(source, "source");
        }
    }

    private final String environment;
    private final Map<String, Entry> entries;

    private CisUrls(String environment, Map<String, Entry> entries) {
        this.environment = environment;
        this.entries = entries;
    }

    /**
     * The CIS URLs of an environment profile.
     *
     * @param profile a profile from {@code SpineCatalog}
     * @return the URLs (absent ones included, with how to supply them)
     */
    public static CisUrls of(EnvironmentProfile profile) {
        Objects.requireNonNull(profile, "profile");
        Map<String, Entry> map = new LinkedHashMap<>();
        for (Map.Entry<String, String> d : DESCRIPTIONS.entrySet()) {
            String key = d.getKey();
            Optional<Fact> fact = profile.fact(key);
            if (fact.isPresent()) {
                map.put(key, new Entry(key, d.getValue(), Optional.of(profile.requireUrl(key)),
                        Optional.of(fact.get().provenance().name()), fact.get().source()));
            } else {
                String how = "supply " + key;
                try {
                    profile.requireUrl(key);
                } catch (CatalogException e) {
                    how = e.getMessage();
                }
                map.put(key, new Entry(key, d.getValue(), Optional.empty(), Optional.empty(), how));
            }
        }
        CisUrls urls = new CisUrls(profile.name(), map);
        urls.find(CIS2_ISSUER).ifPresent(u -> new Cis2Issuer(u));
        return urls;
    }

    /**
     * Starts a set of URLs given directly (for a mock or a one-off URL), without the catalog.
     *
     * @param environment a name for messages, such as {@code local-mock}
     * @return a builder
     */
    public static Builder builder(String environment) {
        return new Builder(environment);
    }

    /**
     * The environment name.
     *
     * @return for example {@code development} or {@code local-mock}
     */
    public String environment() {
        return environment;
    }

    /**
     * Every CIS URL of the environment, present or not, in a fixed order (GAS activate, validate,
     * logout, role selection, role assertion, naming service, CIS2 issuer).
     *
     * @return the entries
     */
    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /**
     * A URL by catalog key.
     *
     * @param key one of this class's key constants
     * @return the URL, or empty when nothing publishes it
     * @throws CisException (CONFIGURATION) for a key that is not a CIS URL key
     */
    public Optional<URI> find(String key) {
        return entry(key).url();
    }

    /**
     * A URL that must be present.
     *
     * @param key one of this class's key constants
     * @return the URL
     * @throws CatalogException when absent, naming the system property and environment variable that supply it
     */
    public URI require(String key) {
        Entry e = entry(key);
        return e.url().orElseThrow(() -> new CatalogException(e.source()));
    }

    private Entry entry(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            throw new CisException(CisException.Reason.CONFIGURATION, Text.quote(key) + " is not a CIS URL key: expected one of "
                    + String.join(", ", DESCRIPTIONS.keySet()));
        }
        return e;
    }

    /**
     * GAS {@code authactivate}.
     *
     * @return the URL
     * @throws CatalogException when absent, saying how to supply it
     */
    public URI gasActivateUrl() {
        return require(GAS_ACTIVATE);
    }

    /**
     * GAS {@code authvalidate}.
     *
     * @return the URL
     * @throws CatalogException when absent, saying how to supply it
     */
    public URI gasValidateUrl() {
        return require(GAS_VALIDATE);
    }

    /**
     * GAS {@code authlogout}.
     *
     * @return the URL
     * @throws CatalogException when absent, saying how to supply it
     */
    public URI gasLogoutUrl() {
        return require(GAS_LOGOUT);
    }

    /**
     * The sbapi naming service.
     *
     * @return the URL
     * @throws CatalogException when absent, saying how to supply it
     */
    public URI namingServiceUrl() {
        return require(NAMING_SERVICE);
    }

    /**
     * The RoleAssertion endpoint without a ticket.
     *
     * @return for example {@code https://sbapi.vn03.national.ncrs.nhs.uk/saml/RoleAssertion}
     * @throws CatalogException when absent, saying how to supply it
     */
    public URI roleAssertionEndpoint() {
        return require(ROLE_ASSERTION);
    }

    /**
     * The role selection page without parameters.
     *
     * @return for example {@code https://sbapi.vn03.national.ncrs.nhs.uk/saml/RoleSelectionGP.jsp}
     * @throws CatalogException when absent, saying how to supply it
     */
    public URI roleSelectionEndpoint() {
        return require(ROLE_SELECTION);
    }

    /**
     * The CIS2 issuer.
     *
     * @return the issuer
     * @throws CatalogException when absent, saying how to supply it
     */
    public Cis2Issuer cis2Issuer() {
        return new Cis2Issuer(require(CIS2_ISSUER));
    }

    /**
     * The CIS2 discovery document URL: the issuer followed by {@code /.well-known/openid-configuration}.
     *
     * @return the URL
     * @throws CatalogException when the issuer is absent, saying how to supply it
     */
    public URI discoveryUrl() {
        return cis2Issuer().discoveryUrl();
    }

    /**
     * The role assertion URL for a ticket: {@code {sbapi}/saml/RoleAssertion?token=<url-encoded ticket>}.
     * The result contains the secret ticket: do not log it.
     *
     * @param ticket the SSO ticket
     * @return the URL
     * @throws CatalogException when the endpoint is absent, saying how to supply it
     */
    public URI roleAssertionUrl(SsoTicket ticket) {
        Objects.requireNonNull(ticket, "ticket");
        return withQuery(roleAssertionEndpoint(), List.of(Map.entry("token", ticket.reveal())));
    }

    /**
     * The role selection URL the Identity Agent opens:
     * {@code RoleSelectionGP.jsp?token=<ticket>&selectedRoleUid=<role profile UID>}, every value URL-encoded.
     * The result contains the secret ticket: do not log it.
     *
     * @param ticket the SSO ticket
     * @param selectedRoleUid the role profile UID the user picked (for example from a GAS {@code nhsjobroleN} entry)
     * @return the URL
     * @throws CatalogException when the endpoint is absent, saying how to supply it
     */
    public URI roleSelectionUrl(SsoTicket ticket, String selectedRoleUid) {
        return roleSelectionUrl(RoleSelection.of(ticket, selectedRoleUid));
    }

    /**
     * The role selection URL with the optional parameters the BT Identity Agent also sends
     * ({@code ssbMode}, {@code gacVersion}, {@code fallbackStatus}), in that order after the two
     * required ones. The result contains the secret ticket: do not log it.
     *
     * @param selection the parameters
     * @return the URL
     * @throws CatalogException when the endpoint is absent, saying how to supply it
     */
    public URI roleSelectionUrl(RoleSelection selection) {
        Objects.requireNonNull(selection, "selection");
        List<Map.Entry<String, String>> params = new ArrayList<>();
        params.add(Map.entry("token", selection.ticket().reveal()));
        params.add(Map.entry("selectedRoleUid", selection.selectedRoleUid()));
        selection.mode().ifPresent(m -> params.add(Map.entry("ssbMode", m.ssbMode())));
        selection.gacVersion().ifPresent(v -> params.add(Map.entry("gacVersion", v)));
        selection.fallbackStatus().ifPresent(v -> params.add(Map.entry("fallbackStatus", v)));
        return withQuery(roleSelectionEndpoint(), params);
    }

    private static URI withQuery(URI base, List<Map.Entry<String, String>> params) {
        StringBuilder sb = new StringBuilder(base.toString());
        if (base.getRawFragment() != null) {
            sb.setLength(sb.length() - base.getRawFragment().length() - 1);
        }
        char sep = base.getRawQuery() == null ? '?' : '&';
        for (Map.Entry<String, String> p : params) {
            sb.append(sep).append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return URI.create(sb.toString());
    }

    /**
     * The environment and which URLs are present; never a ticket.
     *
     * @return a summary
     */
    @Override
    public String toString() {
        List<String> present = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.url().isPresent()) {
                present.add(e.key());
            }
        }
        return "CisUrls[" + environment + ", present " + present + "]";
    }

    private static Map<String, String> descriptions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(GAS_ACTIVATE, "GAS smartcard activation (Identity Agent authactivate)");
        d.put(GAS_VALIDATE, "GAS ticket validation (authvalidate)");
        d.put(GAS_LOGOUT, "GAS logout (authlogout)");
        d.put(ROLE_SELECTION, "role selection page (RoleSelectionGP.jsp)");
        d.put(ROLE_ASSERTION, "SAML role assertion (/saml/RoleAssertion)");
        d.put(NAMING_SERVICE, "OpenAM naming service (/amserver/namingservice)");
        d.put(CIS2_ISSUER, "CIS2 OpenID Connect issuer");
        return java.util.Collections.unmodifiableMap(d);
    }

    /** Builds {@link CisUrls} from URLs given directly. Not thread-safe. */
    public static final class Builder {
        private final String environment;
        private final Map<String, URI> urls = new LinkedHashMap<>();

        private Builder(String environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
        }

        /**
         * Sets one URL.
         *
         * @param key one of the {@link CisUrls} key constants
         * @param url an absolute URL
         * @return this
         * @throws CisException (CONFIGURATION) for an unknown key or a relative URL
         */
        public Builder url(String key, URI url) {
            Objects.requireNonNull(url, "url");
            if (!DESCRIPTIONS.containsKey(key)) {
                throw new CisException(CisException.Reason.CONFIGURATION, Text.quote(key)
                        + " is not a CIS URL key: expected one of " + String.join(", ", DESCRIPTIONS.keySet()));
            }
            if (!url.isAbsolute() || url.getHost() == null) {
                throw new CisException(CisException.Reason.CONFIGURATION, "URL for " + key + " "
                        + Text.quote(url.toString()) + " is not absolute: expected for example https://host/path");
            }
            urls.put(key, url);
            return this;
        }

        /**
         * Builds the URLs; keys not given are absent.
         *
         * @return the URLs
         */
        public CisUrls build() {
            Map<String, Entry> map = new LinkedHashMap<>();
            for (Map.Entry<String, String> d : DESCRIPTIONS.entrySet()) {
                URI u = urls.get(d.getKey());
                map.put(d.getKey(), u == null
                        ? new Entry(d.getKey(), d.getValue(), Optional.empty(), Optional.empty(), "No value for '"
                                + d.getKey() + "' in " + Text.quote(environment) + ": give it with CisUrls.builder(...).url(\""
                                + d.getKey() + "\", ...)")
                        : new Entry(d.getKey(), d.getValue(), Optional.of(u), Optional.of("GIVEN"),
                                "given to CisUrls.builder"));
            }
            if (urls.containsKey(CIS2_ISSUER)) {
                new Cis2Issuer(urls.get(CIS2_ISSUER));
            }
            return new CisUrls(environment, map);
        }
    }
}
