package io.spinekit.tls;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/** File loading for {@link CertificateInspector#load}: PEM, DER or PKCS#12, recognised by content. */
final class CertificateFiles {
    private CertificateFiles() {
    }

    static CertificateInspector.Loaded load(Path file, char[] password) {
        byte[] bytes = Pem.read(file, "a certificate (PEM, DER or PKCS#12)");
        if (Pem.looksLikePem(bytes)) {
            List<X509Certificate> certs = Pem.loadCertificates(file);
            Optional<PrivateKey> key = Optional.empty();
            if (new String(bytes, StandardCharsets.US_ASCII).contains("PRIVATE KEY-----")) {
                key = Optional.of(Pem.loadPrivateKey(file, password));
            }
            return new CertificateInspector.Loaded(KeyStoreFiles.leafFirst(certs, null), key);
        }
        try {
            return new CertificateInspector.Loaded(Pem.loadCertificates(file), Optional.empty());
        } catch (TlsConfigurationException notDer) {
            return loadPkcs12(file, bytes, password, notDer);
        }
    }

    private static CertificateInspector.Loaded loadPkcs12(Path file, byte[] bytes, char[] password, TlsConfigurationException notDer) {
        char[] pw = password == null ? new char[0] : password;
        KeyStore ks = KeyStoreFiles.open(file, bytes, pw, "PKCS12", "Cannot read " + KeyStoreFiles.quote(file)
                + ": not PEM, not a DER certificate and not PKCS#12 (" + notDer.getMessage() + ")");
        KeyStoreFiles.Contents c = KeyStoreFiles.read(ks, file, pw, "PKCS12", false);
        return new CertificateInspector.Loaded(c.chain(), c.key());
    }
}
