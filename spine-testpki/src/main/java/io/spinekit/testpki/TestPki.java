package io.spinekit.testpki;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
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
 * TestPki.Issued server = pki.certificate("localhost").issue();
 * TestPki.Issued client = pki.certificate("client.example.nhs.uk").clientAuth().issue();
 * SSLContext serverContext = pki.sslContext(server);
 * }</pre>
 *
 * <p>Bouncy Castle is used through a private provider instance: nothing is registered with the JVM.
 * Instances are immutable and thread-safe.
 */
public final class TestPki {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private final String name;
    private final Issued root;
    private final Issued subCa;

    private TestPki(String name, Issued root, Issued subCa) {
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
        KeyPair rootKeys = rsa(2048);
        X500Name rootName = dn(name + " PTL Root Authority G2", true);
        Issued root = sign(rootName, rootKeys, rootName, rootKeys.getPrivate(), null,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)), true, -1,
                null, "SHA256withRSA", List.of(), null, null, List.of());
        KeyPair subKeys = rsa(2048);
        Issued sub = sign(dn(name + " INT Authentication G2", true), subKeys, rootName, rootKeys.getPrivate(),
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
    public Issued root() {
        return root;
    }

    /**
     * The sub CA that issues endpoint certificates by default.
     *
     * @return the sub CA certificate and key, chained to the root
     */
    public Issued subCa() {
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
    public X509CRL crl(Issued issuer, Instant thisUpdate, Instant nextUpdate, List<X509Certificate> revoked) {
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
            b.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(SERIAL.incrementAndGet())));
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").setProvider(BC).build(issuer.privateKey());
            return new JcaX509CRLConverter().setProvider(BC).getCRL(b.build(signer));
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
        return pemOf(crl);
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
        return new CertificateRequest(commonName);
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
    public SSLContext sslContext(Issued identity) {
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
    public static SSLContext sslContext(Issued identity, KeyStore trust) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            char[] pw = "changeit".toCharArray();
            kmf.init(identity == null ? null : identity.keyStore("identity", pw), pw);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), RANDOM);
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
     * @return a builder; call {@link TlsServer.Builder#start()}
     */
    public TlsServer.Builder server(Issued identity) {
        return new TlsServer.Builder(identity, trustStore());
    }

    /** Builds one certificate; obtain it from {@link TestPki#certificate(String)}. Not thread-safe. */
    public final class CertificateRequest {
        private final String commonName;
        private final List<String> subjectAltNames = new ArrayList<>();
        private boolean sanFromCn = true;
        private Instant notBefore = Instant.now().minus(Duration.ofDays(1));
        private Instant notAfter = Instant.now().plus(Duration.ofDays(365));
        private String keyAlgorithm = "RSA";
        private int rsaBits = 2048;
        private String signatureAlgorithm;
        private List<KeyPurposeId> purposes = List.of(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth);
        private Issued issuer = subCa;
        private boolean selfSigned;
        private boolean ca;
        private String crlUrl;
        private String ocspUrl;

        private CertificateRequest(String commonName) {
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
         * Uses an RSA key of the given size (2048 by default; 1024 for weak-key tests).
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
            this.keyAlgorithm = "EC";
            return this;
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
            this.issuer = root;
            return this;
        }

        /**
         * Issues the certificate from the given CA (for example another PKI's sub CA).
         *
         * @param ca the issuing CA, which must be a CA certificate with its key
         * @return this
         */
        public CertificateRequest issuedBy(Issued ca) {
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
        public Issued issue() {
            KeyPair keys = "EC".equals(keyAlgorithm) ? ec256() : TestPki.rsa(rsaBits);
            X500Name subject = dn(commonName, false);
            List<String> sans = sanFromCn ? List.of(commonName) : List.copyOf(subjectAltNames);
            if (selfSigned) {
                String alg = signatureAlgorithm != null ? signatureAlgorithm
                        : "EC".equals(keyAlgorithm) ? "SHA256withECDSA" : "SHA256withRSA";
                return sign(subject, keys, subject, keys.getPrivate(), null, notBefore, notAfter, ca, ca ? 0 : -1,
                        purposes, alg, sans, crlUrl, ocspUrl, List.of());
            }
            List<X509Certificate> issuerChain = new ArrayList<>();
            issuerChain.add(issuer.certificate());
            issuerChain.addAll(issuer.issuerChain());
            // Drop the self-signed root from the chain a server sends, as real servers do.
            if (!issuerChain.isEmpty() && isSelfSigned(issuerChain.get(issuerChain.size() - 1))) {
                issuerChain.remove(issuerChain.size() - 1);
            }
            String alg = signatureAlgorithm != null ? signatureAlgorithm : "SHA256withRSA";
            return sign(subject, keys, X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
                    issuer.privateKey(), issuer.certificate(), notBefore, notAfter, ca, ca ? 0 : -1, purposes, alg, sans,
                    crlUrl, ocspUrl, issuerChain);
        }
    }

    /**
     * A certificate with its private key and the CA certificates above it (without the root).
     *
     * @param certificate the certificate
     * @param keyPair its key pair
     * @param issuerChain the certificates above it, nearest first, excluding a self-signed root
     */
    public record Issued(X509Certificate certificate, KeyPair keyPair, List<X509Certificate> issuerChain) {
        /**
         * Copies the chain.
         *
         * @param certificate the certificate
         * @param keyPair its key pair
         * @param issuerChain the certificates above it
         */
        public Issued {
            issuerChain = List.copyOf(issuerChain);
        }

        /**
         * The private key.
         *
         * @return the private key
         */
        public PrivateKey privateKey() {
            return keyPair.getPrivate();
        }

        /**
         * The certificate followed by its issuer chain, as a TLS peer sends it.
         *
         * @return leaf first
         */
        public List<X509Certificate> chain() {
            List<X509Certificate> all = new ArrayList<>();
            all.add(certificate);
            all.addAll(issuerChain);
            return List.copyOf(all);
        }

        /**
         * The certificate alone in PEM.
         *
         * @return PEM text
         */
        public String certificatePem() {
            return pem(certificate);
        }

        /**
         * The certificate and its issuer chain in PEM, leaf first.
         *
         * @return PEM text
         */
        public String chainPem() {
            StringBuilder sb = new StringBuilder();
            for (X509Certificate c : chain()) {
                sb.append(pem(c));
            }
            return sb.toString();
        }

        /**
         * The private key in unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY}).
         *
         * @return PEM text
         */
        public String privateKeyPem() {
            return "-----BEGIN PRIVATE KEY-----\n"
                    + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(keyPair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
        }

        /**
         * A PKCS#12 key store holding the key and the chain under one alias.
         *
         * @param alias the entry alias
         * @param password the store and key password
         * @return a new in-memory key store
         */
        public KeyStore keyStore(String alias, char[] password) {
            try {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                ks.setKeyEntry(alias, keyPair.getPrivate(), password, chain().toArray(new Certificate[0]));
                return ks;
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("cannot build key store", e);
            }
        }

        /**
         * Writes {@code <baseName>.crt} (the chain in PEM) and {@code <baseName>.key} (PKCS#8 PEM)
         * into a directory.
         *
         * @param directory an existing directory
         * @param baseName the file name without extension
         * @return the certificate and key paths
         */
        public PemFiles writePem(Path directory, String baseName) {
            try {
                Path crt = directory.resolve(baseName + ".crt");
                Path key = directory.resolve(baseName + ".key");
                Files.writeString(crt, chainPem(), StandardCharsets.US_ASCII);
                Files.writeString(key, privateKeyPem(), StandardCharsets.US_ASCII);
                return new PemFiles(crt, key);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * A real TLS server on the loopback interface for handshake tests: it accepts connections, completes
     * the handshake, greets each client with one line ({@code "hello <client CN>"} or
     * {@code "hello anonymous"}) and then reads until the client closes. It records the client
     * certificates it saw. Obtain one from {@link TestPki#server(Issued)}; close it when done.
     */
    public static final class TlsServer implements AutoCloseable {
        private final javax.net.ssl.SSLServerSocket socket;
        private final List<X509Certificate> clientCertificates = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final java.util.concurrent.atomic.AtomicInteger handshakes = new java.util.concurrent.atomic.AtomicInteger();
        private final Thread acceptor;
        private volatile boolean closed;

        private TlsServer(javax.net.ssl.SSLServerSocket socket) {
            this.socket = socket;
            this.acceptor = new Thread(this::acceptLoop, "test-tls-server-" + socket.getLocalPort());
            this.acceptor.setDaemon(true);
            this.acceptor.start();
        }

        /**
         * The port the server listens on (on 127.0.0.1).
         *
         * @return the port
         */
        public int port() {
            return socket.getLocalPort();
        }

        /**
         * Number of handshakes that completed on the server side.
         *
         * @return the count
         */
        public int handshakes() {
            return handshakes.get();
        }

        /**
         * The leaf client certificates presented in completed handshakes, in order.
         *
         * @return a snapshot
         */
        public List<X509Certificate> clientCertificates() {
            return List.copyOf(clientCertificates);
        }

        /**
         * Server-side handshake failures, in order (for example a rejected client certificate).
         *
         * @return a snapshot
         */
        public List<Throwable> failures() {
            return List.copyOf(failures);
        }

        private void acceptLoop() {
            while (!closed) {
                try {
                    java.net.Socket s = socket.accept();
                    Thread t = new Thread(() -> serve((javax.net.ssl.SSLSocket) s), "test-tls-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    if (!closed) {
                        failures.add(e);
                    }
                }
            }
        }

        private void serve(javax.net.ssl.SSLSocket s) {
            try (s) {
                s.setSoTimeout(30_000);
                s.setTcpNoDelay(true);
                s.startHandshake();
                handshakes.incrementAndGet();
                String who = "anonymous";
                try {
                    java.security.cert.Certificate[] peer = s.getSession().getPeerCertificates();
                    X509Certificate leaf = (X509Certificate) peer[0];
                    clientCertificates.add(leaf);
                    who = leaf.getSubjectX500Principal().getName();
                } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                    // no client certificate (allowed when not required)
                }
                s.getOutputStream().write(("hello " + who + "\n").getBytes(StandardCharsets.UTF_8));
                s.getOutputStream().flush();
                byte[] buf = new byte[1024];
                while (s.getInputStream().read(buf) >= 0) {
                    // discard until the client closes
                }
            } catch (IOException e) {
                if (!closed) {
                    failures.add(e);
                }
            }
        }

        /** Stops accepting and closes the listening socket. */
        @Override
        public void close() {
            closed = true;
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }

        /** Describes a {@link TlsServer}. Defaults: TLS 1.3/1.2 (JDK defaults), full chain, client certificate optional. */
        public static final class Builder {
            private final Issued identity;
            private KeyStore trust;
            private boolean requireClientCertificate;
            private boolean wantClientCertificate = true;
            private boolean leafOnly;
            private String[] protocols;

            private Builder(Issued identity, KeyStore trust) {
                this.identity = Objects.requireNonNull(identity, "identity");
                this.trust = trust;
            }

            /**
             * Requires a client certificate trusted by the server's trust store; the handshake fails without one.
             *
             * @return this
             */
            public Builder requireClientCertificate() {
                this.requireClientCertificate = true;
                return this;
            }

            /**
             * Does not ask for a client certificate at all.
             *
             * @return this
             */
            public Builder noClientCertificate() {
                this.wantClientCertificate = false;
                this.requireClientCertificate = false;
                return this;
            }

            /**
             * Trusts the given store for client certificates instead of this PKI's root.
             *
             * @param trustStore the store
             * @return this
             */
            public Builder trust(KeyStore trustStore) {
                this.trust = Objects.requireNonNull(trustStore, "trustStore");
                return this;
            }

            /**
             * Sends only the leaf certificate, without the intermediate (a common server misconfiguration).
             *
             * @return this
             */
            public Builder leafOnly() {
                this.leafOnly = true;
                return this;
            }

            /**
             * Restricts the server to these protocols, such as {@code "TLSv1", "TLSv1.1"}.
             *
             * @param protocols JSSE protocol names
             * @return this
             */
            public Builder protocols(String... protocols) {
                this.protocols = protocols.clone();
                return this;
            }

            /**
             * Binds to 127.0.0.1 on a free port and starts accepting.
             *
             * @return the running server
             */
            public TlsServer start() {
                Issued presented = leafOnly ? new Issued(identity.certificate(), identity.keyPair(), List.of()) : identity;
                SSLContext ctx = TestPki.sslContext(presented, trust);
                try {
                    javax.net.ssl.SSLServerSocket ss = (javax.net.ssl.SSLServerSocket) ctx.getServerSocketFactory()
                            .createServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
                    if (protocols != null) {
                        ss.setEnabledProtocols(protocols);
                    }
                    if (requireClientCertificate) {
                        ss.setNeedClientAuth(true);
                    } else {
                        ss.setWantClientAuth(wantClientCertificate);
                    }
                    return new TlsServer(ss);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /**
     * Paths of a certificate chain and its key written as PEM.
     *
     * @param certificate the chain file
     * @param privateKey the key file
     */
    public record PemFiles(Path certificate, Path privateKey) {
    }

    /**
     * PEM text of a certificate.
     *
     * @param certificate the certificate
     * @return {@code -----BEGIN CERTIFICATE-----} text
     */
    public static String pem(X509Certificate certificate) {
        return pemOf(certificate);
    }

    private static String pemOf(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static boolean isSelfSigned(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
    }

    private static X500Name dn(String cn, boolean ca) {
        X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE);
        if (ca) {
            b.addRDN(BCStyle.C, "GB").addRDN(BCStyle.O, "nhs").addRDN(BCStyle.OU, "CA");
        } else {
            b.addRDN(BCStyle.O, "nhs").addRDN(BCStyle.OU, "Test");
        }
        return b.addRDN(BCStyle.CN, cn).build();
    }

    private static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits, RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ec256() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    private static Issued sign(X500Name subject, KeyPair subjectKeys, X500Name issuerName, PrivateKey issuerKey,
            X509Certificate issuerCert, Instant notBefore, Instant notAfter, boolean ca, int pathLen,
            List<KeyPurposeId> purposes, String signatureAlgorithm, List<String> sans, String crlUrl, String ocspUrl,
            List<X509Certificate> issuerChain) {
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName,
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter), subject,
                    subjectKeys.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKeys.getPublic()));
            if (issuerCert != null) {
                b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuerCert));
            }
            if (ca) {
                b.addExtension(Extension.basicConstraints, true,
                        pathLen >= 0 ? new BasicConstraints(pathLen) : new BasicConstraints(true));
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                b.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            }
            if (purposes != null && !purposes.isEmpty()) {
                b.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(purposes.toArray(new KeyPurposeId[0])));
            }
            if (!sans.isEmpty()) {
                GeneralName[] names = sans.stream().map(TestPki::generalName).toArray(GeneralName[]::new);
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            }
            if (crlUrl != null) {
                DistributionPoint dp = new DistributionPoint(new DistributionPointName(
                        new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl))), null, null);
                b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {dp}));
            }
            if (ocspUrl != null) {
                b.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                        new AccessDescription(AccessDescription.id_ad_ocsp,
                                new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl))));
            }
            ContentSigner signer = new JcaContentSignerBuilder(signatureAlgorithm).setProvider(BC).build(issuerKey);
            X509Certificate cert = new JcaX509CertificateConverter().setProvider(BC).getCertificate(b.build(signer));
            // Re-encode through the JDK factory so callers get ordinary JDK certificate objects.
            java.security.cert.CertificateFactory cf = java.security.cert.CertificateFactory.getInstance("X.509");
            X509Certificate jdk = (X509Certificate) cf.generateCertificate(
                    new java.io.ByteArrayInputStream(cert.getEncoded()));
            return new Issued(jdk, subjectKeys, issuerChain);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue certificate for " + subject, e);
        }
    }

    private static GeneralName generalName(String name) {
        boolean ip = name.matches("[0-9.]+") || name.contains(":");
        return new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, name);
    }
}
