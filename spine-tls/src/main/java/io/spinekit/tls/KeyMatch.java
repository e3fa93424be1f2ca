package io.spinekit.tls;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;

/** Whether a private key belongs to a public key: signs a challenge and verifies it. */
final class KeyMatch {
    private static final byte[] CHALLENGE = "spinekit key match".getBytes(StandardCharsets.US_ASCII);

    private KeyMatch() {
    }

    static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
        if (privateKey instanceof RSAPrivateCrtKey crt && publicKey instanceof RSAPublicKey rsa) {
            return crt.getModulus().equals(rsa.getModulus()) && crt.getPublicExponent().equals(rsa.getPublicExponent());
        }
        String alg = signatureAlgorithm(privateKey, publicKey);
        if (alg == null) {
            return false;
        }
        try {
            Signature signer = Signature.getInstance(alg);
            signer.initSign(privateKey);
            signer.update(CHALLENGE);
            byte[] sig = signer.sign();
            Signature verifier = Signature.getInstance(alg);
            verifier.initVerify(publicKey);
            verifier.update(CHALLENGE);
            return verifier.verify(sig);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static String signatureAlgorithm(PrivateKey privateKey, PublicKey publicKey) {
        String k = privateKey.getAlgorithm();
        String p = publicKey.getAlgorithm();
        if ("RSA".equals(k) && "RSA".equals(p)) {
            return "SHA256withRSA";
        }
        if (("EC".equals(k) || "ECDSA".equals(k)) && publicKey instanceof ECPublicKey) {
            return "SHA256withECDSA";
        }
        if (k.equals(p) && ("Ed25519".equals(k) || "Ed448".equals(k) || "EdDSA".equals(k))) {
            return k;
        }
        return null;
    }
}
