package io.spinekit.tls;

import io.spinekit.core.Text;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * A new key pair and a PKCS#10 certificate signing request for a Spine endpoint: CN = the endpoint's
 * FQDN (NHS endpoint certificates are issued that way), with optional O, OU, L, ST and C, and a DNS
 * subjectAltName request for the FQDN.
 *
 * <pre>{@code
 * Csr csr = Csr.builder("my-endpoint.example.nhs.uk").build();      // RSA 2048
 * csr.write(Path.of("endpoint.key"), Path.of("endpoint.csr"), passphrase, false);
 * }</pre>
 *
 * Defaults: RSA 2048 with SHA256withRSA ({@link Builder#ec()} for EC P-256 with SHA256withECDSA).
 * {@link #write} writes both files atomically, the key owner-only (and encrypted when a passphrase
 * is given), and never replaces existing files unless forced. Immutable; the private key stays in
 * memory only as long as the instance.
 */
public final class Csr {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private final String fqdn;
    private final KeyPair keyPair;
    private final PKCS10CertificationRequest request;

    private Csr(String fqdn, KeyPair keyPair, PKCS10CertificationRequest request) {
        this.fqdn = fqdn;
        this.keyPair = keyPair;
        this.request = request;
    }

    /**
     * Starts a request for an endpoint.
     *
     * @param fqdn the endpoint's fully qualified domain name (becomes the CN)
     * @return a builder
     * @throws TlsConfigurationException if the name is not a valid FQDN
     */
    public static Builder builder(String fqdn) {
        return new Builder(checkFqdn(fqdn));
    }

    /**
     * The FQDN (the CN).
     *
     * @return the lower-case FQDN
     */
    public String fqdn() {
        return fqdn;
    }

    /**
     * The subject as RFC 2253 text.
     *
     * @return for example {@code CN=my-endpoint.example.nhs.uk,O=Example Trust}
     */
    public String subject() {
        return request.getSubject().toString();
    }

    /**
     * The key algorithm.
     *
     * @return {@code RSA} or {@code EC}
     */
    public String keyAlgorithm() {
        return keyPair.getPrivate().getAlgorithm();
    }

    /**
     * The generated key pair.
     *
     * @return the key pair
     */
    public KeyPair keyPair() {
        return keyPair;
    }

    /**
     * The DER encoding of the request.
     *
     * @return the PKCS#10 bytes
     */
    public byte[] encoded() {
        try {
            return request.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The request in PEM ({@code BEGIN CERTIFICATE REQUEST}), to submit to the NHS.
     *
     * @return PEM text
     */
    public String pem() {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * The private key as PKCS#8 PEM, encrypted when a passphrase is given.
     *
     * @param passphrase the passphrase, or {@code null} for an unencrypted key
     * @return PEM text
     */
    public String privateKeyPem(char[] passphrase) {
        return Pem.encodePrivateKey(keyPair.getPrivate(), passphrase);
    }

    /**
     * Writes the key and the request. Both files are written in full to temporary files, then moved
     * into place; the key file is readable by its owner only (POSIX) and encrypted when a passphrase is
     * given. Without {@code force}, nothing is written if either file exists.
     *
     * @param keyFile where the private key goes
     * @param csrFile where the request goes
     * @param passphrase encrypts the key when non-empty; may be null
     * @param force whether existing files may be replaced
     * @throws TlsConfigurationException if a file exists (without force), the directory is missing or
     *     writing fails; nothing is left half-written
     */
    public void write(Path keyFile, Path csrFile, char[] passphrase, boolean force) {
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(csrFile, "csrFile");
        SecureFiles.writeAll(List.of(new SecureFiles.Output(keyFile, privateKeyPem(passphrase), true),
                new SecureFiles.Output(csrFile, pem(), false)), force);
    }

    private static String checkFqdn(String fqdn) {
        if (fqdn == null || fqdn.isBlank()) {
            throw new TlsConfigurationException("An FQDN is required for the CSR's CN, such as my-endpoint.example.nhs.uk");
        }
        String f = fqdn.trim().toLowerCase(Locale.ROOT);
        if (f.endsWith(".")) {
            f = f.substring(0, f.length() - 1);
        }
        String[] labels = f.split("\\.", -1);
        // The last label must not be all digits: that is an IP address, not a host name.
        boolean ok = f.length() <= 253 && labels.length >= 2 && !labels[labels.length - 1].matches("[0-9]+");
        for (String l : labels) {
            ok &= LABEL.matcher(l).matches();
        }
        if (!ok) {
            throw new TlsConfigurationException(Text.quote(fqdn, 260) + " is not a fully qualified domain name; expected"
                    + " dot-separated labels of letters, digits and hyphens, such as my-endpoint.example.nhs.uk"
                    + " (no wildcards, no IP addresses)");
        }
        return f;
    }

    /** Describes a {@link Csr}. Not thread-safe. */
    public static final class Builder {
        private final String fqdn;
        private boolean ec;
        private String organisation;
        private String organisationalUnit;
        private String locality;
        private String state;
        private String country;
        private boolean subjectAltName = true;

        private Builder(String fqdn) {
            this.fqdn = fqdn;
        }

        /**
         * Uses an EC P-256 key (secp256r1) instead of RSA 2048.
         *
         * @return this
         */
        public Builder ec() {
            this.ec = true;
            return this;
        }

        /**
         * Sets the organisation (O).
         *
         * @param value for example the trust's name; null or blank to leave out
         * @return this
         */
        public Builder organisation(String value) {
            this.organisation = blankToNull(value);
            return this;
        }

        /**
         * Sets the organisational unit (OU).
         *
         * @param value null or blank to leave out
         * @return this
         */
        public Builder organisationalUnit(String value) {
            this.organisationalUnit = blankToNull(value);
            return this;
        }

        /**
         * Sets the locality (L).
         *
         * @param value null or blank to leave out
         * @return this
         */
        public Builder locality(String value) {
            this.locality = blankToNull(value);
            return this;
        }

        /**
         * Sets the state or province (ST).
         *
         * @param value null or blank to leave out
         * @return this
         */
        public Builder state(String value) {
            this.state = blankToNull(value);
            return this;
        }

        /**
         * Sets the country (C), a two-letter ISO 3166 code such as {@code GB}.
         *
         * @param value the code; null or blank to leave out
         * @return this
         * @throws TlsConfigurationException if it is not two letters
         */
        public Builder country(String value) {
            String v = blankToNull(value);
            if (v != null && !v.matches("[A-Za-z]{2}")) {
                throw new TlsConfigurationException("Country " + Text.quote(value) + " must be a two-letter code such as GB");
            }
            this.country = v == null ? null : v.toUpperCase(Locale.ROOT);
            return this;
        }

        /**
         * Leaves out the subjectAltName request (the CN alone then names the endpoint).
         *
         * @return this
         */
        public Builder withoutSubjectAltName() {
            this.subjectAltName = false;
            return this;
        }

        /**
         * Generates the key pair and signs the request.
         *
         * @return the CSR with its key
         */
        public Csr build() {
            try {
                KeyPair keys;
                if (ec) {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                    g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
                    keys = g.generateKeyPair();
                } else {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(2048, RANDOM);
                    keys = g.generateKeyPair();
                }
                X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
                // Most significant first: C, ST, L, O, OU, CN (CN printed first in RFC 2253 text).
                List<Object[]> rdns = new ArrayList<>();
                rdns.add(new Object[] {BCStyle.C, country});
                rdns.add(new Object[] {BCStyle.ST, state});
                rdns.add(new Object[] {BCStyle.L, locality});
                rdns.add(new Object[] {BCStyle.O, organisation});
                rdns.add(new Object[] {BCStyle.OU, organisationalUnit});
                for (Object[] rdn : rdns) {
                    if (rdn[1] != null) {
                        name.addRDN((org.bouncycastle.asn1.ASN1ObjectIdentifier) rdn[0], (String) rdn[1]);
                    }
                }
                name.addRDN(BCStyle.CN, fqdn);
                X500Name subject = name.build();
                JcaPKCS10CertificationRequestBuilder b = new JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic());
                if (subjectAltName) {
                    ExtensionsGenerator ext = new ExtensionsGenerator();
                    ext.addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(new GeneralName(GeneralName.dNSName, fqdn)));
                    b.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate());
                }
                String alg = ec ? "SHA256withECDSA" : "SHA256withRSA";
                PKCS10CertificationRequest req = b.build(new JcaContentSignerBuilder(alg).setProvider(BC)
                        .build(keys.getPrivate()));
                return new Csr(fqdn, keys, req);
            } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
                throw new TlsConfigurationException("Cannot create the CSR for " + fqdn + ": " + e.getMessage(), e);
            }
        }

        private static String blankToNull(String v) {
            return v == null || v.isBlank() ? null : v.trim();
        }
    }
}
