package io.spinekit.spring.boot.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code spinekit.mesh.*} properties: the {@code MeshClient} (MESH API v2 over mutual TLS).
 *
 * @param mailbox Your MESH mailbox id, such as X26ABC1. MESH is configured only when it is set.
 * @param password The mailbox password (prefer password-file).
 * @param passwordFile A file holding the mailbox password.
 * @param sharedKey The MESH shared key (prefer shared-key-file).
 * @param sharedKeyFile A file holding the environment's MESH shared key.
 * @param url The MESH host root (https://host[:port]); default the environment's mesh.url.
 * @param hscn Use the environment's deprecated HSCN MESH URL (mesh.hscn.url) instead of mesh.url.
 * @param connectTimeout TCP connect timeout.
 * @param handshakeTimeout TLS handshake timeout.
 * @param responseTimeout The longest wait for each read of an answer.
 */
@ConfigurationProperties("spinekit.mesh")
public record SpinekitMeshProperties(String mailbox, Path passwordFile, String password, Path sharedKeyFile,
        String sharedKey, String url, @DefaultValue("false") boolean hscn, @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("10s") Duration handshakeTimeout, @DefaultValue("60s") Duration responseTimeout) {

    /**
     * Without secrets.
     *
     * @return the settings, the password and shared key shown as {@code (secret)}
     */
    @Override
    public String toString() {
        return "SpinekitMeshProperties[mailbox=" + mailbox + ", passwordFile=" + passwordFile + ", password="
                + (password == null ? null : "(secret)") + ", sharedKeyFile=" + sharedKeyFile + ", sharedKey="
                + (sharedKey == null ? null : "(secret)") + ", url=" + url + ", hscn=" + hscn + "]";
    }
}
