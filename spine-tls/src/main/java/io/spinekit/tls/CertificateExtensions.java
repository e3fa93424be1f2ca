package io.spinekit.tls;

import java.io.IOException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/** Readers of the certificate extensions {@link CertificateInspector} reports: key usage, EKU, CRL and OCSP URLs. */
final class CertificateExtensions {
    private static final Map<String, String> EKU_NAMES = Map.of(
            "1.3.6.1.5.5.7.3.1", "serverAuth",
            "1.3.6.1.5.5.7.3.2", "clientAuth",
            "1.3.6.1.5.5.7.3.3", "codeSigning",
            "1.3.6.1.5.5.7.3.4", "emailProtection",
            "1.3.6.1.5.5.7.3.8", "timeStamping",
            "1.3.6.1.5.5.7.3.9", "OCSPSigning",
            "2.5.29.37.0", "anyExtendedKeyUsage");
    private static final String[] KU_NAMES = {"digitalSignature", "nonRepudiation", "keyEncipherment",
        "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};

    static List<String> keyUsage(X509Certificate c) {
        boolean[] ku = c.getKeyUsage();
        List<String> out = new ArrayList<>();
        if (ku != null) {
            for (int i = 0; i < ku.length && i < KU_NAMES.length; i++) {
                if (ku[i]) {
                    out.add(KU_NAMES[i]);
                }
            }
        }
        return out;
    }

    static List<String> extendedKeyUsage(X509Certificate c) {
        try {
            List<String> oids = c.getExtendedKeyUsage();
            return oids == null ? List.of() : oids.stream().map(o -> EKU_NAMES.getOrDefault(o, o)).toList();
        } catch (CertificateParsingException e) {
            return List.of("(unreadable)");
        }
    }

    static List<String> crlUrls(X509Certificate c) {
        byte[] ext = c.getExtensionValue("2.5.29.31");
        if (ext == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        try {
            ASN1Primitive p = JcaX509ExtensionUtils.parseExtensionValue(ext);
            for (DistributionPoint dp : CRLDistPoint.getInstance(p).getDistributionPoints()) {
                DistributionPointName name = dp.getDistributionPoint();
                if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                    for (GeneralName g : GeneralNames.getInstance(name.getName()).getNames()) {
                        if (g.getTagNo() == GeneralName.uniformResourceIdentifier) {
                            out.add(g.getName().toString());
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of("(unreadable CRL distribution points)");
        }
        return List.copyOf(out);
    }

    static List<String> ocspUrls(X509Certificate c) {
        byte[] ext = c.getExtensionValue("1.3.6.1.5.5.7.1.1");
        if (ext == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try {
            AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(
                    JcaX509ExtensionUtils.parseExtensionValue(ext));
            for (AccessDescription d : aia.getAccessDescriptions()) {
                if (d.getAccessMethod().equals(AccessDescription.id_ad_ocsp)
                        && d.getAccessLocation().getTagNo() == GeneralName.uniformResourceIdentifier) {
                    out.add(d.getAccessLocation().getName().toString());
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of("(unreadable authority information access)");
        }
        return List.copyOf(out);
    }

    private CertificateExtensions() {
    }
}
