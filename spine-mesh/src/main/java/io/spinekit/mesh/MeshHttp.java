package io.spinekit.mesh;

import io.spinekit.tls.RetryAfter;
import io.spinekit.tls.SpineHttp;
import io.spinekit.tls.SpineTlsContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.io.CloseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MESH over spine-tls's {@link SpineHttp} (Apache HttpClient 5): mutual TLS from a spine-tls context,
 * connect, TLS handshake and response deadlines, one pool whose connections (and handshakes) are
 * shared by all requests, retries by {@link RetryPolicy}, and MESH error bodies turned into
 * {@link MeshException}s. No automatic retries, redirects, cookies or content decompression of
 * HttpClient's own: this class decides.
 *
 * <p>Host names: internet hosts are verified against the certificate's DNS subjectAltNames only;
 * the deprecated HSCN hosts ({@code *.ncrs.nhs.uk}) fall back to the CN, because their certificates
 * carry the name only there (MESH.md section 1, from the official client's endpoint table and tests).
 */
final class MeshHttp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MeshHttp.class);
    /** How much of an error body is read. */
    static final int MAX_ERROR_BYTES = 64 * 1024;
    /** The size of the connection pool. */
    static final int MAX_CONNECTIONS = 10;

    /** What a request may be retried for. */
    enum Retry {
        /** Never (the first POST of a message: a duplicate message is worse than an error). */
        NEVER,
        /** Retryable statuses and connection failures before anything was sent (chunks 2..n). */
        STATUS_AND_CONNECT,
        /** Retryable statuses and any I/O failure but TLS (GET, PUT acknowledge). */
        ALL
    }

    /** Reads a successful response. */
    interface Handler<T> {
        T handle(ClassicHttpResponse response) throws IOException;
    }

    private final SpineHttp http;
    private final RetryPolicy retry;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final Duration handshakeTimeout;
    private final Sleeper sleeper;

    /** Waits between retries (a seam for tests). */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    MeshHttp(SpineTlsContext tls, URI root, Duration connectTimeout, Duration handshakeTimeout,
            Duration responseTimeout, RetryPolicy retry, String userAgent, Sleeper sleeper) {
        this.retry = retry;
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
        this.handshakeTimeout = handshakeTimeout;
        this.sleeper = sleeper;
        boolean hscn = isHscn(root.getHost());
        HostnameVerifier names = hscn ? tls.hostnameVerifier() : sanOnly(tls.hostnameVerifier());
        // SpineHttp: one pool without connection state, so requests over mutual TLS share connections
        // and handshakes. Waiting for a pooled connection is bounded by the response timeout; the
        // whole-request deadline of SpineHttp does not apply, because MESH streams (executeOpen).
        this.http = SpineHttp.builder(tls)
                .hostnameVerifier(names)
                .connectTimeout(connectTimeout)
                .handshakeTimeout(handshakeTimeout)
                .responseTimeout(responseTimeout)
                .requestTimeout(responseTimeout)
                .maxConnections(MAX_CONNECTIONS)
                .userAgent(userAgent)
                .build();
    }

    static boolean isHscn(String host) {
        return host != null && host.toLowerCase(Locale.ROOT).endsWith(".ncrs.nhs.uk");
    }

    /** Refuses a certificate without a DNS subjectAltName, then checks as the given verifier does. */
    static HostnameVerifier sanOnly(HostnameVerifier delegate) {
        return new HostnameVerifier() {
            @Override
            public boolean verify(String host, SSLSession session) {
                try {
                    Certificate[] peer = session.getPeerCertificates();
                    return peer.length > 0 && peer[0] instanceof X509Certificate x && hasDnsName(x)
                            && delegate.verify(host, session);
                } catch (SSLPeerUnverifiedException e) {
                    return false;
                }
            }
        };
    }

    private static boolean hasDnsName(X509Certificate c) {
        try {
            Collection<List<?>> names = c.getSubjectAlternativeNames();
            return names != null && names.stream().anyMatch(n -> Integer.valueOf(2).equals(n.get(0)));
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    /**
     * Sends a request (made fresh for every attempt, so each carries a new token) and hands a 2xx
     * answer to the handler; anything else becomes a {@link MeshException}.
     */
    <T> T execute(Supplier<ClassicHttpRequest> requests, String what, Retry policy, Handler<T> handler) {
        for (int attempt = 0; ; attempt++) {
            ClassicHttpRequest request = requests.get();
            boolean retriesLeft = policy != Retry.NEVER && attempt < retry.maxRetries();
            ClassicHttpResponse response;
            try {
                LOG.debug("{} {} ({}, attempt {})", request.getMethod(), request.getPath(), what, attempt + 1);
                response = http.executeOpen(request);
            } catch (IOException e) {
                if (retriesLeft && retryable(e, policy)) {
                    LOG.warn("MESH {} failed ({}); retrying", what, e.getClass().getSimpleName());
                    pause(retry.delayBefore(attempt + 1), what);
                    continue;
                }
                throw translate(e, what, policy, attempt + 1);
            }
            try (response) {
                int status = response.getCode();
                if (status >= 200 && status < 300) {
                    try {
                        return handler.handle(response);
                    } catch (IOException e) {
                        // Not retried: part of the answer may already be in the caller's stream.
                        throw translate(e, what, policy, attempt + 1);
                    }
                }
                byte[] body = errorBody(response);
                if (retry.statuses().contains(status) && policy != Retry.NEVER) {
                    Duration wait = retryAfter(response);
                    if (wait != null && wait.compareTo(retry.maxWait()) > 0) {
                        throw MeshErrors.status(what, status, body, attempt + 1,
                                " MESH asked to wait " + wait.toSeconds() + " s (Retry-After), longer than the "
                                        + retry.maxWait().toSeconds() + " s this client waits; try again later");
                    }
                    if (retriesLeft) {
                        LOG.warn("MESH {} answered {}; retrying", what, status);
                        pause(wait != null ? wait : retry.delayBefore(attempt + 1), what);
                        continue;
                    }
                }
                throw MeshErrors.status(what, status, body, attempt + 1, null);
            } catch (IOException e) {
                throw translate(e, what, policy, attempt + 1);
            }
        }
    }

    private static boolean retryable(IOException e, Retry policy) {
        if (SpineHttp.isConnectionFailure(e)) {
            // nothing was sent: refused, no route, connect or handshake timeout
            return true;
        }
        if (policy != Retry.ALL || e instanceof SSLException || e instanceof UnknownHostException) {
            return false;
        }
        return e instanceof NoHttpResponseException || e instanceof SocketException
                || e instanceof SocketTimeoutException || e instanceof InterruptedIOException;
    }

    private void pause(Duration d, String what) {
        if (d.isZero()) {
            return;
        }
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MeshException(MeshException.Reason.IO, "interrupted while waiting to retry the MESH " + what);
        }
    }

    /** Retry-After as seconds or an HTTP date ({@link RetryAfter}), or null. */
    static Duration retryAfter(ClassicHttpResponse response) {
        Header h = response.getFirstHeader("Retry-After");
        return RetryAfter.parse(h == null ? null : h.getValue()).orElse(null);
    }

    private static byte[] errorBody(ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return new byte[0];
        }
        InputStream in = entity.getContent();
        byte[] body = in.readNBytes(MAX_ERROR_BYTES);
        return body;
    }

    /** Reads a small (JSON) body, at most max bytes. */
    static byte[] smallBody(ClassicHttpResponse response, int max, String what) throws IOException {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return new byte[0];
        }
        try {
            return SpineHttp.readBody(entity, max);
        } catch (SpineHttp.BodyTooLargeException e) {
            if (response instanceof CloseableHttpResponse open) {
                open.close(CloseMode.IMMEDIATE);   // drop the connection: closing normally would read the rest
            }
            throw new MeshException(MeshException.Reason.BAD_RESPONSE, "the MESH " + what
                    + " answer is larger than " + max + " bytes: not read", e);
        }
    }

    private MeshException translate(IOException e, String what, Retry policy, int attempts) {
        String tries = attempts > 1 ? " (after " + attempts + " attempts)" : "";
        String sendHint = policy == Retry.NEVER
                ? "; not retried, because MESH may have taken it: check with tracking (by local id) before sending again"
                : "";
        if (e instanceof ConnectTimeoutException) {
            return new MeshException(MeshException.Reason.TIMEOUT, "could not connect to MESH within the "
                    + connectTimeout.toMillis() + " ms connect timeout for the " + what + tries
                    + ": check the URL, the firewall and the network route", e);
        }
        if (e instanceof SpineHttp.HandshakeTimeoutException) {
            return new MeshException(MeshException.Reason.TIMEOUT, "MESH accepted the connection but the TLS "
                    + "handshake did not finish within the deadline (" + handshakeTimeout.toMillis()
                    + " ms for the TLS handshake) for the " + what + tries + ": check the network route (a proxy or firewall holding TLS)", e);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new MeshException(MeshException.Reason.CONNECTION_FAILED, "could not connect to MESH for the "
                    + what + tries + " (" + detail(e) + "): check the URL, the firewall and the network route", e);
        }
        if (e instanceof UnknownHostException) {
            return new MeshException(MeshException.Reason.CONNECTION_FAILED, "cannot resolve the MESH host for the "
                    + what + ": *.ncrs.nhs.uk hosts resolve only on HSCN; check the URL and DNS", e);
        }
        if (e instanceof SSLException) {
            return new MeshException(MeshException.Reason.TLS_FAILED, "TLS with MESH failed for the " + what
                    + " (" + detail(e) + "): check the trusted CAs for this environment, that the client "
                    + "certificate is the one MESH issued for this mailbox, and the host name", e);
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return new MeshException(MeshException.Reason.TIMEOUT, "no answer from MESH within the deadline ("
                    + handshakeTimeout.toMillis() + " ms for the TLS handshake, " + responseTimeout.toMillis()
                    + " ms for a response) for the " + what + tries + sendHint
                    + (sendHint.isEmpty() ? "; raise the timeouts if MESH is slow" : ""), e);
        }
        return new MeshException(MeshException.Reason.IO, "the MESH " + what + " failed" + tries + " ("
                + detail(e) + ")" + sendHint, e);
    }

    /** The failure's class and quoted, cut message ({@link SpineHttp#describe(Throwable)}). */
    static String detail(Throwable e) {
        return SpineHttp.describe(e);
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        http.close();
    }
}
