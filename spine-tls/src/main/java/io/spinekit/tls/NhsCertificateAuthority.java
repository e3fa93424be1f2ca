package io.spinekit.tls;

import io.spinekit.core.Text;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The NHS certificate authorities bundled with spinekit, with their metadata.
 *
 * <p>Each constant's id is the base name of its PEM file in {@code io/spinekit/tls/pki/} and the
 * name used in an environment's {@code tls.trust} list. The SHA-256 fingerprint of every file is
 * pinned here and checked when the certificate is first loaded: a changed file fails loudly.
 *
 * <p>The G1 live chain ({@link #ROOT_G1}, {@link #LEVEL_1C}) expired on 2024-06-04. It is bundled only
 * to recognise and explain certificates issued under it; it is never trusted.
 */
public enum NhsCertificateAuthority {
    /** NHS PTL Root Authority (G1): the Path to Live root of the first generation. */
    PTL_ROOT_G1("nhs-ptl-root-authority", "NHS PTL Root Authority", Generation.G1, Tier.PATH_TO_LIVE, true,
            "77:59:A0:87:97:7A:9E:37:79:30:93:56:11:49:EE:40:B2:99:C7:02:7F:4F:A2:A1:C4:E9:EE:FE:AB:C1:B7:D8"),
    /** NHS DEV Level 1C: G1 sub CA for the Development environment. */
    DEV_LEVEL_1C("nhs-dev-level-1c", "NHS DEV Level 1C", Generation.G1, Tier.PATH_TO_LIVE, false,
            "CA:6D:FB:3B:CD:B1:67:2D:45:D6:C2:A2:BA:AE:4A:68:54:E3:DD:23:41:1A:92:36:3D:B3:5C:4B:50:5C:01:E8"),
    /** NHS INT Level 1C: G1 sub CA for the Integration environment. */
    INT_LEVEL_1C("nhs-int-level-1c", "NHS INT Level 1C", Generation.G1, Tier.PATH_TO_LIVE, false,
            "67:46:5B:F8:D7:2D:14:93:D4:41:AD:1B:C8:F0:8B:1E:C2:DE:97:71:C1:CC:40:BB:09:B1:1B:B7:2D:E1:4C:0E"),
    /** NHS DEP Level 1C: G1 sub CA for the Deployment environment. */
    DEP_LEVEL_1C("nhs-dep-level-1c", "NHS DEP Level 1C", Generation.G1, Tier.PATH_TO_LIVE, false,
            "7E:1C:6B:12:44:AF:68:EC:86:4F:3A:F7:FD:02:0D:05:2C:2A:09:6F:3E:58:B6:DE:C2:1C:07:A5:84:D8:CA:41"),
    /** NHS PTL Root Authority G2: the Path to Live root of the second generation. */
    PTL_ROOT_G2("nhs-ptl-root-authority-g2", "NHS PTL Root Authority G2", Generation.G2, Tier.PATH_TO_LIVE, true,
            "54:0F:7C:D6:11:15:10:EF:8A:4A:78:93:9B:39:A0:75:C7:1A:68:F0:CE:71:BB:F2:81:41:F7:C6:BE:35:7F:8F"),
    /** NHS INT Authentication G2: G2 Path to Live sub CA (trusted for INT and DEP). */
    INT_AUTHENTICATION_G2("nhs-int-authentication-g2", "NHS INT Authentication G2", Generation.G2,
            Tier.PATH_TO_LIVE, false,
            "EB:17:B9:FE:90:A1:9D:BF:E9:62:BF:41:D3:C9:07:55:8F:6F:78:7E:2F:D1:60:22:68:DF:CA:9D:3F:DB:F8:57"),
    /** NHS Root Authority G2: the live root of the second generation. */
    ROOT_G2("nhs-root-authority-g2", "NHS Root Authority G2", Generation.G2, Tier.LIVE, true,
            "C4:18:CF:A5:0A:AD:03:D8:26:FA:1A:69:32:B8:18:7B:E1:81:93:F4:B2:5A:7A:56:F3:0D:F4:5D:5F:89:F8:F7"),
    /** NHS Authentication G2: the live G2 sub CA. */
    AUTHENTICATION_G2("nhs-authentication-g2", "NHS Authentication G2", Generation.G2, Tier.LIVE, false,
            "1C:B9:4B:89:DD:6E:3C:BE:B4:98:F4:3F:85:AA:C7:F7:EA:3A:83:38:05:BA:0A:37:39:6D:66:9E:AA:79:46:39"),
    /** NHS Root Authority (G1): the live root of the first generation, expired 2024-06-04; never trusted. */
    ROOT_G1("nhs-root-authority", "NHS Root Authority", Generation.G1, Tier.LIVE, true,
            "CB:7F:39:ED:D2:61:63:1F:E9:59:95:03:0F:79:3C:90:D3:DB:6D:84:91:2B:0F:F7:A1:A9:6F:ED:EA:6D:9F:10"),
    /** NHS Level 1C: the live G1 sub CA, expired 2024-06-04; never trusted. */
    LEVEL_1C("nhs-level-1c", "NHS Level 1C", Generation.G1, Tier.LIVE, false,
            "B2:A9:83:F5:28:4F:26:7C:9E:77:05:AF:4A:69:38:7B:8D:2A:F5:E2:81:E1:94:E6:A2:79:E0:33:B0:6C:7F:DF");

    /** The NHS PKI generation. G1 live certificates expired in 2024; G2 replaced them. */
    public enum Generation {
        /** First generation (SHA-1/SHA-256, "Level 1C" sub CAs). */
        G1,
        /** Second generation ("Authentication G2" sub CAs). */
        G2
    }

    /** Which Spine environments a CA serves. */
    public enum Tier {
        /** The Path to Live environments: Development, Integration, Deployment. */
        PATH_TO_LIVE,
        /** Live (production). */
        LIVE
    }

    private final String id;
    private final String commonName;
    private final Generation generation;
    private final Tier tier;
    private final boolean root;
    private final String sha256;
    private volatile X509Certificate certificate;

    NhsCertificateAuthority(String id, String commonName, Generation generation, Tier tier, boolean root,
            String sha256) {
        this.id = id;
        this.commonName = commonName;
        this.generation = generation;
        this.tier = tier;
        this.root = root;
        this.sha256 = sha256;
    }

    /**
     * The id: the PEM file's base name and the name in {@code tls.trust} lists.
     *
     * @return for example {@code "nhs-int-authentication-g2"}
     */
    public String id() {
        return id;
    }

    /**
     * The subject common name.
     *
     * @return for example {@code "NHS INT Authentication G2"}
     */
    public String commonName() {
        return commonName;
    }

    /**
     * The generation.
     *
     * @return G1 or G2
     */
    public Generation generation() {
        return generation;
    }

    /**
     * Which environments this CA serves.
     *
     * @return Path to Live or Live
     */
    public Tier tier() {
        return tier;
    }

    /**
     * Whether this is a self-signed root (otherwise a sub CA).
     *
     * @return true for roots
     */
    public boolean isRoot() {
        return root;
    }

    /**
     * The pinned SHA-256 fingerprint of the certificate.
     *
     * @return upper-case hex pairs separated by colons
     */
    public String sha256Fingerprint() {
        return sha256;
    }

    /**
     * Whether spinekit will ever put this CA into a trust store. False only for the expired G1 live chain.
     *
     * @return true unless this is {@link #ROOT_G1} or {@link #LEVEL_1C}
     */
    public boolean trustable() {
        return this != ROOT_G1 && this != LEVEL_1C;
    }

    /**
     * The bundled certificate, loaded once and checked against the pinned fingerprint.
     *
     * @return the certificate
     * @throws TlsConfigurationException if the bundled file is missing or its fingerprint differs
     */
    public X509Certificate certificate() {
        X509Certificate c = certificate;
        if (c == null) {
            c = load();
            certificate = c;
        }
        return c;
    }

    /**
     * The end of the certificate's validity.
     *
     * @return the notAfter date (UTC)
     */
    public LocalDate notAfter() {
        return LocalDate.ofInstant(certificate().getNotAfter().toInstant(), ZoneOffset.UTC);
    }

    /**
     * Whether the certificate has expired at the given time.
     *
     * @param now the time to check
     * @return true after notAfter
     */
    public boolean expiredAt(Instant now) {
        return now.isAfter(certificate().getNotAfter().toInstant());
    }

    /**
     * The CAs an environment profile trusts: its {@code tls.trust} list, or for a standard environment
     * whose list is empty, the bundled default of that environment. Their {@link #certificate()}s are
     * the trust to give another client.
     *
     * @param profile an environment profile
     * @return the CAs in order
     * @throws TlsConfigurationException if a custom environment has no {@code tls.trust}, or the list
     *     names an unknown or expired CA
     */
    public static List<NhsCertificateAuthority> trustedBy(io.spinekit.env.EnvironmentProfile profile) {
        return NhsTrust.forProfile(profile);
    }

    /**
     * Finds a CA by id, case-insensitively.
     *
     * @param id for example {@code "nhs-ptl-root-authority-g2"}
     * @return the CA
     * @throws TlsConfigurationException naming the id and listing the known ids
     */
    public static NhsCertificateAuthority byId(String id) {
        String t = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (NhsCertificateAuthority ca : values()) {
            if (ca.id.equals(t)) {
                return ca;
            }
        }
        throw new TlsConfigurationException("Unknown NHS CA id " + Text.quote(id) + "; known ids: "
                + Arrays.stream(values()).map(NhsCertificateAuthority::id).collect(Collectors.joining(", ")));
    }

    /**
     * The bundled CA with exactly this certificate, if any.
     *
     * @param certificate a certificate
     * @return the CA whose certificate equals it
     */
    public static Optional<NhsCertificateAuthority> find(X509Certificate certificate) {
        for (NhsCertificateAuthority ca : values()) {
            if (ca.certificate().equals(certificate)) {
                return Optional.of(ca);
            }
        }
        return Optional.empty();
    }

    /**
     * The bundled CA that issued this certificate (subject name matches its issuer and the signature
     * verifies), if any.
     *
     * @param certificate a certificate
     * @return the issuing CA
     */
    public static Optional<NhsCertificateAuthority> findIssuer(X509Certificate certificate) {
        for (NhsCertificateAuthority ca : values()) {
            if (Certificates.issued(ca.certificate(), certificate)) {
                return Optional.of(ca);
            }
        }
        return Optional.empty();
    }

    /**
     * All bundled CA certificates in declaration order.
     *
     * @return the certificates
     */
    static List<X509Certificate> allCertificates() {
        return Arrays.stream(values()).map(NhsCertificateAuthority::certificate).toList();
    }

    private X509Certificate load() {
        String resource = "pki/" + id + ".pem";
        try (InputStream in = NhsCertificateAuthority.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new TlsConfigurationException("Bundled CA certificate io/spinekit/tls/" + resource
                        + " is missing from the spine-tls jar; the build is broken");
            }
            String pem = new String(in.readNBytes(64 * 1024), StandardCharsets.US_ASCII);
            List<X509Certificate> certs = Pem.parseCertificates(pem, "bundled " + resource);
            X509Certificate c = certs.get(0);
            String actual = Certificates.sha256(c);
            if (certs.size() != 1 || !actual.equals(sha256)) {
                throw new TlsConfigurationException("Bundled CA certificate " + resource + " has SHA-256 fingerprint "
                        + actual + " but " + sha256 + " is pinned for " + commonName
                        + "; the jar has been altered. Use an unmodified spine-tls jar");
            }
            return c;
        } catch (IOException e) {
            throw new TlsConfigurationException("Cannot read bundled CA certificate " + resource + ": " + e.getMessage(), e);
        }
    }
}
