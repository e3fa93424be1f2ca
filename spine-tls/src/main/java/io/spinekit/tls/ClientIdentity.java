package io.spinekit.tls;

import io.spinekit.core.Text;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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
            return new ClientIdentity(key, orderLeafFirst(certs, key));
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

    /** Puts the certificate matching the key first; keeps the others in file order. */
    private static List<X509Certificate> orderLeafFirst(List<X509Certificate> certs, PrivateKey key) {
        for (int i = 0; i < certs.size(); i++) {
            if (KeyMatch.matches(key, certs.get(i).getPublicKey())) {
                if (i == 0) {
                    return certs;
                }
                List<X509Certificate> out = new ArrayList<>(certs);
                out.add(0, out.remove(i));
                return out;
            }
        }
        return certs;
    }

    private static ClientIdentity loadKeyStore(Path file, char[] password, String type) {
        byte[] bytes = Pem.read(file, "a " + type + " key store");
        KeyStore ks;
        try {
            ks = KeyStore.getInstance(type);
            ks.load(new ByteArrayInputStream(bytes), password);
        } catch (IOException e) {
            boolean badPassword = e.getCause() instanceof UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("password");
            if (badPassword) {
                throw new TlsConfigurationException("Cannot open " + type + " key store " + Text.quote(file.toString(), 200)
                        + ": wrong password (or the file is corrupt). Check the password or password file", e);
            }
            throw new TlsConfigurationException("Cannot read " + Text.quote(file.toString(), 200) + " as a " + type + " key store: "
                    + e.getMessage() + "; expected a " + type + " file", e);
        } catch (GeneralSecurityException e) {
            throw new TlsConfigurationException("Cannot read " + Text.quote(file.toString(), 200) + " as a " + type + " key store: "
                    + e.getMessage(), e);
        }
        try {
            List<String> keyAliases = new ArrayList<>();
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    keyAliases.add(alias);
                }
            }
            if (keyAliases.size() != 1) {
                throw new TlsConfigurationException(type + " key store " + Text.quote(file.toString(), 200) + " has " + keyAliases.size()
                        + " key entries " + keyAliases.stream().map(Text::quote).toList() + "; expected exactly one private key with its certificate");
            }
            String alias = keyAliases.get(0);
            Key key = ks.getKey(alias, password);
            if (!(key instanceof PrivateKey pk)) {
                throw new TlsConfigurationException("Entry " + Text.quote(alias) + " in " + Text.quote(file.toString(), 200) + " is not a private key");
            }
            Certificate[] chain = ks.getCertificateChain(alias);
            if (chain == null || chain.length == 0) {
                throw new TlsConfigurationException("Entry " + Text.quote(alias) + " in " + Text.quote(file.toString(), 200) + " has no certificate chain");
            }
            List<X509Certificate> certs = new ArrayList<>();
            for (Certificate c : chain) {
                certs.add((X509Certificate) c);
            }
            return new ClientIdentity(pk, certs);
        } catch (UnrecoverableKeyException e) {
            throw new TlsConfigurationException("Cannot recover the private key in " + Text.quote(file.toString(), 200)
                    + ": its key password differs from the store password (or is wrong)", e);
        } catch (GeneralSecurityException e) {
            throw new TlsConfigurationException("Cannot read the key entry in " + Text.quote(file.toString(), 200) + ": " + e.getMessage(), e);
        }
    }
}
