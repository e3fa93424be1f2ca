package io.spinekit.tls;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * The client identity a {@link SpineTlsContext.Builder} was given (at most one): how to load it, how
 * to tell its files changed, whether it may be reloaded and how its chain is completed. Not thread-safe.
 */
final class IdentityChoice {
    private Supplier<ClientIdentity> loader;
    private Supplier<String> stamp;
    private String source;
    private Duration reloadEvery;
    private boolean fixed;
    private boolean completeChain = true;

    /**
     * Sets the identity.
     *
     * @param loader loads it (again on a reload)
     * @param stamp says when its files changed, or null when it has none
     * @param source what it is, for the description
     * @param inMemory true when it can never be reloaded
     * @throws TlsConfigurationException when an identity is already set
     */
    void set(Supplier<ClientIdentity> loader, Supplier<String> stamp, String source, boolean inMemory) {
        if (this.source != null) {
            throw new TlsConfigurationException("A client identity is already set (" + this.source
                    + "); set only one");
        }
        this.loader = loader;
        this.stamp = stamp;
        this.source = source;
        this.fixed = inMemory;
    }

    void reloadEvery(Duration interval) {
        this.reloadEvery = interval;
    }

    void completeChain(boolean complete) {
        this.completeChain = complete;
    }

    /** Such as {@code , identity a.crt + a.key} or {@code , no client identity}. */
    String description() {
        return source == null ? ", no client identity" : ", identity " + source;
    }

    /**
     * Loads the identity and makes its key manager.
     *
     * @param trust the explicit trust, to complete the chain from (with the NHS bundle)
     * @param raw the context whose cached client sessions a reload drops
     * @return the key manager, or null when there is no identity
     */
    ReloadingKeyManager keyManager(Collection<X509Certificate> trust, SSLContext raw) {
        if (loader == null) {
            return null;
        }
        List<X509Certificate> completion = ContextAssembly.withTrustableNhsCas(trust);
        Supplier<ClientIdentity> base = loader;
        Supplier<ClientIdentity> load = completeChain ? () -> base.get().completedFrom(completion) : base;
        ClientIdentity initial = load.get();
        return new ReloadingKeyManager(initial, fixed ? null : load, fixed ? null : stamp,
                fixed ? null : reloadEvery, () -> ContextAssembly.dropClientSessions(raw));
    }
}
