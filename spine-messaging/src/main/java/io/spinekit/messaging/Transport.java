package io.spinekit.messaging;

import io.spinekit.core.Text;
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
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Posts encoded messages over mutual TLS with Apache HttpClient 5 on a {@link SpineTlsContext}:
 * pooled connections, deadlines on connect, TLS handshake, each read and the whole exchange, a
 * bounded response body, no automatic retries or redirects (the client decides what to retry).
 */
final class Transport implements AutoCloseable {
    /** What a post gave: a response, or a failure with the reason the outcome reports. */
    record Result(int status, String contentType, byte[] body, SendOutcome.Failure failure, String detail) {
        boolean failed() {
            return failure != null;
        }

        /** Connection failures are retried by the transport loop; TLS failures and timeouts never are. */
        boolean connectionFailure() {
            return failure == SendOutcome.Failure.CONNECTION_FAILED;
        }
    }

    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("response larger than the limit");
        }
    }

    private static final class DeadlineExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        DeadlineExceeded() {
            super("request deadline exceeded");
        }
    }

    private final CloseableHttpClient client;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final Duration requestTimeout;
    private final int maxResponseBytes;
    private final ScheduledExecutorService deadlines;

    Transport(SpineTlsContext tls, Duration connectTimeout, Duration handshakeTimeout, Duration responseTimeout,
            Duration requestTimeout, int maxResponseBytes, int maxConnections) {
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
        this.requestTimeout = requestTimeout;
        this.maxResponseBytes = maxResponseBytes;
        this.deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "spinekit-messaging-deadline");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(tls.httpClientTlsStrategy())
                        .setDefaultTlsConfig(TlsConfig.custom()
                                .setHandshakeTimeout(Timeout.ofMilliseconds(handshakeTimeout.toMillis())).build())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofMilliseconds(connectTimeout.toMillis()))
                                .setSocketTimeout(Timeout.ofMilliseconds(responseTimeout.toMillis()))
                                .build())
                        .setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(maxConnections)
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("spinekit-messaging")
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofMilliseconds(responseTimeout.toMillis()))
                        .setConnectionRequestTimeout(Timeout.ofMilliseconds(requestTimeout.toMillis()))
                        .build())
                .build();
    }

    Result post(URI uri, Map<String, String> headers, byte[] body) {
        HttpPost post = new HttpPost(uri);
        String contentType = headers.getOrDefault("Content-Type", "text/xml");
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                post.setHeader(name, value);
            }
        });
        // ContentType.parse keeps the parameters as given; the exact header is set again below.
        post.setEntity(new ByteArrayEntity(body, ContentType.parseLenient(contentType)));
        post.setHeader("Content-Type", contentType);
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            expired.set(true);
            post.cancel();
        }, requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return client.execute(post, response -> {
                HttpEntity entity = response.getEntity();
                byte[] bytes = entity == null ? new byte[0] : read(entity, post);
                String type = entity == null || entity.getContentType() == null ? "" : entity.getContentType();
                return new Result(response.getCode(), type, bytes, null, "");
            });
        } catch (IOException | RuntimeException e) {
            if (expired.get()) {
                return failure(SendOutcome.Failure.TIMEOUT, "no complete answer from " + where(uri) + " within the "
                        + "request timeout of " + requestTimeout.toMillis() + " ms");
            }
            if (e instanceof IOException io) {
                return translate(io, uri);
            }
            throw (RuntimeException) e;
        } finally {
            deadline.cancel(false);
        }
    }

    private byte[] read(HttpEntity entity, HttpPost post) throws IOException {
        if (entity.getContentLength() > maxResponseBytes) {
            post.cancel();
            throw new TooLarge();
        }
        InputStream in = entity.getContent();
        byte[] bytes = in.readNBytes(maxResponseBytes + 1);
        if (bytes.length > maxResponseBytes) {
            post.cancel();
            throw new TooLarge();
        }
        in.close();
        return bytes;
    }

    private Result translate(IOException e, URI uri) {
        String where = where(uri);
        if (e instanceof TooLarge) {
            return failure(SendOutcome.Failure.RESPONSE_TOO_LARGE, "the answer from " + where + " is larger than the "
                    + "limit of " + maxResponseBytes + " bytes");
        }
        if (e instanceof SSLException) {
            return failure(SendOutcome.Failure.TLS_FAILED, "TLS with " + where + " failed (" + detail(e) + "): check "
                    + "the trusted CAs and that the client certificate is one the MHS accepts; not retried");
        }
        if (e instanceof ConnectTimeoutException) {
            return failure(SendOutcome.Failure.CONNECTION_FAILED, "could not connect to " + where + " within "
                    + connectTimeout.toMillis() + " ms");
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException || e instanceof UnknownHostException
                || e instanceof NoHttpResponseException || (e instanceof SocketException && !(e instanceof
                SocketTimeoutException))) {
            return failure(SendOutcome.Failure.CONNECTION_FAILED, "the connection to " + where + " failed ("
                    + detail(e) + ")");
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return failure(SendOutcome.Failure.TIMEOUT, "no answer from " + where + " within " + responseTimeout.toMillis()
                    + " ms");
        }
        return failure(SendOutcome.Failure.CONNECTION_FAILED, "the post to " + where + " failed (" + detail(e) + ")");
    }

    private static Result failure(SendOutcome.Failure failure, String detail) {
        return new Result(0, "", new byte[0], failure, detail);
    }

    private static String detail(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + Text.quote(e.getMessage().replaceAll("\\s+", " "), 200);
    }

    static String where(URI uri) {
        return uri.getHost() + ":" + (uri.getPort() > 0 ? uri.getPort() : 443);
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        try {
            client.close();
        } catch (IOException e) {
            // nothing to do: the pool's sockets are closed as far as they can be
        }
    }
}
