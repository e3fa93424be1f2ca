package io.spinekit.env;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An address Spine sends from (outbound NAT): allow it in inbound firewall rules. Nothing is ever
 * sent to it.
 *
 * @param id {@code messaging} (all messages) or {@code tokenevents} (CIS token events to registered listeners)
 * @param description what comes from this address
 * @param host the DNS name messages appear to come from, if published
 * @param address the IP address or CIDR range, if published
 * @param port the TCP port, or {@code "any"}, if published
 * @param facts the catalog facts ({@code nat.<id>.*}) with provenance
 */
public record NetworkAddress(String id, String description, Optional<String> host, Optional<String> address,
                             Optional<String> port, List<Fact> facts) {
    /**
     * Checks the parts.
     *
     * @param id the id
     * @param description the description
     * @param host the host
     * @param address the address or range
     * @param port the port
     * @param facts the facts
     */
    public NetworkAddress {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(port, "port");
        facts = List.copyOf(facts);
    }
}
