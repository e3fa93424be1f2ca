package io.spinekit.spring.boot.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code spinekit.mesh.*} properties: the {@code MeshClient} (MESH API v2 over mutual TLS). */
@ConfigurationProperties("spinekit.mesh")
public class SpinekitMeshProperties {
    /** Your MESH mailbox id, such as X26ABC1. MESH is configured only when it is set. */
    private String mailbox;

    /** A file holding the mailbox password. */
    private Path passwordFile;

    /** The mailbox password (prefer password-file). */
    private String password;

    /** A file holding the environment's MESH shared key. */
    private Path sharedKeyFile;

    /** The MESH shared key (prefer shared-key-file). */
    private String sharedKey;

    /** The MESH host root (https://host[:port]); default the environment's mesh.url. */
    private String url;

    /** Use the environment's deprecated HSCN MESH URL (mesh.hscn.url) instead of mesh.url. */
    private boolean hscn = false;

    /** TCP connect timeout. */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /** TLS handshake timeout. */
    private Duration handshakeTimeout = Duration.ofSeconds(10);

    /** The longest wait for each read of an answer. */
    private Duration responseTimeout = Duration.ofSeconds(60);

    /**
     * Returns: your MESH mailbox id, such as X26ABC1.
     *
     * @return the value
     */
    public String getMailbox() {
        return mailbox;
    }

    /**
     * Sets: your MESH mailbox id, such as X26ABC1.
     *
     * @param mailbox the value
     */
    public void setMailbox(String mailbox) {
        this.mailbox = mailbox;
    }

    /**
     * Returns: a file holding the mailbox password.
     *
     * @return the value
     */
    public Path getPasswordFile() {
        return passwordFile;
    }

    /**
     * Sets: a file holding the mailbox password.
     *
     * @param passwordFile the value
     */
    public void setPasswordFile(Path passwordFile) {
        this.passwordFile = passwordFile;
    }

    /**
     * Returns: the mailbox password (prefer password-file).
     *
     * @return the value
     */
    public String getPassword() {
        return password;
    }

    /**
     * Sets: the mailbox password (prefer password-file).
     *
     * @param password the value
     */
    public void setPassword(String password) {
        this.password = password;
    }

    /**
     * Returns: a file holding the environment's MESH shared key.
     *
     * @return the value
     */
    public Path getSharedKeyFile() {
        return sharedKeyFile;
    }

    /**
     * Sets: a file holding the environment's MESH shared key.
     *
     * @param sharedKeyFile the value
     */
    public void setSharedKeyFile(Path sharedKeyFile) {
        this.sharedKeyFile = sharedKeyFile;
    }

    /**
     * Returns: the MESH shared key (prefer shared-key-file).
     *
     * @return the value
     */
    public String getSharedKey() {
        return sharedKey;
    }

    /**
     * Sets: the MESH shared key (prefer shared-key-file).
     *
     * @param sharedKey the value
     */
    public void setSharedKey(String sharedKey) {
        this.sharedKey = sharedKey;
    }

    /**
     * Returns: the MESH host root (https://host[:port]).
     *
     * @return the value
     */
    public String getUrl() {
        return url;
    }

    /**
     * Sets: the MESH host root (https://host[:port]).
     *
     * @param url the value
     */
    public void setUrl(String url) {
        this.url = url;
    }

    /**
     * Returns: use the environment's deprecated HSCN MESH URL (mesh.
     *
     * @return the value
     */
    public boolean isHscn() {
        return hscn;
    }

    /**
     * Sets: use the environment's deprecated HSCN MESH URL (mesh.
     *
     * @param hscn the value
     */
    public void setHscn(boolean hscn) {
        this.hscn = hscn;
    }

    /**
     * Returns: tCP connect timeout.
     *
     * @return the value
     */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * Sets: tCP connect timeout.
     *
     * @param connectTimeout the value
     */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /**
     * Returns: tLS handshake timeout.
     *
     * @return the value
     */
    public Duration getHandshakeTimeout() {
        return handshakeTimeout;
    }

    /**
     * Sets: tLS handshake timeout.
     *
     * @param handshakeTimeout the value
     */
    public void setHandshakeTimeout(Duration handshakeTimeout) {
        this.handshakeTimeout = handshakeTimeout;
    }

    /**
     * Returns: the longest wait for each read of an answer.
     *
     * @return the value
     */
    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    /**
     * Sets: the longest wait for each read of an answer.
     *
     * @param responseTimeout the value
     */
    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }


}
