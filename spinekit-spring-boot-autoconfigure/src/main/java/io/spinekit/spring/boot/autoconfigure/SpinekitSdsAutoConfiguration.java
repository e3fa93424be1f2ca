package io.spinekit.spring.boot.autoconfigure;

import io.spinekit.env.EnvironmentProfile;
import io.spinekit.ldap.SdsClient;
import io.spinekit.ldap.fhir.SdsFhir;
import io.spinekit.tls.SpineTlsContext;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The {@link SdsClient} from {@code spinekit.sds.*}: LDAPS with the Spine TLS context (servers from
 * the environment's {@code ldap.url} or {@code spinekit.sds.ldap-urls}), or the SDS FHIR API
 * ({@code spinekit.sds.backend=fhir}); every look-up is reported to {@link SpinekitEvents} (the
 * {@code spinekit.sds.lookups} timer) through the client's look-up listener.
 */
@AutoConfiguration(after = SpinekitAutoConfiguration.class)
@ConditionalOnClass(SdsClient.class)
@ConditionalOnBean({EnvironmentProfile.class, SpineTlsContext.class, SpinekitEvents.class})
@ConditionalOnProperty(prefix = "spinekit.sds", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(SpinekitSdsProperties.class)
public class SpinekitSdsAutoConfiguration {
    private static final String P = "spinekit.sds.";

    /** Created by Spring. */
    public SpinekitSdsAutoConfiguration() {
    }

    /**
     * The SDS client; closed on shutdown.
     *
     * @param profile the environment
     * @param tls the Spine TLS context (LDAPS)
     * @param p the properties
     * @param events where each look-up is reported
     * @return the client
     */
    @Bean
    @ConditionalOnMissingBean
    public SdsClient sdsClient(EnvironmentProfile profile, SpineTlsContext tls, SpinekitSdsProperties p,
            SpinekitEvents events) {
        SdsClient.Builder b = SdsClient.builder().profile(profile).lookupListener(e -> events.lookup(e.backend(),
                lower(e.kind()), lower(e.outcome()), lower(e.cache()), e.duration()));
        SpinekitSdsProperties.Cache c = p.cache();
        if (c.enabled()) {
            String x = "a positive duration";
            String fix = "Set a positive duration such as 15m, or remove it for the default.";
            Props.apply(P + "cache.ttl", c.ttl(), x, fix, () -> b.cacheTtl(c.ttl()));
            Props.apply(P + "cache.negative-ttl", c.negativeTtl(), x, fix, () -> b.negativeCacheTtl(c.negativeTtl()));
            Props.apply(P + "cache.stale-if-error", c.staleIfError(), "zero or a positive duration", fix,
                    () -> b.staleIfError(c.staleIfError()));
            Props.apply(P + "cache.maximum-size", c.maximumSize(), "at least 1", "Set it to 10000, say.",
                    () -> b.cacheMaximumSize(c.maximumSize()));
        } else {
            b.noCache();
        }
        if (p.backend() == SpinekitSdsProperties.Backend.FHIR) {
            b.fhir(fhir(p));
        } else {
            b.tls(tls);
            if (!p.ldapUrls().isEmpty()) {
                Props.apply(P + "ldap-urls", p.ldapUrls(), "ldaps://host[:port] URLs", "Correct the URL.",
                        () -> b.ldapUrls(p.ldapUrls()));
            }
            connection(p, b::connectTimeout, b::responseTimeout, b::maxConnections);
        }
        String property = p.backend() == SpinekitSdsProperties.Backend.FHIR ? P + "fhir.base-url" : P + "ldap-urls";
        Object value = p.backend() == SpinekitSdsProperties.Backend.FHIR ? p.fhir().baseUrl()
                : (p.ldapUrls().isEmpty() ? null : p.ldapUrls());
        String key = p.backend() == SpinekitSdsProperties.Backend.FHIR ? "sds.fhir.url" : "ldap.url";
        return Props.apply(property, value, "SDS servers: the environment " + profile.name() + "'s " + key
                + " or this property", "Set " + property + ", or spinekit.catalog.overrides[" + profile.name() + "."
                + key + "].", b::build);
    }

    private static SdsFhir fhir(SpinekitSdsProperties p) {
        SpinekitSdsProperties.Fhir f = p.fhir();
        SdsFhir.Builder b = SdsFhir.builder();
        if (f.baseUrl() != null) {
            Props.apply(P + "fhir.base-url", f.baseUrl(), "an https URL with a host, such as "
                    + "https://int.api.service.nhs.uk/spine-directory/FHIR/R4", "Correct the URL.",
                    () -> b.baseUrl(f.baseUrl()));
        }
        if (f.apiKeyFile() != null && f.apiKey() != null) {
            throw new SpinekitConfigurationException(P + "fhir.api-key", "(secret)", "one API key source, but both "
                    + "spinekit.sds.fhir.api-key-file and spinekit.sds.fhir.api-key are set", "Keep api-key-file.", null);
        }
        if (f.apiKeyFile() != null) {
            Props.apply(P + "fhir.api-key-file", f.apiKeyFile(), "a readable file holding the API key",
                    "Correct the path.", () -> b.apiKeyFile(f.apiKeyFile()));
        } else if (f.apiKey() != null) {
            Props.apply(P + "fhir.api-key", "(secret)", "a non-empty API key", "Set the key.",
                    () -> b.apiKey(f.apiKey().toCharArray()));
        } else {
            throw new SpinekitConfigurationException(P + "fhir.api-key-file", SpinekitConfigurationException.NOT_SET,
                    "the SDS FHIR API key (the apikey header) for spinekit.sds.backend=fhir",
                    "Set spinekit.sds.fhir.api-key-file=/run/secrets/sds-api-key (or spinekit.sds.fhir.api-key).", null);
        }
        connection(p, b::connectTimeout, b::responseTimeout, b::maxConnections);
        Props.apply(P + "fhir.max-retries", f.maxRetries(), "0 or more", "Set it to 2, say.",
                () -> b.maxRetries(f.maxRetries()));
        return Props.apply(P + "fhir.api-key-file", f.apiKeyFile(), "a readable file holding the API key",
                "Correct the path.", b::build);
    }

    /** The connection settings both back-ends take: connect and response timeouts, pool size. */
    private static void connection(SpinekitSdsProperties p, Function<Duration, ?> connect, Function<Duration, ?> response,
            IntFunction<?> pool) {
        Props.apply(P + "connect-timeout", p.connectTimeout(), "a positive duration", "Set it to 5s, say.",
                () -> connect.apply(p.connectTimeout()));
        Props.apply(P + "response-timeout", p.responseTimeout(), "a positive duration", "Set it to 5s, say.",
                () -> response.apply(p.responseTimeout()));
        Props.apply(P + "max-connections", p.maxConnections(), "at least 1", "Set it to 8, say.",
                () -> pool.apply(p.maxConnections()));
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
