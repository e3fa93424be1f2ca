package io.spinekit.env;

import io.spinekit.core.Text;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
            throw new CatalogException("Catalog key " + Text.quote(key) + " is not a URL key; URL keys end in '.url' "
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
     * The Spine core ODS code: the organisation under which Spine's own SDS entries (its reliable
     * intermediary MHS) are found. {@code spine.core.ods} when set, else the ODS part of
     * {@link #spinePartyKey()}.
     *
     * @return {@code YES} for the PTL environments, {@code YEA} for live (the SDS FHIR API's
     *     configuration, docs/reference/SDS-FHIR.md section 1); empty for a custom environment with neither key
     */
    public Optional<OdsCode> spineCoreOdsCode() {
        Optional<OdsCode> set = value("spine.core.ods").map(OdsCode::of);
        return set.isPresent() ? set : spinePartyKey().map(PartyKey::odsCode);
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
     * The e-RS sub-environments that use this environment for messaging, as listed by
     * {@code ers.environments} plus any named only by overrides.
     *
     * @return for development Dev1 and Dev3; integration Int1; deployment Dep1 and Dep2; empty for live
     */
    public List<ErsEnvironment> ersEnvironments() {
        Map<String, String> names = new LinkedHashMap<>();
        value("ers.environments").ifPresent(v -> Keys.list(v).forEach(n -> names.put(n.toLowerCase(Locale.ROOT), n)));
        for (String key : facts.keySet()) {
            String[] parts = key.split("\\.");
            if (parts[0].equals("ers") && parts.length > 2) {
                names.putIfAbsent(parts[1], parts[1]);
            }
        }
        List<ErsEnvironment> out = new ArrayList<>();
        for (Map.Entry<String, String> n : names.entrySet()) {
            String prefix = "ers." + n.getKey() + ".";
            List<Endpoint> endpoints = new ArrayList<>();
            for (String kind : List.of("professional", "patient", "api", "messaging")) {
                endpoint(prefix + kind + ".url").ifPresent(endpoints::add);
            }
            out.add(new ErsEnvironment(n.getValue(), value(prefix + "description"),
                    value(prefix + "partykey").map(PartyKey::of), value(prefix + "asid").map(Asid::of), endpoints,
                    facts.values().stream().filter(f -> f.key().startsWith(prefix)).toList()));
        }
        return List.copyOf(out);
    }

    /**
     * One e-RS sub-environment by name, case-insensitively.
     *
     * @param name for example {@code "Dev3"} or {@code "e-RS Dev3"}
     * @return it
     * @throws CatalogException naming the value and listing this environment's e-RS sub-environments
     */
    public ErsEnvironment ersEnvironment(String name) {
        String wanted = name == null ? "" : name.toLowerCase(Locale.ROOT).replace("e-rs", "").replaceAll("[^a-z0-9]", "");
        List<ErsEnvironment> all = ersEnvironments();
        return all.stream().filter(e -> e.key().equals(wanted)).findFirst().orElseThrow(() -> new CatalogException(
                "Unknown e-RS environment " + Text.quote(name) + " in " + Text.quote(this.name) + ": known are "
                        + (all.isEmpty() ? "none" : all.stream().map(ErsEnvironment::name).collect(Collectors.joining(", ")))));
    }

    /**
     * The outbound NAT addresses Spine sends from: allow them in inbound firewall rules.
     *
     * @return the addresses with whatever of host, address and port is published; empty when none is
     */
    public List<NetworkAddress> outboundNat() {
        List<NetworkAddress> out = new ArrayList<>();
        nat("messaging", "All messages are sent out as coming from this address; nothing is ever sent to it")
                .ifPresent(out::add);
        nat("tokenevents", "Outbound token events to registered listeners are sent from this address; "
                + "CIS responds on the port the client request names").ifPresent(out::add);
        return List.copyOf(out);
    }

    private Optional<NetworkAddress> nat(String id, String description) {
        String prefix = "nat." + id + ".";
        List<Fact> natFacts = facts.values().stream().filter(f -> f.key().startsWith(prefix)).toList();
        if (natFacts.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> address = id.equals("messaging") ? value(prefix + "ip") : value(prefix + "address");
        Optional<String> host = id.equals("messaging") ? value(prefix + "host") : Optional.empty();
        return Optional.of(new NetworkAddress(id, description, host, address, value(prefix + "port"), natFacts));
    }

    /**
     * The firewall range and ports to open for the system URLs.
     *
     * @return for development {@code 10.239.67.128/25} to ports 636 and 443; the pages for
     *     integration and deployment give the ports but their range was stripped
     */
    public Firewall firewall() {
        return new Firewall(value("firewall.range"),
                value("firewall.ports").map(v -> Keys.list(v).stream().map(Integer::valueOf).toList()).orElse(List.of()));
    }

    /**
     * MESH endpoints and keystore facts.
     *
     * @return the MESH settings, each part empty where not published
     */
    public MeshSettings mesh() {
        return new MeshSettings(endpoint("mesh.url"), endpoint("mesh.hscn.url"), value("mesh.keystore.path"),
                value("mesh.keystore.alias"));
    }

    /**
     * The maintenance slots per service.
     *
     * @return the schedule; without services when nothing is published (live)
     */
    public MaintenanceSchedule maintenance() {
        List<MaintenanceSchedule.ServiceMaintenance> services = new ArrayList<>();
        Map<String, String> ersNames = new LinkedHashMap<>();
        value("ers.environments").ifPresent(v -> Keys.list(v).forEach(n -> ersNames.put(n.toLowerCase(Locale.ROOT), n)));
        for (Fact f : facts(Purpose.MAINTENANCE)) {
            String service = f.key().substring("maintenance.".length());
            String display = switch (service) {
                case "core" -> "Spine Core";
                case "cis" -> "Spine CIS";
                case "ers" -> "e-RS";
                default -> "e-RS " + ersNames.getOrDefault(service.substring(4),
                        Character.toUpperCase(service.charAt(4)) + service.substring(5));
            };
            services.add(new MaintenanceSchedule.ServiceMaintenance(service, display,
                    MaintenanceWindow.parseAll(f.value()), f));
        }
        return new MaintenanceSchedule(name, services);
    }

    /**
     * Whether a service is certainly in a (weekly) maintenance slot at an instant; shorthand for
     * {@code maintenance().isUnderMaintenance(service, at)}.
     *
     * @param service {@code "Spine Core"}, {@code "Spine CIS"}, {@code "e-RS Dev1"}, or keys {@code core}, {@code cis}, {@code ers.dev1}
     * @param at the instant
     * @return {@code true} inside a weekly slot
     * @throws CatalogException when the environment has no slots for the service
     */
    public boolean isUnderMaintenance(String service, Instant at) {
        return maintenance().isUnderMaintenance(service, at);
    }

    /**
     * The slot in progress at an instant or else the next; shorthand for
     * {@code maintenance().nextWindow(service, at)}.
     *
     * @param service a service name or key
     * @param at the instant
     * @return the occurrence, flagged conditional when it happens only after a live e-RS release
     * @throws CatalogException when the environment has no slots for the service
     */
    public MaintenanceWindow.Occurrence nextWindow(String service, Instant at) {
        return maintenance().nextWindow(service, at);
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
        return new CatalogException("No value for " + Text.quote(key) + " (" + definition(key).description() + ") in environment "
                + Text.quote(name) + ": nothing publishes it. Supply it with system property " + systemProperty(key)
                + ", environment variable " + environmentVariable(key) + ", or the line '" + systemProperty(key)
                + "=...' in an overrides file.");
    }

    Keys.Def definition(String key) {
        return Keys.find(key).orElseThrow(() -> new CatalogException("Unknown catalog key " + Text.quote(key)
               + ": expected one of " + Keys.all().stream().map(Keys.Def::pattern).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return "EnvironmentProfile[" + name + ", " + facts.size() + " facts]";
    }
}
