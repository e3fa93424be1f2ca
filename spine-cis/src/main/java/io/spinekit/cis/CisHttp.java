package io.spinekit.cis;

import io.spinekit.core.Text;
import io.spinekit.tls.SpineTlsContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET over Apache HttpClient 5 on a spine-tls context, with connect, response (per read) and request
 * (whole exchange) timeouts, a bounded body, no redirects, no cookies, and one retry for connection
 * failures only.
 *
 * <p>Retried once: the connection could not be made ({@link ConnectException}, including HttpClient's
 * {@code HttpHostConnectException}; {@link NoRouteToHostException}; {@link ConnectTimeoutException}),
 * so the request never left this machine. Not retried: TLS failures, unknown hosts, response
 * timeouts and other I/O errors after the request was sent (the server may have acted on it), and
 * every HTTP status, 5xx included.
 */
final class CisHttp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CisHttp.class);
    private static final String USER_AGENT = "spinekit-cis";

    /** A response: status, body (bounded), content type. */
    record Response(int status, byte[] body, String contentType, String location) {
    }

    /** The body was larger than allowed. */
    static final class BodyTooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        final long size;

        BodyTooLarge(long size) {
            super("body larger than the limit");
            this.size = size;
        }
    }

    /** The whole exchange took longer than the request timeout. */
    static final class DeadlineExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        DeadlineExceeded() {
            super("request timeout exceeded");
        }
    }

    private final CloseableHttpClient client;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final Duration requestTimeout;
    private final int maxBytes;
    private final ScheduledExecutorService deadlines;

    CisHttp(SpineTlsContext tls, Duration connectTimeout, Duration responseTimeout, Duration requestTimeout,
            int maxBytes, DnsResolver dns) {
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
        this.requestTimeout = requestTimeout;
        this.maxBytes = maxBytes;
        this.deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "spinekit-cis-deadline");
            t.setDaemon(true);
            return t;
        });
        PoolingHttpClientConnectionManagerBuilder cm = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(tls.httpClientTlsStrategy())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(connectTimeout.toMillis()))
                        .setSocketTimeout(Timeout.ofMilliseconds(responseTimeout.toMillis()))
                        .build())
                .setMaxConnTotal(20)
                .setMaxConnPerRoute(10);
        if (dns != null) {
            cm.setDnsResolver(dns);
        }
        this.client = HttpClients.custom()
                .setConnectionManager(cm.build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent(USER_AGENT)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofMilliseconds(responseTimeout.toMillis()))
                        .build())
                .build();
    }

    /**
     * GETs a URL.
     *
     * @param uri the full URL (may contain a ticket)
     * @param accept the Accept header
     * @param what what is asked for, for messages, such as "role assertion"
     * @param endpoint the URL without secrets, for logs and messages
     * @param ticket a ticket to scrub from messages, or null
     * @return the response (any status)
     * @throws CisException for transport failures
     */
    Response get(URI uri, String accept, String what, URI endpoint, SsoTicket ticket) {
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw new CisException(CisException.Reason.CONFIGURATION, what + " URL " + endpoint
                    + " is not https: spinekit only talks to CIS over TLS");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                LOG.debug("GET {} ({}, attempt {})", endpoint, what, attempt);
                Response r = execute(uri, accept);
                LOG.debug("{} answered {} with {} bytes", endpoint, r.status(), r.body().length);
                return r;
            } catch (IOException e) {
                if (attempt == 1 && isConnectionFailure(e)) {
                    LOG.warn("Connection to {} failed ({}); retrying once", authority(endpoint),
                            e.getClass().getSimpleName());
                    continue;
                }
                throw translate(e, what, endpoint, attempt, ticket);
            }
        }
    }

    private Response execute(URI uri, String accept) throws IOException {
        HttpGet get = new HttpGet(uri);
        get.setHeader("Accept", accept);
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            expired.set(true);
            get.cancel();
        }, requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return exchange(get);
        } catch (IOException | RuntimeException e) {
            if (expired.get()) {
                throw new DeadlineExceeded();
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
    }

    private Response exchange(HttpGet get) throws IOException {
        return client.execute(get, response -> {
            HttpEntity entity = response.getEntity();
            byte[] body;
            try {
                body = entity == null ? new byte[0] : read(entity);
            } catch (BodyTooLarge e) {
                // Abort the connection: closing the response normally would read the rest of the body.
                get.cancel();
                throw e;
            }
            Header location = response.getFirstHeader("Location");
            String type = entity == null || entity.getContentType() == null ? "" : entity.getContentType();
            return new Response(response.getCode(), body, type, location == null ? null : location.getValue());
        });
    }

    private byte[] read(HttpEntity entity) throws IOException {
        long declared = entity.getContentLength();
        if (declared > maxBytes) {
            throw new BodyTooLarge(declared);
        }
        // Not try-with-resources: closing the stream drains the rest of the body, so on "too large"
        // the stream is left open and the caller cancels the request instead.
        InputStream in = entity.getContent();
        byte[] body = in.readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            throw new BodyTooLarge(-1);
        }
        in.close();
        return body;
    }

    static boolean isConnectionFailure(IOException e) {
        return e instanceof ConnectException || e instanceof NoRouteToHostException
                || e instanceof ConnectTimeoutException;
    }

    private CisException translate(IOException e, String what, URI endpoint, int attempts, SsoTicket ticket) {
        String where = authority(endpoint);
        String tries = attempts == 1 ? "" : " (after " + attempts + " attempts)";
        CisException.Reason reason;
        String message;
        if (e instanceof DeadlineExceeded) {
            reason = CisException.Reason.TIMEOUT;
            message = "no complete answer from " + where + " within the request timeout of " + requestTimeout.toMillis()
                    + " ms for the " + what + "; not retried";
        } else if (e instanceof BodyTooLarge big) {
            reason = CisException.Reason.RESPONSE_TOO_LARGE;
            message = what + " response from " + endpoint + " is larger than the limit of " + maxBytes + " bytes"
                    + (big.size > 0 ? " (Content-Length " + big.size + ")" : "")
                    + ": raise maxResponseBytes if this is expected";
        } else if (e instanceof ConnectTimeoutException) {
            reason = CisException.Reason.CONNECTION_FAILED;
            message = "could not connect to " + where + " within " + connectTimeout.toMillis() + " ms" + tries
                    + " for the " + what + ": check the URL, the firewall and HSCN connectivity";
        } else if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            reason = CisException.Reason.CONNECTION_FAILED;
            message = "could not connect to " + where + tries + " for the " + what + " (" + detail(e, ticket)
                    + "): check the URL, the firewall and HSCN connectivity";
        } else if (e instanceof UnknownHostException) {
            reason = CisException.Reason.CONNECTION_FAILED;
            message = "cannot resolve host " + endpoint.getHost() + " for the " + what
                    + ": *.ncrs.nhs.uk hosts resolve only on HSCN; check the URL and DNS";
        } else if (e instanceof SSLException) {
            reason = CisException.Reason.TLS_FAILED;
            message = "TLS with " + where + " failed for the " + what + " (" + detail(e, ticket)
                    + "): check the trusted CAs, the client certificate and that its CA is the one this "
                    + "environment expects";
        } else if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            reason = CisException.Reason.TIMEOUT;
            message = "no answer from " + where + " within " + responseTimeout.toMillis() + " ms for the " + what
                    + "; not retried, because the request had been sent";
        } else {
            reason = CisException.Reason.IO;
            message = what + " request to " + endpoint + " failed (" + detail(e, ticket) + "); not retried, "
                    + "because the request may have been sent";
        }
        return new CisException(reason, ticket == null ? message : ticket.redact(message), safeCause(e, ticket));
    }

    /** The cause, unless any message in its chain contains the ticket. */
    static Throwable safeCause(Throwable e, SsoTicket ticket) {
        if (ticket == null) {
            return e;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (ticket.appearsIn(t.getMessage()) || ticket.appearsIn(t.toString())) {
                return null;
            }
        }
        return e;
    }

    private static String detail(Throwable e, SsoTicket ticket) {
        if (e.getMessage() == null) {
            return e.getClass().getSimpleName();
        }
        // Redact before cutting, so no piece of the ticket survives at the cut.
        String m = e.getMessage().replaceAll("\\s+", " ");
        return e.getClass().getSimpleName() + ": " + Text.quote(ticket == null ? m : ticket.redact(m), 300);
    }

    static String authority(URI uri) {
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }

    static boolean isXmlOrText(String contentType) {
        String t = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return t.isEmpty() || t.contains("xml") || t.startsWith("text/") || t.contains("json");
    }

    static String mimeType(String contentType) {
        try {
            return contentType == null || contentType.isEmpty() ? "" : ContentType.parse(contentType).getMimeType();
        } catch (RuntimeException e) {
            return "";
        }
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        try {
            client.close();
        } catch (IOException e) {
            LOG.debug("closing the HTTP client failed", e);
        }
    }
}
