package io.spinekit.spring.boot.autoconfigure;

import io.spinekit.cis.CisClient;
import io.spinekit.env.EnvironmentProfile;
import io.spinekit.tls.SpineTlsContext;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The {@link CisClient} from {@code spinekit.cis.*}: the environment's CIS URLs, sbapi over the Spine
 * TLS context, CIS2 over the JVM's public trust only (kept apart from the NHS chain).
 */
@AutoConfiguration(after = SpinekitAutoConfiguration.class)
@ConditionalOnClass(CisClient.class)
@ConditionalOnBean({EnvironmentProfile.class, SpineTlsContext.class})
@ConditionalOnProperty(prefix = "spinekit.cis", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(SpinekitCisProperties.class)
public class SpinekitCisAutoConfiguration {
    private static final String P = "spinekit.cis.";
    private static final String RANGE = "a duration between 1 ms and 5 minutes";

    /** Created by Spring. */
    public SpinekitCisAutoConfiguration() {
    }

    /**
     * The CIS client; closed on shutdown.
     *
     * @param profile the environment
     * @param tls the Spine TLS context
     * @param p the properties
     * @return the client
     */
    @Bean
    @ConditionalOnMissingBean
    public CisClient cisClient(EnvironmentProfile profile, SpineTlsContext tls, SpinekitCisProperties p) {
        CisClient.Builder b = CisClient.builder().profile(profile).spineTls(tls);
        Props.apply(P + "connect-timeout", p.connectTimeout(), RANGE, "Set it to 5s, say.",
                () -> b.connectTimeout(p.connectTimeout()));
        Props.apply(P + "response-timeout", p.responseTimeout(), RANGE, "Set it to 10s, say.",
                () -> b.responseTimeout(p.responseTimeout()));
        Props.apply(P + "request-timeout", p.requestTimeout(), RANGE, "Set it to 30s, say.",
                () -> b.requestTimeout(p.requestTimeout()));
        return b.build();
    }
}
