package io.spinekit.env;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to open in local firewalls to reach an environment's system URLs (LDAPS, GAS, sbapi,
 * portal), whose IP addresses are not constant since the move to AWS.
 *
 * @param range the IPv4 CIDR range to open, if published (development: {@code 10.239.67.128/25})
 * @param ports the TCP ports to open to it (636 LDAP, 443 sbapi, GAS and portal), empty if not published
 */
public record Firewall(Optional<String> range, List<Integer> ports) {
    /**
     * Checks the parts.
     *
     * @param range the range
     * @param ports the ports
     */
    public Firewall {
        Objects.requireNonNull(range, "range");
        ports = List.copyOf(ports);
    }
}
