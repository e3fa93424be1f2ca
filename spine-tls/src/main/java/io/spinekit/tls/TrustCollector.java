package io.spinekit.tls;

import io.spinekit.env.EnvironmentProfile;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The trust a {@link SpineTlsContext.Builder} collects: the anchors and where each batch came from,
 * the JVM's default trust when asked for, and the CRLs. Not thread-safe (as the builder).
 */
final class TrustCollector {
    private final Set<X509Certificate> anchors = new LinkedHashSet<>();
    private final List<String> sources = new ArrayList<>();
    private final List<X509CRL> crls = new ArrayList<>();
    private boolean jvmDefault;

    /** Adds the CAs of a profile's {@code tls.trust}. */
    void profile(EnvironmentProfile profile) {
        Objects.requireNonNull(profile, "profile");
        anchors.addAll(NhsTrust.certificates(NhsTrust.forProfile(profile)));
        sources.add(profile.name() + " NHS trust");
    }

    /**
     * Adds certificates, refusing an empty collection and the expired G1 live CAs.
     *
     * @param source what they are, for the description; null for "N explicit certificate(s)"
     */
    void certificates(Collection<X509Certificate> certificates, String source) {
        Objects.requireNonNull(certificates, "certificates");
        if (certificates.isEmpty()) {
            throw new TlsConfigurationException("trustCertificates: the collection is empty; expected at least one"
                    + " CA certificate");
        }
        for (X509Certificate c : certificates) {
            Optional<NhsCertificateAuthority> ca = NhsCertificateAuthority.find(Objects.requireNonNull(c));
            if (ca.isPresent() && !ca.get().trustable()) {
                throw new TlsConfigurationException("trustCertificates: " + ca.get().commonName()
                        + " is part of the G1 live chain that expired on " + ca.get().notAfter()
                        + " and is never trusted; use the G2 CAs");
            }
        }
        anchors.addAll(certificates);
        sources.add(source != null ? source : certificates.size() + " explicit certificate(s)");
    }

    void jvmDefault() {
        this.jvmDefault = true;
    }

    void crls(Collection<X509CRL> more) {
        crls.addAll(Objects.requireNonNull(more, "crls"));
    }

    /** Whether no trust was given at all. */
    boolean isEmpty() {
        return anchors.isEmpty() && !jvmDefault;
    }

    /** The anchors given explicitly (the JVM's default trust not included). */
    Set<X509Certificate> explicit() {
        return anchors;
    }

    /** A trust manager over all anchors, the JVM's default ones included when asked for, and the CRLs. */
    SpineTrustManager trustManager() {
        List<X509Certificate> all = new ArrayList<>(anchors);
        if (jvmDefault) {
            all.addAll(ContextAssembly.jvmDefaultAnchors());
        }
        return SpineTrustManager.of(all, List.copyOf(crls));
    }

    /** Such as {@code trust INTEGRATION NHS trust + JVM default trust}. */
    String description() {
        return "trust " + String.join(" + ", sources) + (jvmDefault ? " + JVM default trust" : "");
    }
}
