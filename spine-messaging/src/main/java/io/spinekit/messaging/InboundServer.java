package io.spinekit.messaging;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.spinekit.core.Text;
import io.spinekit.tls.SpineTlsContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLParameters;

/**
 * A ready inbound HTTPS server for an {@link InboundHandler}: the JDK's HTTPS server on a
 * {@link SpineTlsContext} (its certificate is the endpoint certificate, its trust the Spine CA
 * chain), client certificates required, as MHS's inbound listener does ({@code ssl.CERT_REQUIRED},
 * MESSAGING.md section 6). Bounded: a fixed pool of threads with a bounded queue (a connection
 * beyond it is refused), the handler's body limit, and a deadline on each request (default 30 s,
 * from its first byte to the answer: handshake, headers and body; a client that stalls or trickles
 * is cut off, see {@link Builder#requestTimeout(Duration)}). Started and stopped by the user;
 * {@link #close()} lets exchanges in flight finish within a grace period (default 2 s).
 *
 * <pre>{@code
 * try (InboundServer server = InboundServer.builder().tls(tls).handler(handler).port(443).build().start()) {
 *     ...
 * }
 * }</pre>
 */
public final class InboundServer implements AutoCloseable {
    /** The default {@link Builder#gracePeriod(Duration)}: 2 s. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(2);
    /** The default {@link Builder#requestTimeout(Duration)}: 30 s. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpsServer server;
    /** The port bound at construction, kept so that {@link #port()} answers after {@link #close()} too. */
    private final int port;
    private final ThreadPoolExecutor threads;
    private final RequestDeadlines deadlines;
    private final InboundHandler handler;
    private final Duration gracePeriod;
    private final Object lock = new Object();
    /** Exchanges whose handling has begun and not ended; guarded by {@link #lock}. */
    private int inFlight;
    /** Set by {@link #close()}; guarded by {@link #lock}. */
    private boolean closing;

    private InboundServer(Builder b) {
        this.handler = b.handler;
        this.gracePeriod = b.gracePeriod;
        AtomicInteger n = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(b.threads, b.threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(b.queue), r -> {
                    Thread t = new Thread(r, "spinekit-inbound-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        try {
            this.server = HttpsServer.create(new InetSocketAddress(b.address, b.port), 128);
        } catch (IOException e) {
            threads.shutdownNow();
            String where = (b.address == null ? "*" : b.address.getHostAddress()) + ":" + b.port;
            throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, "cannot listen on "
                    + Text.quote(where) + ": " + Text.quote(String.valueOf(e.getMessage()))
                    + " (expected a free port on a local address)", e);
        }
        this.deadlines = new RequestDeadlines(threads, b.requestTimeout);
        this.port = server.getAddress().getPort();
        SpineTlsContext tls = b.tls;
        server.setHttpsConfigurator(new HttpsConfigurator(tls.sslContext()) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = new SSLParameters(tls.cipherSuites().toArray(new String[0]),
                        tls.protocols().toArray(new String[0]));
                p.setNeedClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        server.setExecutor(deadlines);
        server.createContext("/", this::exchange);
    }

    /**
     * A builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts listening.
     *
     * @return this server
     */
    public InboundServer start() {
        server.start();
        return this;
    }

    /**
     * The port listened on (useful with port 0): bound when the server is built, and still the same
     * after {@link #close()}.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    private void exchange(HttpExchange exchange) throws IOException {
        synchronized (lock) {
            if (closing) {
                // a request on a kept-alive connection after close() began: not taken on (inferred: 503
                // makes the sender retry, as for a refused connection)
                try (exchange) {
                    exchange.getResponseHeaders().set("Connection", "close");
                    exchange.sendResponseHeaders(503, -1);
                }
                return;
            }
            inFlight++;
        }
        try {
            handle(exchange);
        } finally {
            synchronized (lock) {
                inFlight--;
                lock.notifyAll();
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.isEmpty() ? "" : v.get(0)));
            byte[] request;
            try (InputStream in = exchange.getRequestBody()) {
                // read here, under the request deadline; one byte over the limit tells the handler it is too large
                request = in.readNBytes(handler.maxBytes() + 1);
            }
            InboundResponse response;
            RequestDeadlines.working(true);
            try {
                response = handler.handle(headers, new ByteArrayInputStream(request));
            } finally {
                RequestDeadlines.working(false);
            }
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            byte[] body = response.body();
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /**
     * Stops: closes the listening socket at once (new connections are refused; a new request on an
     * open connection is answered 503), lets the exchanges in flight finish for up to the
     * {@linkplain Builder#gracePeriod(Duration) grace period}, then closes every connection and stops
     * the threads (an exchange still running is cut off). Returns as soon as the last exchange ends.
     * Calling it again does nothing.
     */
    @Override
    public void close() {
        int busy;
        synchronized (lock) {
            if (closing) {
                return;
            }
            closing = true;
            busy = inFlight;
        }
        Thread stopper = null;
        if (busy > 0 && !gracePeriod.isZero()) {
            // HttpServer.stop(delay) is the only documented way to close the listener at once; it then waits up
            // to delay whole seconds for the exchanges. This class waits on its own count instead (to the
            // millisecond, and returning at once when the last exchange ends) and ends stop(delay)'s wait with
            // stop(0). That a second stop ends the first one's wait is JDK behaviour, not documented API
            // (JDK 17: the 'finished' flag; JDK 25: a latch), hence the bounded join below. The documented
            // alternatives fall short: stop(seconds) alone rounds the grace up to whole seconds and on JDK 17
            // waits the full delay when the last exchange ends before stop() begins; shutting the executor down
            // and awaiting it leaves the listener open during the grace and cannot answer 503.
            long seconds = gracePeriod.plusMillis(999).getSeconds() + 1;
            stopper = new Thread(() -> server.stop((int) Math.min(Integer.MAX_VALUE, seconds)), "spinekit-inbound-stop");
            stopper.setDaemon(true);
            stopper.start();
            awaitIdle();
        }
        server.stop(0);
        threads.shutdownNow();
        deadlines.close();
        if (stopper != null) {
            try {
                stopper.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitIdle() {
        long deadline = System.nanoTime() + gracePeriod.toNanos();
        synchronized (lock) {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Builds an {@link InboundServer}. Required: {@link #tls} and {@link #handler}. Defaults: all
     * addresses, port 443, 8 threads, 64 queued requests, a 30 s request deadline, a 2 s grace
     * period on close.
     */
    public static final class Builder {
        private SpineTlsContext tls;
        private InboundHandler handler;
        private InetAddress address;
        private int port = 443;
        private int threads = 8;
        private int queue = 64;
        private Duration gracePeriod = DEFAULT_GRACE;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;

        private Builder() {
        }

        /**
         * The TLS context: its client identity is the certificate the server presents, its trust
         * the CAs client certificates must chain to.
         *
         * @param value the context
         * @return this builder
         */
        public Builder tls(SpineTlsContext value) {
            this.tls = Objects.requireNonNull(value, "tls");
            return this;
        }

        /**
         * The handler.
         *
         * @param value the handler
         * @return this builder
         */
        public Builder handler(InboundHandler value) {
            this.handler = Objects.requireNonNull(value, "handler");
            return this;
        }

        /**
         * The address to bind (default: all).
         *
         * @param value the address
         * @return this builder
         */
        public Builder address(InetAddress value) {
            this.address = value;
            return this;
        }

        /**
         * The port (0 for any free one).
         *
         * @param value 0 to 65535
         * @return this builder
         */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, "port is " + value
                        + ": expected 0 to 65535");
            }
            this.port = value;
            return this;
        }

        /**
         * How many requests are handled at once.
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder threads(int value) {
            if (value < 1) {
                throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, "threads is " + value
                        + ": expected at least 1");
            }
            this.threads = value;
            return this;
        }

        /**
         * How long {@link InboundServer#close()} lets exchanges in flight finish before it stops hard.
         *
         * @param value zero or more (zero: stop at once)
         * @return this builder
         */
        public Builder gracePeriod(Duration value) {
            Objects.requireNonNull(value, "gracePeriod");
            if (value.isNegative()) {
                throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, "gracePeriod is "
                        + Text.quote(value.toString()) + ": expected zero or a positive duration");
            }
            this.gracePeriod = value;
            return this;
        }

        /**
         * The deadline of each request, from its first byte (the TLS handshake of a new connection,
         * or the request line on a kept-alive one) to the answer written. A client still sending,
         * or silent, at the deadline has its connection closed and gets no answer (a sender retries
         * as after a dropped connection). The handler's own work on a request already read is not
         * cut short. Spine's largest message is 5 MB; allow for the slowest sender you expect.
         *
         * @param value from 1 ms to 1 hour
         * @return this builder
         */
        public Builder requestTimeout(Duration value) {
            Objects.requireNonNull(value, "requestTimeout");
            if (value.compareTo(Duration.ofMillis(1)) < 0 || value.compareTo(Duration.ofHours(1)) > 0) {
                throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, "requestTimeout is "
                        + Text.quote(value.toString()) + ": expected from 1 ms to 1 hour");
            }
            this.requestTimeout = value;
            return this;
        }

        /**
         * Builds the server (not started).
         *
         * @return the server
         * @throws MessagingException ({@code INVALID_ARGUMENT}) without TLS or a handler
         */
        public InboundServer build() {
            if (tls == null || handler == null) {
                throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, "an inbound server needs "
                        + "tls(SpineTlsContext) with its endpoint certificate and handler(InboundHandler)");
            }
            return new InboundServer(this);
        }
    }
}
