package io.spinekit.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FakeMesh's HTTP side: routing, faults, authorisation and the answers. The operations themselves
 * (send, chunks, download, ...) are in {@link FakeMeshOperations}.
 */
final class FakeMeshHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(FakeMeshHandler.class);
    static final ObjectMapper JSON = new ObjectMapper();
    static final String V2 = "application/vnd.mesh.v2+json";
    private static final Pattern VERSIONED = Pattern.compile("application/vnd\\.mesh\\.v([^+]*)\\+json");
    static final DateTimeFormatter STATUS_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private final FakeMeshStore store;
    private final FakeMeshAuth auth;
    final Clock clock;
    final long maxRequestBytes;
    final Path storage;
    final int inboxPageSize;
    private final FakeMeshOperations ops;
    private final Map<FakeMesh.Operation, Deque<FakeMesh.Fault>> faults = new EnumMap<>(FakeMesh.Operation.class);
    private final Map<FakeMesh.Operation, AtomicInteger> counts = FakeMesh.counters();
    private final List<String> authFailures = new ArrayList<>();

    FakeMeshHandler(FakeMeshStore store, FakeMeshAuth auth, Clock clock, long maxRequestBytes, Path storage,
            int inboxPageSize) {
        this.inboxPageSize = inboxPageSize;
        this.store = store;
        this.auth = auth;
        this.clock = clock;
        this.maxRequestBytes = maxRequestBytes;
        this.storage = storage;
        this.ops = new FakeMeshOperations(this, store);
    }

    /** A parsed request: method, path segments after /messageexchange, query, the exchange. */
    record Request(HttpExchange exchange, String method, List<String> segments, Map<String, String> query) {
        String header(String name) {
            return exchange.getRequestHeaders().getFirst(name);
        }
    }

    /** An answer to write. */
    static final class Reply {
        final int status;
        final Map<String, String> headers = new LinkedHashMap<>();
        byte[] body;
        FakeMeshStore.Blob blob;
        /** 0: as stored; 1: gunzip the blob; 2: gzip the blob. */
        int transform;

        Reply(int status) {
            this.status = status;
        }

        Reply json(Object value) {
            try {
                body = JSON.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            headers.put("Content-Type", "application/json");
            return this;
        }

        Reply header(String name, String value) {
            if (value != null && !value.isEmpty()) {
                headers.put(name, value);
            }
            return this;
        }
    }

    /** The request body was over the limit. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request r = parse(exchange);
            if (r == null) {
                send(exchange, FakeMeshOperations.error(404, "", "", "No such route"));
                return;
            }
            FakeMesh.Operation op = operation(r);
            counts.get(FakeMesh.Operation.ANY).incrementAndGet();
            if (op != FakeMesh.Operation.ANY) {
                counts.get(op).incrementAndGet();
            }
            FakeMesh.Fault fault = nextFault(op);
            if (fault != null && (fault.drop() || fault.status() > 0)) {
                discard(exchange.getRequestBody());
                if (fault.drop()) {
                    LOG.debug("FakeMesh: dropping the connection for {} {}", r.method(), exchange.getRequestURI());
                    return; // closing an exchange that sent no headers closes the connection
                }
                Reply reply = FakeMeshOperations.error(fault.status(), "", "", "Injected fault");
                if (fault.retryAfterSeconds() >= 0) {
                    reply.header("Retry-After", Integer.toString(fault.retryAfterSeconds()));
                }
                send(exchange, reply);
                return;
            }
            Reply reply;
            try {
                reply = dispatch(r, op);
            } catch (TooLarge e) {
                exchange.getResponseHeaders().set("Connection", "close");
                reply = FakeMeshOperations.error(413, "SEND", "", "Request body larger than " + maxRequestBytes
                        + " bytes");
            }
            if (fault != null && !fault.delay().isZero()) {
                sleep(fault.delay());
            }
            send(exchange, reply);
        } catch (IOException e) {
            LOG.debug("FakeMesh: exchange failed: {}", e.toString());
        }
    }

    private Reply dispatch(Request r, FakeMesh.Operation op) throws IOException {
        List<String> s = r.segments();
        if (s.size() == 1 && s.get(0).equals("_ping")) {
            return new Reply(200);
        }
        Reply versionProblem = checkAccept(r, op);
        if (versionProblem != null) {
            return versionProblem;
        }
        if (op == FakeMesh.Operation.LOOKUP) {
            return ops.lookup(s.get(1), s.get(2));
        }
        String mailbox = s.get(0).toUpperCase(Locale.ROOT);
        String failure = auth.check(r.header("Authorization"), mailbox, this::password);
        if (failure != null) {
            synchronized (authFailures) {
                authFailures.add(failure);
            }
            discard(r.exchange().getRequestBody());
            // The sandbox's body for a refused token (MESH.md section 6).
            return FakeMeshOperations.error(403, "", "", failure.equals("mailbox id does not match token")
                    ? "Mailbox id does not match token" : "Invalid Authentication Token");
        }
        return switch (op) {
            case HANDSHAKE -> ops.handshake(r);
            case SEND -> ops.send(r, mailbox);
            case CHUNK -> ops.chunk(r, mailbox, s.get(2), s.get(3));
            case INBOX -> ops.inbox(r, mailbox);
            case COUNT -> ops.count(mailbox);
            case DOWNLOAD -> ops.download(r, mailbox, s.get(2), s.size() == 4 ? s.get(3) : "1");
            case ACKNOWLEDGE -> ops.acknowledge(mailbox, s.get(2));
            case TRACK -> s.size() == 4 ? ops.trackByLocalId(mailbox, s.get(3))
                    : ops.track(mailbox, r.query().get("messageID"));
            default -> FakeMeshOperations.error(404, "", "", "No such route");
        };
    }

    /** API version from Accept (MESH.md section 3): v2 only, except tracking by local id (v1 body only). */
    private static Reply checkAccept(Request r, FakeMesh.Operation op) {
        String accept = Optional.ofNullable(r.header("Accept")).orElse("");
        Matcher m = VERSIONED.matcher(accept.toLowerCase(Locale.ROOT));
        if (m.find()) {
            if (!m.group(1).matches("\\d+")) {
                return FakeMeshOperations.error(400, "", "", "Invalid Accept header version");
            }
            if (Integer.parseInt(m.group(1)) >= 2) {
                return null;
            }
        }
        boolean localIdTracking = op == FakeMesh.Operation.TRACK && r.segments().size() == 4;
        return localIdTracking ? null : FakeMeshOperations.error(400, "", "", "FakeMesh implements API v2 only: send "
                + "Accept: " + V2);
    }

    private static Request parse(HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath();
        String prefix = "/messageexchange/";
        if (!path.startsWith(prefix)) {
            return null;
        }
        List<String> segments = new ArrayList<>();
        for (String p : path.substring(prefix.length()).split("/", -1)) {
            segments.add(URLDecoder.decode(p, StandardCharsets.UTF_8));
        }
        if (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
            segments.remove(segments.size() - 1);
        }
        if (segments.isEmpty() || segments.stream().anyMatch(String::isEmpty)) {
            return null;
        }
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String kv : raw.split("&")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    query.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return new Request(exchange, exchange.getRequestMethod().toUpperCase(Locale.ROOT), segments, query);
    }

    /** Which operation a request is, by method and path shape (MESH.md section 3); ANY when none. */
    static FakeMesh.Operation operation(Request r) {
        List<String> s = r.segments();
        String m = r.method();
        int n = s.size();
        if (n == 3 && s.get(0).equals("endpointlookup") && m.equals("GET")) {
            return FakeMesh.Operation.LOOKUP;
        }
        if (n == 1 && !s.get(0).equals("_ping") && (m.equals("POST") || m.equals("GET"))) {
            return FakeMesh.Operation.HANDSHAKE;
        }
        if (n >= 2 && s.get(1).equals("outbox")) {
            if (n == 2 && m.equals("POST")) {
                return FakeMesh.Operation.SEND;
            }
            if (n >= 3 && s.get(2).equals("tracking") && m.equals("GET") && n <= 4) {
                return FakeMesh.Operation.TRACK;
            }
            if (n == 4 && m.equals("POST")) {
                return FakeMesh.Operation.CHUNK;
            }
        }
        if (n == 2 && s.get(1).equals("count") && m.equals("GET")) {
            return FakeMesh.Operation.COUNT;
        }
        if (n >= 2 && s.get(1).equals("inbox")) {
            if (n == 2 && m.equals("GET")) {
                return FakeMesh.Operation.INBOX;
            }
            if ((n == 3 || n == 4) && m.equals("GET")) {
                return FakeMesh.Operation.DOWNLOAD;
            }
            if (n == 5 && s.get(3).equals("status") && s.get(4).equals("acknowledged") && m.equals("PUT")) {
                return FakeMesh.Operation.ACKNOWLEDGE;
            }
        }
        return FakeMesh.Operation.ANY;
    }

    /** Reads a request body into memory or a file, at most maxRequestBytes. */
    FakeMeshStore.Blob readBody(InputStream in) throws IOException {
        byte[] buf = new byte[64 * 1024];
        if (storage == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long total = 0;
            for (int r; (r = in.read(buf)) >= 0; ) {
                total += r;
                if (total > maxRequestBytes) {
                    throw new TooLarge();
                }
                out.write(buf, 0, r);
            }
            return new FakeMeshStore.MemoryBlob(out.toByteArray());
        }
        Path file = Files.createTempFile(storage, "fake-mesh-", ".chunk");
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int r; (r = in.read(buf)) >= 0; ) {
                total += r;
                if (total > maxRequestBytes) {
                    throw new TooLarge();
                }
                out.write(buf, 0, r);
            }
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new FakeMeshStore.FileBlob(file, total);
    }

    /** Reads and throws away up to maxRequestBytes of a body, so the connection can answer. */
    void discard(InputStream in) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        for (int r; total <= maxRequestBytes && (r = in.read(buf)) >= 0; ) {
            total += r;
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        reply.headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        if (reply.blob != null) {
            if (reply.transform == 0) {
                exchange.sendResponseHeaders(reply.status, reply.blob.length() == 0 ? -1 : reply.blob.length());
                try (InputStream in = reply.blob.open(); OutputStream out = exchange.getResponseBody()) {
                    in.transferTo(out);
                }
            } else {
                exchange.sendResponseHeaders(reply.status, 0); // chunked: the length after (de)compression is unknown
                try (InputStream stored = reply.blob.open();
                        InputStream in = reply.transform == 1 ? new GZIPInputStream(stored, 64 * 1024) : stored;
                        OutputStream raw = exchange.getResponseBody();
                        OutputStream out = reply.transform == 2 ? FakeMeshOperations.fastGzip(raw) : raw) {
                    in.transferTo(out);
                }
            }
            return;
        }
        byte[] body = reply.body == null ? new byte[0] : reply.body;
        exchange.sendResponseHeaders(reply.status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized FakeMesh.Fault nextFault(FakeMesh.Operation op) {
        Deque<FakeMesh.Fault> q = faults.get(op);
        if (q != null && !q.isEmpty()) {
            return q.poll();
        }
        Deque<FakeMesh.Fault> any = faults.get(FakeMesh.Operation.ANY);
        return any == null ? null : any.poll();
    }

    synchronized void inject(FakeMesh.Operation op, FakeMesh.Fault fault, int times) {
        Deque<FakeMesh.Fault> q = faults.computeIfAbsent(op, o -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            q.add(fault);
        }
    }

    int requests(FakeMesh.Operation op) {
        return counts.get(op).get();
    }

    List<String> authFailures() {
        synchronized (authFailures) {
            return List.copyOf(authFailures);
        }
    }

    FakeMeshStore.Mailbox mailbox(String id) {
        synchronized (store) {
            return store.mailboxes.get(id.toUpperCase(Locale.ROOT));
        }
    }

    private String password(String mailbox) {
        FakeMeshStore.Mailbox m = mailbox(mailbox);
        return m == null ? null : m.password();
    }

    List<String> inboxIds(String mailbox) {
        synchronized (store) {
            return store.inbox(mailbox.toUpperCase(Locale.ROOT)).stream().map(m -> m.id).toList();
        }
    }

    Optional<String> status(String messageId) {
        synchronized (store) {
            return Optional.ofNullable(store.messages.get(messageId)).map(m -> m.status);
        }
    }

    String putReport(String mailbox, String linkedMessageId, String statusCode, String description) {
        return ops.putReport(mailbox.toUpperCase(Locale.ROOT), linkedMessageId, statusCode, description);
    }

    void reset() {
        synchronized (this) {
            faults.clear();
        }
        counts.values().forEach(c -> c.set(0));
        synchronized (authFailures) {
            authFailures.clear();
        }
        auth.forgetTokens();
        synchronized (store) {
            store.clearMessages();
        }
    }
}
