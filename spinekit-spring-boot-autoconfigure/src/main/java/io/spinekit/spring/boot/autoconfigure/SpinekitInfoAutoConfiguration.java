package io.spinekit.spring.boot.autoconfigure;

import io.spinekit.env.EnvironmentProfile;
import io.spinekit.env.SpineCatalog;
import io.spinekit.tls.SpineTlsContext;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code spinekit} entry of the {@code info} endpoint: catalog edition, environment, and the
 * client certificate's subject and expiry. Nothing secret.
 */
@AutoConfiguration(after = SpinekitAutoConfiguration.class)
@ConditionalOnClass(InfoContributor.class)
@ConditionalOnBean({SpineCatalog.class, EnvironmentProfile.class, SpineTlsContext.class})
public class SpinekitInfoAutoConfiguration {

    /** Created by Spring. */
    public SpinekitInfoAutoConfiguration() {
    }

    /**
     * The info contributor.
     *
     * @param catalog the catalog
     * @param profile the environment
     * @param tls the Spine TLS context
     * @return the contributor
     */
    @Bean
    @ConditionalOnMissingBean(name = "spinekitInfoContributor")
    public InfoContributor spinekitInfoContributor(SpineCatalog catalog, EnvironmentProfile profile, SpineTlsContext tls) {
        return builder -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("catalogEdition", catalog.edition().toString());
            d.put("environment", profile.name());
            d.put("environmentName", profile.displayName());
            tls.clientIdentity().ifPresent(i -> {
                X509Certificate c = i.certificate();
                d.put("certificateSubject", c.getSubjectX500Principal().getName());
                d.put("certificateNotAfter", c.getNotAfter().toInstant().toString());
            });
            builder.withDetail("spinekit", d);
        };
    }
}
