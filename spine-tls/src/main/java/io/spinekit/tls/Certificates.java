package io.spinekit.tls;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/** Small certificate helpers shared inside the module. */
final class Certificates {
    private Certificates() {
    }

    static boolean isSelfIssued(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
    }

    /** True when {@code issuer}'s subject is {@code child}'s issuer and its key verifies the signature. */
    static boolean issued(X509Certificate issuer, X509Certificate child) {
        if (!issuer.getSubjectX500Principal().equals(child.getIssuerX500Principal())) {
            return false;
        }
        try {
            child.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** Upper-case colon-separated SHA-256 fingerprint, as {@code openssl x509 -fingerprint -sha256} prints. */
    static String sha256(X509Certificate c) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
        } catch (CertificateEncodingException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint certificate", e);
        }
    }

    /** The most specific (last) CN of the subject, if any. */
    static Optional<String> commonName(X509Certificate c) {
        try {
            LdapName name = new LdapName(c.getSubjectX500Principal().getName());
            // LdapName lists RDNs from the least significant (rightmost) to the most; the last CN in
            // RFC 2253 order is the first one in the string, which is the most specific.
            List<Rdn> rdns = name.getRdns();
            for (int i = rdns.size() - 1; i >= 0; i--) {
                Rdn rdn = rdns.get(i);
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return Optional.of(String.valueOf(rdn.getValue()));
                }
            }
            return Optional.empty();
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }

    /** DNS names (type 2) in the subjectAltName extension. */
    static List<String> dnsNames(X509Certificate c) {
        return altNames(c, 2);
    }

    /** IP addresses (type 7) in the subjectAltName extension. */
    static List<String> ipAddresses(X509Certificate c) {
        return altNames(c, 7);
    }

    /** True when the certificate has a subjectAltName extension at all. */
    static boolean hasSubjectAltNames(X509Certificate c) {
        return c.getExtensionValue("2.5.29.17") != null;
    }

    private static List<String> altNames(X509Certificate c, int type) {
        try {
            Collection<List<?>> all = c.getSubjectAlternativeNames();
            List<String> out = new ArrayList<>();
            if (all != null) {
                for (List<?> entry : all) {
                    if (entry.size() >= 2 && entry.get(0) instanceof Integer t && t == type
                            && entry.get(1) instanceof String s) {
                        out.add(s);
                    }
                }
            }
            return out;
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    /** Short readable name: the CN, or the whole subject when there is none. */
    static String shortName(X509Certificate c) {
        return commonName(c).orElse(c.getSubjectX500Principal().getName());
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
