package io.spinekit.spring.boot.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code spinekit.sds.*} properties: the {@code SdsClient} (Spine Directory Service look-ups).
 *
 * @param enabled Whether to configure an SdsClient.
 * @param backend The back-end: ldap (LDAPS, the default) or fhir (the SDS FHIR API).
 * @param ldapUrls LDAP servers in failover order (ldaps://host[:port]); default the environment's ldap.url.
 * @param connectTimeout TCP connect timeout (LDAP: each server; FHIR: the API).
 * @param responseTimeout The longest wait for an answer.
 * @param maxConnections Pooled connections.
 * @param cache the look-up cache
 * @param fhir the SDS FHIR API back-end
 * @param health the spinekitSds health contributor
 */
@ConfigurationProperties("spinekit.sds")
public record SpinekitSdsProperties(@DefaultValue("true") boolean enabled, @DefaultValue("ldap") Backend backend,
        List<String> ldapUrls, @DefaultValue("5s") Duration connectTimeout, @DefaultValue("5s") Duration responseTimeout,
        @DefaultValue("8") int maxConnections, @DefaultValue Cache cache, @DefaultValue Fhir fhir,
        @DefaultValue Health health) {

    /**
     * Copies the URLs.
     *
     * @param enabled enabled
     * @param backend backend
     * @param ldapUrls LDAP URLs, or {@code null} for the environment's
     * @param connectTimeout connect timeout
     * @param responseTimeout response timeout
     * @param maxConnections pool size
     * @param cache cache
     * @param fhir FHIR
     * @param health health
     */
    public SpinekitSdsProperties {
        ldapUrls = ldapUrls == null ? List.of() : List.copyOf(ldapUrls);
    }

    /** Which SDS back-end answers. */
    public enum Backend {
        /** LDAPS with the Spine TLS context (the default). */
        LDAP,
        /** The SDS FHIR API, internet-facing, with an API key and public CAs. */
        FHIR
    }

    /**
     * The look-up cache (both back-ends).
     *
     * @param enabled Whether look-ups are cached.
     * @param ttl How long an answer is fresh.
     * @param negativeTtl How long an empty answer (not found) is fresh.
     * @param staleIfError How long past its time to live an answer is served when SDS cannot be reached.
     * @param maximumSize The most entries held.
     */
    public record Cache(@DefaultValue("true") boolean enabled, @DefaultValue("15m") Duration ttl,
            @DefaultValue("1m") Duration negativeTtl, @DefaultValue("1h") Duration staleIfError,
            @DefaultValue("10000") long maximumSize) {
    }

    /**
     * The SDS FHIR API back-end (backend=fhir).
     *
     * @param baseUrl The API base URL; default the environment's sds.fhir.url.
     * @param apiKey The API key itself.
     * @param apiKeyFile A file holding the API key (preferred to api-key: the key stays out of configuration).
     * @param maxRetries Retries of a 429 or 5xx answer.
     */
    public record Fhir(String baseUrl, Path apiKeyFile, String apiKey, @DefaultValue("2") int maxRetries) {
        /**
         * Without the key.
         *
         * @return the settings, the key shown as {@code (secret)}
         */
        @Override
        public String toString() {
            return "Fhir[baseUrl=" + baseUrl + ", apiKeyFile=" + apiKeyFile + ", apiKey="
                    + (apiKey == null ? null : "(secret)") + ", maxRetries=" + maxRetries + "]";
        }
    }

    /**
     * The spinekitSds health contributor.
     *
     * @param timeout The most one check may take (connect, TLS, one LDAP read of the root DSE).
     * @param cacheFor How long a check's result is reused, so a health probe cannot hammer SDS.
     */
    public record Health(@DefaultValue("5s") Duration timeout, @DefaultValue("30s") Duration cacheFor) {
    }
}
