package io.spinekit.tls;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.jcajce.provider.asymmetric.util.EC5Util;
import org.bouncycastle.jce.spec.ECParameterSpec;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/** Whether a private key belongs to a public key: signs a challenge and verifies it. */
final class KeyMatch {
    private static final byte[] CHALLENGE = "spinekit key match".getBytes(StandardCharsets.US_ASCII);

    private KeyMatch() {
    }

    static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
        if (privateKey instanceof RSAPrivateCrtKey crt && publicKey instanceof RSAPublicKey rsa) {
            return crt.getModulus().equals(rsa.getModulus()) && crt.getPublicExponent().equals(rsa.getPublicExponent());
        }
        if (privateKey instanceof ECPrivateKey ec && publicKey instanceof ECPublicKey ecPub) {
            Boolean quick = ecMatches(ec, ecPub);
            if (quick != null) {
                return quick;
            }
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

    /**
     * Derives the public point from the private scalar (fixed-point comb multiplication, a fraction of
     * the cost of the JDK's ECDSA sign and verify) and compares it; null when the curve is unusual.
     */
    private static Boolean ecMatches(ECPrivateKey privateKey, ECPublicKey publicKey) {
        try {
            ECParameterSpec spec = EC5Util.convertSpec(publicKey.getParams());
            ECParameterSpec privSpec = EC5Util.convertSpec(privateKey.getParams());
            if (!spec.getCurve().equals(privSpec.getCurve()) || !spec.getG().equals(privSpec.getG())) {
                return false;
            }
            ECPoint derived = new FixedPointCombMultiplier().multiply(spec.getG(), privateKey.getS()).normalize();
            return derived.equals(EC5Util.convertPoint(spec.getCurve(), publicKey.getW()).normalize());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
