package io.spinekit.tls;

import io.spinekit.core.Text;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The per-certificate rules of {@link CertificateInspector}: validity, key, signature, usage and host name. */
final class CertificateRules {
    private CertificateRules() {
    }

    static List<Finding> validity(X509Certificate leaf, Instant now, Duration expiryWarning) {
        Instant from = leaf.getNotBefore().toInstant();
        Instant until = leaf.getNotAfter().toInstant();
        if (now.isBefore(from)) {
            return List.of(new Finding("validity", Finding.Severity.ERROR, "Not valid until " + from
                    + " (it is now " + now + ")", "Check the system clock; otherwise wait until the start date."));
        }
        if (now.isAfter(until)) {
            return List.of(new Finding("validity", Finding.Severity.ERROR, "Expired on " + until + " ("
                    + Duration.between(until, now).toDays() + " days ago)", "Request a new certificate with a new CSR."));
        }
        long days = Duration.between(now, until).toDays();
        if (Duration.between(now, until).compareTo(expiryWarning) < 0) {
            return List.of(new Finding("validity", Finding.Severity.WARNING, "Expires on " + until + " (" + days
                    + " days left)", "Renew now: create a CSR (spine tls csr) and request a replacement."));
        }
        return List.of(Finding.ok("validity", "Valid from " + from + " until " + until + " (" + days + " days left)"));
    }

    static Finding key(AlgorithmPolicy.KeyFacts key) {
        Optional<String> weak = AlgorithmPolicy.weakness(key);
        if (weak.isPresent()) {
            return new Finding("key", Finding.Severity.ERROR, weak.get(), "RSA".equals(key.algorithm())
                    ? "Generate a new RSA 2048 (or EC P-256) key and CSR (spine tls csr) and request a new certificate."
                    : "Generate a new EC P-256 key and CSR and request a new certificate.");
        }
        return Finding.ok("key", key.algorithm() + " " + key.size() + "-bit key");
    }

    static Finding signature(X509Certificate leaf) {
        return AlgorithmPolicy.weakSignature(leaf)
                .map(w -> new Finding("signature", Finding.Severity.ERROR, "S" + w.substring(1),
                        "Request a new certificate signed with SHA-256 or stronger."))
                .orElseGet(() -> Finding.ok("signature", "Signed with " + leaf.getSigAlgName()));
    }

    /** The same policy as the handshake, for the CA certificates of the chain below the trust. */
    static List<Finding> usage(X509Certificate leaf, List<String> ku, List<String> eku) {
        List<Finding> out = new ArrayList<>();
        if (leaf.getBasicConstraints() >= 0 && !Certificates.isSelfIssued(leaf)) {
            out.add(Finding.info("usage", "This is a CA certificate (basicConstraints CA:true), not an endpoint certificate"));
            return out;
        }
        if (NhsCertificateAuthority.find(leaf).isPresent()) {
            out.add(Finding.info("usage", "This is a bundled NHS CA certificate, not an endpoint certificate"));
            return out;
        }
        if (leaf.getKeyUsage() != null && !ku.contains("digitalSignature")) {
            out.add(new Finding("usage", Finding.Severity.ERROR, "Key usage " + ku + " lacks digitalSignature,"
                    + " which TLS 1.2 (ECDHE) and 1.3 need", "Request a certificate with key usage digitalSignature."));
        }
        if (eku.isEmpty() || eku.contains("anyExtendedKeyUsage")) {
            out.add(Finding.ok("usage", "No extended key usage restriction: usable for TLS client and server"));
            return out;
        }
        boolean client = eku.contains("clientAuth");
        boolean server = eku.contains("serverAuth");
        if (!client && !server) {
            out.add(new Finding("usage", Finding.Severity.ERROR, "Extended key usage " + eku
                    + " allows neither TLS client nor server authentication",
                    "Request an endpoint certificate with extended key usage clientAuth (and serverAuth if it"
                            + " receives connections from Spine)."));
        } else if (!client) {
            out.add(new Finding("usage", Finding.Severity.WARNING, "Extended key usage " + eku
                    + " lacks clientAuth: it cannot be used as a client certificate towards Spine",
                    "For outgoing mutual TLS, request a certificate with extended key usage clientAuth."));
        } else if (!server) {
            out.add(Finding.info("usage", "Extended key usage " + eku + ": client certificate only (cannot serve"
                    + " TLS connections)"));
        } else {
            out.add(Finding.ok("usage", "Extended key usage " + eku + ": TLS client and server"));
        }
        return out;
    }

    /** The CN-only note, and with an FQDN whether the certificate is valid for it. */
    static List<Finding> host(X509Certificate leaf, String fqdn) {
        List<Finding> out = new ArrayList<>();
        Optional<String> cn = Certificates.commonName(leaf);
        if (!Certificates.hasSubjectAltNames(leaf) && NhsCertificateAuthority.find(leaf).isEmpty()
                && leaf.getBasicConstraints() < 0) {
            out.add(Finding.info("host", "No subjectAltName: clients must match the host against the CN ("
                    + cn.orElse("none") + "); the JDK and Apache HttpClient 5 do, OkHttp does not"));
        }
        if (fqdn != null) {
            Optional<String> why = SpineHostnameVerifier.INSTANCE.mismatch(fqdn, leaf);
            out.add(why.map(w -> new Finding("host", Finding.Severity.ERROR, "Not valid for " + Text.quote(fqdn) + ": " + w,
                    "Request a certificate whose CN (and subjectAltName) is exactly " + Text.quote(fqdn) + "."))
                    .orElseGet(() -> Finding.ok("host", "Valid for " + fqdn // it matched a certificate name: plain DNS text
                            + (Certificates.dnsNames(leaf).isEmpty()
                            ? " (by CN)" : " (by subjectAltName)"))));
        }
        return out;
    }
}
