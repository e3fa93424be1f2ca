package io.spinekit.spring.boot.autoconfigure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code spinekit.cis.*} properties: the {@code CisClient} (sbapi RoleAssertion over the Spine
 * TLS context, CIS2 discovery over public CAs).
 *
 * @param enabled Whether to configure a CisClient.
 * @param connectTimeout TCP connect timeout.
 * @param responseTimeout The longest wait for data once a request is sent.
 * @param requestTimeout The longest a whole exchange may take.
 */
@ConfigurationProperties("spinekit.cis")
public record SpinekitCisProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration responseTimeout, @DefaultValue("30s") Duration requestTimeout) {
}
