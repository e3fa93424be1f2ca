package io.spinekit.tls;

import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.util.ssl.SSLSocketVerifier;
import io.spinekit.env.EnvironmentProfile;
import io.spinekit.env.SpineCatalog;
import io.spinekit.env.SpineEnvironment;
import io.spinekit.tls.internal.DeadlineSockets;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.SocketFactory;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;

/**
 * One immutable TLS configuration for talking to Spine: trust, optional client identity and strict
 * protocol settings (TLS 1.3 and 1.2 only, forward-secret AEAD cipher suites only, hostname
 * verification on with the CN fallback NHS certificates need).
 *
 * <pre>{@code
 * SpineTlsContext tls = SpineTlsContext.builder()
 *     .environment(SpineEnvironment.INTEGRATION)                  // NHS PTL CAs for INT
 *     .clientIdentityPem(Path.of("endpoint.crt"), Path.of("endpoint.key"))
 *     .build();
 * CloseableHttpClient http = HttpClients.custom()
 *     .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
 *         .setTlsSocketStrategy(tls.httpClientTlsStrategy()).build())
 *     .build();
 * }</pre>
 *
 * <p>Nothing here touches JVM-global state: no provider is registered, the default
 * {@code SSLContext} and {@code HttpsURLConnection} defaults are left alone, and the JVM's public
 * trust ({@code cacerts}) is used only when {@link Builder#addJvmDefaultTrust()} asks for it.
 * Thread-safe; the identity can be {@linkplain #reloadIdentity() reloaded} from its files while in use.
 */
public final class SpineTlsContext {
    /** The protocols every context enables, newest first. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /**
     * The deadlines of {@link #ldapSocketFactory()} (TCP connect; each answer in full, TLS handshake
     * flights included) and the longest {@link #ldapSocketVerifier()} waits for a handshake: 10 seconds.
     */
    public static final Duration DEFAULT_LDAP_TIMEOUT = Duration.ofSeconds(10);

    private final SSLContext sslContext;
    private final List<String> protocols;
    private final List<String> cipherSuites;
    private final SpineTrustManager trustManager;
    private final ReloadingKeyManager keyManager;
    private final String description;

    private SpineTlsContext(SSLContext sslContext, List<String> protocols, List<String> cipherSuites,
            SpineTrustManager trustManager, ReloadingKeyManager keyManager, String description) {
        this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
        this.protocols = protocols;
        this.cipherSuites = cipherSuites;
        this.trustManager = trustManager;
        this.keyManager = keyManager;
        this.description = description;
    }

    /**
     * Wraps an existing JDK context. The strict protocol list and hostname verification are still
     * applied by {@link #sslParameters()} and the adapters; cipher suites are the context's defaults
     * narrowed to the strong ones.
     *
     * @param sslContext an initialised context
     * @return a TLS context
     */
    public static SpineTlsContext of(SSLContext sslContext) {
        Objects.requireNonNull(sslContext, "sslContext");
        return new SpineTlsContext(sslContext, PROTOCOLS, ContextAssembly.strongSuites(sslContext), null, null,
                "wrapped " + sslContext.getProtocol() + " context");
    }

    /**
     * Starts a builder. Trust must be given (an environment, a profile, certificates or a PEM file);
     * the client identity is optional.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The JDK context. Its socket factories and engines enable only {@link #protocols()} and
     * {@link #cipherSuites()}, but sockets made from it directly do not verify host names: prefer
     * the adapters, or apply {@link #sslParameters()}.
     *
     * @return the SSL context
     */
    public SSLContext sslContext() {
        return sslContext;
    }

    /**
     * Parameters with this context's protocols (TLS 1.3/1.2) and cipher suites and HTTPS endpoint
     * identification on (the JDK's check, which falls back to the CN when a certificate has no DNS
     * subjectAltName).
     *
     * @return new parameters
     */
    public SSLParameters sslParameters() {
        SSLParameters p = sslContext.getDefaultSSLParameters();
        p.setProtocols(protocols.toArray(new String[0]));
        p.setCipherSuites(cipherSuites.toArray(new String[0]));
        p.setEndpointIdentificationAlgorithm("HTTPS");
        return p;
    }

    /**
     * The enabled protocols.
     *
     * @return {@link #PROTOCOLS} unless narrowed to TLS 1.3 on purpose
     */
    public List<String> protocols() {
        return protocols;
    }

    /**
     * The enabled cipher suites, in preference order.
     *
     * @return the suite names
     */
    public List<String> cipherSuites() {
        return cipherSuites;
    }

    /**
     * The trusted certificates (trust anchors).
     *
     * @return the anchors; empty for a context made with {@link #of(SSLContext)}
     */
    public List<X509Certificate> trustedCertificates() {
        return trustManager == null ? List.of() : trustManager.anchors();
    }

    /**
     * The current client identity.
     *
     * @return the identity, or empty when this context presents none
     */
    public Optional<ClientIdentity> clientIdentity() {
        return keyManager == null ? Optional.empty() : Optional.of(keyManager.identity());
    }

    /**
     * Reads the client identity's files again. When they hold a different certificate or key, new
     * handshakes use it from now on (cached client sessions are dropped so none is resumed with the
     * old identity); connections already open are unaffected. On any error the current identity stays.
     *
     * @return true if the identity changed
     * @throws TlsConfigurationException if the files cannot be loaded (naming them), or the identity
     *     was given in memory, or there is no identity
     */
    public boolean reloadIdentity() {
        if (keyManager == null) {
            throw new TlsConfigurationException("This TLS context has no client identity to reload");
        }
        return keyManager.reload();
    }

    /**
     * A host name verifier with the CN fallback (a certificate without a DNS subjectAltName is matched by its CN; a SAN wins when present).
     *
     * @return the verifier
     */
    public HostnameVerifier hostnameVerifier() {
        return SpineHostnameVerifier.INSTANCE;
    }

    /**
     * The TLS strategy for Apache HttpClient 5 (classic client): this context, its protocols and
     * suites, and host name checks by both the JDK (HTTPS endpoint identification) and
     * spinekit's verifier with the CN fallback. Use it with
     * {@code PoolingHttpClientConnectionManagerBuilder.create().setTlsSocketStrategy(...)}. The
     * returned object also implements HttpClient's async {@code TlsStrategy}.
     *
     * <p>Needs {@code org.apache.httpcomponents.client5:httpclient5} on the class path (an optional
     * dependency of spine-tls, which spine-cis brings), version 5.4 or later.
     *
     * @return a new strategy
     * @throws TlsConfigurationException when httpclient5 is missing or older than 5.4, naming the version found
     */
    public TlsSocketStrategy httpClientTlsStrategy() {
        HttpClient5Version.check();
        return HttpClient5Strategy.of(sslContext, protocols, cipherSuites);
    }

    /**
     * A socket factory for UnboundID LDAP ({@code new LDAPConnection(tls.ldapSocketFactory(), ...)} or
     * a connection pool) with the {@linkplain #DEFAULT_LDAP_TIMEOUT default deadlines} of 10 seconds:
     * {@link #ldapSocketFactory(Duration, Duration) ldapSocketFactory(10 s, 10 s)}.
     *
     * @return a new socket factory
     */
    public SocketFactory ldapSocketFactory() {
        return ldapSocketFactory(DEFAULT_LDAP_TIMEOUT, DEFAULT_LDAP_TIMEOUT);
    }

    /**
     * A socket factory for UnboundID LDAP whose every socket has deadlines and this context's TLS:
     * the TCP connect must succeed within {@code connectTimeout}, and every answer (each TLS handshake
     * flight, each LDAP response with all its entries) must arrive in full within {@code responseTimeout}
     * of what was last sent, however slowly the server trickles it, so a connection attempt ends within
     * {@code connectTimeout + 2 x responseTimeout} and a server that accepts and then stalls cannot hang a
     * caller. Each socket enables only this context's protocols and suites and asks the JDK for LDAPS
     * endpoint identification, so the server certificate is checked against the host name (CN fallback
     * included). Pair it with {@link #ldapSocketVerifier()} or use {@link #ldapConnectionOptions()}.
     *
     * <p>The deadline of an answer fails one read, once: a connection that is idle after its answers came
     * (UnboundID's reader thread keeps reading) is not closed by it. Choose {@code responseTimeout} above
     * the time the largest answer takes.
     *
     * @param connectTimeout the TCP connect timeout, positive
     * @param responseTimeout how long each answer may take in all, positive
     * @return a new socket factory (it makes connected sockets only: {@code createSocket()} throws, and
     *     UnboundID then connects through {@code createSocket(InetAddress, int)})
     * @throws TlsConfigurationException if a timeout is not positive
     */
    public SocketFactory ldapSocketFactory(Duration connectTimeout, Duration responseTimeout) {
        ContextAssembly.positive("ldapSocketFactory", connectTimeout, "connectTimeout");
        ContextAssembly.positive("ldapSocketFactory", responseTimeout, "responseTimeout");
        return DeadlineSockets.tls(new StrictSockets.StrictSocketFactory(sslContext.getSocketFactory(),
                protocols.toArray(new String[0]), cipherSuites.toArray(new String[0]), "LDAPS"), null, null,
                connectTimeout, responseTimeout);
    }

    /**
     * An UnboundID socket verifier that checks the server certificate against the host name with
     * spinekit's verifier with the CN fallback (UnboundID's own default trusts any host).
     *
     * <p>It waits at most {@link #DEFAULT_LDAP_TIMEOUT} (10 s) for a TLS handshake still running when
     * UnboundID hands it the socket (UnboundID does so once its connect timeout has passed, even with the
     * handshake unfinished); then it closes the socket and fails with {@code CONNECT_ERROR}, caused by a
     * {@code SocketTimeoutException}. With {@link #ldapSocketFactory()} the sockets' own deadlines end the
     * handshake first.
     *
     * <p>Needs {@code com.unboundid:unboundid-ldapsdk} on the class path (an optional dependency of
     * spine-tls, which spine-ldap brings).
     *
     * @return the verifier
     */
    public SSLSocketVerifier ldapSocketVerifier() {
        return LdapHostnameVerifier.verifier();
    }

    /**
     * UnboundID connection options with {@link #ldapSocketVerifier()} set; adjust timeouts on the copy.
     * Needs UnboundID on the class path, as {@link #ldapSocketVerifier()}.
     *
     * @return new options
     */
    public LDAPConnectionOptions ldapConnectionOptions() {
        return LdapHostnameVerifier.options();
    }

    /**
     * A JDK {@code HttpClient} builder with this context and {@link #sslParameters()}. The JDK client
     * performs HTTPS endpoint identification itself, falling back to the CN when a certificate has no
     * DNS subjectAltName (tested in this module's handshake tests).
     *
     * @return a new builder; add timeouts, proxy and so on before {@code build()}
     */
    public HttpClient.Builder jdkHttpClientBuilder() {
        return HttpClient.newBuilder().sslContext(sslContext).sslParameters(sslParameters());
    }

    /** The trust manager, or null for a wrapped context. */
    SpineTrustManager trustManager() {
        return trustManager;
    }

    /** The key manager, or null without identity. */
    ReloadingKeyManager keyManager() {
        return keyManager;
    }

    @Override
    public String toString() {
        return "SpineTlsContext[" + description + ", protocols " + protocols + "]";
    }

    /**
     * Builds a {@link SpineTlsContext}. Trust sources add up; exactly one client identity may be set.
     * Defaults: no trust (one source is required), no client identity, TLS 1.3 and 1.2, strong suites,
     * identity reloaded only when {@link SpineTlsContext#reloadIdentity()} is called. Not thread-safe.
     */
    public static final class Builder {
        private final TrustCollector trust = new TrustCollector();
        private final IdentityChoice identity = new IdentityChoice();
        private List<String> protocols = PROTOCOLS;
        private List<String> cipherSuites;

        private Builder() {
        }

        /**
         * Trusts a standard environment's NHS CAs: its {@code tls.trust} list from
         * {@link SpineCatalog#load()} (bundled default, overridable), for example the G2 PTL root and
         * NHS INT Authentication G2 plus the G1 PTL root and NHS INT Level 1C for INTEGRATION.
         *
         * @param environment the environment
         * @return this
         * @throws TlsConfigurationException if the catalog's list names an unknown or expired CA
         */
        public Builder environment(SpineEnvironment environment) {
            Objects.requireNonNull(environment, "environment");
            return trust(SpineCatalog.load().profile(environment));
        }

        /**
         * Trusts the CAs listed in a profile's {@code tls.trust} (see {@link EnvironmentProfile#trustChain()}).
         * A standard environment whose list is empty gets its bundled default (see {@link NhsCertificateAuthority#trustedBy}).
         *
         * @param profile an environment profile
         * @return this
         * @throws TlsConfigurationException if a custom environment has no {@code tls.trust}, or the list
         *     names an unknown or expired CA
         */
        public Builder trust(EnvironmentProfile profile) {
            trust.profile(profile);
            return this;
        }

        /**
         * Trusts the given certificates (each becomes a trust anchor), for example a test PKI's root.
         *
         * @param certificates CA (or, deliberately, end-entity) certificates
         * @return this
         * @throws TlsConfigurationException if the collection is empty or holds a G1 live CA
         */
        public Builder trustCertificates(Collection<X509Certificate> certificates) {
            trust.certificates(certificates, null);
            return this;
        }

        /**
         * Trusts every certificate in a PEM file (the whole bundle, roots and intermediates).
         *
         * @param pemFile the PEM file
         * @return this
         * @throws TlsConfigurationException if the file is missing, empty or malformed
         */
        public Builder trustPem(Path pemFile) {
            trust.certificates(Pem.loadCertificates(pemFile), pemFile.toString());
            return this;
        }

        /**
         * Adds, on purpose, the JVM's default public trust (its {@code cacerts}) to the trust, for a
         * client that must reach both Spine and public-CA hosts. Prefer two separate contexts.
         *
         * @return this
         */
        public Builder addJvmDefaultTrust() {
            trust.jvmDefault();
            return this;
        }

        /**
         * Checks peers' certificates against these certificate revocation lists during every
         * handshake: a certificate on a CRL of its issuer fails the handshake as
         * {@link TlsFailure#REVOKED}. Only these CRLs are used (read them with
         * {@link Pem#loadCrls(Path)} from the files the certificates' CRL distribution points
         * publish): nothing is fetched and OCSP is not asked. A certificate whose issuer has no
         * current CRL here is accepted, so an out-of-date CRL stops protecting: refresh by building
         * a new context before the CRLs' next update. Default: no revocation checking, as the JDK.
         *
         * @param crls the CRLs, from any issuers
         * @return this
         */
        public Builder crls(Collection<X509CRL> crls) {
            trust.crls(crls);
            return this;
        }

        /**
         * Presents a client identity from a PEM certificate chain and an unencrypted PEM key.
         *
         * @param certificateChain the certificate (then any intermediates) in PEM
         * @param privateKey the key in PEM (PKCS#1 or PKCS#8; RSA or EC); may be the same file
         * @return this
         */
        public Builder clientIdentityPem(Path certificateChain, Path privateKey) {
            return clientIdentityPem(certificateChain, privateKey, null);
        }

        /**
         * Presents a client identity from a PEM certificate chain and a PEM key, encrypted or not.
         *
         * @param certificateChain the certificate (then any intermediates) in PEM
         * @param privateKey the key in PEM (PKCS#1, PKCS#8 or encrypted PKCS#8; RSA or EC)
         * @param passphrase the key's passphrase, or {@code null}; copied, so the caller may clear it
         * @return this
         */
        public Builder clientIdentityPem(Path certificateChain, Path privateKey, char[] passphrase) {
            Objects.requireNonNull(certificateChain, "certificateChain");
            Objects.requireNonNull(privateKey, "privateKey");
            char[] pw = passphrase == null ? null : passphrase.clone();
            identity.set(() -> ClientIdentity.loadPem(certificateChain, privateKey, pw),
                    () -> ContextAssembly.stamp(certificateChain, privateKey), certificateChain + " + " + privateKey, false);
            return this;
        }

        /**
         * Presents the one key entry of a PKCS#12 file.
         *
         * @param file the {@code .p12}/{@code .pfx} file
         * @param password its password (also the key's); copied
         * @return this
         */
        public Builder clientIdentityPkcs12(Path file, char[] password) {
            Objects.requireNonNull(file, "file");
            char[] pw = password == null ? new char[0] : password.clone();
            identity.set(() -> ClientIdentity.loadPkcs12(file, pw), () -> ContextAssembly.stamp(file), file.toString(), false);
            return this;
        }

        /**
         * Presents the one key entry of a JKS file.
         *
         * @param file the {@code .jks} file
         * @param password its password (also the key's); copied
         * @return this
         */
        public Builder clientIdentityJks(Path file, char[] password) {
            Objects.requireNonNull(file, "file");
            char[] pw = password == null ? new char[0] : password.clone();
            identity.set(() -> ClientIdentity.loadJks(file, pw), () -> ContextAssembly.stamp(file), file.toString(), false);
            return this;
        }

        /**
         * Presents an identity given in memory (it cannot be reloaded).
         *
         * @param privateKey the key
         * @param chain the certificate chain, leaf first
         * @return this
         * @throws TlsConfigurationException if the key does not match the certificate
         */
        public Builder clientIdentity(PrivateKey privateKey, List<X509Certificate> chain) {
            return clientIdentity(ClientIdentity.of(privateKey, chain));
        }

        /**
         * Presents an identity given in memory (it cannot be reloaded).
         *
         * @param identity the identity
         * @return this
         */
        public Builder clientIdentity(ClientIdentity identity) {
            Objects.requireNonNull(identity, "identity");
            this.identity.set(() -> identity, null,
                    "in-memory identity " + identity.certificate().getSubjectX500Principal().getName(), true);
            return this;
        }

        /**
         * Presents an identity held by something else, such as a Spring SSL bundle, that can be renewed
         * in memory: {@link SpineTlsContext#reloadIdentity()} asks the source again and, when it returns
         * another certificate or key, new handshakes use it (as for files). The source is asked once at
         * {@link #build()}; {@link #reloadIdentityEvery(Duration)} does not apply (there are no files to
         * watch), so call {@code reloadIdentity()} when the source says it changed.
         *
         * @param source returns the current identity; may throw to keep the one in use
         * @param description what the source is, for {@link SpineTlsContext#toString()} (no secrets)
         * @return this
         */
        public Builder clientIdentity(Supplier<ClientIdentity> source, String description) {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(description, "description");
            identity.set(source, null, description, false);
            return this;
        }

        /**
         * Lets handshakes pick up a renewed certificate and key: at most once per interval, a
         * handshake checks the identity files' modification times and sizes and, when they changed,
         * loads them (keeping the current identity if the new files are incomplete or mismatched).
         * Without this, only {@link SpineTlsContext#reloadIdentity()} reloads.
         *
         * @param interval how often to look, such as one minute
         * @return this
         */
        public Builder reloadIdentityEvery(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative() || interval.isZero()) {
                throw new TlsConfigurationException("reloadIdentityEvery: interval must be positive, was " + interval);
            }
            identity.reloadEvery(interval);
            return this;
        }

        /**
         * Whether to append missing intermediates to the client chain from the trust and the NHS bundle
         * (default true).
         *
         * @param complete false to send the chain exactly as loaded
         * @return this
         */
        public Builder completeChain(boolean complete) {
            identity.completeChain(complete);
            return this;
        }

        /**
         * Narrows the protocols, on purpose (for example to {@code "TLSv1.3"} only). Only TLS 1.3 and
         * TLS 1.2 are accepted.
         *
         * @param protocols a non-empty subset of {@link SpineTlsContext#PROTOCOLS}
         * @return this
         * @throws TlsConfigurationException for anything else, such as {@code "TLSv1.1"}
         */
        public Builder protocols(String... protocols) {
            this.protocols = ContextAssembly.allowedProtocols(PROTOCOLS, protocols);
            return this;
        }

        /**
         * Replaces the cipher suites, on purpose (for example to reach a legacy endpoint with a suite
         * outside the strict default). Suites with NULL, anonymous, export, RC4, DES/3DES or MD5 are
         * refused.
         *
         * @param suites JSSE suite names, in preference order
         * @return this
         * @throws TlsConfigurationException for an empty list or a weak suite
         */
        public Builder cipherSuites(String... suites) {
            this.cipherSuites = ContextAssembly.notWeak(suites);
            return this;
        }

        /**
         * Builds the context: loads and checks the identity, builds the trust, initialises the JDK context.
         *
         * @return the context
         * @throws TlsConfigurationException if no trust was given, the identity cannot be loaded, or a
         *     cipher suite is not supported by this JVM
         */
        public SpineTlsContext build() {
            if (trust.isEmpty()) {
                throw new TlsConfigurationException("No trust configured: call environment(...), trust(profile),"
                        + " trustCertificates(...) or trustPem(...) (there is deliberately no trust-all option)");
            }
            SpineTrustManager tm = trust.trustManager();
            SSLContext raw = ContextAssembly.newTlsContext();
            ReloadingKeyManager km = identity.keyManager(trust.explicit(), raw);
            ContextAssembly.init(raw, km, tm);
            List<String> suites = cipherSuites == null ? ContextAssembly.strongSuites(raw) : ContextAssembly.checkSupported(raw, cipherSuites);
            SSLContext strict = StrictSockets.strictContext(raw, protocols, suites);
            return new SpineTlsContext(strict, protocols, suites, tm, km, trust.description() + identity.description());
        }
    }
}
