package io.spinekit.messaging;

import io.spinekit.tls.SpineHttp;
import io.spinekit.tls.SpineTlsContext;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * Posts encoded messages over mutual TLS with spine-tls's {@link SpineHttp} on a {@link SpineTlsContext}:
 * pooled connections (the pool as large as the settings say, waiting for one bounded by the request
 * timeout), deadlines on connect, TLS handshake, each read and the whole exchange, a bounded response
 * body, no automatic retries or redirects (the client decides what to retry).
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

    private final SpineHttp http;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final int maxResponseBytes;

    Transport(SpineTlsContext tls, Duration connectTimeout, Duration handshakeTimeout, Duration responseTimeout,
            Duration requestTimeout, int maxResponseBytes, int maxConnections) {
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
        this.maxResponseBytes = maxResponseBytes;
        this.http = SpineHttp.builder(tls)
                .connectTimeout(connectTimeout)
                .handshakeTimeout(handshakeTimeout)
                .responseTimeout(responseTimeout)
                .requestTimeout(requestTimeout)
                .maxConnections(maxConnections)
                .userAgent("spinekit-messaging")
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
        try {
            SpineHttp.Response r = http.fetch(post, maxResponseBytes);
            return new Result(r.status(), r.contentType(), r.body(), null, "");
        } catch (IOException e) {
            return translate(e, uri);
        }
    }

    private Result translate(IOException e, URI uri) {
        String where = where(uri);
        if (e instanceof SpineHttp.DeadlineExceededException d) {
            return failure(SendOutcome.Failure.TIMEOUT, "no complete answer from " + where + " within the "
                    + "request timeout of " + d.deadline().toMillis() + " ms");
        }
        if (e instanceof SpineHttp.BodyTooLargeException big) {
            return failure(SendOutcome.Failure.RESPONSE_TOO_LARGE, "the answer from " + where + " is larger than the "
                    + "limit of " + big.limit() + " bytes");
        }
        if (e instanceof SSLException) {
            return failure(SendOutcome.Failure.TLS_FAILED, "TLS with " + where + " failed (" + SpineHttp.describe(e)
                    + "): check the trusted CAs and that the client certificate is one the MHS accepts; not retried");
        }
        if (e instanceof SpineHttp.HandshakeTimeoutException h) {
            // Nothing was sent, so it is retried as a connection failure.
            return failure(SendOutcome.Failure.CONNECTION_FAILED, "the TLS handshake with " + where
                    + " did not finish within " + h.timeout().toMillis() + " ms");
        }
        if (e instanceof ConnectTimeoutException) {
            return failure(SendOutcome.Failure.CONNECTION_FAILED, "could not connect to " + where + " within "
                    + connectTimeout.toMillis() + " ms");
        }
        if (SpineHttp.isConnectionFailure(e) || e instanceof UnknownHostException
                || e instanceof NoHttpResponseException || (e instanceof SocketException && !(e instanceof
                SocketTimeoutException))) {
            return failure(SendOutcome.Failure.CONNECTION_FAILED, "the connection to " + where + " failed ("
                    + SpineHttp.describe(e) + ")");
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return failure(SendOutcome.Failure.TIMEOUT, "no answer from " + where + " within " + responseTimeout.toMillis()
                    + " ms");
        }
        return failure(SendOutcome.Failure.CONNECTION_FAILED, "the post to " + where + " failed ("
                + SpineHttp.describe(e) + ")");
    }

    private static Result failure(SendOutcome.Failure failure, String detail) {
        return new Result(0, "", new byte[0], failure, detail);
    }

    static String where(URI uri) {
        return SpineHttp.authority(uri);
    }

    @Override
    public void close() {
        http.close();
    }
}
