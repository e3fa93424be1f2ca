package io.spinekit.testpki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A certificate with its private key and the CA certificates above it (without the root).
 *
 * @param certificate the certificate
 * @param keyPair its key pair
 * @param issuerChain the certificates above it, nearest first, excluding a self-signed root
 */
public record IssuedCertificate(X509Certificate certificate, KeyPair keyPair, List<X509Certificate> issuerChain) {
    /**
     * Copies the chain.
     *
     * @param certificate the certificate
     * @param keyPair its key pair
     * @param issuerChain the certificates above it
     */
    public IssuedCertificate {
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
        return TestPki.pem(certificate);
    }

    /**
     * The certificate and its issuer chain in PEM, leaf first.
     *
     * @return PEM text
     */
    public String chainPem() {
        StringBuilder sb = new StringBuilder();
        for (X509Certificate c : chain()) {
            sb.append(TestPki.pem(c));
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
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
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
