package io.spinekit.tls;

import io.spinekit.core.Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** The parts {@link SpineTlsContext.Builder} assembles a context from: suites, JVM trust, file stamps, session drops. */
final class ContextAssembly {
    /** Strong suites: the TLS 1.3 AEAD suites and TLS 1.2 ECDHE/DHE with AES-GCM or ChaCha20-Poly1305. */
    private static final Pattern STRONG_SUITE = Pattern.compile(
            "TLS_(AES_(128|256)_GCM_SHA(256|384)|CHACHA20_POLY1305_SHA256)"
                    + "|TLS_(ECDHE_ECDSA|ECDHE_RSA|DHE_RSA)_WITH_(AES_(128|256)_GCM_SHA(256|384)|CHACHA20_POLY1305_SHA256)");

    /** Suites never allowed, even on purpose. */
    private static final Pattern WEAK_SUITE = Pattern.compile(".*(NULL|anon|EXPORT|RC4|_DES_|3DES|MD5|SCSV).*");

    private ContextAssembly() {
    }

    /** The protocols asked for, each one of {@code allowed}, without repeats; refuses anything else. */
    static List<String> allowedProtocols(List<String> allowed, String... protocols) {
        if (protocols.length == 0) {
            throw new TlsConfigurationException("protocols: expected at least one of " + allowed);
        }
        List<String> out = new ArrayList<>();
        for (String p : protocols) {
            if (!allowed.contains(p)) {
                throw new TlsConfigurationException("protocols: " + Text.quote(p) + " is not allowed; expected only "
                        + allowed + " (TLS 1.1 and older are insecure and not supported by Spine)");
            }
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    /** The suites given, refusing an empty list and any NULL, anon, export, RC4, DES/3DES or MD5 suite. */
    static List<String> notWeak(String... suites) {
        if (suites.length == 0) {
            throw new TlsConfigurationException("cipherSuites: expected at least one suite");
        }
        for (String s : suites) {
            if (s == null || WEAK_SUITE.matcher(s).matches()) {
                throw new TlsConfigurationException("cipherSuites: " + Text.quote(s) + " is weak and not allowed");
            }
        }
        return List.of(suites);
    }

    /** Refuses a null, zero or negative duration, naming the method and parameter. */
    static void positive(String method, Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new TlsConfigurationException(method + ": " + name + " must be positive, was " + d);
        }
    }

    static SSLContext newTlsContext() {
        try {
            return SSLContext.getInstance("TLS");
        } catch (GeneralSecurityException e) {
            throw new TlsConfigurationException("This JVM has no TLS implementation: " + e.getMessage(), e);
        }
    }

    static void init(SSLContext raw, KeyManager keyManager, TrustManager trustManager) {
        try {
            raw.init(keyManager == null ? new KeyManager[0] : new KeyManager[] {keyManager},
                    new TrustManager[] {trustManager}, new SecureRandom());
        } catch (GeneralSecurityException e) {
            throw new TlsConfigurationException("Cannot initialise the TLS context: " + e.getMessage(), e);
        }
    }

    /** The given trust plus every bundled NHS CA that may be trusted: the CAs an identity's chain is completed from. */
    static List<X509Certificate> withTrustableNhsCas(java.util.Collection<X509Certificate> trust) {
        List<X509Certificate> completion = new ArrayList<>(trust);
        for (NhsCertificateAuthority ca : NhsCertificateAuthority.values()) {
            if (ca.trustable()) {
                completion.add(ca.certificate());
            }
        }
        return completion;
    }

    static List<String> strongSuites(SSLContext ctx) {
        List<String> out = new ArrayList<>();
        for (String s : ctx.getDefaultSSLParameters().getCipherSuites()) {
            if (STRONG_SUITE.matcher(s).matches()) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    static void dropClientSessions(SSLContext ctx) {
        SSLSessionContext sessions = ctx.getClientSessionContext();
        if (sessions == null) {
            return;
        }
        for (byte[] id : Collections.list(sessions.getIds())) {
            SSLSession s = sessions.getSession(id);
            if (s != null) {
                s.invalidate();
            }
        }
    }

    static List<String> checkSupported(SSLContext ctx, List<String> suites) {
        List<String> supported = List.of(ctx.getSupportedSSLParameters().getCipherSuites());
        for (String s : suites) {
            if (!supported.contains(s)) {
                throw new TlsConfigurationException("cipherSuites: " + Text.quote(s) + " is not supported by this JVM");
            }
        }
        return suites;
    }

    static List<X509Certificate> jvmDefaultAnchors() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    return List.of(x.getAcceptedIssuers());
                }
            }
            return List.of();
        } catch (GeneralSecurityException e) {
            throw new TlsConfigurationException("Cannot read the JVM's default trust: " + e.getMessage(), e);
        }
    }

    static String stamp(Path... files) {
        StringBuilder sb = new StringBuilder();
        for (Path f : files) {
            try {
                sb.append(f).append('@').append(Files.getLastModifiedTime(f).toMillis()).append('/')
                        .append(Files.size(f)).append(';');
            } catch (IOException e) {
                sb.append(f).append("@missing;");
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
