package io.spinekit.spring.boot.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * The {@code spinekit.*} properties shared by every spinekit bean: the environment, catalog
 * overrides and the Spine TLS identity. Each client has its own group ({@code spinekit.sds},
 * {@code spinekit.cis}, {@code spinekit.messaging}, {@code spinekit.mesh}).
 */
@ConfigurationProperties("spinekit")
public class SpinekitProperties {
    /**
     * The Spine environment: a standard one by any of its names (development, integration,
     * deployment, live; dev, int, dep) or a custom one defined by catalog overrides (such as
     * local-mock). Nothing is configured until it is set.
     */
    private String environment;

    private final Catalog catalog = new Catalog();

    private final Tls tls = new Tls();

    /**
     * The environment name.
     *
     * @return the name, or {@code null} when not set
     */
    public String getEnvironment() {
        return environment;
    }

    /**
     * Sets the environment name.
     *
     * @param environment the name
     */
    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    /**
     * The catalog settings.
     *
     * @return the catalog settings
     */
    public Catalog getCatalog() {
        return catalog;
    }

    /**
     * The TLS settings.
     *
     * @return the TLS settings
     */
    public Tls getTls() {
        return tls;
    }

    /** Catalog overrides: the facts spinekit's bundled environment catalog does not hold or holds wrongly. */
    public static class Catalog {
        /**
         * A file of overrides, lines spinekit.ENV.KEY=VALUE (UTF-8, # comments), as spine-env reads it.
         */
        private Path overridesFile;

        /**
         * Overrides by ENV.KEY, such as spinekit.catalog.overrides[local-mock.ldap.url]=ldaps://localhost:10636.
         * Applied after the overrides file; JVM system properties spinekit.ENV.KEY and environment
         * variables SPINEKIT_ENV_KEY still win when system-overrides is true.
         */
        private Map<String, String> overrides = new LinkedHashMap<>();

        /**
         * Whether JVM system properties (spinekit.ENV.KEY) and environment variables
         * (SPINEKIT_ENV_KEY) override the catalog too, as SpineCatalog.load() does.
         */
        private boolean systemOverrides = true;

        /**
         * The overrides file.
         *
         * @return the file, or {@code null}
         */
        public Path getOverridesFile() {
            return overridesFile;
        }

        /**
         * Sets the overrides file.
         *
         * @param overridesFile the file
         */
        public void setOverridesFile(Path overridesFile) {
            this.overridesFile = overridesFile;
        }

        /**
         * The overrides by {@code ENV.KEY}.
         *
         * @return the overrides
         */
        public Map<String, String> getOverrides() {
            return overrides;
        }

        /**
         * Sets the overrides.
         *
         * @param overrides the overrides by {@code ENV.KEY}
         */
        public void setOverrides(Map<String, String> overrides) {
            this.overrides = overrides;
        }

        /**
         * Whether system properties and environment variables override the catalog.
         *
         * @return {@code true} by default
         */
        public boolean isSystemOverrides() {
            return systemOverrides;
        }

        /**
         * Sets whether system properties and environment variables override the catalog.
         *
         * @param systemOverrides the flag
         */
        public void setSystemOverrides(boolean systemOverrides) {
            this.systemOverrides = systemOverrides;
        }
    }

    /**
     * The Spine TLS context: the environment's NHS trust and your endpoint certificate. Give the
     * identity as PEM files (certificate, private-key, key-password), as a PKCS#12 key store
     * (key-store, key-store-password), or as a Spring SSL bundle (bundle): one of the three.
     */
    public static class Tls {
        /** The endpoint certificate (then any intermediates), PEM. */
        private Path certificate;

        /** The private key of the certificate, PEM (PKCS#1, PKCS#8 or encrypted PKCS#8); may be the certificate's file. */
        private Path privateKey;

        /** The private key's passphrase, when the key is encrypted. */
        private String keyPassword;

        /** A PKCS#12 key store holding the one key entry (instead of PEM files). */
        private Path keyStore;

        /** The PKCS#12 key store's password (also the key's). */
        private String keyStorePassword;

        /**
         * The name of a Spring SSL bundle (spring.ssl.bundle.pem.NAME or spring.ssl.bundle.jks.NAME)
         * whose key is the endpoint identity. With the bundle's reload-on-update, a renewed
         * certificate is used without a restart. The bundle's trust store is not used: Spine trust
         * stays the environment's NHS chain.
         */
        private String bundle;

        /**
         * How often handshakes look at the PEM or PKCS#12 files for a renewal (modification time and
         * size); zero turns it off. Not used with a bundle (the bundle says when it changed).
         */
        private Duration reloadInterval = Duration.ofMinutes(1);

        /**
         * Extra trust anchors, PEM files, added to the environment's NHS chain: for a test PKI or a
         * custom environment without tls.trust.
         */
        private List<Path> trustCertificates = new ArrayList<>();

        /** How long before expiry the certificate health warns (details warning); a bare number is days. */
        @DurationUnit(ChronoUnit.DAYS)
        private Duration expiryWarning = Duration.ofDays(30);

        /**
         * The certificate file.
         *
         * @return the file, or {@code null}
         */
        public Path getCertificate() {
            return certificate;
        }

        /**
         * Sets the certificate file.
         *
         * @param certificate the file
         */
        public void setCertificate(Path certificate) {
            this.certificate = certificate;
        }

        /**
         * The private key file.
         *
         * @return the file, or {@code null}
         */
        public Path getPrivateKey() {
            return privateKey;
        }

        /**
         * Sets the private key file.
         *
         * @param privateKey the file
         */
        public void setPrivateKey(Path privateKey) {
            this.privateKey = privateKey;
        }

        /**
         * The key passphrase.
         *
         * @return the passphrase, or {@code null}
         */
        public String getKeyPassword() {
            return keyPassword;
        }

        /**
         * Sets the key passphrase.
         *
         * @param keyPassword the passphrase
         */
        public void setKeyPassword(String keyPassword) {
            this.keyPassword = keyPassword;
        }

        /**
         * The PKCS#12 key store.
         *
         * @return the file, or {@code null}
         */
        public Path getKeyStore() {
            return keyStore;
        }

        /**
         * Sets the PKCS#12 key store.
         *
         * @param keyStore the file
         */
        public void setKeyStore(Path keyStore) {
            this.keyStore = keyStore;
        }

        /**
         * The key store password.
         *
         * @return the password, or {@code null}
         */
        public String getKeyStorePassword() {
            return keyStorePassword;
        }

        /**
         * Sets the key store password.
         *
         * @param keyStorePassword the password
         */
        public void setKeyStorePassword(String keyStorePassword) {
            this.keyStorePassword = keyStorePassword;
        }

        /**
         * The SSL bundle name.
         *
         * @return the name, or {@code null}
         */
        public String getBundle() {
            return bundle;
        }

        /**
         * Sets the SSL bundle name.
         *
         * @param bundle the name
         */
        public void setBundle(String bundle) {
            this.bundle = bundle;
        }

        /**
         * The file reload interval.
         *
         * @return the interval; zero for none
         */
        public Duration getReloadInterval() {
            return reloadInterval;
        }

        /**
         * Sets the file reload interval.
         *
         * @param reloadInterval the interval; zero for none
         */
        public void setReloadInterval(Duration reloadInterval) {
            this.reloadInterval = reloadInterval;
        }

        /**
         * The extra trust anchors.
         *
         * @return PEM files
         */
        public List<Path> getTrustCertificates() {
            return trustCertificates;
        }

        /**
         * Sets the extra trust anchors.
         *
         * @param trustCertificates PEM files
         */
        public void setTrustCertificates(List<Path> trustCertificates) {
            this.trustCertificates = trustCertificates;
        }

        /**
         * The expiry warning threshold.
         *
         * @return the threshold
         */
        public Duration getExpiryWarning() {
            return expiryWarning;
        }

        /**
         * Sets the expiry warning threshold.
         *
         * @param expiryWarning the threshold
         */
        public void setExpiryWarning(Duration expiryWarning) {
            this.expiryWarning = expiryWarning;
        }
    }
}
