package io.spinekit.spring.boot.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * The {@code spinekit.*} properties shared by every spinekit bean: the environment, catalog
 * overrides and the Spine TLS identity. Each client has its own group ({@code spinekit.sds},
 * {@code spinekit.cis}, {@code spinekit.messaging}, {@code spinekit.mesh}).
 *
 * @param environment The Spine environment: a standard one by any of its names (development,
 *     integration, deployment, live; dev, int, dep) or a custom one defined by catalog overrides
 *     (such as local-mock). Nothing is configured until it is set.
 * @param catalog catalog overrides
 * @param tls the Spine TLS context
 */
@ConfigurationProperties("spinekit")
public record SpinekitProperties(String environment, @DefaultValue Catalog catalog, @DefaultValue Tls tls) {

    /**
     * Catalog overrides: the facts spinekit's bundled environment catalog does not hold or holds wrongly.
     *
     * @param overrides Overrides by ENV.KEY, such as
     *     spinekit.catalog.overrides[local-mock.ldap.url]=ldaps://localhost:10636. Applied after the
     *     overrides file; JVM system properties spinekit.ENV.KEY and environment variables
     *     SPINEKIT_ENV_KEY still win when system-overrides is true.
     * @param overridesFile A file of overrides, lines spinekit.ENV.KEY=VALUE (UTF-8, # comments), as
     *     spine-env reads it.
     * @param systemOverrides Whether JVM system properties (spinekit.ENV.KEY) and environment
     *     variables (SPINEKIT_ENV_KEY) override the catalog too, as SpineCatalog.load() does.
     */
    public record Catalog(Path overridesFile, Map<String, String> overrides, @DefaultValue("true") boolean systemOverrides) {
        /**
         * Copies the overrides.
         *
         * @param overridesFile the file, or {@code null}
         * @param overrides the overrides, or {@code null} for none
         * @param systemOverrides the flag
         */
        public Catalog {
            overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
        }
    }

    /**
     * The Spine TLS context: the environment's NHS trust and your endpoint certificate. Give the
     * identity as PEM files (certificate, private-key, key-password), as a PKCS#12 key store
     * (key-store, key-store-password), or as a Spring SSL bundle (bundle): one of the three.
     *
     * @param certificate The endpoint certificate (then any intermediates), PEM.
     * @param privateKey The private key of the certificate, PEM (PKCS#1, PKCS#8 or encrypted
     *     PKCS#8); default the certificate's file.
     * @param keyPassword The private key's passphrase, when the key is encrypted.
     * @param keyStore A PKCS#12 key store holding the one key entry (instead of PEM files).
     * @param keyStorePassword The PKCS#12 key store's password (also the key's).
     * @param bundle The name of a Spring SSL bundle (spring.ssl.bundle.pem.NAME or
     *     spring.ssl.bundle.jks.NAME) whose key is the endpoint identity. With the bundle's
     *     reload-on-update, a renewed certificate is used without a restart. The bundle's trust
     *     store is not used: Spine trust stays the environment's NHS chain.
     * @param reloadInterval How often handshakes look at the PEM or PKCS#12 files for a renewal
     *     (modification time and size); zero turns it off. Not used with a bundle (the bundle says
     *     when it changed).
     * @param trustCertificates Extra trust anchors, PEM files, added to the environment's NHS chain:
     *     for a test PKI or a custom environment without tls.trust.
     * @param expiryWarning How long before expiry the certificate health warns (details warning); a
     *     bare number is days.
     */
    public record Tls(Path certificate, Path privateKey, String keyPassword, Path keyStore, String keyStorePassword,
            String bundle, @DefaultValue("1m") Duration reloadInterval, List<Path> trustCertificates,
            @DefaultValue("30d") @DurationUnit(ChronoUnit.DAYS) Duration expiryWarning) {
        /**
         * Copies the trust list.
         *
         * @param certificate certificate
         * @param privateKey private key
         * @param keyPassword key password
         * @param keyStore key store
         * @param keyStorePassword key store password
         * @param bundle bundle
         * @param reloadInterval reload interval
         * @param trustCertificates trust certificates, or {@code null} for none
         * @param expiryWarning expiry warning
         */
        public Tls {
            trustCertificates = trustCertificates == null ? List.of() : List.copyOf(trustCertificates);
        }

        /**
         * Without secrets.
         *
         * @return the settings, passwords shown as {@code (secret)}
         */
        @Override
        public String toString() {
            return "Tls[certificate=" + certificate + ", privateKey=" + privateKey + ", keyPassword="
                    + (keyPassword == null ? null : "(secret)") + ", keyStore=" + keyStore + ", keyStorePassword="
                    + (keyStorePassword == null ? null : "(secret)") + ", bundle=" + bundle + ", reloadInterval="
                    + reloadInterval + ", trustCertificates=" + trustCertificates + ", expiryWarning=" + expiryWarning + "]";
        }
    }
}
