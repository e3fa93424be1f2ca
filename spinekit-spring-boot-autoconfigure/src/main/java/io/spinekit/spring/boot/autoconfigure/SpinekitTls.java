package io.spinekit.spring.boot.autoconfigure;

import io.spinekit.core.Text;
import io.spinekit.env.EnvironmentProfile;
import io.spinekit.tls.ClientIdentity;
import io.spinekit.tls.SpineTlsContext;
import io.spinekit.tls.TlsConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

/**
 * Builds the Spine {@link SpineTlsContext} from {@code spinekit.tls.*}: trust from the environment's
 * NHS chain (plus any {@code trust-certificates}), the identity from PEM files, a PKCS#12 file or a
 * Spring SSL bundle. Never touches the JVM's default {@code SSLContext}.
 */
final class SpinekitTls {
    private static final Logger LOG = LoggerFactory.getLogger(SpinekitTls.class);
    private static final String P = "spinekit.tls.";

    private SpinekitTls() {
    }

    static SpineTlsContext build(EnvironmentProfile profile, SpinekitProperties.Tls t, SslBundles bundles) {
        SpineTlsContext.Builder b = SpineTlsContext.builder();
        trust(b, profile, t);
        String source = identity(b, t, bundles);
        AtomicReference<SslBundle> latest = new AtomicReference<>();
        if (t.bundle() != null) {
            latest.set(bundle(bundles, t.bundle()));
            b.clientIdentity(() -> identityOf(latest.get(), t.bundle()), "SSL bundle " + Text.quote(t.bundle()));
        }
        SpineTlsContext tls;
        try {
            tls = b.build();
        } catch (TlsConfigurationException e) {
            throw new SpinekitConfigurationException(P + source, valueOf(t, source), "a client identity spinekit can"
                    + " load: the certificate and its matching private key (RSA of at least 2048 bits or EC)",
                    "Check the files (or bundle) named by spinekit.tls.* and the key's password.", e);
        }
        if (t.bundle() != null) {
            String name = t.bundle();
            bundles.addBundleUpdateHandler(name, renewed -> {
                latest.set(renewed);
                try {
                    tls.reloadIdentity();
                } catch (RuntimeException e) {
                    LOG.warn("SSL bundle {} was updated but its identity cannot be used; keeping the current one: {}",
                            Text.quote(name), e.getMessage());
                }
            });
        }
        return tls;
    }

    private static void trust(SpineTlsContext.Builder b, EnvironmentProfile profile, SpinekitProperties.Tls t) {
        boolean environmentTrust = profile.fact("tls.trust").isPresent();
        if (environmentTrust) {
            try {
                b.trust(profile);
            } catch (TlsConfigurationException e) {
                throw new SpinekitConfigurationException("spinekit.catalog.overrides[" + profile.name() + ".tls.trust]",
                        profile.value("tls.trust").orElse(""), "a comma-separated list of bundled NHS CA ids",
                        "Set it to the environment's CA ids, such as nhs-ptl-root-authority-g2,nhs-int-authentication-g2.", e);
            }
        }
        List<Path> extra = t.trustCertificates() == null ? List.of() : t.trustCertificates();
        for (int i = 0; i < extra.size(); i++) {
            Path pem = extra.get(i);
            try {
                b.trustPem(pem);
            } catch (TlsConfigurationException e) {
                throw new SpinekitConfigurationException(P + "trust-certificates[" + i + "]", String.valueOf(pem),
                        "a readable PEM file of CA certificates", "Point it at the CA file, or remove it.", e);
            }
        }
        if (!environmentTrust && extra.isEmpty()) {
            throw new SpinekitConfigurationException(P + "trust-certificates", SpinekitConfigurationException.NOT_SET,
                    "trust for environment " + Text.quote(profile.name()) + ", which has no tls.trust (NHS CA ids) in"
                            + " the catalog", "Set spinekit.catalog.overrides[" + profile.name() + ".tls.trust]="
                            + "nhs-ptl-root-authority-g2,nhs-int-authentication-g2 (the CAs of its chain), or"
                            + " spinekit.tls.trust-certificates=/path/to/ca.pem for a test PKI.", null);
        }
    }

    /** Sets the file identity, if any; returns the property that names the identity's source. */
    private static String identity(SpineTlsContext.Builder b, SpinekitProperties.Tls t, SslBundles bundles) {
        List<String> given = new ArrayList<>();
        if (t.certificate() != null || t.privateKey() != null) {
            given.add("certificate");
        }
        if (t.keyStore() != null) {
            given.add("key-store");
        }
        if (t.bundle() != null) {
            given.add("bundle");
        }
        if (given.size() > 1) {
            String second = given.get(1);
            throw new SpinekitConfigurationException(P + second, valueOf(t, second), "one client identity source, but "
                    + "spinekit.tls." + String.join(" and spinekit.tls.", given) + " are all set",
                    "Keep one of them: PEM files (certificate, private-key), a PKCS#12 key-store, or an SSL bundle.", null);
        }
        Duration every = t.reloadInterval();
        if (every != null && every.isNegative()) {
            throw new SpinekitConfigurationException(P + "reload-interval", every.toString(),
                    "a positive duration, or 0 for no file watching", "Set it to 1m, say, or 0.", null);
        }
        boolean watch = every != null && !every.isZero();
        if (given.contains("certificate")) {
            if (t.certificate() == null) {
                throw new SpinekitConfigurationException(P + "certificate", SpinekitConfigurationException.NOT_SET,
                        "the endpoint certificate (PEM) that goes with spinekit.tls.private-key",
                        "Set spinekit.tls.certificate=/path/to/endpoint.crt.", null);
            }
            Path key = t.privateKey() == null ? t.certificate() : t.privateKey();
            readable("certificate", t.certificate());
            readable("private-key", key);
            char[] pw = t.keyPassword() == null ? null : t.keyPassword().toCharArray();
            b.clientIdentityPem(t.certificate(), key, pw);
            if (watch) {
                b.reloadIdentityEvery(every);
            }
            return "certificate";
        }
        if (given.contains("key-store")) {
            readable("key-store", t.keyStore());
            char[] pw = t.keyStorePassword() == null ? new char[0] : t.keyStorePassword().toCharArray();
            b.clientIdentityPkcs12(t.keyStore(), pw);
            if (watch) {
                b.reloadIdentityEvery(every);
            }
            return "key-store";
        }
        if (given.contains("bundle") && bundles == null) {
            throw new SpinekitConfigurationException(P + "bundle", t.bundle(), "Spring SSL bundles, which this "
                    + "application context does not have", "Use Spring Boot's SslAutoConfiguration (on by default), or"
                    + " give PEM files with spinekit.tls.certificate and spinekit.tls.private-key.", null);
        }
        return given.isEmpty() ? "certificate" : "bundle";
    }

    private static void readable(String property, Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new SpinekitConfigurationException(P + property, file.toString(), "a readable file, but "
                    + (Files.exists(file) ? "it cannot be read by this process" : "there is no such file"),
                    "Correct the path, or make the file readable by the user the application runs as.", null);
        }
    }

    private static SslBundle bundle(SslBundles bundles, String name) {
        try {
            return bundles.getBundle(name);
        } catch (NoSuchSslBundleException e) {
            List<String> names = new ArrayList<>(bundles.getBundleNames());
            Collections.sort(names);
            throw new SpinekitConfigurationException(P + "bundle", name, "the name of a Spring SSL bundle; known "
                    + "bundles: " + (names.isEmpty() ? "none" : String.join(", ", names)),
                    "Define it with spring.ssl.bundle.pem." + name + ".keystore.certificate and .private-key (or "
                            + "spring.ssl.bundle.jks." + name + ".keystore.location), or correct the name.", e);
        }
    }

    private static String valueOf(SpinekitProperties.Tls t, String property) {
        return switch (property) {
            case "key-store" -> String.valueOf(t.keyStore());
            case "bundle" -> t.bundle();
            default -> t.certificate() == null ? SpinekitConfigurationException.NOT_SET : t.certificate().toString();
        };
    }

    /** The key entry of an SSL bundle as a spinekit identity. */
    static ClientIdentity identityOf(SslBundle bundle, String name) {
        KeyStore ks = bundle.getStores().getKeyStore();
        if (ks == null) {
            throw new TlsConfigurationException("SSL bundle " + Text.quote(name) + " has no key store: give it a "
                    + "keystore (certificate and private-key, or location)");
        }
        try {
            String alias = bundle.getKey().getAlias();
            if (alias == null) {
                for (String a : Collections.list(ks.aliases())) {
                    if (ks.isKeyEntry(a)) {
                        if (alias != null) {
                            throw new TlsConfigurationException("SSL bundle " + Text.quote(name) + " holds several "
                                    + "keys: set spring.ssl.bundle.*." + name + ".key.alias");
                        }
                        alias = a;
                    }
                }
            }
            if (alias == null || !ks.isKeyEntry(alias)) {
                throw new TlsConfigurationException("SSL bundle " + Text.quote(name) + " holds no private key"
                        + (alias == null ? "" : " under alias " + Text.quote(alias)));
            }
            String pw = bundle.getKey().getPassword() != null ? bundle.getKey().getPassword()
                    : bundle.getStores().getKeyStorePassword();
            Key key = ks.getKey(alias, pw == null ? null : pw.toCharArray());
            if (!(key instanceof PrivateKey privateKey)) {
                throw new TlsConfigurationException("SSL bundle " + Text.quote(name) + ": alias " + Text.quote(alias)
                        + " is not a private key");
            }
            List<X509Certificate> chain = new ArrayList<>();
            Certificate[] certificates = ks.getCertificateChain(alias);
            for (Certificate c : certificates == null ? new Certificate[0] : certificates) {
                chain.add((X509Certificate) c);
            }
            return ClientIdentity.of(privateKey, chain);
        } catch (GeneralSecurityException e) {
            throw new TlsConfigurationException("SSL bundle " + Text.quote(name) + ": its key cannot be read ("
                    + e.getClass().getSimpleName() + "): check spring.ssl.bundle.*." + name + ".key.password", e);
        }
    }
}
