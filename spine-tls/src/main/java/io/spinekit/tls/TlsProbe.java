package io.spinekit.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Makes one real TLS handshake with a server using a {@link SpineTlsContext}, and reports what was
 * negotiated or exactly why it failed: expired or not-yet-valid certificate, wrong host, unknown CA,
 * missing intermediate, self-signed, the expired G1 live chain, weak algorithm, protocol version,
 * no common cipher, client certificate rejected, or no connection.
 *
 * <p>After the handshake it waits briefly ({@code alertWait}, one second by default) for an alert:
 * with TLS 1.3 a server reports a rejected client certificate only after the client has finished
 * its side of the handshake. Thread-safe.
 */
public final class TlsProbe {
    /** Default connect and handshake timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Default time to wait for a post-handshake alert. */
    public static final Duration DEFAULT_ALERT_WAIT = Duration.ofSeconds(1);

    private TlsProbe() {
    }

    /**
     * Handshakes with the default timeouts.
     *
     * @param tls the context (its trust, identity, protocols and suites)
     * @param host the host name (also used for SNI and the host name check)
     * @param port the port
     * @return the report; never throws for a TLS or network failure
     */
    public static HandshakeReport handshake(SpineTlsContext tls, String host, int port) {
        return handshake(tls, host, port, DEFAULT_TIMEOUT, DEFAULT_ALERT_WAIT);
    }

    /**
     * Handshakes.
     *
     * @param tls the context
     * @param host the host name
     * @param port the port
     * @param timeout connect and handshake timeout
     * @param alertWait how long to wait after the handshake for a server alert (zero to skip)
     * @return the report; never throws for a TLS or network failure
     */
    public static HandshakeReport handshake(SpineTlsContext tls, String host, int port, Duration timeout,
            Duration alertWait) {
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new TlsConfigurationException("port must be 1-65535, was " + port);
        }
        RecordingTrust trust = tls.trustManager() == null ? null : new RecordingTrust(tls.trustManager());
        RecordingKeys keys = new RecordingKeys(tls.keyManager());
        SSLContext ctx;
        try {
            ctx = SSLContext.getInstance("TLS");
            ctx.init(new KeyManager[] {keys}, trust == null ? null : new TrustManager[] {trust}, new SecureRandom());
        } catch (GeneralSecurityException e) {
            throw new TlsConfigurationException("Cannot set up the probe: " + e.getMessage(), e);
        }
        if (trust == null) {
            ctx = tls.sslContext();
        }
        Socket plain = new Socket();
        try {
            plain.setTcpNoDelay(true);
        } catch (IOException e) {
            // not essential
        }
        try {
            plain.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
        } catch (IOException e) {
            closeQuietly(plain);
            String why = e instanceof UnknownHostException ? "unknown host " + host
                    : e instanceof ConnectException ? "connection refused by " + host + ":" + port
                    : e instanceof SocketTimeoutException ? "connection to " + host + ":" + port + " timed out after "
                    + timeout.toMillis() + " ms" : e.toString();
            return failed(host, port, null, trust, keys, TlsFailure.CONNECTION_FAILED, why);
        }
        try (SSLSocket ssl = (SSLSocket) ctx.getSocketFactory().createSocket(plain, host, port, true)) {
            ssl.setSSLParameters(tls.sslParameters());
            ssl.setSoTimeout((int) timeout.toMillis());
            ssl.startHandshake();
            SSLSession session = ssl.getSession();
            X509Certificate leaf = (X509Certificate) session.getPeerCertificates()[0];
            Optional<String> mismatch = SpineHostnameVerifier.INSTANCE.mismatch(host, leaf);
            if (mismatch.isPresent()) {
                return failed(host, port, session, trust, keys, TlsFailure.WRONG_HOST, mismatch.get());
            }
            if (!alertWait.isZero() && !alertWait.isNegative()) {
                ssl.setSoTimeout((int) Math.max(1, alertWait.toMillis()));
                try {
                    InputStream in = ssl.getInputStream();
                    in.read();
                } catch (SocketTimeoutException quiet) {
                    // No alert: the server accepted us and is waiting for a request.
                }
            }
            List<X509Certificate> chain = peerChain(session);
            return new HandshakeReport(host, port, true, Optional.of(session.getProtocol()),
                    Optional.of(session.getCipherSuite()), CertificateSummary.of(chain), keys.requested,
                    keys.sent().map(CertificateSummary::of), Optional.empty(),
                    session.getProtocol() + ", " + session.getCipherSuite() + "; server certificate "
                            + Certificates.shortName(leaf)
                            + " verified" + (keys.sent().isPresent() ? "; client certificate "
                            + Certificates.shortName(keys.sent().get()) + " accepted" : ""),
                    Optional.empty());
        } catch (IOException e) {
            return classify(host, port, tls, trust, keys, e);
        }
    }

    private static HandshakeReport classify(String host, int port, SpineTlsContext tls, RecordingTrust trust,
            RecordingKeys keys, IOException e) {
        if (trust != null && trust.failure != null) {
            ChainDiagnosis d = ChainDiagnosis.of(trust.chain, tls.trustedCertificates(), trust.failure, host);
            return failed(host, port, null, trust, keys, d.failure(), d.message());
        }
        String all = ChainDiagnosis.messages(e).toLowerCase(Locale.ROOT);
        boolean serverVerified = trust != null && trust.verified;
        if (all.contains("protocol_version") || all.contains("no appropriate protocol")
                || all.contains("unsupported or unrecognized ssl message") || all.contains("protocol is disabled")) {
            return failed(host, port, null, trust, keys, TlsFailure.PROTOCOL_VERSION, "no common protocol version with "
                    + host + ":" + port + "; this client allows only " + tls.protocols() + " (" + e.getMessage() + ")");
        }
        String sent = keys.sent().map(c -> "the client certificate " + Certificates.shortName(c)
                + " (issued by " + c.getIssuerX500Principal().getName() + ")").orElse(
                keys.requested ? "no client certificate (none is configured)" : "no client certificate");
        if (serverVerified && (all.contains("bad_certificate") || all.contains("certificate_required")
                || all.contains("unknown_ca") || all.contains("certificate_unknown") || all.contains("access_denied")
                || all.contains("handshake_failure") || all.contains("decrypt_error") || all.contains("unsupported_certificate")
                || all.contains("certificate_revoked") || all.contains("certificate_expired"))) {
            return failed(host, port, null, trust, keys, TlsFailure.CLIENT_CERTIFICATE_REJECTED,
                    host + ":" + port + " rejected " + sent + ": " + e.getMessage());
        }
        if (serverVerified && keys.requested && (!(e instanceof SSLException) || all.contains("connection reset")
                || all.contains("broken pipe") || all.contains("remote host terminated"))) {
            // The server's alert can be lost when it closes the connection while the client is still writing.
            return failed(host, port, null, trust, keys, TlsFailure.CLIENT_CERTIFICATE_REJECTED,
                    host + ":" + port + " rejected " + sent + ": it closed the connection after asking for a client"
                            + " certificate (" + e.getMessage() + ")");
        }
        if (all.contains("handshake_failure") || all.contains("insufficient_security")
                || all.contains("no negotiable cipher") || all.contains("no cipher suites in common")) {
            return failed(host, port, null, trust, keys, TlsFailure.NO_COMMON_CIPHER, "no common cipher suite with "
                    + host + ":" + port + " (" + e.getMessage() + ")");
        }
        if (e instanceof SocketTimeoutException) {
            return failed(host, port, null, trust, keys, TlsFailure.CONNECTION_FAILED, "the TLS handshake with "
                    + host + ":" + port + " timed out: is it a TLS port?");
        }
        if (!(e instanceof SSLException) || all.contains("connection reset") || all.contains("remote host terminated")) {
            return failed(host, port, null, trust, keys, TlsFailure.OTHER, "the connection to " + host + ":" + port
                    + " was closed during the handshake (" + e + "); is it a TLS port, and does the server log say why?");
        }
        return failed(host, port, null, trust, keys, TlsFailure.OTHER, String.valueOf(e.getMessage()));
    }

    private static HandshakeReport failed(String host, int port, SSLSession session, RecordingTrust trust,
            RecordingKeys keys, TlsFailure failure, String message) {
        List<X509Certificate> chain = session != null ? peerChain(session)
                : trust != null && trust.chain != null ? trust.chain : List.of();
        return new HandshakeReport(host, port, false,
                Optional.ofNullable(session).map(SSLSession::getProtocol),
                Optional.ofNullable(session).map(SSLSession::getCipherSuite), CertificateSummary.of(chain),
                keys.requested, keys.sent().map(CertificateSummary::of), Optional.of(failure),
                message, Optional.of(failure.fix()));
    }

    private static List<X509Certificate> peerChain(SSLSession session) {
        try {
            return java.util.Arrays.stream(session.getPeerCertificates()).map(c -> (X509Certificate) c).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // ignore
        }
    }

    /** Records the server chain and whether and how its check failed. */
    private static final class RecordingTrust extends X509ExtendedTrustManager {
        private final SpineTrustManager delegate;
        private volatile List<X509Certificate> chain;
        private volatile CertificateException failure;
        private volatile boolean verified;

        RecordingTrust(SpineTrustManager delegate) {
            this.delegate = delegate;
        }

        private void record(X509Certificate[] c, CheckedRunnable check) throws CertificateException {
            chain = List.of(c);
            try {
                check.run();
                verified = true;
            } catch (CertificateException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String a, Socket s) throws CertificateException {
            record(c, () -> delegate.checkServerTrusted(c, a, s));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e) throws CertificateException {
            record(c, () -> delegate.checkServerTrusted(c, a, e));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String a) throws CertificateException {
            record(c, () -> delegate.checkServerTrusted(c, a));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String a, Socket s) throws CertificateException {
            delegate.checkClientTrusted(c, a, s);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) throws CertificateException {
            delegate.checkClientTrusted(c, a, e);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String a) throws CertificateException {
            delegate.checkClientTrusted(c, a);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }

    @FunctionalInterface
    private interface CheckedRunnable {
        void run() throws CertificateException;
    }

    /** Records whether the server asked for a client certificate and which one was sent. */
    private static final class RecordingKeys extends X509ExtendedKeyManager {
        private final ReloadingKeyManager delegate;
        private volatile boolean requested;
        private volatile String alias;

        RecordingKeys(ReloadingKeyManager delegate) {
            this.delegate = delegate;
        }

        Optional<X509Certificate> sent() {
            String a = alias;
            if (a == null || delegate == null) {
                return Optional.empty();
            }
            X509Certificate[] chain = delegate.getCertificateChain(a);
            return chain == null || chain.length == 0 ? Optional.empty() : Optional.of(chain[0]);
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            requested = true;
            alias = delegate == null ? null : delegate.chooseClientAlias(keyType, issuers, socket);
            return alias;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            requested = true;
            alias = delegate == null ? null : delegate.chooseEngineClientAlias(keyType, issuers, engine);
            return alias;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return delegate == null ? null : delegate.getClientAliases(keyType, issuers);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String a) {
            return delegate == null ? null : delegate.getCertificateChain(a);
        }

        @Override
        public PrivateKey getPrivateKey(String a) {
            return delegate == null ? null : delegate.getPrivateKey(a);
        }
    }
}
