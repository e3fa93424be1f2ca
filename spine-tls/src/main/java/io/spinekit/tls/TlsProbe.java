package io.spinekit.tls;

import io.spinekit.core.Text;
import io.spinekit.tls.ProbeRecorders.FirstBytesSocket;
import io.spinekit.tls.ProbeRecorders.RecordingKeys;
import io.spinekit.tls.ProbeRecorders.RecordingTrust;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * Makes one real TLS handshake with a server using a {@link SpineTlsContext}, and reports what was
 * negotiated or exactly why it failed: expired or not-yet-valid certificate, wrong host, unknown CA,
 * missing intermediate, self-signed, the expired G1 live chain, weak algorithm, protocol version,
 * no common cipher, client certificate rejected, not a TLS port, timeout, or no connection.
 *
 * <p>Every probe has a total deadline as well as per-step timeouts: connect, each read of the
 * handshake and the alert wait are each bounded by {@code timeout}, and the whole probe by
 * {@code deadline} (by default {@code timeout + alertWait}), after which the socket is closed and
 * the result is {@link TlsFailure#TIMEOUT}; a server trickling a byte at a time cannot hold it.
 *
 * <p>After the handshake it waits briefly ({@code alertWait}, one second by default) for an alert:
 * with TLS 1.3 a server reports a rejected client certificate only after the client has finished
 * its side of the handshake. A server that asked for a client certificate and then closes the
 * connection without sending anything has refused it, whether it said so with an alert or not.
 * Thread-safe.
 */
public final class TlsProbe {
    /** Default connect and handshake timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Default time to wait for a post-handshake alert. */
    public static final Duration DEFAULT_ALERT_WAIT = Duration.ofSeconds(1);

    /** Closes the sockets of probes past their deadline; one daemon thread, idle when no probe runs. */
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private TlsProbe() {
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor w = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "spine-tls-probe-deadline");
            t.setDaemon(true);
            return t;
        });
        w.setRemoveOnCancelPolicy(true);
        w.setKeepAliveTime(10, TimeUnit.SECONDS);
        w.allowCoreThreadTimeOut(true);
        return w;
    }

    /**
     * The total deadline of a probe with these step timeouts: {@code timeout + alertWait}. A caller
     * running several checks (such as a doctor command) can budget with it.
     *
     * @param timeout connect and per-read handshake timeout
     * @param alertWait the post-handshake alert wait
     * @return the deadline the 5-argument {@link #handshake(SpineTlsContext, String, int, Duration, Duration)} uses
     */
    public static Duration deadlineFor(Duration timeout, Duration alertWait) {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(alertWait, "alertWait");
        return timeout.plus(alertWait.isNegative() ? Duration.ZERO : alertWait);
    }

    /**
     * Handshakes with the default timeouts (total deadline 11 seconds).
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
     * Handshakes within {@link #deadlineFor(Duration, Duration) timeout + alertWait} in all.
     *
     * @param tls the context
     * @param host the host name
     * @param port the port
     * @param timeout connect and per-read handshake timeout
     * @param alertWait how long to wait after the handshake for a server alert (zero to skip)
     * @return the report; never throws for a TLS or network failure
     */
    public static HandshakeReport handshake(SpineTlsContext tls, String host, int port, Duration timeout,
            Duration alertWait) {
        return handshake(tls, host, port, timeout, alertWait, deadlineFor(timeout, alertWait));
    }

    /**
     * Handshakes within a total deadline: when it passes, the socket is closed and the report is
     * {@link TlsFailure#TIMEOUT}, however the server paces its bytes.
     *
     * @param tls the context
     * @param host the host name
     * @param port the port
     * @param timeout connect and per-read handshake timeout (each capped by what is left of the deadline)
     * @param alertWait how long to wait after the handshake for a server alert (zero to skip)
     * @param deadline the most the whole probe may take, positive
     * @return the report; never throws for a TLS or network failure
     * @throws TlsConfigurationException for a port outside 1-65535 or a non-positive timeout or deadline
     */
    public static HandshakeReport handshake(SpineTlsContext tls, String host, int port, Duration timeout,
            Duration alertWait, Duration deadline) {
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(alertWait, "alertWait");
        Objects.requireNonNull(deadline, "deadline");
        if (port < 1 || port > 65535) {
            throw new TlsConfigurationException("port must be 1-65535, was " + port);
        }
        if (timeout.isNegative() || timeout.isZero() || deadline.isNegative() || deadline.isZero()) {
            throw new TlsConfigurationException("timeout and deadline must be positive, were " + timeout + " and "
                    + deadline);
        }
        Probe p = new Probe(tls, host, port, timeout, alertWait, deadline);
        ScheduledFuture<?> cut = WATCHDOG.schedule(p::expire, deadline.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return p.run();
        } finally {
            cut.cancel(false);
            closeQuietly(p.plain);
        }
    }

    /** One probe's state. */
    private static final class Probe {
        private final SpineTlsContext tls;
        private final String host;
        private final int port;
        private final String where;
        private final Duration timeout;
        private final Duration alertWait;
        private final Duration deadline;
        private final long deadlineNanos;
        private final AtomicBoolean expired = new AtomicBoolean();
        private final FirstBytesSocket plain = new FirstBytesSocket();
        private final RecordingTrust trust;
        private final RecordingKeys keys;

        Probe(SpineTlsContext tls, String host, int port, Duration timeout, Duration alertWait, Duration deadline) {
            this.tls = tls;
            this.host = host;
            this.port = port;
            this.where = Text.quote(host) + " port " + port;
            this.timeout = timeout;
            this.alertWait = alertWait;
            this.deadline = deadline;
            this.deadlineNanos = System.nanoTime() + deadline.toNanos();
            this.trust = tls.trustManager() == null ? null : new RecordingTrust(tls.trustManager());
            this.keys = new RecordingKeys(tls.keyManager());
        }

        void expire() {
            expired.set(true);
            closeQuietly(plain);
        }

        /** What is left of the deadline, capped at {@code cap}, in whole milliseconds (at least 1). */
        private int left(Duration cap) {
            long ms = Math.min(cap.toMillis(), TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE, ms));
        }

        HandshakeReport run() {
            SSLContext ctx;
            if (trust == null) {
                ctx = tls.sslContext();
            } else {
                try {
                    ctx = SSLContext.getInstance("TLS");
                    ctx.init(new KeyManager[] {keys}, new TrustManager[] {trust}, new SecureRandom());
                } catch (GeneralSecurityException e) {
                    throw new TlsConfigurationException("Cannot set up the probe: " + e.getMessage(), e);
                }
            }
            try {
                plain.setTcpNoDelay(true);
                plain.connect(new InetSocketAddress(host, port), left(timeout));
            } catch (IOException e) {
                if (expired.get()) {
                    return timedOut(e);
                }
                String why = e instanceof UnknownHostException ? "unknown host " + Text.quote(host)
                        : e instanceof ConnectException ? "connection refused by " + where
                        : e instanceof SocketTimeoutException ? "connection to " + where + " timed out after "
                        + left(timeout) + " ms" : e.toString();
                return failed(null, TlsFailure.CONNECTION_FAILED, why);
            }
            try (SSLSocket ssl = (SSLSocket) ctx.getSocketFactory().createSocket(plain, host, port, true)) {
                ssl.setSSLParameters(tls.sslParameters());
                ssl.setSoTimeout(left(timeout));
                ssl.startHandshake();
                SSLSession session = ssl.getSession();
                X509Certificate leaf = (X509Certificate) session.getPeerCertificates()[0];
                Optional<String> mismatch = SpineHostnameVerifier.INSTANCE.mismatch(host, leaf);
                if (mismatch.isPresent()) {
                    return failed(session, TlsFailure.WRONG_HOST, mismatch.get());
                }
                if (!alertWait.isZero() && !alertWait.isNegative()) {
                    ssl.setSoTimeout(left(alertWait));
                    int first;
                    try {
                        first = ssl.getInputStream().read();
                    } catch (SocketTimeoutException quiet) {
                        first = -2; // No alert: the server accepted us and is waiting for a request.
                    }
                    if (first == -1 && keys.requested && !expired.get()) {
                        return failed(session, TlsFailure.CLIENT_CERTIFICATE_REJECTED, where + " refused "
                                + sent() + ": it asked for a client certificate, then closed the connection straight"
                                + " after the handshake without a word");
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
                return expired.get() ? timedOut(e) : classify(e);
            }
        }

        /** Asks the port a plain HTTP HEAD request within what is left of the deadline; the status line if it answers HTTP. */
        private Optional<String> plainHttpStatus() {
            if (expired.get() || deadlineNanos - System.nanoTime() < TimeUnit.MILLISECONDS.toNanos(50)) {
                return Optional.empty();
            }
            FirstBytesSocket s = new FirstBytesSocket();
            ScheduledFuture<?> cut = WATCHDOG.schedule(() -> closeQuietly(s), left(timeout), TimeUnit.MILLISECONDS);
            try (s) {
                s.connect(new InetSocketAddress(host, port), left(timeout));
                s.setSoTimeout(left(timeout));
                s.getOutputStream().write(("HEAD / HTTP/1.0\r\nHost: " + host.replaceAll("[^A-Za-z0-9.:\\[\\]-]", "")
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                InputStream in = s.getInputStream();
                byte[] buf = new byte[64];
                int n = 0;
                while (n < 5) {
                    int r = in.read(buf, n, buf.length - n);
                    if (r < 0) {
                        break;
                    }
                    n += r;
                }
                String line = s.firstLine();
                return line.startsWith("HTTP/") ? Optional.of(line) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            } finally {
                cut.cancel(false);
            }
        }

        private String sent() {
            return keys.sent().map(c -> "the client certificate " + Certificates.shortName(c)
                    + " (issued by " + c.getIssuerX500Principal().getName() + ")").orElse(
                    keys.requested ? "no client certificate (none is configured)" : "no client certificate");
        }

        private HandshakeReport timedOut(IOException e) {
            return failed(null, TlsFailure.TIMEOUT, "the probe of " + where + " did not finish within its deadline of "
                    + deadline.toMillis() + " ms, so it was cut off (the server is too slow or trickling bytes; "
                    + e.getClass().getSimpleName() + ")");
        }

        private HandshakeReport classify(IOException e) {
            if (trust != null && trust.failure != null) {
                ChainDiagnosis d = ChainDiagnosis.of(trust.chain, tls.trustedCertificates(), trust.failure, host);
                return failed(null, d.failure(), d.message());
            }
            if (plain.answeredInPlainText()) {
                return failed(null, TlsFailure.NOT_TLS, where + " is not a TLS port: it answered the TLS hello in plain"
                        + " text, " + Text.quote(plain.firstLine()) + " (check the port: is it the service's HTTP port?)");
            }
            if (plain.received() == 0) {
                // Some plain HTTP servers wait for a request line and never answer a TLS hello: ask in HTTP.
                Optional<String> http = plainHttpStatus();
                if (http.isPresent()) {
                    return failed(null, TlsFailure.NOT_TLS, where + " is not a TLS port: it did not answer the TLS hello,"
                            + " but answers plain HTTP, " + Text.quote(http.get()) + " (use the service's TLS port)");
                }
            }
            String all = ChainDiagnosis.messages(e).toLowerCase(Locale.ROOT);
            TlsFailure kind = FailureClassifier.classify(e);
            boolean serverVerified = trust != null && trust.verified;
            if (kind == TlsFailure.NOT_TLS) {
                return failed(null, TlsFailure.NOT_TLS, where + " is not a TLS port: its reply is not a TLS record ("
                        + e.getMessage() + ")");
            }
            if (kind == TlsFailure.PROTOCOL_VERSION) {
                return failed(null, kind, "no common protocol version with " + where + "; this client allows only "
                        + tls.protocols() + " (" + e.getMessage() + ")");
            }
            String alert = FailureClassifier.receivedAlert(all);
            if (kind == TlsFailure.CLIENT_CERTIFICATE_REJECTED
                    || serverVerified && ("handshake_failure".equals(alert) || "decrypt_error".equals(alert))) {
                return failed(null, TlsFailure.CLIENT_CERTIFICATE_REJECTED, where + " rejected " + sent() + ": "
                        + e.getMessage());
            }
            if (serverVerified && keys.requested && (!(e instanceof SSLException) || all.contains("connection reset")
                    || all.contains("broken pipe") || all.contains("remote host terminated"))) {
                // The server's alert can be lost when it closes the connection while the client is still writing.
                return failed(null, TlsFailure.CLIENT_CERTIFICATE_REJECTED, where + " rejected " + sent()
                        + ": it closed the connection after asking for a client certificate (" + e.getMessage() + ")");
            }
            if (kind == TlsFailure.NO_COMMON_CIPHER) {
                return failed(null, kind, "no common cipher suite with " + where + " (" + e.getMessage() + ")");
            }
            if (kind == TlsFailure.TIMEOUT) {
                return failed(null, kind, "the TLS handshake with " + where + " timed out after " + timeout.toMillis()
                        + " ms without a reply: is it a TLS port?");
            }
            if (!(e instanceof SSLException) || all.contains("connection reset") || all.contains("remote host terminated")) {
                return failed(null, TlsFailure.OTHER, "the connection to " + where + " was closed during the handshake ("
                        + e + "); is it a TLS port, and does the server log say why?");
            }
            return failed(null, kind, String.valueOf(e.getMessage()));
        }

        private HandshakeReport failed(SSLSession session, TlsFailure failure, String message) {
            List<X509Certificate> chain = session != null ? peerChain(session)
                    : trust != null && trust.chain != null ? trust.chain : List.of();
            return new HandshakeReport(host, port, false,
                    Optional.ofNullable(session).map(SSLSession::getProtocol),
                    Optional.ofNullable(session).map(SSLSession::getCipherSuite), CertificateSummary.of(chain),
                    keys.requested, keys.sent().map(CertificateSummary::of), Optional.of(failure),
                    message, Optional.of(failure.fix()));
        }
    }

    private static List<X509Certificate> peerChain(SSLSession session) {
        try {
            return Arrays.stream(session.getPeerCertificates()).map(c -> (X509Certificate) c).toList();
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
}
