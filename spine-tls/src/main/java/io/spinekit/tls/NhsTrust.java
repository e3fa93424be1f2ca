package io.spinekit.tls;

import io.spinekit.core.Text;
import io.spinekit.env.EnvironmentProfile;
import io.spinekit.env.SpineCatalog;
import io.spinekit.env.SpineEnvironment;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The NHS trust for each Spine environment, and explanations for chains it does not cover.
 *
 * <p>Spine trust is kept apart from the JVM's public web trust: nothing here reads or changes the
 * JVM's {@code cacerts}, and {@link SpineTlsContext.Builder} trusts only what it is told to (it can
 * add the JVM's public roots on purpose with {@link SpineTlsContext.Builder#addJvmDefaultTrust()}).
 * Stateless and thread-safe.
 */
final class NhsTrust {
    private NhsTrust() {
    }

    /**
     * The bundled default trust of a standard environment (FACTS section 2): DEV trusts the G1 PTL
     * root and NHS DEV Level 1C plus the G2 PTL root and NHS INT Authentication G2; INT and DEP trust
     * the G2 PTL root and NHS INT Authentication G2 plus the G1 PTL root and their own G1 Level 1C;
     * LIVE trusts only NHS Root Authority G2 and NHS Authentication G2.
     *
     * <p>The environment catalog's {@code tls.trust} value is the same list by default and can
     * override it; prefer {@link SpineTlsContext.Builder#environment(SpineEnvironment)}, which reads the
     * catalog.
     *
     * @param environment the environment
     * @return the CAs, G2 first for INT, DEP and LIVE
     */
    static List<NhsCertificateAuthority> defaultsFor(SpineEnvironment environment) {
        Objects.requireNonNull(environment, "environment");
        return switch (environment) {
            case DEVELOPMENT -> List.of(NhsCertificateAuthority.PTL_ROOT_G1, NhsCertificateAuthority.DEV_LEVEL_1C,
                    NhsCertificateAuthority.PTL_ROOT_G2, NhsCertificateAuthority.INT_AUTHENTICATION_G2);
            case INTEGRATION -> List.of(NhsCertificateAuthority.PTL_ROOT_G2, NhsCertificateAuthority.INT_AUTHENTICATION_G2,
                    NhsCertificateAuthority.PTL_ROOT_G1, NhsCertificateAuthority.INT_LEVEL_1C);
            case DEPLOYMENT -> List.of(NhsCertificateAuthority.PTL_ROOT_G2, NhsCertificateAuthority.INT_AUTHENTICATION_G2,
                    NhsCertificateAuthority.PTL_ROOT_G1, NhsCertificateAuthority.DEP_LEVEL_1C);
            case LIVE -> List.of(NhsCertificateAuthority.ROOT_G2, NhsCertificateAuthority.AUTHENTICATION_G2);
        };
    }

    /**
     * The CAs a profile trusts: its {@code tls.trust} list, or for a standard environment whose list is
     * empty, {@link #defaultsFor(SpineEnvironment)}.
     *
     * @param profile an environment profile
     * @return the CAs in order
     * @throws TlsConfigurationException if a custom environment has no {@code tls.trust}, or the list
     *     names an unknown or expired CA
     */
    static List<NhsCertificateAuthority> forProfile(EnvironmentProfile profile) {
        Objects.requireNonNull(profile, "profile");
        List<String> ids = profile.trustChain();
        if (!ids.isEmpty()) {
            return resolve(ids, profile.name() + " tls.trust");
        }
        if (profile.environment().isEmpty()) {
            throw new TlsConfigurationException("Environment " + Text.quote(profile.name()) + " has no tls.trust; set "
                    + profile.systemProperty("tls.trust") + " (or " + profile.environmentVariable("tls.trust")
                    + ") to comma-separated CA ids such as nhs-ptl-root-authority-g2,nhs-int-authentication-g2,"
                    + " or give the trust explicitly");
        }
        return defaultsFor(profile.environment().get());
    }

    /**
     * The CAs a standard environment trusts according to {@link SpineCatalog#load()} (bundled data plus
     * overrides).
     *
     * @param environment the environment
     * @return the CAs in order
     */
    static List<NhsCertificateAuthority> forEnvironment(SpineEnvironment environment) {
        return forProfile(SpineCatalog.load().profile(Objects.requireNonNull(environment, "environment")));
    }

    /**
     * Resolves a {@code tls.trust} list of CA ids to trustable CAs.
     *
     * @param ids CA ids such as {@code "nhs-ptl-root-authority-g2"}; blanks are skipped, duplicates merged
     * @param source where the list came from, for error messages (such as {@code "integration tls.trust"})
     * @return the CAs in order
     * @throws TlsConfigurationException for an unknown id (listing the known ones), an expired G1 live CA
     *     (which is never trusted) or an empty list
     */
    static List<NhsCertificateAuthority> resolve(List<String> ids, String source) {
        Set<NhsCertificateAuthority> out = new LinkedHashSet<>();
        for (String id : ids) {
            if (id == null || id.isBlank()) {
                continue;
            }
            NhsCertificateAuthority ca;
            try {
                ca = NhsCertificateAuthority.byId(id);
            } catch (TlsConfigurationException e) {
                throw new TlsConfigurationException(source + ": " + e.getMessage(), e);
            }
            if (!ca.trustable()) {
                throw new TlsConfigurationException(source + " lists '" + ca.id() + "' (" + ca.commonName()
                        + "), part of the G1 live chain that expired on " + ca.notAfter()
                        + "; it is never trusted. Use nhs-root-authority-g2 and nhs-authentication-g2");
            }
            out.add(ca);
        }
        if (out.isEmpty()) {
            throw new TlsConfigurationException(source + " lists no CA; expected comma-separated CA ids such as "
                    + "nhs-ptl-root-authority-g2,nhs-int-authentication-g2");
        }
        return List.copyOf(out);
    }

    /**
     * The certificates of the given CAs.
     *
     * @param authorities the CAs
     * @return their certificates in order
     */
    static List<X509Certificate> certificates(List<NhsCertificateAuthority> authorities) {
        List<X509Certificate> out = new ArrayList<>();
        for (NhsCertificateAuthority ca : authorities) {
            out.add(ca.certificate());
        }
        return List.copyOf(out);
    }

    /**
     * If a chain was issued under the expired G1 live root, the explanation: "issued under the G1 live
     * root, expired 2024-06-04; request a G2 certificate".
     *
     * @param chain a certificate chain, leaf first (a single certificate is enough)
     * @return the explanation, or empty when the chain is not from the G1 live PKI
     */
    static Optional<String> explainExpiredG1(List<X509Certificate> chain) {
        for (X509Certificate c : chain) {
            Optional<NhsCertificateAuthority> ca = NhsCertificateAuthority.find(c)
                    .or(() -> NhsCertificateAuthority.findIssuer(c))
                    .or(() -> namedIssuer(c));
            if (ca.isPresent() && !ca.get().trustable()) {
                return Optional.of(Certificates.shortName(chain.get(0)) + " was issued under the G1 live root, expired "
                        + NhsCertificateAuthority.ROOT_G1.notAfter() + " (" + NhsCertificateAuthority.ROOT_G1.commonName()
                        + ", sub CA " + NhsCertificateAuthority.LEVEL_1C.commonName()
                        + "); request a G2 certificate (issued by NHS Authentication G2)");
            }
        }
        return Optional.empty();
    }

    /** A G1 live CA whose subject name equals the certificate's issuer name (recognition only, never trust). */
    private static Optional<NhsCertificateAuthority> namedIssuer(X509Certificate c) {
        for (NhsCertificateAuthority ca : List.of(NhsCertificateAuthority.ROOT_G1, NhsCertificateAuthority.LEVEL_1C)) {
            if (ca.certificate().getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
                return Optional.of(ca);
            }
        }
        return Optional.empty();
    }
}
