package io.spinekit.tls;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What {@link CertificateInspector} found about a certificate: its facts and a list of findings,
 * each with a severity and a fix.
 *
 * @param certificate the inspected (leaf) certificate
 * @param chain the chain as given, leaf first
 * @param commonName the subject CN, if any
 * @param subjectAltNames DNS and IP subjectAltNames
 * @param issuingCa the id of the bundled NHS CA that issued it, if it is one
 * @param generation the NHS PKI generation ({@code "G1"} or {@code "G2"}) of the issuing CA, if known
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param daysLeft whole days until notAfter (negative once expired)
 * @param keyAlgorithm {@code RSA} or {@code EC} (or another JCA name)
 * @param keySize key size in bits
 * @param signatureAlgorithm the signature algorithm, such as {@code SHA256withRSA}
 * @param keyUsage key usage names, such as {@code digitalSignature}
 * @param extendedKeyUsage extended key usage names, such as {@code clientAuth}
 * @param crlUrls CRL distribution point URLs
 * @param ocspUrls OCSP responder URLs
 * @param findings the findings, most serious first
 */
public record Inspection(CertificateSummary certificate, List<CertificateSummary> chain, Optional<String> commonName,
        List<String> subjectAltNames, Optional<String> issuingCa, Optional<String> generation, Instant notBefore,
        Instant notAfter, long daysLeft, String keyAlgorithm, int keySize, String signatureAlgorithm,
        List<String> keyUsage, List<String> extendedKeyUsage, List<String> crlUrls, List<String> ocspUrls,
        List<Finding> findings) {

    /**
     * Copies the lists and orders the findings, most serious first.
     *
     * @param certificate the certificate
     * @param chain the chain
     * @param commonName the CN
     * @param subjectAltNames the SANs
     * @param issuingCa the issuing NHS CA
     * @param generation the generation
     * @param notBefore start of validity
     * @param notAfter end of validity
     * @param daysLeft days left
     * @param keyAlgorithm key algorithm
     * @param keySize key size
     * @param signatureAlgorithm signature algorithm
     * @param keyUsage key usage
     * @param extendedKeyUsage extended key usage
     * @param crlUrls CRL URLs
     * @param ocspUrls OCSP URLs
     * @param findings findings
     */
    public Inspection {
        chain = List.copyOf(chain);
        subjectAltNames = List.copyOf(subjectAltNames);
        keyUsage = List.copyOf(keyUsage);
        extendedKeyUsage = List.copyOf(extendedKeyUsage);
        crlUrls = List.copyOf(crlUrls);
        ocspUrls = List.copyOf(ocspUrls);
        findings = findings.stream()
                .sorted(Comparator.comparing((Finding f) -> f.severity()).reversed())
                .toList();
    }

    /**
     * The most serious severity among the findings.
     *
     * @return the worst severity, {@link Finding.Severity#OK} when there are no findings
     */
    public Finding.Severity worst() {
        return findings.isEmpty() ? Finding.Severity.OK : findings.get(0).severity();
    }

    /**
     * Whether nothing is an error.
     *
     * @return true when no finding has severity {@link Finding.Severity#ERROR}
     */
    public boolean usable() {
        return worst() != Finding.Severity.ERROR;
    }

    /**
     * The findings of one check.
     *
     * @param check the check code, such as {@code "signature"}
     * @return the findings with that code
     */
    public List<Finding> findings(String check) {
        return findings.stream().filter(f -> f.check().equals(check)).toList();
    }
}
