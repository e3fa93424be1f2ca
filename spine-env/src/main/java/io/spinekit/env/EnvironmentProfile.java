package io.spinekit.env;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The facts of one Spine environment, standard or custom, after overrides: immutable and thread-safe.
 *
 * <p>Every value is a {@link Fact} with its provenance. Values nothing publishes are absent:
 * {@link #fact(String)} and the typed accessors return empty, and the {@code require*} methods
 * fail with a {@link CatalogException} naming the system property and environment variable that
 * supply the value. Obtain profiles from {@link SpineCatalog#profile(SpineEnvironment)}.
 */
public final class EnvironmentProfile {
    private final String name;
    private final Optional<SpineEnvironment> environment;
    private final Map<String, Fact> facts;

    EnvironmentProfile(String name, Optional<SpineEnvironment> environment, Map<String, Fact> facts) {
        this.name = Objects.requireNonNull(name, "name");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.facts = Keys.ordered(facts);
    }

    /**
     * The environment's name in keys and overrides: the lower-case enum name for standard
     * environments ({@code "integration"}), the given name for custom ones ({@code "local-mock"}).
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The standard environment, empty for a custom one.
     *
     * @return the environment
     */
    public Optional<SpineEnvironment> environment() {
        return environment;
    }

    /**
     * The name to show people: the NHS pages' name for a standard environment, else {@link #name()}.
     *
     * @return for example {@code "Integration"}
     */
    public String displayName() {
        return environment.map(SpineEnvironment::displayName).orElse(name);
    }

    /**
     * Every fact of the environment, in catalog order (by purpose, then key).
     *
     * @return an unmodifiable map from key to fact
     */
    public Map<String, Fact> facts() {
        return facts;
    }

    /**
     * The facts serving one purpose, in catalog order.
     *
     * @param purpose for example {@link Purpose#MESSAGING}
     * @return the facts, possibly empty
     */
    public List<Fact> facts(Purpose purpose) {
        return facts.values().stream()
                .filter(f -> Keys.find(f.key()).map(d -> d.purpose() == purpose).orElse(false))
                .toList();
    }

    /**
     * One fact by key.
     *
     * @param key a catalog key, such as {@code ldap.url}
     * @return the fact, or empty when nothing publishes the value and no override supplies it
     * @throws CatalogException when the key is not a catalog key (a typo), listing how keys look
     */
    public Optional<Fact> fact(String key) {
        definition(key);
        return Optional.ofNullable(facts.get(key));
    }

    /**
     * One value by key.
     *
     * @param key a catalog key
     * @return the value, or empty
     * @throws CatalogException when the key is not a catalog key
     */
    public Optional<String> value(String key) {
        return fact(key).map(Fact::value);
    }

    /**
     * One fact that must be present.
     *
     * @param key a catalog key
     * @return the fact
     * @throws CatalogException naming the key and the system property and environment variable that supply it
     */
    public Fact require(String key) {
        return fact(key).orElseThrow(() -> missing(key));
    }

    /**
     * A URL by key.
     *
     * @param key a URL key, such as {@code gas.activate.url}
     * @return the URL, or empty when nothing publishes it
     * @throws CatalogException when the key is not a URL key of the catalog
     */
    public Optional<URI> url(String key) {
        if (definition(key).type() != Keys.Type.URL) {
            throw new CatalogException("Catalog key '" + key + "' is not a URL key; URL keys end in '.url' "
                    + "(or are 'cis2.issuer'), such as 'ldap.url'");
        }
        return Optional.ofNullable(facts.get(key)).map(f -> URI.create(f.value()));
    }

    /**
     * A URL that must be present.
     *
     * @param key a URL key
     * @return the URL
     * @throws CatalogException naming the key, the system property ({@code spinekit.<env>.<key>}) and
     *     the environment variable ({@code SPINEKIT_<ENV>_<KEY>}) that supply it
     */
    public URI requireUrl(String key) {
        return url(key).orElseThrow(() -> missing(key));
    }

    /**
     * The Spine party key: the party key of Spine's own MHS, used to look up messaging properties in SDS.
     *
     * @return for the PTL environments {@code YES-0000806}; empty for live (not published)
     */
    public Optional<PartyKey> spinePartyKey() {
        return value("spine.partykey").map(PartyKey::of);
    }

    /**
     * The CA ids spine-tls trusts for this environment (file base names of its bundled PEMs).
     *
     * @return for integration {@code [nhs-ptl-root-authority-g2, nhs-int-authentication-g2,
     *     nhs-ptl-root-authority, nhs-int-level-1c]}; empty for a custom environment without {@code tls.trust}
     */
    public List<String> trustChain() {
        return value("tls.trust").map(Keys::list).orElse(List.of());
    }

    /**
     * The URLs serving one purpose, each with its published IP address.
     *
     * @param purpose for example {@link Purpose#MESSAGING} or {@link Purpose#PORTAL}
     * @return the endpoints in catalog order (e-RS ones are under {@link #ersEnvironments()})
     */
    public List<Endpoint> endpoints(Purpose purpose) {
        List<Endpoint> out = new ArrayList<>();
        for (Fact f : facts(purpose)) {
            Keys.Def def = definition(f.key());
            if (def.type() == Keys.Type.URL) {
                out.add(endpoint(f.key()).orElseThrow());
            }
        }
        return List.copyOf(out);
    }

    /**
     * One URL with its description and published IP address.
     *
     * @param urlKey a URL key such as {@code messaging.sync.url}
     * @return the endpoint, or empty when the URL is absent
     */
    public Optional<Endpoint> endpoint(String urlKey) {
        Keys.Def def = definition(urlKey);
        return url(urlKey).map(u -> {
            Fact f = facts.get(urlKey);
            Optional<String> ip = urlKey.endsWith(".url")
                    ? Optional.ofNullable(facts.get(urlKey.substring(0, urlKey.length() - 4) + ".ip")).map(Fact::value)
                    : Optional.empty();
            return new Endpoint(urlKey, def.description(), u, ip, f.provenance(), f.source());
        });
    }

    /**
     * The services available in the environment, as its page lists them.
     *
     * @return the services; empty when not published (live)
     */
    public List<SpineService> services() {
        return value("services").map(v -> Keys.list(v).stream().map(SpineService::parse).toList()).orElse(List.of());
    }

    /**
     * Whether the environment is in service.
     *
     * @return for development, {@link EnvironmentStatus.State#DECOMMISSIONING} with the public notice;
     *     {@link EnvironmentStatus.State#ACTIVE} with no notice where none is known
     */
    public EnvironmentStatus status() {
        Optional<Fact> state = fact("status");
        return new EnvironmentStatus(
                state.map(f -> EnvironmentStatus.State.parse(f.value())).orElse(EnvironmentStatus.State.ACTIVE),
                value("status.date").map(LocalDate::parse),
                value("status.notice"),
                state.map(Fact::provenance));
    }

    /**
     * The system property that supplies a key for this environment.
     *
     * @param key a catalog key
     * @return for example {@code spinekit.integration.ldap.url}
     */
    public String systemProperty(String key) {
        return Keys.systemProperty(name, key);
    }

    /**
     * The environment variable that supplies a key for this environment.
     *
     * @param key a catalog key
     * @return for example {@code SPINEKIT_INTEGRATION_LDAP_URL}
     */
    public String environmentVariable(String key) {
        return Keys.environmentVariable(name, key);
    }

    CatalogException missing(String key) {
        return new CatalogException("No value for '" + key + "' (" + definition(key).description() + ") in environment '"
                + name + "': nothing publishes it. Supply it with system property " + systemProperty(key)
                + ", environment variable " + environmentVariable(key) + ", or the line '" + systemProperty(key)
                + "=...' in an overrides file.");
    }

    Keys.Def definition(String key) {
        return Keys.find(key).orElseThrow(() -> new CatalogException("Unknown catalog key '" + key
                + "': expected one of " + Keys.all().stream().map(Keys.Def::pattern).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return "EnvironmentProfile[" + name + ", " + facts.size() + " facts]";
    }
}
