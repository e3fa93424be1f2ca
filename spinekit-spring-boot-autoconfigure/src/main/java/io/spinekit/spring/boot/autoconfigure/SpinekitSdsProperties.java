package io.spinekit.spring.boot.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code spinekit.sds.*} properties: the {@code SdsClient} (Spine Directory Service look-ups). */
@ConfigurationProperties("spinekit.sds")
public class SpinekitSdsProperties {
    /** Which SDS back-end answers. */
    public enum Backend {
        /** LDAPS with the Spine TLS context (the default). */
        LDAP,
        /** The SDS FHIR API, internet-facing, with an API key and public CAs. */
        FHIR
    }

    /** Whether to configure an SdsClient. */
    private boolean enabled = true;

    /** The back-end: ldap (LDAPS, the default) or fhir (the SDS FHIR API). */
    private Backend backend = Backend.LDAP;

    /** LDAP servers in failover order (ldaps://host[:port]); default the environment's ldap.url. */
    private List<String> ldapUrls = new ArrayList<>();

    /** TCP connect timeout (LDAP: each server; FHIR: the API). */
    private Duration connectTimeout = Duration.ofSeconds(5);

    /** The longest wait for an answer. */
    private Duration responseTimeout = Duration.ofSeconds(5);

    /** Pooled connections. */
    private int maxConnections = 8;

    private final Cache cache = new Cache();

    private final Fhir fhir = new Fhir();

    private final Health health = new Health();

    /**
     * Whether enabled.
     *
     * @return the flag
     */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Sets whether enabled.
     *
     * @param enabled the flag
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * The back-end.
     *
     * @return the back-end
     */
    public Backend getBackend() {
        return backend;
    }

    /**
     * Sets the back-end.
     *
     * @param backend the back-end
     */
    public void setBackend(Backend backend) {
        this.backend = backend;
    }

    /**
     * The LDAP URLs.
     *
     * @return the URLs
     */
    public List<String> getLdapUrls() {
        return ldapUrls;
    }

    /**
     * Sets the LDAP URLs.
     *
     * @param ldapUrls the URLs
     */
    public void setLdapUrls(List<String> ldapUrls) {
        this.ldapUrls = ldapUrls;
    }

    /**
     * The connect timeout.
     *
     * @return the timeout
     */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * Sets the connect timeout.
     *
     * @param connectTimeout the timeout
     */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /**
     * The response timeout.
     *
     * @return the timeout
     */
    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    /**
     * Sets the response timeout.
     *
     * @param responseTimeout the timeout
     */
    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    /**
     * The pool size.
     *
     * @return the pool size
     */
    public int getMaxConnections() {
        return maxConnections;
    }

    /**
     * Sets the pool size.
     *
     * @param maxConnections the pool size
     */
    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    /**
     * The cache settings.
     *
     * @return the cache settings
     */
    public Cache getCache() {
        return cache;
    }

    /**
     * The FHIR settings.
     *
     * @return the FHIR settings
     */
    public Fhir getFhir() {
        return fhir;
    }

    /**
     * The health check settings.
     *
     * @return the health settings
     */
    public Health getHealth() {
        return health;
    }

    /** The look-up cache (both back-ends). */
    public static class Cache {
        /** Whether look-ups are cached. */
        private boolean enabled = true;

        /** How long an answer is fresh. */
        private Duration ttl = Duration.ofMinutes(15);

        /** How long an empty answer (not found) is fresh. */
        private Duration negativeTtl = Duration.ofMinutes(1);

        /** How long past its time to live an answer is served when SDS cannot be reached. */
        private Duration staleIfError = Duration.ofHours(1);

        /** The most entries held. */
        private long maximumSize = 10_000;

        /**
         * Whether enabled.
         *
         * @return the flag
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether enabled.
         *
         * @param enabled the flag
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * The time to live.
         *
         * @return the time to live
         */
        public Duration getTtl() {
            return ttl;
        }

        /**
         * Sets the time to live.
         *
         * @param ttl the time to live
         */
        public void setTtl(Duration ttl) {
            this.ttl = ttl;
        }

        /**
         * The negative time to live.
         *
         * @return the time to live of empty answers
         */
        public Duration getNegativeTtl() {
            return negativeTtl;
        }

        /**
         * Sets the negative time to live.
         *
         * @param negativeTtl the time to live of empty answers
         */
        public void setNegativeTtl(Duration negativeTtl) {
            this.negativeTtl = negativeTtl;
        }

        /**
         * The stale-if-error window.
         *
         * @return the window
         */
        public Duration getStaleIfError() {
            return staleIfError;
        }

        /**
         * Sets the stale-if-error window.
         *
         * @param staleIfError the window
         */
        public void setStaleIfError(Duration staleIfError) {
            this.staleIfError = staleIfError;
        }

        /**
         * The maximum size.
         *
         * @return entries
         */
        public long getMaximumSize() {
            return maximumSize;
        }

        /**
         * Sets the maximum size.
         *
         * @param maximumSize entries
         */
        public void setMaximumSize(long maximumSize) {
            this.maximumSize = maximumSize;
        }
    }

    /** The SDS FHIR API back-end (backend=fhir). */
    public static class Fhir {
        /** The API base URL; default the environment's sds.fhir.url. */
        private String baseUrl;

        /** A file holding the API key (preferred to api-key: the key stays out of configuration). */
        private Path apiKeyFile;

        /** The API key itself. */
        private String apiKey;

        /** Retries of a 429 or 5xx answer. */
        private int maxRetries = 2;

        /**
         * The base URL.
         *
         * @return the URL, or {@code null}
         */
        public String getBaseUrl() {
            return baseUrl;
        }

        /**
         * Sets the base URL.
         *
         * @param baseUrl the URL
         */
        public void setBaseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        /**
         * The API key file.
         *
         * @return the file, or {@code null}
         */
        public Path getApiKeyFile() {
            return apiKeyFile;
        }

        /**
         * Sets the API key file.
         *
         * @param apiKeyFile the file
         */
        public void setApiKeyFile(Path apiKeyFile) {
            this.apiKeyFile = apiKeyFile;
        }

        /**
         * The API key.
         *
         * @return the key, or {@code null}
         */
        public String getApiKey() {
            return apiKey;
        }

        /**
         * Sets the API key.
         *
         * @param apiKey the key
         */
        public void setApiKey(String apiKey) {
            this.apiKey = apiKey;
        }

        /**
         * The retries.
         *
         * @return the retries
         */
        public int getMaxRetries() {
            return maxRetries;
        }

        /**
         * Sets the retries.
         *
         * @param maxRetries the retries
         */
        public void setMaxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
        }
    }

    /** The spinekitSds health contributor. */
    public static class Health {
        /** The most one check may take (connect, TLS, one LDAP read of the root DSE). */
        private Duration timeout = Duration.ofSeconds(5);

        /** How long a check's result is reused, so a health probe cannot hammer SDS. */
        private Duration cacheFor = Duration.ofSeconds(30);

        /**
         * The check deadline.
         *
         * @return the deadline
         */
        public Duration getTimeout() {
            return timeout;
        }

        /**
         * Sets the check deadline.
         *
         * @param timeout the deadline
         */
        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        /**
         * How long a result is reused.
         *
         * @return the duration
         */
        public Duration getCacheFor() {
            return cacheFor;
        }

        /**
         * Sets how long a result is reused.
         *
         * @param cacheFor the duration
         */
        public void setCacheFor(Duration cacheFor) {
            this.cacheFor = cacheFor;
        }
    }
}
