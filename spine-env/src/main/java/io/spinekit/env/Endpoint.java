package io.spinekit.env;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A URL of an environment with what it is for, its published IP address and its provenance.
 *
 * @param key the catalog key of the URL, such as {@code messaging.sync.url}
 * @param description what the URL is used for, as the NHS pages describe it
 * @param url the URL
 * @param ipAddress the IP address published with it, if any (many PTL hosts moved to AWS and have none)
 * @param provenance where the URL comes from
 * @param source the source description of the URL
 */
public record Endpoint(String key, String description, URI url, Optional<String> ipAddress, Provenance provenance,
                       String source) {
    /**
     * Checks the parts.
     *
     * @param key the key
     * @param description the description
     * @param url the URL
     * @param ipAddress the IP address
     * @param provenance the provenance
     * @param source the source
     */
    public Endpoint {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(ipAddress, "ipAddress");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(source, "source");
    }

    /**
     * The DNS name of the URL.
     *
     * @return for example {@code msg.dev.spine2.ncrs.nhs.uk}
     */
    public String host() {
        return url.getHost();
    }

    /**
     * The TCP port: the URL's explicit port, or the scheme's default (443 https, 80 http, 636 ldaps, 389 ldap).
     *
     * @return the port
     */
    public int port() {
        if (url.getPort() > 0) {
            return url.getPort();
        }
        return switch (url.getScheme().toLowerCase(Locale.ROOT)) {
            case "http" -> 80;
            case "ldaps" -> 636;
            case "ldap" -> 389;
            default -> 443;
        };
    }
}
