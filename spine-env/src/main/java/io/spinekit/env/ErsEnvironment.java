package io.spinekit.env;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An NHS e-Referral Service (e-RS) sub-environment that uses a Spine environment for messaging,
 * such as Dev1 and Dev3 (development), Int1 (integration), Dep1 and Dep2 (deployment).
 *
 * @param name the name as the NHS pages write it, such as {@code "Dev1"}
 * @param description what it is for, if published
 * @param partyKey its party key, if published
 * @param asid its Accredited System ID, if published
 * @param endpoints its professional webapp, patient webapp, API and messaging URLs with IP addresses, as published
 * @param facts every catalog fact about it ({@code ers.<name>.*}), with provenance
 */
public record ErsEnvironment(String name, Optional<String> description, Optional<PartyKey> partyKey, Optional<Asid> asid,
                             List<Endpoint> endpoints, List<Fact> facts) {
    /**
     * Checks the parts and copies the lists.
     *
     * @param name the name
     * @param description the description
     * @param partyKey the party key
     * @param asid the ASID
     * @param endpoints the endpoints
     * @param facts the facts
     */
    public ErsEnvironment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(partyKey, "partyKey");
        Objects.requireNonNull(asid, "asid");
        endpoints = List.copyOf(endpoints);
        facts = List.copyOf(facts);
    }

    /**
     * The name in catalog keys: {@code ers.<key>.asid}.
     *
     * @return the lower-case name, such as {@code "dev1"}
     */
    public String key() {
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * One endpoint by kind.
     *
     * @param kind {@code professional}, {@code patient}, {@code api} or {@code messaging}
     * @return the endpoint, or empty when not published
     */
    public Optional<Endpoint> endpoint(String kind) {
        String key = "ers." + key() + "." + kind + ".url";
        return endpoints.stream().filter(e -> e.key().equals(key)).findFirst();
    }
}
