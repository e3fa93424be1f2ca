package io.spinekit.env;

import java.util.Objects;
import java.util.Optional;

/**
 * Message Exchange for Social Care and Health (MESH) facts of an environment.
 *
 * @param url the internet-facing MESH URL (served with NHS CA certificates, as the MESH client's CA bundles show), if any; development has none
 * @param hscnUrl the MESH URL over HSCN (deprecated; the development page's "primary URL"), if known
 * @param keystorePath the MESH client keystore path, if published
 * @param keystoreAlias the MESH client keystore name, if published
 */
public record MeshSettings(Optional<Endpoint> url, Optional<Endpoint> hscnUrl, Optional<String> keystorePath,
                           Optional<String> keystoreAlias) {
    /**
     * Checks the parts.
     *
     * @param url the internet URL
     * @param hscnUrl the HSCN URL
     * @param keystorePath the keystore path
     * @param keystoreAlias the keystore name
     */
    public MeshSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(hscnUrl, "hscnUrl");
        Objects.requireNonNull(keystorePath, "keystorePath");
        Objects.requireNonNull(keystoreAlias, "keystoreAlias");
    }
}
