package io.spinekit.testpki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away public key infrastructure shaped like NHS's: a self-signed root ("Test PTL Root
 * Authority G2") that issues a sub CA ("Test INT Authentication G2") that issues endpoint
 * certificates, server and client, with or without subjectAltNames and with any validity.
 *
 * <p>Use it in tests to stand up real TLS servers and clients:
 * <pre>{@code
 * TestPki pki = TestPki.create();
 * IssuedCertificate server = pki.certificate("localhost").issue();
 * IssuedCertificate client = pki.certificate("client.example.nhs.uk").clientAuth().issue();
 * SSLContext serverContext = pki.sslContext(server);
 * }</pre>
 *
 * <p>Bouncy Castle is used through a private provider instance: nothing is registered with the JVM.
 * Instances are immutable and thread-safe.
 */
public final class TestPki {
    private final String name;
    private final IssuedCertificate root;
    private final IssuedCertificate subCa;

    private TestPki(String name, IssuedCertificate root, IssuedCertificate subCa) {
        this.name = name;
        this.root = root;
        this.subCa = subCa;
    }

    /**
     * Creates a PKI named "Test": root "Test PTL Root Authority G2", sub CA "Test INT Authentication G2".
     *
     * @return a new PKI with fresh RSA 2048 CA keys
     */
    public static TestPki create() {
        return create("Test");
    }

    /**
     * Creates a PKI whose CA names start with the given prefix, such as "Other", so that a test can
     * have two unrelated PKIs.
     *
     * @param name prefix of the CA common names
     * @return a new PKI with fresh RSA 2048 CA keys
     */
    public static TestPki create(String name) {
        Objects.requireNonNull(name, "name");
        Instant now = Instant.now();
        KeyPair rootKeys = Signing.rsa(2048);
        X500Name rootName = Signing.dn(name + " PTL Root Authority G2", true);
        IssuedCertificate root = Signing.sign(rootName, rootKeys, rootName, rootKeys.getPrivate(), null,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)), true, -1,
                null, "SHA256withRSA", List.of(), null, null, List.of());
        KeyPair subKeys = Signing.rsa(2048);
        IssuedCertificate sub = Signing.sign(Signing.dn(name + " INT Authentication G2", true), subKeys, rootName, rootKeys.getPrivate(),
                root.certificate(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1825)), true, 0,
                null, "SHA256withRSA", List.of(), null, null, List.of(root.certificate()));
        return new TestPki(name, root, sub);
    }

    /**
     * The prefix of this PKI's CA names.
     *
     * @return for example "Test"
     */
    public String name() {
        return name;
    }

    /**
     * The self-signed root.
     *
     * @return the root CA certificate and key
     */
    public IssuedCertificate root() {
        return root;
    }

    /**
     * The sub CA that issues endpoint certificates by default.
     *
     * @return the sub CA certificate and key, chained to the root
     */
    public IssuedCertificate subCa() {
        return subCa;
    }

    /**
     * A certificate revocation list from the sub CA, current for a week, revoking the given
     * certificates (reason: key compromise).
     *
     * @param revoked the certificates to list as revoked (none for an empty CRL)
     * @return the signed CRL
     */
    public X509CRL crl(X509Certificate... revoked) {
        Instant now = Instant.now();
        return crl(subCa, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(7)), List.of(revoked));
    }

    /**
     * A certificate revocation list signed by a CA of this PKI, such as an out-of-date one.
     *
     * @param issuer the CA that signs it ({@link #subCa()} or {@link #root()}, or another CA of the PKI)
     * @param thisUpdate its issue time
     * @param nextUpdate when the next one is due
     * @param revoked the certificates to list as revoked, each revoked an hour before {@code thisUpdate}
     * @return the signed CRL
     */
    public X509CRL crl(IssuedCertificate issuer, Instant thisUpdate, Instant nextUpdate, List<X509Certificate> revoked) {
        Objects.requireNonNull(issuer, "issuer");
        try {
            X509v2CRLBuilder b = new X509v2CRLBuilder(
                    X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()), Date.from(thisUpdate));
            b.setNextUpdate(Date.from(nextUpdate));
            for (X509Certificate c : revoked) {
                b.addCRLEntry(c.getSerialNumber(), Date.from(thisUpdate.minus(Duration.ofHours(1))), CRLReason.keyCompromise);
            }
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer.certificate()));
            b.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(Signing.SERIAL.incrementAndGet())));
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").setProvider(Signing.BC).build(issuer.privateKey());
            return new JcaX509CRLConverter().setProvider(Signing.BC).getCRL(b.build(signer));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("Cannot sign the test CRL: " + e.getMessage(), e);
        }
    }

    /**
     * A CRL in PEM ({@code -----BEGIN X509 CRL-----}).
     *
     * @param crl the CRL
     * @return the PEM text
     */
    public static String crlPem(X509CRL crl) {
        return Signing.pemOf(crl);
    }

    /**
     * Starts an endpoint certificate with the given common name. By default it is issued by the sub
     * CA, valid from a day ago for a year, RSA 2048 with SHA256withRSA, with a DNS subjectAltName
     * equal to the CN, and usable for both server and client authentication.
     *
     * @param commonName the subject CN, usually the endpoint's FQDN
     * @return a builder
     */
    public CertificateRequest certificate(String commonName) {
        return new CertificateRequest(this, commonName);
    }

    /**
     * A PKCS#12 trust store holding only the root (alias "root").
     *
     * @return a new in-memory trust store
     */
    public KeyStore trustStore() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("root", root.certificate());
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build trust store", e);
        }
    }

    /**
     * The root certificate in PEM.
     *
     * @return PEM text
     */
    public String rootPem() {
        return root.certificatePem();
    }

    /**
     * A JDK {@code SSLContext} (TLS) that presents {@code identity} (may be {@code null}) with its
     * chain and trusts this PKI's root. Handy for test servers; it does not check host names (the
     * JDK's {@code SSLContext} never does by itself).
     *
     * @param identity the certificate to present, or {@code null} for none
     * @return a new SSL context
     */
    public SSLContext sslContext(IssuedCertificate identity) {
        return sslContext(identity, trustStore());
    }

    /**
     * A JDK {@code SSLContext} (TLS) that presents {@code identity} (may be {@code null}) and trusts
     * the given store.
     *
     * @param identity the certificate to present, or {@code null} for none
     * @param trust the trusted roots
     * @return a new SSL context
     */
    public static SSLContext sslContext(IssuedCertificate identity, KeyStore trust) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            char[] pw = "changeit".toCharArray();
            kmf.init(identity == null ? null : identity.keyStore("identity", pw), pw);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), Signing.RANDOM);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build SSL context", e);
        }
    }

    /**
     * Starts describing a loopback TLS server (a real {@code SSLServerSocket}) that presents
     * {@code identity} with its chain and trusts this PKI's root for client certificates.
     *
     * @param identity the server certificate and key
     * @return a builder; call {@link TestTlsServer.Builder#start()}
     */
    public TestTlsServer.Builder server(IssuedCertificate identity) {
        return new TestTlsServer.Builder(identity, trustStore());
    }

    /**
     * PEM text of a certificate.
     *
     * @param certificate the certificate
     * @return {@code -----BEGIN CERTIFICATE-----} text
     */
    public static String pem(X509Certificate certificate) {
        return Signing.pemOf(certificate);
    }
}
