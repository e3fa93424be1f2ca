package io.spinekit.tls;

import io.spinekit.core.Text;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;

/**
 * One pooled Apache HttpClient 5 (classic) client with spinekit's HTTP rules, so that spine-cis,
 * spine-mesh and spine-messaging (and an application calling a Spine or NHS API) do not each
 * write them again: strict TLS from a {@link SpineTlsContext} (or a separate context, such as the
 * JDK's public trust for {@code api.service.nhs.uk}, which must never share the NHS trust);
 * connect, TLS handshake, response (each read) and whole-request deadlines; bounded bodies; and no
 * automatic retries, redirects, cookies, authentication caching or content decompression, because
 * the caller decides what may be retried or followed.
 *
 * <pre>{@code
 * try (SpineHttp http = SpineHttp.builder(tls).userAgent("my-app").requestTimeout(Duration.ofSeconds(20)).build()) {
 *     SpineHttp.Response r = http.fetch(new HttpGet(uri), 1024 * 1024);
 * }
 * }</pre>
 *
 * <p>Deadlines: {@link #execute} and {@link #fetch} cancel the request when the whole exchange
 * (waiting for a pooled connection, connecting, the handshake, sending, reading the whole body)
 * takes longer than the request timeout, and fail with {@link DeadlineExceededException}, so a
 * server trickling a byte at a time cannot hold a caller. {@link #executeOpen} streams and so has
 * no whole-request deadline; its reads are still bounded by the response timeout. A handshake
 * that does not finish in time fails with {@link HandshakeTimeoutException} (HttpClient 5.5.1 would
 * otherwise report it as a {@link ConnectTimeoutException} saying "Read timed out", indistinguishable
 * by type from a connect timeout).
 *
 * <p>Failures are {@link IOException}s, not {@link io.spinekit.core.SpineException}s, on purpose: this
 * keeps HttpClient's I/O contract (one {@code catch (IOException e)} for every transport failure), and
 * the three exceptions below are more exact members of that family. Each spinekit module turns them
 * into its own {@code SpineException} subclass (spine-mesh {@code MeshException}, ...), as an
 * application calling {@code SpineHttp} directly does at its boundary.
 *
 * <p>Thread-safe. One daemon thread per instance (started on the first deadline) cancels late
 * requests; {@link #close()} stops it and closes the pool. Nothing here changes JVM-global state.
 *
 * <p>Needs {@code org.apache.httpcomponents.client5:httpclient5} 5.4 or later (an optional
 * dependency of spine-tls); {@link SpineTlsContext} never loads this class, so a context works
 * without HttpClient on the class path.
 */
public final class SpineHttp implements AutoCloseable {
    /** How many characters of an exception message {@link #describe} shows. */
    public static final int DESCRIBE_LIMIT = 300;

    private final CloseableHttpClient client;
    private final RequestDeadlines deadlines;
    private final SpineHttpClients.Settings settings;
    private final AtomicBoolean closed = new AtomicBoolean();

    SpineHttp(CloseableHttpClient client, SpineHttpClients.Settings settings) {
        this.client = client;
        this.settings = settings;
        this.deadlines = new RequestDeadlines(settings.userAgent() + "-deadline");
    }

    /**
     * Starts a client on a Spine context: its trust and client identity, protocols, cipher suites and
     * host name verifier (JDK HTTPS endpoint identification and {@link SpineTlsContext#hostnameVerifier()}).
     *
     * @param tls the context
     * @return a builder with the defaults listed on {@link Builder}
     * @throws TlsConfigurationException when httpclient5 is missing or older than 5.4
     */
    public static Builder builder(SpineTlsContext tls) {
        Objects.requireNonNull(tls, "tls");
        HttpClient5Version.check();
        return new Builder(tls.sslContext(), tls.protocols(), tls.cipherSuites(), tls.hostnameVerifier());
    }

    /**
     * Starts a client on another TLS context, such as one with the JDK's public trust for a public-CA
     * host ({@code api.service.nhs.uk}), kept apart from the NHS trust. TLS 1.3 and 1.2 only, with
     * the strong suites {@link SpineTlsContext} allows (forward-secret AEAD) that the context supports.
     *
     * @param sslContext an initialised context
     * @param hostnameVerifier checks the host name after the JDK's own HTTPS endpoint identification
     * @return a builder with the defaults listed on {@link Builder}
     * @throws TlsConfigurationException when httpclient5 is missing or older than 5.4, or the context is
     *     not initialised or supports no strong suite
     */
    public static Builder builder(SSLContext sslContext, HostnameVerifier hostnameVerifier) {
        Objects.requireNonNull(sslContext, "sslContext");
        Objects.requireNonNull(hostnameVerifier, "hostnameVerifier");
        HttpClient5Version.check();
        List<String> suites;
        try {
            suites = ContextAssembly.strongSuites(sslContext);
        } catch (IllegalStateException e) {
            throw new TlsConfigurationException("SpineHttp.builder: the SSLContext (protocol "
                    + Text.quote(sslContext.getProtocol()) + ") is not initialised: call init(...) first", e);
        }
        if (suites.isEmpty()) {
            throw new TlsConfigurationException("SpineHttp.builder: the SSLContext (protocol "
                    + Text.quote(sslContext.getProtocol()) + ") supports no forward-secret AEAD cipher suite");
        }
        return new Builder(sslContext, SpineTlsContext.PROTOCOLS, suites, hostnameVerifier);
    }

    /**
     * Sends a request and hands the response to a handler, all within the request timeout; the
     * response is closed afterwards (a body the handler did not read is drained, so bound it with
     * {@link #readBody}).
     *
     * @param <T> what the handler makes of the response
     * @param request the request, not sent before (it is cancelled at the deadline)
     * @param handler reads the response (any status)
     * @return the handler's result
     * @throws DeadlineExceededException when the whole exchange took longer than the request timeout
     * @throws HandshakeTimeoutException when the TLS handshake took longer than the handshake timeout
     * @throws IOException for other transport failures, or what the handler threw
     * @throws IllegalStateException when this client is closed
     */
    public <T> T execute(HttpUriRequestBase request, HttpClientResponseHandler<T> handler) throws IOException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(handler, "handler");
        if (closed.get()) {
            throw new IllegalStateException("this SpineHttp (" + settings.userAgent() + ") is closed");
        }
        RequestDeadlines.Deadline deadline = deadlines.start(request, settings.requestTimeout());
        try {
            return client.execute(request, handler);
        } catch (IOException | RuntimeException e) {
            if (deadline.expired()) {
                throw new DeadlineExceededException(settings.requestTimeout(), e);
            }
            throw e;
        } finally {
            deadline.cancel();
        }
    }

    /**
     * Sends a request and reads the whole response, its body at most {@code maxBodyBytes}, within
     * the request timeout. A body over the limit is not read to its end: the connection is dropped.
     *
     * @param request the request, not sent before
     * @param maxBodyBytes the largest body accepted, at least 0
     * @return the response (any status)
     * @throws BodyTooLargeException when the body (or its Content-Length) is over the limit
     * @throws DeadlineExceededException when the whole exchange took longer than the request timeout
     * @throws HandshakeTimeoutException when the TLS handshake took longer than the handshake timeout
     * @throws IOException for other transport failures
     */
    public Response fetch(HttpUriRequestBase request, int maxBodyBytes) throws IOException {
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 0, was " + maxBodyBytes);
        }
        return execute(request, response -> {
            HttpEntity entity = response.getEntity();
            byte[] body;
            try {
                body = entity == null ? new byte[0] : readBody(entity, maxBodyBytes);
            } catch (BodyTooLargeException e) {
                // Drop the connection: closing the response normally would read the rest of the body.
                request.cancel();
                throw e;
            }
            String type = entity == null || entity.getContentType() == null ? "" : entity.getContentType();
            return new Response(response.getCode(), type, body, List.of(response.getHeaders()));
        });
    }

    /**
     * Sends a request and returns the open response, for streaming a body: there is no whole-request
     * deadline (each read is still bounded by the response timeout). The caller must close the
     * response; to give up on a body early, close it without reading on only when the body is small,
     * otherwise drop the connection with {@code response.close(CloseMode.IMMEDIATE)}.
     *
     * @param request the request
     * @return the response (any status), open
     * @throws HandshakeTimeoutException when the TLS handshake took longer than the handshake timeout
     * @throws IOException for transport failures
     * @throws IllegalStateException when this client is closed
     */
    public ClassicHttpResponse executeOpen(ClassicHttpRequest request) throws IOException {
        Objects.requireNonNull(request, "request");
        if (closed.get()) {
            throw new IllegalStateException("this SpineHttp (" + settings.userAgent() + ") is closed");
        }
        return client.executeOpen(null, request, null);
    }

    /**
     * Reads a body of at most {@code limit} bytes: a Content-Length over the limit is refused before
     * reading, and at most {@code limit + 1} bytes are read. On success the stream is closed; when the
     * body is too large it is left open (closing it would read the rest), so cancel the request.
     *
     * @param entity the entity
     * @param limit the largest body accepted, at least 0
     * @return the body
     * @throws BodyTooLargeException when the body is larger than the limit
     * @throws IOException when reading fails
     */
    public static byte[] readBody(HttpEntity entity, int limit) throws IOException {
        return SpineHttpHelpers.read(entity, limit);
    }

    /**
     * Whether a failure happened before the request was sent, while connecting: connection refused,
     * no route, connect timeout, or a TLS handshake that timed out. Such a request never reached the
     * server's HTTP layer, so retrying it cannot make the server act twice. TLS failures, unknown hosts
     * and everything after the request was sent are not connection failures.
     *
     * @param e the failure
     * @return true for a connection failure
     */
    public static boolean isConnectionFailure(IOException e) {
        return e instanceof ConnectException || e instanceof NoRouteToHostException
                || e instanceof ConnectTimeoutException || e instanceof HandshakeTimeoutException;
    }

    /**
     * The {@code host:port} of a URI, with the scheme's default port (443 for https, 80 for http)
     * when it has none: for messages, where a path or query may hold secrets.
     *
     * @param uri the URI
     * @return {@code host:port}
     */
    public static String authority(URI uri) {
        int port = uri.getPort() > 0 ? uri.getPort() : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
        return uri.getHost() + ":" + port;
    }

    /**
     * The MIME type of a Content-Type value, without its parameters.
     *
     * @param contentType the header value, possibly null or malformed
     * @return such as {@code application/json}; empty when null, empty or unparseable
     */
    public static String mimeType(String contentType) {
        return SpineHttpHelpers.mimeType(contentType);
    }

    /**
     * Describes a failure for a message: its simple class name and its message, white space collapsed,
     * quoted and cut at {@link #DESCRIBE_LIMIT} characters ({@link Text#quote(CharSequence, int)}).
     *
     * @param e the failure
     * @return such as {@code ConnectException: "Connection refused"}
     */
    public static String describe(Throwable e) {
        return describe(e, UnaryOperator.identity());
    }

    /**
     * As {@link #describe(Throwable)}, with the message redacted before it is cut, so no piece of a
     * secret survives at the cut.
     *
     * @param e the failure
     * @param redact replaces secrets in the message
     * @return such as {@code SSLHandshakeException: "..."}
     */
    public static String describe(Throwable e, UnaryOperator<String> redact) {
        return SpineHttpHelpers.describe(e, redact, DESCRIBE_LIMIT);
    }

    /** Stops the deadline thread and closes the pool's connections. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        deadlines.close();
        try {
            client.close();
        } catch (IOException e) {
            // nothing to do: the pool's sockets are closed as far as they can be
        }
    }

    @Override
    public String toString() {
        return "SpineHttp[" + settings + "]";
    }

    /**
     * A response read whole by {@link #fetch}: status, content type, body and headers.
     */
    public static final class Response {
        private final int status;
        private final String contentType;
        private final byte[] body;
        private final List<Header> headers;

        Response(int status, String contentType, byte[] body, List<Header> headers) {
            this.status = status;
            this.contentType = contentType;
            this.body = body;
            this.headers = List.copyOf(headers);
        }

        /**
         * The HTTP status code.
         *
         * @return such as 200
         */
        public int status() {
            return status;
        }

        /**
         * The Content-Type header of the body.
         *
         * @return the value as sent, or empty when there was none
         */
        public String contentType() {
            return contentType;
        }

        /**
         * The body.
         *
         * @return a copy of the bytes; empty when there was none
         */
        public byte[] body() {
            return body.clone();
        }

        /**
         * The length of the body.
         *
         * @return the number of bytes
         */
        public int bodyLength() {
            return body.length;
        }

        /**
         * The value of the first header of a name.
         *
         * @param name the header name, any case
         * @return the value, or empty when there is no such header
         */
        public java.util.Optional<String> firstHeader(String name) {
            return headers.stream().filter(h -> h.getName().equalsIgnoreCase(name)).map(Header::getValue).findFirst();
        }

        @Override
        public String toString() {
            return "Response[" + status + ", " + Text.quote(contentType) + ", " + body.length + " bytes]";
        }
    }

    /** The whole exchange took longer than the request timeout; the request was cancelled (I/O: see above). */
    public static final class DeadlineExceededException extends InterruptedIOException {
        private static final long serialVersionUID = 1L;
        private final Duration deadline;

        DeadlineExceededException(Duration deadline, Throwable cause) {
            super("no complete answer within the request timeout of " + deadline.toMillis() + " ms");
            this.deadline = deadline;
            initCause(cause);
        }

        /**
         * The request timeout that passed.
         *
         * @return the timeout
         */
        public Duration deadline() {
            return deadline;
        }
    }

    /** A body was larger than allowed; it was not read to its end (I/O: see the class). */
    public static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int limit;
        private final long declared;

        BodyTooLargeException(int limit, long declared) {
            super("the body is larger than the limit of " + limit + " bytes"
                    + (declared >= 0 ? " (Content-Length " + declared + ")" : ""));
            this.limit = limit;
            this.declared = declared;
        }

        /**
         * The limit the body went over.
         *
         * @return bytes
         */
        public int limit() {
            return limit;
        }

        /**
         * The Content-Length the server declared, when that was over the limit.
         *
         * @return bytes, or -1 when the body was cut while reading
         */
        public long declaredLength() {
            return declared;
        }
    }

    /**
     * The TLS handshake did not finish within the handshake timeout (the server accepted the TCP
     * connection but did not complete TLS). The request was never sent
     * ({@link #isConnectionFailure}). I/O because HttpClient's connection operator passes on only I/O
     * exceptions, and not a {@code SocketTimeoutException}, which it would rewrap as a connect timeout.
     */
    public static final class HandshakeTimeoutException extends InterruptedIOException {
        private static final long serialVersionUID = 1L;
        private final Duration timeout;

        HandshakeTimeoutException(String where, Duration timeout, Throwable cause) {
            super("the TLS handshake with " + where + " did not finish within " + timeout.toMillis() + " ms");
            this.timeout = timeout;
            initCause(cause);
        }

        /**
         * The handshake timeout that passed.
         *
         * @return the timeout
         */
        public Duration timeout() {
            return timeout;
        }
    }

    /**
     * Builds a {@link SpineHttp}. Defaults: connect 5 s, response 10 s, handshake = the response
     * timeout, request 30 s, 20 connections (per host as many as in all), user agent {@code spinekit},
     * the host name verifier of the context given to {@code builder}, the system DNS resolver.
     */
    public static final class Builder {
        private final SSLContext sslContext;
        private final List<String> protocols;
        private final List<String> cipherSuites;
        private HostnameVerifier hostnameVerifier;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration handshakeTimeout;
        private Duration responseTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private int maxConnections = 20;
        private String userAgent = "spinekit";
        private DnsResolver dnsResolver;

        Builder(SSLContext sslContext, List<String> protocols, List<String> cipherSuites, HostnameVerifier verifier) {
            this.sslContext = sslContext;
            this.protocols = protocols;
            this.cipherSuites = cipherSuites;
            this.hostnameVerifier = verifier;
        }

        /**
         * The longest wait for a TCP connection to open.
         *
         * @param timeout positive
         * @return this
         * @throws TlsConfigurationException when not positive, naming the value
         */
        public Builder connectTimeout(Duration timeout) {
            ContextAssembly.positive("connectTimeout", timeout, "timeout");
            this.connectTimeout = timeout;
            return this;
        }

        /**
         * The longest wait for the TLS handshake to finish once connected (by default the response timeout).
         *
         * @param timeout positive
         * @return this
         * @throws TlsConfigurationException when not positive, naming the value
         */
        public Builder handshakeTimeout(Duration timeout) {
            ContextAssembly.positive("handshakeTimeout", timeout, "timeout");
            this.handshakeTimeout = timeout;
            return this;
        }

        /**
         * The longest wait for each read once connected (the socket timeout and HttpClient's response timeout).
         *
         * @param timeout positive
         * @return this
         * @throws TlsConfigurationException when not positive, naming the value
         */
        public Builder responseTimeout(Duration timeout) {
            ContextAssembly.positive("responseTimeout", timeout, "timeout");
            this.responseTimeout = timeout;
            return this;
        }

        /**
         * The longest a whole exchange of {@link SpineHttp#execute} or {@link SpineHttp#fetch} may take,
         * waiting for a pooled connection included (it also bounds that wait for {@link SpineHttp#executeOpen}).
         *
         * @param timeout positive
         * @return this
         * @throws TlsConfigurationException when not positive, naming the value
         */
        public Builder requestTimeout(Duration timeout) {
            ContextAssembly.positive("requestTimeout", timeout, "timeout");
            this.requestTimeout = timeout;
            return this;
        }

        /**
         * The size of the connection pool, in all and per host.
         *
         * @param connections at least 1
         * @return this
         * @throws TlsConfigurationException when less than 1, naming the value
         */
        public Builder maxConnections(int connections) {
            if (connections < 1) {
                throw new TlsConfigurationException("maxConnections: expected at least 1, was " + connections);
            }
            this.maxConnections = connections;
            return this;
        }

        /**
         * The User-Agent header sent with every request; also names the deadline thread ({@code <agent>-deadline}).
         *
         * @param agent such as {@code spinekit-cis}
         * @return this
         * @throws TlsConfigurationException when blank or holding control characters, naming the value
         */
        public Builder userAgent(String agent) {
            if (agent == null || agent.isBlank() || agent.chars().anyMatch(Character::isISOControl)) {
                throw new TlsConfigurationException("userAgent: expected a non-blank value without control "
                        + "characters, was " + Text.quote(agent));
            }
            this.userAgent = agent;
            return this;
        }

        /**
         * Replaces the host name verifier (checked after the JDK's own HTTPS endpoint identification),
         * for a rule stricter than the context's, such as subjectAltName only.
         *
         * @param verifier the verifier
         * @return this
         */
        public Builder hostnameVerifier(HostnameVerifier verifier) {
            this.hostnameVerifier = Objects.requireNonNull(verifier, "verifier");
            return this;
        }

        /**
         * Resolves host names with this resolver instead of the system's (for tests that point a real
         * host name at a loopback server).
         *
         * @param resolver the resolver
         * @return this
         */
        public Builder dnsResolver(DnsResolver resolver) {
            this.dnsResolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /**
         * Makes the client.
         *
         * @return a new client; close it when done
         */
        public SpineHttp build() {
            SpineHttpClients.Settings s = new SpineHttpClients.Settings(connectTimeout,
                    handshakeTimeout == null ? responseTimeout : handshakeTimeout, responseTimeout, requestTimeout,
                    maxConnections, userAgent);
            return new SpineHttp(SpineHttpClients.client(s, sslContext, protocols, cipherSuites, hostnameVerifier,
                    dnsResolver), s);
        }
    }
}
