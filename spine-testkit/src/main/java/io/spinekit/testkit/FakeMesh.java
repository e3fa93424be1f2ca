package io.spinekit.testkit;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.TestPki;
import io.spinekit.tls.SpineTlsContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A fake MESH server for tests: the MESH API v2 (MESH.md section 3) over real HTTPS that requires a
 * client certificate from a {@link TestPki}, with in-memory mailboxes.
 *
 * <p>It checks the {@code NHSMESH} authorisation header as the contract says (HMAC with the shared
 * key, timestamp within 2 hours, a token used once; the sandbox checks only the HMAC), takes chunked
 * uploads ({@code mex-Chunk-Range}, 423 for a chunk already in, 406 for a chunk past the total),
 * hands out chunked downloads (206 until the last), honours {@code Accept-Encoding} as the sandbox
 * does (gunzips for a client without gzip, gzips plain messages for one with it), keeps tracking
 * statuses ({@code uploading}, {@code accepted}, {@code acknowledged}), removes acknowledged messages
 * from the inbox, answers endpoint look-ups from the mailboxes' ODS codes and workflows, and can be
 * told to fail ({@link #inject(Operation, Fault, int)}). Status codes, error bodies and headers follow
 * the sandbox exchange in MESH.md section 6.
 *
 * <pre>{@code
 * TestPki pki = TestPki.create();
 * try (FakeMesh mesh = FakeMesh.start(pki)) {               // mailboxes X26ABC1..3, password "password", key "TestKey"
 *     MeshClient a = MeshClient.builder().url(mesh.url()).mailbox("X26ABC1")
 *             .password("password".toCharArray()).sharedKey("TestKey".toCharArray())
 *             .tls(mesh.clientTls("X26ABC1")).build();
 * }
 * }</pre>
 *
 * <p>Binds 127.0.0.1 only; request bodies are bounded ({@link Builder#maxRequestBytes}, default
 * 100 MiB, the contract's largest request). Thread-safe.
 */
public final class FakeMesh implements AutoCloseable {
    /** The sandbox's shared key (MESH.md section 2). */
    public static final String DEFAULT_SHARED_KEY = "TestKey";
    /** The sandbox's mailbox password (MESH.md section 5). */
    public static final String DEFAULT_PASSWORD = "password";
    /** The sandbox's test workflow (MESH.md section 6). */
    public static final String DEFAULT_WORKFLOW = "TEST_WORKFLOW";
    /** The ODS code of the default mailboxes. */
    public static final String DEFAULT_ODS = "X26";
    /** Largest request body by default: 100 MiB, the contract's per-request limit (MESH.md section 4). */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 100L * 1024 * 1024;

    /** The kinds of request a fault can be aimed at. */
    public enum Operation {
        /** Any request below {@code /messageexchange}. */
        ANY,
        /** {@code POST /messageexchange/{mailbox}}. */
        HANDSHAKE,
        /** {@code POST .../outbox} (the first chunk). */
        SEND,
        /** {@code POST .../outbox/{id}/{n}} (chunks 2..n). */
        CHUNK,
        /** {@code GET .../inbox}. */
        INBOX,
        /** {@code GET .../count}. */
        COUNT,
        /** {@code GET .../inbox/{id}} and {@code .../inbox/{id}/{n}}. */
        DOWNLOAD,
        /** {@code PUT .../inbox/{id}/status/acknowledged}. */
        ACKNOWLEDGE,
        /** {@code GET .../outbox/tracking...}. */
        TRACK,
        /** {@code GET /messageexchange/endpointlookup/...}. */
        LOOKUP
    }

    /**
     * A fault to answer with instead of (or before) the normal answer.
     *
     * @param status the HTTP status to answer with, or 0 for none
     * @param retryAfterSeconds the {@code Retry-After} value, or -1 for none
     * @param drop whether to close the connection without answering
     * @param delay how long to wait before answering normally (a slow response), or zero
     */
    public record Fault(int status, int retryAfterSeconds, boolean drop, Duration delay) {
        /**
         * Checks the parts.
         *
         * @param status the status
         * @param retryAfterSeconds the Retry-After seconds
         * @param drop whether to drop
         * @param delay the delay
         */
        public Fault {
            Objects.requireNonNull(delay, "delay");
        }

        /**
         * 429 Too Many Requests with a {@code Retry-After}.
         *
         * @param retryAfterSeconds seconds to put in the header
         * @return the fault
         */
        public static Fault tooManyRequests(int retryAfterSeconds) {
            return new Fault(429, retryAfterSeconds, false, Duration.ZERO);
        }

        /**
         * 503 Service Unavailable.
         *
         * @return the fault
         */
        public static Fault serviceUnavailable() {
            return new Fault(503, -1, false, Duration.ZERO);
        }

        /**
         * Any status, with an empty JSON error body.
         *
         * @param status the status
         * @return the fault
         */
        public static Fault status(int status) {
            return new Fault(status, -1, false, Duration.ZERO);
        }

        /**
         * Reads the request, then closes the connection without an answer.
         *
         * @return the fault
         */
        public static Fault dropConnection() {
            return new Fault(0, -1, true, Duration.ZERO);
        }

        /**
         * Answers normally, but only after a delay.
         *
         * @param delay the wait before the answer
         * @return the fault
         */
        public static Fault slow(Duration delay) {
            return new Fault(0, -1, false, delay);
        }
    }

    private final TestPki pki;
    private final HttpsServer server;
    private final ExecutorService executor;
    private final FakeMeshHandler handler;
    private final URI url;

    private FakeMesh(Builder b) {
        this.pki = b.pki;
        FakeMeshStore store = new FakeMeshStore();
        for (FakeMeshStore.Mailbox m : b.mailboxes) {
            store.mailboxes.put(m.id(), m);
        }
        this.handler = new FakeMeshHandler(store, new FakeMeshAuth(b.sharedKey, b.clock, b.timestampWindow),
                b.clock, b.maxRequestBytes, b.storage, b.inboxPageSize);
        IssuedCertificate serverCert = b.serverCertificate != null ? b.serverCertificate
                : pki.certificate("localhost").subjectAltNames("localhost").serverAuth().issue();
        SSLContext ctx = pki.sslContext(serverCert);
        try {
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start FakeMesh", e);
        }
        server.setHttpsConfigurator(new HttpsConfigurator(ctx) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = ctx.getDefaultSSLParameters();
                p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                p.setNeedClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "fake-mesh-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
        url = URI.create("https://localhost:" + server.getAddress().getPort());
    }

    /**
     * Starts a fake with the sandbox's mailboxes {@code X26ABC1}, {@code X26ABC2}, {@code X26ABC3}
     * (password {@code password}, ODS {@code X26}, workflow {@code TEST_WORKFLOW}) and key {@code TestKey}.
     *
     * @param pki the PKI for the server certificate and the client certificates it accepts
     * @return a running fake
     */
    public static FakeMesh start(TestPki pki) {
        return builder(pki).start();
    }

    /**
     * Starts describing a fake.
     *
     * @param pki the PKI for the server certificate and the client certificates it accepts
     * @return a builder
     */
    public static Builder builder(TestPki pki) {
        return new Builder(pki);
    }

    /**
     * The host root, as the environment catalog holds MESH URLs: {@code https://localhost:<port>}
     * (the API hangs off {@code /messageexchange} below it).
     *
     * @return the URL
     */
    public URI url() {
        return url;
    }

    /**
     * The TCP port.
     *
     * @return the port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The PKI the fake trusts.
     *
     * @return the PKI
     */
    public TestPki pki() {
        return pki;
    }

    /**
     * A client certificate for a mailbox, CN {@code <mailbox>.<ods>.api.mesh-client.nhs.uk} as MESH
     * issues them (MESH.md section 1), from the fake's PKI.
     *
     * @param mailboxId the mailbox
     * @return a new certificate
     */
    public IssuedCertificate clientCertificate(String mailboxId) {
        String ods = Optional.ofNullable(handler.mailbox(mailboxId)).map(FakeMeshStore.Mailbox::odsCode)
                .orElse(DEFAULT_ODS);
        return pki.certificate(mailboxId.toLowerCase(Locale.ROOT) + "." + ods.toLowerCase(Locale.ROOT)
                + ".api.mesh-client.nhs.uk").clientAuth().issue();
    }

    /**
     * A TLS context for a mailbox's client: trusts the fake's PKI and presents {@link #clientCertificate}.
     *
     * @param mailboxId the mailbox
     * @return a context
     */
    public SpineTlsContext clientTls(String mailboxId) {
        IssuedCertificate c = clientCertificate(mailboxId);
        return SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate()))
                .clientIdentity(c.privateKey(), c.chain()).build();
    }

    /**
     * Answers the next {@code times} requests of a kind with a fault (faults queue up in order).
     *
     * @param operation which requests
     * @param fault what to do
     * @param times how many requests
     */
    public void inject(Operation operation, Fault fault, int times) {
        handler.inject(operation, fault, times);
    }

    /**
     * How many requests of a kind arrived (faulted ones included).
     *
     * @param operation the kind
     * @return the count
     */
    public int requests(Operation operation) {
        return handler.requests(operation);
    }

    /**
     * Why authorisation headers were refused, oldest first (such as {@code token reused},
     * {@code HMAC does not match}, {@code timestamp outside the window of 120 minutes}).
     *
     * @return the reasons
     */
    public List<String> authFailures() {
        return handler.authFailures();
    }

    /**
     * The message ids in a mailbox's inbox, oldest first.
     *
     * @param mailboxId the mailbox
     * @return the ids
     */
    public List<String> inbox(String mailboxId) {
        return handler.inboxIds(mailboxId);
    }

    /**
     * The tracking status of a message ({@code uploading}, {@code accepted}, {@code acknowledged}).
     *
     * @param messageId the message
     * @return the status, if the message exists
     */
    public Optional<String> status(String messageId) {
        return handler.status(messageId);
    }

    /**
     * Puts a non-delivery report into a mailbox's inbox, as the sandbox's {@code /admin/report} does.
     *
     * @param mailboxId the recipient of the report (the sender of the undelivered message)
     * @param linkedMessageId the undelivered message
     * @param statusCode the error code, such as {@code 14} (undelivered)
     * @param description the error description
     * @return the report's message id
     */
    public String putReport(String mailboxId, String linkedMessageId, String statusCode, String description) {
        return handler.putReport(mailboxId, linkedMessageId, statusCode, description);
    }

    /** Forgets every message, queued fault, request count, auth failure and used token (mailboxes stay). */
    public void reset() {
        handler.reset();
    }

    /** Stops the server and deletes stored chunk files. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        handler.reset();
    }

    /** Settings for a {@link FakeMesh}. */
    public static final class Builder {
        private final TestPki pki;
        private final List<FakeMeshStore.Mailbox> mailboxes = new ArrayList<>();
        private boolean defaults = true;
        private String sharedKey = DEFAULT_SHARED_KEY;
        private Clock clock = Clock.systemUTC();
        private Duration timestampWindow = Duration.ofHours(2);
        private long maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
        private Path storage;
        private int inboxPageSize = 500;
        private IssuedCertificate serverCertificate;

        private Builder(TestPki pki) {
            this.pki = Objects.requireNonNull(pki, "pki");
        }

        /**
         * Adds a mailbox (the first call replaces the three default mailboxes).
         *
         * @param id the mailbox id, upper case
         * @param password its password
         * @param odsCode its organisation's ODS code, for endpoint look-up
         * @param workflows the workflows it is registered to receive, for endpoint look-up
         * @return this
         */
        public Builder mailbox(String id, String password, String odsCode, String... workflows) {
            if (defaults) {
                defaults = false;
            }
            mailboxes.add(new FakeMeshStore.Mailbox(id.toUpperCase(Locale.ROOT), password, odsCode,
                    "Test mailbox " + id, new LinkedHashSet<>(List.of(workflows))));
            return this;
        }

        /**
         * The environment's shared key (default {@code TestKey}).
         *
         * @param key the key
         * @return this
         */
        public Builder sharedKey(String key) {
            this.sharedKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * The server's clock, for the timestamp window.
         *
         * @param clock the clock
         * @return this
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How far a token's timestamp may be from server time (default 2 hours, the contract's).
         *
         * @param window the window
         * @return this
         */
        public Builder timestampWindow(Duration window) {
            this.timestampWindow = Objects.requireNonNull(window, "window");
            return this;
        }

        /**
         * The largest request body accepted (default 100 MiB); larger ones get 413.
         *
         * @param max bytes
         * @return this
         */
        public Builder maxRequestBytes(long max) {
            this.maxRequestBytes = max;
            return this;
        }

        /**
         * The server certificate (default: CN and DNS subjectAltName {@code localhost} from the PKI),
         * for example one without subjectAltName, as the HSCN MESH hosts have.
         *
         * @param certificate the certificate and key
         * @return this
         */
        public Builder serverCertificate(IssuedCertificate certificate) {
            this.serverCertificate = Objects.requireNonNull(certificate, "certificate");
            return this;
        }

        /**
         * How many ids an inbox page holds when the client gives no {@code max_results} (default 500,
         * the contract's; lower it to test paging).
         *
         * @param size ids per page, at least 1
         * @return this
         */
        public Builder inboxPageSize(int size) {
            this.inboxPageSize = size;
            return this;
        }

        /**
         * Keeps chunk bodies as files in a directory instead of the heap (for very large messages).
         *
         * @param directory an existing directory
         * @return this
         */
        public Builder storeChunksIn(Path directory) {
            this.storage = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Starts the fake.
         *
         * @return a running fake
         */
        public FakeMesh start() {
            if (defaults) {
                for (String id : List.of("X26ABC1", "X26ABC2", "X26ABC3")) {
                    mailboxes.add(new FakeMeshStore.Mailbox(id, DEFAULT_PASSWORD, DEFAULT_ODS, "Test mailbox " + id,
                            new LinkedHashSet<>(List.of(DEFAULT_WORKFLOW))));
                }
            }
            return new FakeMesh(this);
        }
    }

    static Map<Operation, AtomicInteger> counters() {
        Map<Operation, AtomicInteger> m = new EnumMap<>(Operation.class);
        for (Operation o : Operation.values()) {
            m.put(o, new AtomicInteger());
        }
        return m;
    }
}
