package io.spinekit.spring.boot.autoconfigure;

import io.spinekit.core.SpineException;
import io.spinekit.env.CatalogException;
import io.spinekit.env.EnvironmentProfile;
import io.spinekit.env.SpineCatalog;
import io.spinekit.tls.SpineTlsContext;
import java.util.Map;
import java.util.Properties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;

/**
 * The spinekit foundation, configured when {@code spinekit.environment} is set: the
 * {@link SpineCatalog} (bundled data and {@code spinekit.catalog.*} overrides), the environment's
 * {@link EnvironmentProfile}, the Spine {@link SpineTlsContext} ({@code spinekit.tls.*}) and the
 * {@link SpinekitEvents} the metrics read. Each bean backs off when you define your own.
 */
@AutoConfiguration(after = SslAutoConfiguration.class)
@ConditionalOnProperty(prefix = "spinekit", name = "environment")
@EnableConfigurationProperties(SpinekitProperties.class)
public class SpinekitAutoConfiguration {

    /** Created by Spring. */
    public SpinekitAutoConfiguration() {
    }

    /**
     * The catalog: bundled data, the overrides file, {@code spinekit.catalog.overrides}, then (unless
     * {@code system-overrides=false}) JVM system properties and environment variables.
     *
     * @param properties the properties
     * @return the catalog
     */
    @Bean
    @ConditionalOnMissingBean
    public SpineCatalog spineCatalog(SpinekitProperties properties) {
        SpinekitProperties.Catalog c = properties.catalog();
        SpineCatalog.Builder b = SpineCatalog.builder();
        if (c.overridesFile() != null) {
            b.overridesFile(c.overridesFile());
        }
        Properties merged = new Properties();
        for (Map.Entry<String, String> e : c.overrides().entrySet()) {
            merged.setProperty("spinekit." + e.getKey(), e.getValue());
        }
        if (c.systemOverrides()) {
            Properties system = System.getProperties();
            synchronized (system) {
                merged.putAll(system);
            }
            b.environmentVariables(System.getenv());
        }
        b.systemProperties(merged);
        try {
            return b.build();
        } catch (SpineException e) {
            String file = c.overridesFile() == null ? null : c.overridesFile().toString();
            boolean inFile = file != null && e.getMessage() != null && e.getMessage().contains(file);
            String property = inFile ? "spinekit.catalog.overrides-file" : "spinekit.catalog.overrides";
            return failCatalog(property, inFile ? file : String.valueOf(c.overrides().keySet()), e);
        }
    }

    private static SpineCatalog failCatalog(String property, String value, SpineException e) {
        throw new SpinekitConfigurationException(property, value, "catalog overrides ENV.KEY=VALUE with known keys "
                + "and valid values (spine-env's configuration reference lists every key)",
                "Correct the override spinekit named below (the source, the key and the value are in its message).", e);
    }

    /**
     * The profile of {@code spinekit.environment}.
     *
     * @param catalog the catalog
     * @param properties the properties
     * @return the profile
     */
    @Bean
    @ConditionalOnMissingBean
    public EnvironmentProfile spineEnvironmentProfile(SpineCatalog catalog, SpinekitProperties properties) {
        String name = properties.environment();
        try {
            return catalog.profile(name.trim());
        } catch (CatalogException e) {
            throw new SpinekitConfigurationException("spinekit.environment", name, "a standard Spine environment "
                    + "(development, integration, deployment, live; or dev, int, dep) or a custom one defined by "
                    + "catalog overrides", "Set spinekit.environment=integration, say; for a custom environment "
                    + "define it first, such as spinekit.catalog.overrides[" + customName(name) + ".ldap.url]="
                    + "ldaps://localhost:10636.", e);
        }
    }

    private static String customName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT);
        return n.matches("[a-z0-9-]+") ? n : "local-mock";
    }

    /**
     * The Spine TLS context: the environment's NHS trust, {@code spinekit.tls.trust-certificates},
     * and the identity from {@code spinekit.tls.*} or the SSL bundle {@code spinekit.tls.bundle}.
     *
     * @param profile the environment
     * @param properties the properties
     * @param bundles Spring's SSL bundles, when configured
     * @return the context
     */
    @Bean
    @ConditionalOnMissingBean
    public SpineTlsContext spineTlsContext(EnvironmentProfile profile, SpinekitProperties properties,
            ObjectProvider<SslBundles> bundles) {
        return SpinekitTls.build(profile, properties.tls(), bundles.getIfAvailable());
    }

    /**
     * The events the auto-configured beans report.
     *
     * @return the events
     */
    @Bean
    @ConditionalOnMissingBean
    public SpinekitEvents spinekitEvents() {
        return new SpinekitEvents();
    }
}
