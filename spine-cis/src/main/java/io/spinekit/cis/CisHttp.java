package io.spinekit.cis;

import io.spinekit.tls.SpineHttp;
import io.spinekit.tls.SpineTlsContext;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET over spine-tls's {@link SpineHttp} (Apache HttpClient 5) on a spine-tls context, with connect, response (per read) and request
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

    private final SpineHttp http;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final Duration requestTimeout;
    private final int maxBytes;

    CisHttp(SpineTlsContext tls, Duration connectTimeout, Duration responseTimeout, Duration requestTimeout,
            int maxBytes, DnsResolver dns) {
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
        this.requestTimeout = requestTimeout;
        this.maxBytes = maxBytes;
        // The handshake is bounded by the response timeout, as it always was here.
        SpineHttp.Builder b = SpineHttp.builder(tls).connectTimeout(connectTimeout).handshakeTimeout(responseTimeout)
                .responseTimeout(responseTimeout).requestTimeout(requestTimeout).maxConnections(20)
                .userAgent(USER_AGENT);
        if (dns != null) {
            b.dnsResolver(dns);
        }
        this.http = b.build();
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
        SpineHttp.Response r = http.fetch(get, maxBytes);
        return new Response(r.status(), r.body(), r.contentType(), r.firstHeader("Location").orElse(null));
    }

    static boolean isConnectionFailure(IOException e) {
        return SpineHttp.isConnectionFailure(e);
    }

    private CisException translate(IOException e, String what, URI endpoint, int attempts, SsoTicket ticket) {
        String where = authority(endpoint);
        String tries = attempts == 1 ? "" : " (after " + attempts + " attempts)";
        CisException.Reason reason;
        String message;
        if (e instanceof SpineHttp.DeadlineExceededException) {
            reason = CisException.Reason.TIMEOUT;
            message = "no complete answer from " + where + " within the request timeout of " + requestTimeout.toMillis()
                    + " ms for the " + what + "; not retried";
        } else if (e instanceof SpineHttp.BodyTooLargeException big) {
            reason = CisException.Reason.RESPONSE_TOO_LARGE;
            message = what + " response from " + endpoint + " is larger than the limit of " + maxBytes + " bytes"
                    + (big.declaredLength() > 0 ? " (Content-Length " + big.declaredLength() + ")" : "")
                    + ": raise maxResponseBytes if this is expected";
        } else if (e instanceof SpineHttp.HandshakeTimeoutException h) {
            reason = CisException.Reason.CONNECTION_FAILED;
            message = "the TLS handshake with " + where + " did not finish within " + h.timeout().toMillis() + " ms"
                    + tries + " for the " + what + ": check the URL, the firewall and HSCN connectivity";
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
        // Redacted before cutting, so no piece of the ticket survives at the cut.
        return SpineHttp.describe(e, ticket == null ? m -> m : ticket::redact);
    }

    static String authority(URI uri) {
        return SpineHttp.authority(uri);
    }

    static boolean isXmlOrText(String contentType) {
        String t = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return t.isEmpty() || t.contains("xml") || t.startsWith("text/") || t.contains("json");
    }

    static String mimeType(String contentType) {
        return SpineHttp.mimeType(contentType);
    }

    @Override
    public void close() {
        http.close();
    }
}
