package io.spinekit.tls;

import io.spinekit.core.Text;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A TLS identity: a private key and its certificate chain, leaf first.
 *
 * <p>Construction checks that the chain is not empty and that the key matches the leaf certificate,
 * so an instance is always usable. Load one from PEM, PKCS#12 or JKS with the {@code load*}
 * factories, or make one from objects in memory with {@link #of(PrivateKey, List)}. Immutable and
 * thread-safe.
 *
 * @param privateKey the private key
 * @param chain the certificate chain, leaf first, usually without the root
 */
public record ClientIdentity(PrivateKey privateKey, List<X509Certificate> chain) {

    /**
     * Validates and copies.
     *
     * @param privateKey the private key
     * @param chain the chain, leaf first
     * @throws TlsConfigurationException if the chain is empty or the key does not match the leaf
     */
    public ClientIdentity {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(chain, "chain");
        if (chain.isEmpty()) {
            throw new TlsConfigurationException("A client identity needs at least one certificate; the chain is empty");
        }
        chain = List.copyOf(chain);
        if (!KeyMatch.matches(privateKey, chain.get(0).getPublicKey())) {
            throw new TlsConfigurationException("The private key (" + privateKey.getAlgorithm()
                    + ") does not match the certificate " + chain.get(0).getSubjectX500Principal().getName()
                    + " (serial " + chain.get(0).getSerialNumber().toString(16) + "); use the key the certificate"
                    + " was requested with (the CSR's key)");
        }
    }

    /**
     * An identity from objects in memory.
     *
     * @param privateKey the key
     * @param chain the chain, leaf first
     * @return the identity
     * @throws TlsConfigurationException if the key does not match the leaf certificate
     */
    public static ClientIdentity of(PrivateKey privateKey, List<X509Certificate> chain) {
        return new ClientIdentity(privateKey, chain);
    }

    /**
     * Loads an identity from a PEM certificate chain file and a PEM key file (they may be the same
     * file).
     *
     * @param certificateChain PEM file with the certificate first, then any intermediates
     * @param privateKey PEM key file (PKCS#1, PKCS#8 or encrypted PKCS#8; RSA or EC)
     * @param passphrase the key passphrase, or {@code null} for an unencrypted key
     * @return the identity
     * @throws TlsConfigurationException naming the file when either is unreadable or they do not match
     */
    public static ClientIdentity loadPem(Path certificateChain, Path privateKey, char[] passphrase) {
        List<X509Certificate> certs = Pem.loadCertificates(certificateChain);
        PrivateKey key = Pem.loadPrivateKey(privateKey, passphrase);
        try {
            return new ClientIdentity(key, KeyStoreFiles.leafFirst(certs, key));
        } catch (TlsConfigurationException e) {
            throw new TlsConfigurationException(e.getMessage() + " [certificate " + Text.quote(String.valueOf(certificateChain), 200) + ", key "
                    + Text.quote(String.valueOf(privateKey), 200) + "]", e);
        }
    }

    /**
     * Loads the one key entry of a PKCS#12 file, whose key password equals the store password.
     *
     * @param file the {@code .p12}/{@code .pfx} file
     * @param password the store password
     * @return the identity
     * @throws TlsConfigurationException if the file is unreadable, the password is wrong, or it has no
     *     or several key entries
     */
    public static ClientIdentity loadPkcs12(Path file, char[] password) {
        return loadKeyStore(file, password, "PKCS12");
    }

    /**
     * Loads the one key entry of a JKS file, whose key password equals the store password.
     *
     * @param file the {@code .jks} file
     * @param password the store password
     * @return the identity
     * @throws TlsConfigurationException if the file is unreadable, the password is wrong, or it has no
     *     or several key entries
     */
    public static ClientIdentity loadJks(Path file, char[] password) {
        return loadKeyStore(file, password, "JKS");
    }

    /**
     * The leaf certificate.
     *
     * @return the first certificate of the chain
     */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /**
     * This identity with its chain completed from the given CA certificates: while the last
     * certificate is not self-signed and one of {@code authorities} issued it, that CA is appended.
     * Self-signed roots are not appended (peers already hold them).
     *
     * @param authorities candidate intermediate and root CA certificates
     * @return this identity if nothing was added, else a new one with the longer chain
     */
    public ClientIdentity completedFrom(Collection<X509Certificate> authorities) {
        List<X509Certificate> out = new ArrayList<>(chain);
        for (int guard = 0; guard < 8; guard++) {
            X509Certificate last = out.get(out.size() - 1);
            if (Certificates.isSelfIssued(last)) {
                break;
            }
            X509Certificate issuer = null;
            for (X509Certificate ca : authorities) {
                if (Certificates.issued(ca, last) && !out.contains(ca)) {
                    issuer = ca;
                    break;
                }
            }
            if (issuer == null || Certificates.isSelfIssued(issuer)) {
                break;
            }
            out.add(issuer);
        }
        return out.size() == chain.size() ? this : new ClientIdentity(privateKey, out);
    }

    private static ClientIdentity loadKeyStore(Path file, char[] password, String type) {
        byte[] bytes = Pem.read(file, "a " + type + " key store");
        KeyStore ks = KeyStoreFiles.open(file, bytes, password, type, null);
        KeyStoreFiles.Contents c = KeyStoreFiles.read(ks, file, password, type, true);
        return new ClientIdentity(c.key().orElseThrow(), c.chain());
    }
}
