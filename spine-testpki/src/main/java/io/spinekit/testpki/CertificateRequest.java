package io.spinekit.testpki;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/** Builds one certificate; obtain it from {@link TestPki#certificate(String)}. Not thread-safe. */
public final class CertificateRequest {
    private final TestPki pki;
    private final String commonName;
    private final List<String> subjectAltNames = new ArrayList<>();
    private boolean sanFromCn = true;
    private Instant notBefore = Instant.now().minus(Duration.ofDays(1));
    private Instant notAfter = Instant.now().plus(Duration.ofDays(365));
    private String keyAlgorithm = "RSA";
    private int rsaBits = 2048;
    private String curve = "secp256r1";
    private String signatureAlgorithm;
    private List<KeyPurposeId> purposes = List.of(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth);
    private IssuedCertificate issuer;
    private boolean selfSigned;
    private boolean ca;
    private String crlUrl;
    private String ocspUrl;

    CertificateRequest(TestPki pki, String commonName) {
        this.pki = pki;
        this.issuer = pki.subCa();
        this.commonName = Objects.requireNonNull(commonName, "commonName");
    }

    /**
     * Sets the DNS subjectAltNames (replacing the default, which is the CN).
     *
     * @param dnsNames host names
     * @return this
     */
    public CertificateRequest subjectAltNames(String... dnsNames) {
        subjectAltNames.clear();
        subjectAltNames.addAll(List.of(dnsNames));
        sanFromCn = false;
        return this;
    }

    /**
     * Issues the certificate with a CN and no subjectAltName extension, as many NHS certificates are.
     *
     * @return this
     */
    public CertificateRequest noSubjectAltNames() {
        subjectAltNames.clear();
        sanFromCn = false;
        return this;
    }

    /**
     * Sets the validity window.
     *
     * @param from not before
     * @param until not after
     * @return this
     */
    public CertificateRequest validity(Instant from, Instant until) {
        this.notBefore = from;
        this.notAfter = until;
        return this;
    }

    /**
     * Makes the certificate expired: valid from 30 days ago until yesterday.
     *
     * @return this
     */
    public CertificateRequest expired() {
        return validity(Instant.now().minus(Duration.ofDays(30)), Instant.now().minus(Duration.ofDays(1)));
    }

    /**
     * Makes the certificate not yet valid: valid from tomorrow for 30 days.
     *
     * @return this
     */
    public CertificateRequest notYetValid() {
        return validity(Instant.now().plus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));
    }

    /**
     * Uses an RSA key of the given size (2048 by default; 1024 for weak-key tests, see also
     * {@link #sha1Signature()}).
     *
     * @param bits key size
     * @return this
     */
    public CertificateRequest rsa(int bits) {
        this.keyAlgorithm = "RSA";
        this.rsaBits = bits;
        return this;
    }

    /**
     * Uses an EC P-256 key, signed with SHA256withECDSA when self-signed.
     *
     * @return this
     */
    public CertificateRequest ec() {
        return ec("secp256r1");
    }

    /**
     * Uses an EC key on the named curve, such as {@code secp384r1}, or {@code secp192r1} or
     * {@code secp224r1} for weak-curve tests (the key is made by a private Bouncy Castle provider,
     * so curves the JDK no longer generates are available).
     *
     * @param curveName a standard curve name
     * @return this
     */
    public CertificateRequest ec(String curveName) {
        this.keyAlgorithm = "EC";
        this.curve = Objects.requireNonNull(curveName, "curveName");
        return this;
    }

    /**
     * Has the issuer sign with SHA-1 ({@code SHA1withRSA}), for weak-signature tests. The same as
     * {@code signatureAlgorithm("SHA1withRSA")}.
     *
     * @return this
     */
    public CertificateRequest sha1Signature() {
        return signatureAlgorithm("SHA1withRSA");
    }

    /**
     * Sets the signature algorithm of the issuer, such as {@code SHA1withRSA}.
     *
     * @param algorithm a JCA signature algorithm name
     * @return this
     */
    public CertificateRequest signatureAlgorithm(String algorithm) {
        this.signatureAlgorithm = algorithm;
        return this;
    }

    /**
     * Restricts the extended key usage to TLS server authentication.
     *
     * @return this
     */
    public CertificateRequest serverAuth() {
        this.purposes = List.of(KeyPurposeId.id_kp_serverAuth);
        return this;
    }

    /**
     * Restricts the extended key usage to TLS client authentication.
     *
     * @return this
     */
    public CertificateRequest clientAuth() {
        this.purposes = List.of(KeyPurposeId.id_kp_clientAuth);
        return this;
    }

    /**
     * Sets an extended key usage of e-mail protection only, for wrong-EKU tests.
     *
     * @return this
     */
    public CertificateRequest emailProtectionOnly() {
        this.purposes = List.of(KeyPurposeId.id_kp_emailProtection);
        return this;
    }

    /**
     * Issues the certificate from the root directly instead of the sub CA.
     *
     * @return this
     */
    public CertificateRequest issuedByRoot() {
        this.issuer = pki.root();
        return this;
    }

    /**
     * Issues the certificate from the given CA (for example another PKI's sub CA).
     *
     * @param ca the issuing CA, which must be a CA certificate with its key
     * @return this
     */
    public CertificateRequest issuedBy(IssuedCertificate ca) {
        this.issuer = Objects.requireNonNull(ca, "ca");
        return this;
    }

    /**
     * Makes the certificate self-signed (its own issuer, chained to nothing).
     *
     * @return this
     */
    public CertificateRequest selfSigned() {
        this.selfSigned = true;
        return this;
    }

    /**
     * Makes the certificate a CA (basicConstraints CA:true), for building longer chains.
     *
     * @return this
     */
    public CertificateRequest certificateAuthority() {
        this.ca = true;
        return this;
    }

    /**
     * Adds a CRL distribution point URL.
     *
     * @param url the CRL URL
     * @return this
     */
    public CertificateRequest crlUrl(String url) {
        this.crlUrl = url;
        return this;
    }

    /**
     * Adds an OCSP responder URL in the authority information access extension.
     *
     * @param url the OCSP URL
     * @return this
     */
    public CertificateRequest ocspUrl(String url) {
        this.ocspUrl = url;
        return this;
    }

    /**
     * Generates the key pair and signs the certificate.
     *
     * @return the certificate, its key and its chain
     */
    public IssuedCertificate issue() {
        KeyPair keys = "EC".equals(keyAlgorithm) ? Signing.ec(curve) : Signing.rsa(rsaBits);
        X500Name subject = Signing.dn(commonName, false);
        List<String> sans = sanFromCn ? List.of(commonName) : List.copyOf(subjectAltNames);
        if (selfSigned) {
            String alg = signatureAlgorithm != null ? signatureAlgorithm
                    : "EC".equals(keyAlgorithm) ? "SHA256withECDSA" : "SHA256withRSA";
            return Signing.sign(subject, keys, subject, keys.getPrivate(), null, notBefore, notAfter, ca, ca ? 0 : -1,
                    purposes, alg, sans, crlUrl, ocspUrl, List.of());
        }
        List<X509Certificate> issuerChain = new ArrayList<>();
        issuerChain.add(issuer.certificate());
        issuerChain.addAll(issuer.issuerChain());
        // Drop the self-signed root from the chain a server sends, as real servers do.
        if (!issuerChain.isEmpty() && Signing.isSelfSigned(issuerChain.get(issuerChain.size() - 1))) {
            issuerChain.remove(issuerChain.size() - 1);
        }
        String alg = signatureAlgorithm != null ? signatureAlgorithm : "SHA256withRSA";
        return Signing.sign(subject, keys, X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
                issuer.privateKey(), issuer.certificate(), notBefore, notAfter, ca, ca ? 0 : -1, purposes, alg, sans,
                crlUrl, ocspUrl, issuerChain);
    }
}
