package io.spinekit.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A key manager holding one identity that can be replaced while the context is in use: each
 * handshake picks the current identity. A new identity is loaded completely and checked (key
 * matches certificate) before it replaces the old one, so a half-written renewal never takes
 * effect. Alias names carry a version so a handshake in flight keeps the identity it chose.
 */
final class ReloadingKeyManager extends X509ExtendedKeyManager {
    private static final Logger LOG = LoggerFactory.getLogger(ReloadingKeyManager.class);
    private static final String PREFIX = "spinekit-identity-";

    private final Supplier<ClientIdentity> loader;
    private final Supplier<String> stamp;
    private final Duration checkEvery;
    private final Runnable onChange;
    private final AtomicLong version = new AtomicLong();
    private volatile Snapshot current;
    private volatile Snapshot previous;
    private volatile long lastCheck = System.nanoTime();

    private record Snapshot(String alias, ClientIdentity identity, String stamp) {
    }

    /**
     * @param initial the identity already loaded
     * @param loader loads the identity again from its source, or {@code null} for a fixed identity
     * @param stamp a cheap fingerprint of the source (file times and sizes), or {@code null}
     * @param checkEvery how often a handshake may look at the stamp, or {@code null} for explicit reloads only
     * @param onChange called after the identity changed
     */
    ReloadingKeyManager(ClientIdentity initial, Supplier<ClientIdentity> loader, Supplier<String> stamp,
            Duration checkEvery, Runnable onChange) {
        this.loader = loader;
        this.stamp = stamp;
        this.checkEvery = checkEvery;
        this.onChange = onChange == null ? () -> { } : onChange;
        this.current = new Snapshot(PREFIX + version.incrementAndGet(), Objects.requireNonNull(initial),
                stamp == null ? null : safeStamp());
    }

    ClientIdentity identity() {
        return current.identity();
    }

    boolean reloadable() {
        return loader != null;
    }

    /** Loads the identity again; returns true when it changed. Throws and keeps the old one on failure. */
    synchronized boolean reload() {
        if (loader == null) {
            throw new TlsConfigurationException("This TLS context's client identity was given in memory and cannot be"
                    + " reloaded; build the context from files (clientIdentityPem, clientIdentityPkcs12 or"
                    + " clientIdentityJks) to reload it");
        }
        String s = stamp == null ? null : safeStamp();
        ClientIdentity next = loader.get();
        lastCheck = System.nanoTime();
        Snapshot cur = current;
        if (same(cur.identity(), next)) {
            current = new Snapshot(cur.alias(), cur.identity(), s);
            return false;
        }
        previous = cur;
        current = new Snapshot(PREFIX + version.incrementAndGet(), next, s);
        LOG.info("TLS client identity reloaded: now {} (serial {}, valid until {})",
                next.certificate().getSubjectX500Principal().getName(), next.certificate().getSerialNumber().toString(16),
                next.certificate().getNotAfter().toInstant());
        onChange.run();
        return true;
    }

    private void maybeReload() {
        if (checkEvery == null || loader == null || stamp == null) {
            return; // a source without a stamp (an in-memory source) is reloaded only on request
        }
        long now = System.nanoTime();
        if (now - lastCheck < checkEvery.toNanos()) {
            return;
        }
        lastCheck = now;
        String s = safeStamp();
        if (Objects.equals(s, current.stamp())) {
            return;
        }
        try {
            reload();
        } catch (RuntimeException e) {
            // Keep the working identity: a renewal may be half-written (certificate replaced, key not yet).
            LOG.warn("TLS client identity files changed but cannot be loaded; keeping the current identity: {}",
                    e.getMessage());
        }
    }

    private String safeStamp() {
        try {
            return stamp.get();
        } catch (RuntimeException e) {
            return "unreadable:" + e.getMessage();
        }
    }

    private static boolean same(ClientIdentity a, ClientIdentity b) {
        return a.chain().equals(b.chain()) && java.util.Arrays.equals(a.privateKey().getEncoded(), b.privateKey().getEncoded());
    }

    private Snapshot byAlias(String alias) {
        Snapshot c = current;
        if (c.alias().equals(alias)) {
            return c;
        }
        Snapshot p = previous;
        return p != null && p.alias().equals(alias) ? p : null;
    }

    private String aliasFor(String[] keyTypes) {
        maybeReload();
        Snapshot c = current;
        String alg = c.identity().privateKey().getAlgorithm();
        if (keyTypes == null) {
            return c.alias();
        }
        for (String t : keyTypes) {
            if (t == null) {
                continue;
            }
            if (t.equalsIgnoreCase(alg) || ("RSA".equals(alg) && t.equalsIgnoreCase("RSASSA-PSS"))
                    || ("EC".equals(alg) && t.toUpperCase(java.util.Locale.ROOT).startsWith("EC"))) {
                return c.alias();
            }
        }
        return null;
    }

    private String aliasFor(String keyType) {
        return aliasFor(new String[] {keyType});
    }

    // The issuers a server suggests are ignored on purpose: sending the configured certificate lets the
    // server give a clear rejection instead of the client silently sending nothing.
    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return aliasFor(keyType);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return aliasFor(keyType);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return aliasFor(keyType);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return aliasFor(keyType);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        String a = aliasFor(keyType);
        return a == null ? null : new String[] {a};
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return getClientAliases(keyType, issuers);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        Snapshot s = byAlias(alias);
        return s == null ? null : s.identity().chain().toArray(new X509Certificate[0]);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        Snapshot s = byAlias(alias);
        return s == null ? null : s.identity().privateKey();
    }
}
