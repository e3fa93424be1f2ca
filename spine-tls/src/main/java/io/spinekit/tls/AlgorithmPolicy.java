package io.spinekit.tls;

import java.security.PublicKey;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;

/**
 * The one algorithm policy of spine-tls ({@link TlsFailure#WEAK_ALGORITHM}), used by both the
 * {@link CertificateInspector} and the trust manager of every {@link SpineTlsContext} (so the probe,
 * the LDAP socket factory, {@code sslParameters()} and the HTTP adapters all enforce it): no SHA-1,
 * MD5 or MD2 signature on any certificate below the trust anchor, no RSA or DSA key under 2048 bits,
 * no EC key on a curve under 256 bits. Nothing JVM-wide is changed (no security property).
 */
final class AlgorithmPolicy {
    /** Smallest RSA (and DSA) modulus accepted. */
    static final int MIN_RSA_BITS = 2048;
    /** Smallest EC curve (order bit length) accepted. */
    static final int MIN_EC_BITS = 256;

    private AlgorithmPolicy() {
    }

    /** A key's algorithm and size in bits (0 when unknown). */
    record KeyFacts(String algorithm, int size) {
    }

    static KeyFacts keyFacts(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return new KeyFacts("RSA", rsa.getModulus().bitLength());
        }
        if (key instanceof ECPublicKey ec) {
            return new KeyFacts("EC", ec.getParams().getOrder().bitLength());
        }
        if (key instanceof DSAPublicKey dsa && dsa.getParams() != null) {
            return new KeyFacts("DSA", dsa.getParams().getP().bitLength());
        }
        if ("EC".equals(key.getAlgorithm())) {
            // A curve the JDK cannot use (such as secp192r1) comes back as a bare X.509 key: read its curve.
            return new KeyFacts("EC", namedCurveBits(key));
        }
        return new KeyFacts(key.getAlgorithm(), 0);
    }

    private static int namedCurveBits(PublicKey key) {
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(key.getEncoded());
            if (info.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier oid) {
                X9ECParameters p = ECNamedCurveTable.getByOID(oid);
                return p == null ? 0 : p.getN().bitLength();
            }
        } catch (RuntimeException unreadable) {
            // size unknown
        }
        return 0;
    }

    /**
     * What is weak about a key, if anything.
     *
     * @return for example "RSA 1024-bit key: too weak (under 2048 bits)"
     */
    static Optional<String> weakness(PublicKey key) {
        return weakness(keyFacts(key));
    }

    static Optional<String> weakness(KeyFacts key) {
        if (("RSA".equals(key.algorithm()) || "DSA".equals(key.algorithm())) && key.size() < MIN_RSA_BITS) {
            return Optional.of(key.algorithm() + " " + key.size() + "-bit key: too weak (under " + MIN_RSA_BITS + " bits)");
        }
        if ("EC".equals(key.algorithm()) && key.size() < MIN_EC_BITS) {
            return Optional.of("EC " + (key.size() == 0 ? "unknown-size" : key.size() + "-bit") + " key: too weak (under "
                    + MIN_EC_BITS + " bits)");
        }
        return Optional.empty();
    }

    /**
     * Whether the certificate's signature algorithm is weak (SHA-1, MD5, MD2).
     *
     * @return for example "signed with SHA1withRSA: SHA-1 and MD5 signatures are broken"
     */
    static Optional<String> weakSignature(X509Certificate c) {
        String alg = c.getSigAlgName();
        String upper = alg.toUpperCase(Locale.ROOT);
        if (upper.contains("SHA1") || upper.contains("SHA-1") || upper.contains("MD5") || upper.contains("MD2")) {
            return Optional.of("signed with " + alg + ": SHA-1 and MD5 signatures are broken and refused by current TLS stacks");
        }
        return Optional.empty();
    }

    /**
     * The first weakness of a chain, leaf first, naming the certificate: keys and signatures of every
     * certificate below the trust anchor (a trusted certificate, and what is above it, is not
     * judged; a self-signed certificate's own signature is not judged either).
     */
    static Optional<String> weakness(List<X509Certificate> chain, Collection<X509Certificate> anchors) {
        for (X509Certificate c : chain) {
            if (anchors.contains(c)) {
                break;
            }
            Optional<String> w = weakness(c.getPublicKey());
            if (w.isEmpty() && !Certificates.isSelfIssued(c)) {
                w = weakSignature(c);
            }
            if (w.isPresent()) {
                return Optional.of(Certificates.shortName(c) + ": " + w.get());
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses a chain that breaks the policy, with a {@link CertPathValidatorException} of reason
     * {@code ALGORITHM_CONSTRAINED} as cause (as the JDK's own constraint checks do).
     */
    static void check(X509Certificate[] chain, Collection<X509Certificate> anchors) throws CertificateException {
        Optional<String> w = weakness(List.of(chain), anchors);
        if (w.isPresent()) {
            String m = "the chain of " + Certificates.shortName(chain[0]) + " breaks the algorithm policy: " + w.get();
            throw new CertificateException(m, new CertPathValidatorException(m, null, null, -1,
                    CertPathValidatorException.BasicReason.ALGORITHM_CONSTRAINED));
        }
    }
}
