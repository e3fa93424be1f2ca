package io.spinekit.tls;

import io.spinekit.core.BoundedFiles;
import io.spinekit.core.FileReadException;
import io.spinekit.core.Text;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads and writes PEM: certificates and private keys; reads certificate revocation lists.
 *
 * <p>Verbs: {@code load*} reads a file, {@code parse*} reads text, {@code encode*} writes text.
 * Private keys are accepted as PKCS#1 ({@code BEGIN RSA PRIVATE KEY}, {@code BEGIN EC PRIVATE KEY},
 * also legacy OpenSSL-encrypted), PKCS#8 ({@code BEGIN PRIVATE KEY}) and encrypted PKCS#8
 * ({@code BEGIN ENCRYPTED PRIVATE KEY}); RSA and EC. Certificates are read from PEM, and
 * {@link #loadCertificates(Path)} also accepts a DER file. Text between PEM blocks (such as
 * OpenSSL's "Bag Attributes") is ignored, so a combined certificate-and-key file works for both.
 *
 * <p>Every failure is a {@link TlsConfigurationException} naming the source and what was expected:
 * empty file, no PEM block, truncated block, malformed base64, wrong passphrase. Bouncy Castle is
 * used through a private provider instance; nothing is registered with the JVM. Thread-safe.
 */
public final class Pem {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PBKDF2_ITERATIONS = 210_000;

    private Pem() {
    }

    /**
     * Reads all certificates from a PEM file (one or more {@code BEGIN CERTIFICATE} blocks) or a DER
     * file holding one certificate.
     *
     * @param file the file
     * @return the certificates in file order, at least one
     * @throws TlsConfigurationException if the file is missing, empty, malformed or has no certificate
     */
    public static List<X509Certificate> loadCertificates(Path file) {
        byte[] bytes = read(file, "a certificate (PEM or DER)");
        if (!looksLikePem(bytes)) {
            try {
                CertificateFactory cf = CertificateFactory.getInstance("X.509");
                Collection<? extends java.security.cert.Certificate> all =
                        cf.generateCertificates(new ByteArrayInputStream(bytes));
                if (all.isEmpty()) {
                    throw new CertificateException("no certificate");
                }
                List<X509Certificate> out = new ArrayList<>();
                for (java.security.cert.Certificate c : all) {
                    out.add((X509Certificate) c);
                }
                return List.copyOf(out);
            } catch (CertificateException | RuntimeException e) {
                throw new TlsConfigurationException("Cannot read " + Text.quote(file.toString(), 200) + ": it is neither PEM (no '-----BEGIN "
                        + "CERTIFICATE-----' line) nor a DER certificate; expected an X.509 certificate", e);
            }
        }
        return parseCertificates(new String(bytes, StandardCharsets.US_ASCII), file.toString());
    }

    /**
     * Reads all certificates from PEM text.
     *
     * @param pem PEM text with one or more {@code BEGIN CERTIFICATE} blocks
     * @param source a name for the text in error messages, such as a file name
     * @return the certificates in order, at least one
     * @throws TlsConfigurationException if the text is empty, malformed or holds no certificate
     */
    public static List<X509Certificate> parseCertificates(String pem, String source) {
        Objects.requireNonNull(pem, "pem");
        List<Object> objects = parseAll(pem, source, "a certificate");
        List<X509Certificate> certs = new ArrayList<>();
        for (Object o : objects) {
            if (o instanceof X509CertificateHolder holder) {
                certs.add(toJdk(holder, source));
            }
        }
        if (certs.isEmpty()) {
            throw new TlsConfigurationException(source + " holds no certificate (found " + describe(objects)
                    + "); expected at least one '-----BEGIN CERTIFICATE-----' block");
        }
        return List.copyOf(certs);
    }

    /**
     * Reads certificate revocation lists from a PEM file (one or more {@code BEGIN X509 CRL} blocks)
     * or a DER file holding one CRL, as the NHS CRL distribution points publish them.
     *
     * @param file the file
     * @return the CRLs in file order, at least one
     * @throws TlsConfigurationException if the file is missing, empty, malformed or has no CRL
     */
    public static List<X509CRL> loadCrls(Path file) {
        byte[] bytes = read(file, "a certificate revocation list (PEM or DER)");
        if (!looksLikePem(bytes)) {
            return List.of(derCrl(bytes, file.toString()));
        }
        String source = file.toString();
        List<Object> objects = parseAll(new String(bytes, StandardCharsets.US_ASCII), source, "a CRL");
        List<X509CRL> crls = new ArrayList<>();
        for (Object o : objects) {
            if (o instanceof X509CRLHolder holder) {
                try {
                    crls.add(derCrl(holder.getEncoded(), source));
                } catch (IOException e) {
                    throw new TlsConfigurationException("Cannot re-encode the CRL in " + source + ": " + e.getMessage(), e);
                }
            }
        }
        if (crls.isEmpty()) {
            throw new TlsConfigurationException(source + " holds no CRL (found " + describe(objects)
                    + "); expected a '-----BEGIN X509 CRL-----' block or a DER CRL");
        }
        return List.copyOf(crls);
    }

    /**
     * Reads one DER-encoded certificate revocation list (as an HTTP CRL distribution point serves it).
     *
     * @param der the bytes
     * @param source a name for the bytes in error messages, such as the URL
     * @return the CRL
     * @throws TlsConfigurationException if the bytes are not a CRL
     */
    public static X509CRL parseCrl(byte[] der, String source) {
        Objects.requireNonNull(der, "der");
        return derCrl(der, source);
    }

    private static X509CRL derCrl(byte[] der, String source) {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        } catch (CRLException | CertificateException | RuntimeException e) {
            throw new TlsConfigurationException("Cannot read " + source + ": it is neither PEM (no '-----BEGIN X509 "
                    + "CRL-----' line) nor a DER certificate revocation list", e);
        }
    }

    /**
     * Reads the one private key in a PEM file.
     *
     * @param file the key file (it may also hold certificates, which are skipped)
     * @param passphrase the passphrase for an encrypted key, or {@code null} when it is not encrypted
     * @return the private key (a JDK key object)
     * @throws TlsConfigurationException if the file is missing, empty, malformed, holds no key or more
     *     than one, is encrypted and no or a wrong passphrase was given
     */
    public static PrivateKey loadPrivateKey(Path file, char[] passphrase) {
        byte[] bytes = read(file, "a PEM private key");
        if (!looksLikePem(bytes)) {
            throw new TlsConfigurationException("Cannot read " + Text.quote(file.toString(), 200) + ": no '-----BEGIN ... PRIVATE KEY-----' line;"
                    + " expected a PEM private key (PKCS#1, PKCS#8 or encrypted PKCS#8)");
        }
        return parsePrivateKey(new String(bytes, StandardCharsets.US_ASCII), passphrase, file.toString());
    }

    /**
     * Reads the one private key in PEM text.
     *
     * @param pem the PEM text
     * @param passphrase the passphrase for an encrypted key, or {@code null}
     * @param source a name for the text in error messages
     * @return the private key
     * @throws TlsConfigurationException as for {@link #loadPrivateKey(Path, char[])}
     */
    public static PrivateKey parsePrivateKey(String pem, char[] passphrase, String source) {
        Objects.requireNonNull(pem, "pem");
        List<Object> objects = parseAll(pem, source, "a private key");
        List<Object> keys = objects.stream()
                .filter(o -> o instanceof PEMKeyPair || o instanceof PrivateKeyInfo
                        || o instanceof PKCS8EncryptedPrivateKeyInfo || o instanceof PEMEncryptedKeyPair)
                .toList();
        if (keys.isEmpty()) {
            throw new TlsConfigurationException(source + " holds no private key (found " + describe(objects)
                    + "); expected a '-----BEGIN PRIVATE KEY-----', '-----BEGIN RSA PRIVATE KEY-----', "
                    + "'-----BEGIN EC PRIVATE KEY-----' or '-----BEGIN ENCRYPTED PRIVATE KEY-----' block");
        }
        if (keys.size() > 1) {
            throw new TlsConfigurationException(source + " holds " + keys.size()
                    + " private keys; expected exactly one (split the file so each key has its own)");
        }
        return toPrivateKey(keys.get(0), passphrase, source);
    }

    /**
     * Encodes certificates as PEM, in order.
     *
     * @param certificates the certificates
     * @return PEM text with one {@code BEGIN CERTIFICATE} block each
     */
    public static String encodeCertificates(List<X509Certificate> certificates) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            for (X509Certificate c : certificates) {
                w.writeObject(c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Encodes a private key as PKCS#8 PEM; encrypted ({@code BEGIN ENCRYPTED PRIVATE KEY}, PBES2 with
     * AES-256-CBC and PBKDF2-HMAC-SHA256) when a non-empty passphrase is given.
     *
     * @param key the private key
     * @param passphrase the passphrase, or {@code null} (or empty) for an unencrypted key
     * @return PEM text
     */
    public static String encodePrivateKey(PrivateKey key, char[] passphrase) {
        Objects.requireNonNull(key, "key");
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            if (passphrase == null || passphrase.length == 0) {
                w.writeObject(new JcaPKCS8Generator(key, null));
            } else {
                var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                        .setProvider(BC)
                        .setRandom(RANDOM)
                        .setPRF(PKCS8Generator.PRF_HMACSHA256)
                        .setIterationCount(PBKDF2_ITERATIONS)
                        .setPassword(passphrase)
                        .build();
                w.writeObject(new JcaPKCS8Generator(key, encryptor));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OperatorCreationException e) {
            throw new TlsConfigurationException("Cannot encrypt the private key: " + e.getMessage(), e);
        }
        return out.toString();
    }

    static boolean looksLikePem(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 64 * 1024), StandardCharsets.ISO_8859_1);
        return head.contains("-----BEGIN ");
    }

    /** The most bytes read from any certificate, key, key store, CRL or trust file: {@value}. */
    static final long MAX_FILE_BYTES = BoundedFiles.SMALL_FILE_LIMIT;

    /**
     * Reads a certificate, key, key store, CRL or trust file, at most {@link #MAX_FILE_BYTES}: a
     * bigger file, a missing or unreadable one each fail with a message that says so.
     */
    static byte[] read(Path file, String expected) {
        Objects.requireNonNull(file, "file");
        byte[] bytes;
        try {
            bytes = BoundedFiles.read(file, MAX_FILE_BYTES, expected.replaceFirst("^an? ", ""));
        } catch (FileReadException e) {
            String why = e.reason() == FileReadException.Reason.NOT_FOUND
                    ? "File not found: " + Text.quote(file.toString(), 200) + "; expected " + expected
                    : e.getMessage() + " (expected " + expected + ")";
            throw new TlsConfigurationException(why, e);
        }
        if (bytes.length == 0 || new String(bytes, StandardCharsets.ISO_8859_1).isBlank()) {
            throw new TlsConfigurationException(Text.quote(file.toString(), 200) + " is empty; expected " + expected);
        }
        return bytes;
    }

    private static List<Object> parseAll(String pem, String source, String expected) {
        if (pem.isBlank()) {
            throw new TlsConfigurationException(source + " is empty; expected " + expected + " in PEM");
        }
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object o;
            while ((o = parser.readObject()) != null) {
                objects.add(o);
            }
        } catch (IOException | RuntimeException e) {
            String why = String.valueOf(e.getMessage());
            String hint = why.contains("not found") ? "the PEM block is truncated (its '-----END' line is missing)"
                    : "the PEM is malformed (" + why + ")";
            throw new TlsConfigurationException("Cannot read " + source + ": " + hint + "; expected " + expected
                    + " in PEM. Re-export the file, or check it was copied whole", e);
        }
        if (objects.isEmpty()) {
            throw new TlsConfigurationException(source + " has no PEM block; expected " + expected
                    + " starting with a '-----BEGIN ...-----' line");
        }
        return objects;
    }

    private static X509Certificate toJdk(X509CertificateHolder holder, String source) {
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            return (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
        } catch (CertificateException | IOException e) {
            throw new TlsConfigurationException("Cannot decode a certificate in " + source + ": " + e.getMessage()
                    + "; expected a valid X.509 certificate", e);
        }
    }

    private static PrivateKey toPrivateKey(Object key, char[] passphrase, String source) {
        try {
            if (key instanceof PEMKeyPair pair) {
                return jdkKey(pair.getPrivateKeyInfo());
            }
            if (key instanceof PrivateKeyInfo info) {
                return jdkKey(info);
            }
            if (passphrase == null || passphrase.length == 0) {
                throw new TlsConfigurationException("The private key in " + source
                        + " is encrypted; supply its passphrase (for example with a password file)");
            }
            PrivateKeyInfo decrypted;
            if (key instanceof PKCS8EncryptedPrivateKeyInfo enc) {
                try {
                    decrypted = enc.decryptPrivateKeyInfo(
                            new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(passphrase));
                } catch (Exception e) {
                    throw wrongPassphrase(source, e);
                }
            } else {
                try {
                    decrypted = ((PEMEncryptedKeyPair) key).decryptKeyPair(
                            new JcePEMDecryptorProviderBuilder().setProvider(BC).build(passphrase)).getPrivateKeyInfo();
                } catch (Exception e) {
                    throw wrongPassphrase(source, e);
                }
            }
            return jdkKey(decrypted);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof TlsConfigurationException t) {
                throw t;
            }
            throw new TlsConfigurationException("Cannot decode the private key in " + source + ": " + e.getMessage()
                    + "; expected an RSA or EC key", e);
        }
    }

    /**
     * Converts through Bouncy Castle (which understands every PEM key layout, including SEC1 EC keys
     * whose curve is only in the inner structure), then re-encodes as standard PKCS#8 for the JDK's
     * own key factory, so the key object works with any JSSE provider.
     */
    private static PrivateKey jdkKey(PrivateKeyInfo info) throws IOException, GeneralSecurityException {
        PrivateKey bcKey = new JcaPEMKeyConverter().setProvider(BC).getPrivateKey(info);
        String alg = switch (bcKey.getAlgorithm()) {
            case "ECDSA", "EC" -> "EC";
            case "RSA" -> "RSA";
            default -> bcKey.getAlgorithm();
        };
        try {
            return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(bcKey.getEncoded()));
        } catch (GeneralSecurityException e) {
            return bcKey;
        }
    }

    private static TlsConfigurationException wrongPassphrase(String source, Exception e) {
        return new TlsConfigurationException("Cannot decrypt the private key in " + source
                + ": wrong passphrase (or the file is corrupt). Check the passphrase or password file", e);
    }

    private static String describe(List<Object> objects) {
        List<String> names = new ArrayList<>();
        for (Object o : objects) {
            String n = o.getClass().getSimpleName();
            names.add(switch (n) {
                case "X509CertificateHolder" -> "a certificate";
                case "X509CRLHolder" -> "a certificate revocation list";
                case "PEMKeyPair", "PrivateKeyInfo" -> "a private key";
                case "PKCS8EncryptedPrivateKeyInfo", "PEMEncryptedKeyPair" -> "an encrypted private key";
                case "SubjectPublicKeyInfo" -> "a public key";
                case "PKCS10CertificationRequest" -> "a certificate request (CSR)";
                case "ASN1ObjectIdentifier" -> "EC parameters";
                default -> n;
            });
        }
        return String.join(", ", names);
    }

    /** Clears a password array, ignoring {@code null}. */
    static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
