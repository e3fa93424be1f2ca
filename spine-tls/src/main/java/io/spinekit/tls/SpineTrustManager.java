package io.spinekit.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.X509CRL;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.EnumSet;
import javax.net.ssl.CertPathTrustManagerParameters;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * PKIX trust over an explicit set of anchors, delegating to the JDK's own trust manager (which also
 * performs endpoint identification when the socket or engine asks for it), then applying the
 * {@link AlgorithmPolicy} to the chain (the JDK's default constraints refuse SHA-1 only under its
 * own public CAs, and accept RSA 1024), and rewording failures
 * so that they say what is wrong: a chain under the expired G1 live root, a missing intermediate, a
 * self-signed certificate, an unknown CA.
 */
final class SpineTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager delegate;
    private final List<X509Certificate> anchors;

    private SpineTrustManager(X509ExtendedTrustManager delegate, List<X509Certificate> anchors) {
        this.delegate = delegate;
        this.anchors = anchors;
    }

    static SpineTrustManager of(List<X509Certificate> anchors) {
        return of(anchors, List.of());
    }

    /**
     * A trust manager over these anchors that, when CRLs are given, also checks every certificate
     * of the peer's chain against them: a certificate on a CRL of its issuer fails the handshake.
     * Only the given CRLs are used (nothing is fetched, no OCSP); a certificate whose issuer has no
     * current CRL among them is accepted (soft fail), since the NHS does not require relying parties
     * to hold every CRL.
     */
    static SpineTrustManager of(List<X509Certificate> anchors, List<X509CRL> crls) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            int i = 0;
            for (X509Certificate c : anchors) {
                ks.setCertificateEntry("anchor-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            if (crls.isEmpty()) {
                tmf.init(ks);
            } else {
                PKIXBuilderParameters params = new PKIXBuilderParameters(ks, new X509CertSelector());
                params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
                PKIXRevocationChecker checker = (PKIXRevocationChecker) CertPathBuilder.getInstance("PKIX")
                        .getRevocationChecker();
                checker.setOptions(EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
                        PKIXRevocationChecker.Option.NO_FALLBACK, PKIXRevocationChecker.Option.SOFT_FAIL));
                params.setRevocationEnabled(true);
                params.addCertPathChecker(checker);
                tmf.init(new CertPathTrustManagerParameters(params));
            }
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x) {
                    return new SpineTrustManager(x, List.copyOf(anchors));
                }
            }
            throw new TlsConfigurationException("The JDK's PKIX trust manager factory returned no X509 trust manager");
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new TlsConfigurationException("Cannot build the trust manager: " + e.getMessage(), e);
        }
    }

    List<X509Certificate> anchors() {
        return anchors;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        try {
            delegate.checkServerTrusted(chain, authType, socket);
            AlgorithmPolicy.check(chain, anchors);
        } catch (CertificateException e) {
            throw explained(chain, e, socket instanceof SSLSocket s && s.getHandshakeSession() != null
                    ? s.getHandshakeSession().getPeerHost() : null);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        try {
            delegate.checkServerTrusted(chain, authType, engine);
            AlgorithmPolicy.check(chain, anchors);
        } catch (CertificateException e) {
            throw explained(chain, e, engine == null ? null : engine.getPeerHost());
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            delegate.checkServerTrusted(chain, authType);
            AlgorithmPolicy.check(chain, anchors);
        } catch (CertificateException e) {
            throw explained(chain, e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        try {
            delegate.checkClientTrusted(chain, authType, socket);
            AlgorithmPolicy.check(chain, anchors);
        } catch (CertificateException e) {
            throw explained(chain, e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        try {
            delegate.checkClientTrusted(chain, authType, engine);
            AlgorithmPolicy.check(chain, anchors);
        } catch (CertificateException e) {
            throw explained(chain, e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            delegate.checkClientTrusted(chain, authType);
            AlgorithmPolicy.check(chain, anchors);
        } catch (CertificateException e) {
            throw explained(chain, e);
        }
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }

    private CertificateException explained(X509Certificate[] chain, CertificateException e) {
        return explained(chain, e, null);
    }

    private CertificateException explained(X509Certificate[] chain, CertificateException e, String host) {
        ChainDiagnosis d = ChainDiagnosis.of(List.of(chain), anchors, e, host);
        if (d.message().equals(e.getMessage())) {
            return e;
        }
        return new CertificateException(d.message(), e);
    }
}
