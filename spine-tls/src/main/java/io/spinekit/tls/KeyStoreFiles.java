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
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * PKCS#12 and JKS reading and leaf-first ordering, written once for {@link ClientIdentity} (exactly one
 * key entry) and {@link CertificateInspector} (a key entry, or only certificates).
 */
final class KeyStoreFiles {
    private KeyStoreFiles() {
    }

    /**
     * What a key store holds.
     *
     * @param key the private key of its key entry, if it has one
     * @param chain the certificates, leaf first
     */
    record Contents(Optional<PrivateKey> key, List<X509Certificate> chain) {
    }

    /**
     * Opens a key store from bytes already read (bounded) from {@code file}.
     *
     * @param notThisType when the bytes are no key store at all, the message to throw (the caller
     *     tried other formats first), or null for "cannot read as a TYPE key store"
     */
    static KeyStore open(Path file, byte[] bytes, char[] password, String type, String notThisType) {
        try {
            KeyStore ks = KeyStore.getInstance(type);
            ks.load(new ByteArrayInputStream(bytes), password);
            return ks;
        } catch (IOException e) {
            boolean badPassword = e.getCause() instanceof UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("password");
            if (badPassword) {
                throw new TlsConfigurationException("Cannot open " + quote(file) + " as a " + type + " key store: "
                        + (password == null || password.length == 0 ? "no password was given: give the key store's password"
                        : "wrong password (the password is wrong, or the file is corrupt): check it"), e);
            }
            throw new TlsConfigurationException(notThisType != null ? notThisType : "Cannot read " + quote(file)
                    + " as a " + type + " key store: " + e.getMessage() + "; expected a " + type + " file", e);
        } catch (GeneralSecurityException e) {
            throw new TlsConfigurationException("Cannot read " + quote(file) + " as a " + type + " key store: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Reads the key entry of a store (its key password equal to the store password), or with
     * {@code oneKey} false and no key entry, its certificates.
     *
     * @param oneKey true to require exactly one key entry with a private key and a chain
     */
    static Contents read(KeyStore ks, Path file, char[] password, String type, boolean oneKey) {
        try {
            List<String> keyAliases = new ArrayList<>();
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    keyAliases.add(alias);
                }
            }
            if (oneKey && keyAliases.size() != 1) {
                throw new TlsConfigurationException(type + " key store " + quote(file) + " has " + keyAliases.size()
                        + " key entries " + keyAliases.stream().map(Text::quote).toList()
                        + "; expected exactly one private key with its certificate");
            }
            if (!keyAliases.isEmpty()) {
                String alias = keyAliases.get(0);
                Key key = ks.getKey(alias, password);
                if (oneKey && !(key instanceof PrivateKey)) {
                    throw new TlsConfigurationException("Entry " + Text.quote(alias) + " in " + quote(file)
                            + " is not a private key");
                }
                List<X509Certificate> certs = x509(ks.getCertificateChain(alias));
                if (certs.isEmpty()) {
                    throw new TlsConfigurationException("Entry " + Text.quote(alias) + " in " + quote(file)
                            + " has no certificate chain");
                }
                Optional<PrivateKey> pk = key instanceof PrivateKey p ? Optional.of(p) : Optional.empty();
                return new Contents(pk, oneKey ? leafFirst(certs, pk.get()) : certs);
            }
            List<X509Certificate> certs = new ArrayList<>();
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.getCertificate(alias) instanceof X509Certificate x) {
                    certs.add(x);
                }
            }
            if (certs.isEmpty()) {
                throw new TlsConfigurationException("PKCS#12 file " + quote(file) + " holds no certificate");
            }
            return new Contents(Optional.empty(), leafFirst(certs, null));
        } catch (UnrecoverableKeyException e) {
            throw new TlsConfigurationException("Cannot recover the private key in " + quote(file)
                    + ": its key password differs from the store password (or is wrong)", e);
        } catch (GeneralSecurityException e) {
            throw new TlsConfigurationException("Cannot read the key entry in " + quote(file) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Orders certificates leaf first. With a key: the certificate matching it first, the others in
     * file order. Without: when they form one chain, from the certificate that issues none of the
     * others up its issuers; otherwise file order.
     */
    static List<X509Certificate> leafFirst(List<X509Certificate> certs, PrivateKey key) {
        if (key != null) {
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
        if (certs.size() < 2) {
            return certs;
        }
        for (X509Certificate candidate : certs) {
            boolean issuesAnother = certs.stream().anyMatch(o -> o != candidate && !Certificates.isSelfIssued(o)
                    && o.getIssuerX500Principal().equals(candidate.getSubjectX500Principal()));
            if (!issuesAnother) {
                List<X509Certificate> out = new ArrayList<>();
                out.add(candidate);
                X509Certificate cur = candidate;
                while (out.size() < certs.size() && !Certificates.isSelfIssued(cur)) {
                    X509Certificate c = cur;
                    Optional<X509Certificate> next = certs.stream()
                            .filter(o -> !out.contains(o) && o.getSubjectX500Principal().equals(c.getIssuerX500Principal()))
                            .findFirst();
                    if (next.isEmpty()) {
                        break;
                    }
                    out.add(next.get());
                    cur = next.get();
                }
                return out.size() == certs.size() ? out : certs;
            }
        }
        return certs;
    }

    private static List<X509Certificate> x509(Certificate[] chain) {
        List<X509Certificate> out = new ArrayList<>();
        if (chain != null) {
            for (Certificate c : chain) {
                out.add((X509Certificate) c);
            }
        }
        return out;
    }

    static String quote(Path file) {
        return Text.quote(file.toString(), 200);
    }
}
