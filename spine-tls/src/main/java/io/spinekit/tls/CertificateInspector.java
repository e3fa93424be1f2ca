package io.spinekit.tls;

import io.spinekit.env.EnvironmentProfile;
import io.spinekit.env.SpineEnvironment;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Inspects a certificate (or chain) the way a Spine connection will judge it, and explains every
 * problem: chain validity (PKIX) to an environment's NHS trust, which NHS CA issued it and its
 * generation, validity and days left, key algorithm and size, signature algorithm, key usage and
 * extended key usage, CN and subjectAltNames against an FQDN, whether a private key matches, and the
 * CRL and OCSP URLs.
 *
 * <pre>{@code
 * Inspection result = CertificateInspector.builder()
 *     .environment(SpineEnvironment.INTEGRATION)
 *     .fqdn("my-endpoint.example.nhs.uk")
 *     .build()
 *     .inspect(Pem.loadCertificates(Path.of("endpoint.crt")));
 * result.findings().forEach(f -> System.out.println(f.severity() + " " + f.message() + " " + f.fix()));
 * }</pre>
 *
 * Immutable and thread-safe once built.
 */
public final class CertificateInspector {
    private final List<X509Certificate> trust;
    private final String trustName;
    private final String fqdn;
    private final PrivateKey privateKey;
    private final Instant at;
    private final Duration expiryWarning;
    private final List<X509CRL> crls;

    private CertificateInspector(Builder b) {
        this.trust = List.copyOf(b.trust);
        this.trustName = b.trustName;
        this.fqdn = b.fqdn;
        this.privateKey = b.privateKey;
        this.at = b.at;
        this.expiryWarning = b.expiryWarning;
        this.crls = List.copyOf(b.crls);
    }

    /**
     * Starts a builder. With no trust, the chain is not validated (other checks still run).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Certificates and an optional private key read from a file.
     *
     * @param chain the certificates, leaf first
     * @param privateKey the key found with them (PKCS#12, or a PEM file holding both), if any
     */
    public record Loaded(List<X509Certificate> chain, Optional<PrivateKey> privateKey) {
        /**
         * Copies the chain.
         *
         * @param chain the certificates
         * @param privateKey the key
         */
        public Loaded {
            chain = List.copyOf(chain);
        }
    }

    /**
     * Reads certificates from PEM, DER or PKCS#12 (by content, whatever the extension: NHS hands out
     * PEM text in files named {@code .der}).
     *
     * @param file the file
     * @param password the PKCS#12 password, or for PEM the passphrase of a key in the same file; may be null
     * @return the certificates, leaf first, and a key if the file holds one
     * @throws TlsConfigurationException if the file cannot be read as any of these
     */
    public static Loaded load(Path file, char[] password) {
        return CertificateFiles.load(file, password);
    }

    /**
     * Inspects one certificate.
     *
     * @param certificate the certificate
     * @return the inspection
     */
    public Inspection inspect(X509Certificate certificate) {
        return inspect(List.of(certificate));
    }

    /**
     * Inspects a chain, leaf first (intermediates help chain building; a root may be included).
     *
     * @param chain the certificates
     * @return the inspection
     * @throws TlsConfigurationException if the chain is empty
     */
    public Inspection inspect(List<X509Certificate> chain) {
        Objects.requireNonNull(chain, "chain");
        if (chain.isEmpty()) {
            throw new TlsConfigurationException("Nothing to inspect: the certificate list is empty");
        }
        X509Certificate leaf = chain.get(0);
        Instant now = at == null ? Instant.now() : at;
        List<Finding> findings = new ArrayList<>();

        Optional<String> g1 = NhsTrust.explainExpiredG1(chain);
        g1.ifPresent(why -> findings.add(new Finding("nhs-ca", Finding.Severity.ERROR, why,
                "Request a G2 certificate: create a CSR (spine tls csr) and submit it to the NHS for issue by NHS"
                        + " Authentication G2 (live) or NHS INT Authentication G2 (Path to Live).")));
        Optional<NhsCertificateAuthority> ca = issuingCa(chain);
        if (g1.isEmpty()) {
            findings.add(ca.map(c -> Finding.info("nhs-ca", "Issued by " + c.commonName() + " (" + c.generation() + ", "
                    + (c.tier() == NhsCertificateAuthority.Tier.LIVE ? "live" : "Path to Live") + ")"))
                    .orElseGet(() -> Finding.info("nhs-ca", "Issued by " + leaf.getIssuerX500Principal().getName()
                            + ", which is not one of the NHS CAs bundled with spinekit")));
        }
        findings.addAll(chainFindings(chain, now, g1.isPresent()));
        findings.addAll(CertificateRules.validity(leaf, now, expiryWarning));
        AlgorithmPolicy.KeyFacts key = AlgorithmPolicy.keyFacts(leaf.getPublicKey());
        findings.add(CertificateRules.key(key));
        findings.add(CertificateRules.signature(leaf));
        findings.addAll(caAlgorithmFindings(chain));
        List<String> ku = CertificateExtensions.keyUsage(leaf);
        List<String> eku = CertificateExtensions.extendedKeyUsage(leaf);
        findings.addAll(CertificateRules.usage(leaf, ku, eku));
        List<String> sans = new ArrayList<>(Certificates.dnsNames(leaf));
        sans.addAll(Certificates.ipAddresses(leaf));
        findings.addAll(CertificateRules.host(leaf, fqdn));
        if (privateKey != null) {
            findings.add(KeyMatch.matches(privateKey, leaf.getPublicKey())
                    ? Finding.ok("private-key", "The private key matches the certificate")
                    : new Finding("private-key", Finding.Severity.ERROR, "The private key (" + privateKey.getAlgorithm()
                    + ") does not match the certificate's public key (" + key.algorithm() + " " + key.size() + ")",
                    "Use the key the certificate was requested with (the CSR's key); a certificate cannot be used"
                            + " with any other key."));
        }
        List<String> crls = CertificateExtensions.crlUrls(leaf);
        List<String> ocsp = CertificateExtensions.ocspUrls(leaf);
        findings.addAll(revocationFindings(chain, now));
        findings.add(Finding.info("revocation", crls.isEmpty() && ocsp.isEmpty()
                ? "No CRL distribution point or OCSP URL in the certificate"
                : "Revocation: CRL " + (crls.isEmpty() ? "(none)" : String.join(", ", crls)) + "; OCSP "
                + (ocsp.isEmpty() ? "(none)" : String.join(", ", ocsp))));

        long daysLeft = Duration.between(now, leaf.getNotAfter().toInstant()).toDays();
        return new Inspection(CertificateSummary.of(leaf), CertificateSummary.of(chain), Certificates.commonName(leaf),
                sans, ca.map(NhsCertificateAuthority::id), ca.map(c -> c.generation().name()),
                leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant(), daysLeft, key.algorithm(), key.size(),
                leaf.getSigAlgName(), ku, eku, crls, ocsp, findings);
    }

    /**
     * Checks every certificate of the chain below a trusted or self-signed one against the CRLs
     * given to the builder: revoked is an error, an out-of-date CRL a warning, a CRL that does not
     * verify with the issuer's key is ignored with a warning, and no CRL for an issuer is said.
     */
    private List<Finding> revocationFindings(List<X509Certificate> chain, Instant now) {
        if (crls.isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        List<X509Certificate> known = new ArrayList<>(chain);
        known.addAll(trust);
        for (X509Certificate c : chain) {
            if (trust.contains(c) || Certificates.isSelfIssued(c)) {
                continue;
            }
            String name = Certificates.shortName(c);
            Optional<X509Certificate> issuer = known.stream().filter(i -> Certificates.issued(i, c)).findFirst();
            if (issuer.isEmpty()) {
                out.add(Finding.info("revocation", "Revocation of " + name + " not checked: its issuer "
                        + c.getIssuerX500Principal().getName() + " is not in the chain or the trust"));
                continue;
            }
            String issuerName = Certificates.shortName(issuer.get());
            List<X509CRL> fromIssuer = new ArrayList<>();
            for (X509CRL crl : crls) {
                if (!crl.getIssuerX500Principal().equals(c.getIssuerX500Principal())) {
                    continue;
                }
                try {
                    crl.verify(issuer.get().getPublicKey());
                    fromIssuer.add(crl);
                } catch (GeneralSecurityException e) {
                    out.add(new Finding("revocation", Finding.Severity.WARNING, "A CRL naming " + issuerName
                            + " as issuer does not verify with its key, so it is ignored (" + e.getMessage() + ")",
                            "Fetch the CRL again from the CRL distribution point in the certificate."));
                }
            }
            if (fromIssuer.isEmpty()) {
                out.add(Finding.info("revocation", "Revocation of " + name + " not checked: no CRL from " + issuerName
                        + " was given"));
                continue;
            }
            X509CRL newest = fromIssuer.stream().max(Comparator.comparing(X509CRL::getThisUpdate)).orElseThrow();
            String issued = "the CRL of " + issuerName + " issued " + newest.getThisUpdate().toInstant();
            X509CRLEntry entry = newest.getRevokedCertificate(c);
            if (entry != null) {
                String reason = entry.getRevocationReason() == null ? ""
                        : ", reason " + entry.getRevocationReason().name().toLowerCase(Locale.ROOT).replace('_', ' ');
                out.add(new Finding("revocation", Finding.Severity.ERROR, name + " was revoked on "
                        + entry.getRevocationDate().toInstant() + reason + " (" + issued + ")",
                        c.getBasicConstraints() >= 0
                                ? "The CA " + name + " is revoked: certificates under it cannot be used; request a new "
                                        + "certificate from a current NHS CA."
                                : "Request a new certificate (create a CSR with spine tls csr): a revoked certificate "
                                        + "cannot be used."));
            } else if (newest.getNextUpdate() != null && now.isAfter(newest.getNextUpdate().toInstant())) {
                out.add(new Finding("revocation", Finding.Severity.WARNING, name + " is not on " + issued
                        + ", but that CRL is out of date (next update was due " + newest.getNextUpdate().toInstant() + ")",
                        "Fetch a current CRL from the CRL distribution point in the certificate."));
            } else {
                out.add(Finding.ok("revocation", name + " is not revoked (" + issued
                        + (newest.getNextUpdate() == null ? "" : ", next update " + newest.getNextUpdate().toInstant())
                        + ")"));
            }
        }
        return out;
    }

    private static Optional<NhsCertificateAuthority> issuingCa(List<X509Certificate> chain) {
        Optional<NhsCertificateAuthority> self = NhsCertificateAuthority.find(chain.get(0));
        if (self.isPresent()) {
            return self;
        }
        return NhsCertificateAuthority.findIssuer(chain.get(0));
    }

    private List<Finding> chainFindings(List<X509Certificate> chain, Instant now, boolean g1) {
        if (trust.isEmpty()) {
            return List.of(Finding.info("chain", "Chain not validated: no environment or trust given"
                    + " (choose the environment's trust, such as Integration, to check the chain)"));
        }
        if (g1) {
            return List.of(new Finding("chain", Finding.Severity.ERROR, "Not trusted for " + trustName
                    + ": the G1 live chain is never trusted", "Request a G2 certificate."));
        }
        X509Certificate leaf = chain.get(0);
        if (trust.contains(leaf)) {
            return List.of(Finding.ok("chain", Certificates.shortName(leaf) + " is itself trusted for " + trustName));
        }
        try {
            PKIXCertPathBuilderResult r = build(chain, Date.from(now));
            return List.of(Finding.ok("chain", "Chains to " + Certificates.shortName(r.getTrustAnchor().getTrustedCert())
                    + " (trusted for " + trustName + ")"));
        } catch (GeneralSecurityException e) {
            // Walk the chain by name and signature, ignoring dates: if it reaches a trusted certificate, the
            // structure is right and only a date (or an algorithm constraint) is wrong.
            Optional<List<X509Certificate>> path = walk(chain);
            if (path.isPresent()) {
                List<X509Certificate> p = path.get();
                X509Certificate anchor = p.get(p.size() - 1);
                Optional<X509Certificate> outOfDate = p.stream().filter(c -> !trust.contains(c))
                        .filter(c -> now.isBefore(c.getNotBefore().toInstant()) || now.isAfter(c.getNotAfter().toInstant()))
                        .findFirst();
                if (outOfDate.isPresent()) {
                    X509Certificate c = outOfDate.get();
                    boolean expired = now.isAfter(c.getNotAfter().toInstant());
                    return List.of(new Finding("chain", Finding.Severity.ERROR, "Chains to " + Certificates.shortName(anchor)
                            + " (trusted for " + trustName + ") but is not valid at " + now + ": "
                            + Certificates.shortName(c) + (expired ? " expired on " + c.getNotAfter().toInstant()
                            : " is not valid before " + c.getNotBefore().toInstant()),
                            expired ? "Renew the certificate." : "Check the system clock, or wait until the start date."));
                }
                return List.of(new Finding("chain", Finding.Severity.ERROR, "Chains to " + Certificates.shortName(anchor)
                        + " (trusted for " + trustName + ") but the path is refused: " + e.getMessage(),
                        TlsFailure.WEAK_ALGORITHM.fix()));
            }
            return List.of(structuralChainFinding(chain, e));
        }
    }

    /** Follows issuers through the chain and the trust by name and signature, ignoring dates. */
    private Optional<List<X509Certificate>> walk(List<X509Certificate> chain) {
        List<X509Certificate> pool = new ArrayList<>(chain);
        pool.addAll(trust);
        List<X509Certificate> path = new ArrayList<>();
        X509Certificate cur = chain.get(0);
        path.add(cur);
        for (int guard = 0; guard < 10; guard++) {
            if (trust.contains(cur)) {
                return Optional.of(path);
            }
            X509Certificate c = cur;
            Optional<X509Certificate> issuer = pool.stream().filter(o -> o != c && Certificates.issued(o, c)).findFirst();
            if (issuer.isEmpty()) {
                return Optional.empty();
            }
            cur = issuer.get();
            path.add(cur);
        }
        return Optional.empty();
    }

    private Finding structuralChainFinding(List<X509Certificate> chain, GeneralSecurityException e) {
        X509Certificate leaf = chain.get(0);
        X509Certificate top = chain.get(chain.size() - 1);
        boolean issuerKnown = trust.stream().anyMatch(t -> t.getSubjectX500Principal().equals(top.getIssuerX500Principal()))
                || chain.stream().anyMatch(c -> c != top && c.getSubjectX500Principal().equals(top.getIssuerX500Principal()));
        if (chain.size() == 1 && Certificates.isSelfIssued(leaf)) {
            return new Finding("chain", Finding.Severity.ERROR, Certificates.shortName(leaf)
                    + " is self-signed and not trusted for " + trustName, TlsFailure.SELF_SIGNED.fix());
        }
        if (!Certificates.isSelfIssued(top) && !issuerKnown) {
            boolean nhsIssuer = java.util.Arrays.stream(NhsCertificateAuthority.values())
                    .anyMatch(c -> c.certificate().getSubjectX500Principal().equals(top.getIssuerX500Principal()));
            if (nhsIssuer) {
                return new Finding("chain", Finding.Severity.ERROR, "Issued under " + top.getIssuerX500Principal().getName()
                        + ", which is not trusted for " + trustName, "Use a certificate issued for this environment, or"
                        + " choose the environment's trust that issued it.");
            }
            return new Finding("chain", Finding.Severity.ERROR, "Cannot build a chain from "
                    + Certificates.shortName(leaf) + " to the trust for " + trustName + ": the issuer "
                    + top.getIssuerX500Principal().getName() + " is neither in the file nor trusted",
                    "If the issuer is an intermediate CA, add it to the file (after the certificate); otherwise the"
                            + " certificate is from a CA this environment does not trust.");
        }
        return new Finding("chain", Finding.Severity.ERROR, "The chain of " + Certificates.shortName(leaf)
                + " does not lead to a CA trusted for " + trustName + " (" + e.getMessage() + ")",
                TlsFailure.UNKNOWN_CA.fix());
    }

    private PKIXCertPathBuilderResult build(List<X509Certificate> chain, Date date) throws GeneralSecurityException {
        Set<TrustAnchor> anchors = new HashSet<>();
        for (X509Certificate t : trust) {
            anchors.add(new TrustAnchor(t, null));
        }
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(chain.get(0));
        PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
        params.setRevocationEnabled(false);
        params.setDate(date);
        List<X509Certificate> pool = new ArrayList<>(chain);
        pool.addAll(trust);
        params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
        return (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(params);
    }

    private List<Finding> caAlgorithmFindings(List<X509Certificate> chain) {
        List<X509Certificate> above = chain.subList(1, chain.size());
        return AlgorithmPolicy.weakness(above, trust)
                .map(w -> List.of(new Finding("ca-algorithm", Finding.Severity.ERROR, w + "; handshakes through it are"
                        + " refused", "The CA certificate must be re-issued with SHA-256 and a 2048-bit key: use a"
                        + " current NHS CA.")))
                .orElse(List.of());
    }

    /** Builds a {@link CertificateInspector}. Defaults: no trust, no FQDN, no key, now, warn 30 days before expiry. */
    public static final class Builder {
        private final List<X509Certificate> trust = new ArrayList<>();
        private String trustName = "the given trust";
        private String fqdn;
        private PrivateKey privateKey;
        private Instant at;
        private Duration expiryWarning = Duration.ofDays(30);
        private final List<X509CRL> crls = new ArrayList<>();

        private Builder() {
        }

        /**
         * Validates chains against a standard environment's NHS trust (from the environment catalog).
         *
         * @param environment the environment
         * @return this
         */
        public Builder environment(SpineEnvironment environment) {
            trust.addAll(NhsTrust.certificates(NhsTrust.forEnvironment(environment)));
            trustName = environment.displayName();
            return this;
        }

        /**
         * Validates chains against a profile's {@code tls.trust}.
         *
         * @param profile the environment profile
         * @return this
         */
        public Builder trust(EnvironmentProfile profile) {
            trust.addAll(NhsTrust.certificates(NhsTrust.forProfile(profile)));
            trustName = profile.displayName();
            return this;
        }

        /**
         * Validates chains against these certificates (trust anchors).
         *
         * @param certificates the trusted certificates
         * @return this
         */
        public Builder trustCertificates(Collection<X509Certificate> certificates) {
            trust.addAll(certificates);
            trustName = "the given trust";
            return this;
        }

        /**
         * Checks the certificate's names against the endpoint's FQDN.
         *
         * @param fqdn the fully qualified domain name
         * @return this
         */
        public Builder fqdn(String fqdn) {
            this.fqdn = fqdn == null || fqdn.isBlank() ? null : fqdn.trim();
            return this;
        }

        /**
         * Checks that this private key belongs to the certificate.
         *
         * @param key the private key
         * @return this
         */
        public Builder privateKey(PrivateKey key) {
            this.privateKey = key;
            return this;
        }

        /**
         * Judges validity at this time instead of now.
         *
         * @param instant the time
         * @return this
         */
        public Builder at(Instant instant) {
            this.at = instant;
            return this;
        }

        /**
         * Warns when fewer than this many days are left (30 by default).
         *
         * @param window the warning window
         * @return this
         */
        public Builder expiryWarning(Duration window) {
            this.expiryWarning = Objects.requireNonNull(window, "window");
            return this;
        }

        /**
         * Checks the chain against these certificate revocation lists (for example read with
         * {@link Pem#loadCrls(Path)} from the files the NHS CRL distribution points publish). Nothing
         * is fetched from the network. Without CRLs, revocation is not checked: the inspection only
         * lists the certificate's CRL and OCSP URLs.
         *
         * @param crls the CRLs, from any issuers
         * @return this
         */
        public Builder crls(Collection<X509CRL> crls) {
            this.crls.addAll(Objects.requireNonNull(crls, "crls"));
            return this;
        }

        /**
         * Builds the inspector.
         *
         * @return the inspector
         */
        public CertificateInspector build() {
            return new CertificateInspector(this);
        }
    }
}
