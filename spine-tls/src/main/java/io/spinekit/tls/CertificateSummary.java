package io.spinekit.tls;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The facts about one certificate a person needs to recognise it.
 *
 * @param subject the subject DN (RFC 2253)
 * @param issuer the issuer DN
 * @param serialNumber the serial number in hex
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param sha256 SHA-256 fingerprint, colon-separated upper-case hex
 * @param nhsCa the bundled NHS CA id when this certificate is one of them
 */
public record CertificateSummary(String subject, String issuer, String serialNumber, Instant notBefore,
        Instant notAfter, String sha256, Optional<String> nhsCa) {

    /**
     * Summarises a certificate.
     *
     * @param c the certificate
     * @return its summary
     */
    public static CertificateSummary of(X509Certificate c) {
        return new CertificateSummary(c.getSubjectX500Principal().getName(), c.getIssuerX500Principal().getName(),
                c.getSerialNumber().toString(16), c.getNotBefore().toInstant(), c.getNotAfter().toInstant(),
                Certificates.sha256(c), NhsCertificateAuthority.find(c).map(NhsCertificateAuthority::id));
    }

    /**
     * Summarises a chain.
     *
     * @param chain the certificates
     * @return their summaries in order
     */
    public static List<CertificateSummary> of(List<X509Certificate> chain) {
        return chain.stream().map(CertificateSummary::of).toList();
    }
}
