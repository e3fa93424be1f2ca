package io.spinekit.spring.boot.autoconfigure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code spinekit.cis.*} properties: the {@code CisClient} (sbapi RoleAssertion over the Spine TLS context, CIS2 discovery over public CAs). */
@ConfigurationProperties("spinekit.cis")
public class SpinekitCisProperties {
    /** Whether to configure a CisClient. */
    private boolean enabled = true;

    /** TCP connect timeout. */
    private Duration connectTimeout = Duration.ofSeconds(5);

    /** The longest wait for data once a request is sent. */
    private Duration responseTimeout = Duration.ofSeconds(10);

    /** The longest a whole exchange may take. */
    private Duration requestTimeout = Duration.ofSeconds(30);

    /**
     * Returns: whether to configure a CisClient.
     *
     * @return the value
     */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Sets: whether to configure a CisClient.
     *
     * @param enabled the value
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
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
     * Returns: the longest wait for data once a request is sent.
     *
     * @return the value
     */
    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    /**
     * Sets: the longest wait for data once a request is sent.
     *
     * @param responseTimeout the value
     */
    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    /**
     * Returns: the longest a whole exchange may take.
     *
     * @return the value
     */
    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    /**
     * Sets: the longest a whole exchange may take.
     *
     * @param requestTimeout the value
     */
    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }


}
