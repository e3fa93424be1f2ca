package io.spinekit.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spinekit.core.Text;
import io.spinekit.tls.SpineTlsContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.FileEntity;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;

/**
 * The spine-mesh entry point: one mailbox's client for the MESH API v2 (MESH.md section 3).
 *
 * <pre>{@code
 * EnvironmentProfile env = SpineCatalog.load().profile(SpineEnvironment.INTEGRATION);
 * try (MeshClient mesh = MeshClient.builder().environment(env)
 *         .mailbox("X26ABC1").passwordFile(Path.of("mailbox.pw")).sharedKeyFromEnv("MESH_CLIENT_SHARED_KEY")
 *         .tls(SpineTlsContext.builder().trust(env).clientIdentityPem(cert, key).build())
 *         .build()) {
 *     mesh.handshake();
 *     SentMessage sent = mesh.send(OutgoingMessage.to("X26ABC2", "TEST_WORKFLOW").build(), Path.of("letter.pdf"));
 *     for (String id : mesh.inbox()) {
 *         MeshMessage m = mesh.download(id, Path.of("in", id));
 *         mesh.acknowledge(id);
 *     }
 * }
 * }</pre>
 *
 * <p>Every request carries {@code Accept: application/vnd.mesh.v2+json} and a fresh {@code NHSMESH}
 * token (new nonce each time, retries included). Data never sits whole in memory: uploads stream
 * from the file chunk by chunk (an {@code InputStream} is first copied to a temporary file, to know the
 * chunk count MESH needs in the first request), compressed chunks are gzipped to a temporary file
 * each, and downloads stream to the target, decompressed chunk by chunk.
 *
 * <p>Retries ({@link RetryPolicy}, default as the official client): the first POST of a message is
 * never retried, on a status or an error, because a duplicate message is worse than an error (MESH.md
 * section 4). Chunks 2..n are retried for the retryable statuses and when the connection could not be
 * made, not after an I/O failure mid-upload (MESH may hold the chunk, and a second copy gets 423).
 * Other calls are retried for the retryable statuses and I/O failures other than TLS. Retry-After
 * is honoured. Thread-safe; close it to release connections.
 */
public final class MeshClient implements AutoCloseable {
    static final String V2 = "application/vnd.mesh.v2+json";
    static final String V1 = "application/vnd.mesh.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Largest JSON answer read (inbox pages hold up to 5000 ids). */
    static final int MAX_JSON_BYTES = 4 * 1024 * 1024;
    /** The most inbox pages followed in one {@link #inbox()} call. */
    static final int MAX_PAGES = 10_000;

    private final URI api;
    private final URI root;
    private final MeshAuth auth;
    private final MeshHttp http;
    private final long chunkSize;
    private final Path tempDirectory;
    private final String clientVersion;
    private final TransferListener listener;

    MeshClient(MeshClientBuilder b) {
        this.root = b.root;
        this.api = URI.create(b.root.toString().replaceAll("/+$", "") + "/messageexchange/");
        this.auth = new MeshAuth(b.mailboxId, b.password, b.sharedKey, b.clock);
        this.http = new MeshHttp(b.tls, b.root, b.connectTimeout, b.handshakeTimeout, b.responseTimeout, b.retry,
                "spinekit-mesh/" + version(), b.sleeper);
        this.chunkSize = b.chunkSize;
        this.tempDirectory = b.tempDirectory;
        this.clientVersion = "spinekit==" + version();
        this.listener = b.listener;
    }

    /**
     * Starts a client.
     *
     * @return a builder
     */
    public static MeshClientBuilder builder() {
        return new MeshClientBuilder();
    }

    /**
     * The mailbox this client acts for.
     *
     * @return the mailbox id
     */
    public String mailboxId() {
        return auth.mailboxId();
    }

    /**
     * The API base, {@code <host root>/messageexchange/}.
     *
     * @return the URL
     */
    public URI apiUrl() {
        return api;
    }

    /**
     * The handshake ({@code POST /messageexchange/{mailbox}} with the {@code mex-} client headers); MESH
     * asks for one a day (MESH.md section 3). Proves the certificate, password and shared key.
     *
     * @throws MeshException ({@code FORBIDDEN}) when MESH refuses the credentials, or a transport reason
     */
    public void handshake() {
        http.execute(() -> {
            HttpPost p = request(new HttpPost(url(mailboxId())));
            p.setHeader("mex-ClientVersion", clientVersion);
            p.setHeader("mex-OSName", System.getProperty("os.name", "unknown"));
            p.setHeader("mex-OSVersion", System.getProperty("os.version", "unknown"));
            p.setHeader("mex-OSArchitecture", System.getProperty("os.arch", "unknown"));
            p.setHeader("mex-JavaVersion", System.getProperty("java.version", "unknown"));
            return p;
        }, "handshake", MeshHttp.Retry.ALL, r -> null);
    }

    /**
     * Sends a file, in chunks of the chunk size when larger.
     *
     * @param message the recipient, workflow and headers
     * @param file the data
     * @return the message id
     * @throws MeshException for a refusal (with MESH's code, such as {@code 12} for an unknown recipient)
     *     or a transport failure
     */
    public SentMessage send(OutgoingMessage message, Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new MeshException(MeshException.Reason.IO, "cannot read the file to send "
                    + Text.quote(file.toString()) + " (" + MeshHttp.detail(e) + ")", e);
        }
        int n = Chunks.count(size, chunkSize);
        String id = null;
        for (int k = 1; k <= n; k++) {
            id = sendChunk(message, file, size, k, n, id);
            listener.chunkDone("send", id, k, n, Math.min(size, k * chunkSize));
        }
        return new SentMessage(id, n, size);
    }

    /**
     * Sends data from a stream: it is copied to a temporary file first (deleted afterwards), because
     * the first request must say how many chunks follow.
     *
     * @param message the recipient, workflow and headers
     * @param data the data, read to its end (not closed)
     * @return the message id
     * @throws MeshException as {@link #send(OutgoingMessage, Path)}, or {@code IO} when the stream or the
     *     temporary file fails
     */
    public SentMessage send(OutgoingMessage message, InputStream data) {
        Path spool = null;
        try {
            spool = Files.createTempFile(tempDirectory, "spinekit-mesh-", ".out");
            try (OutputStream out = Files.newOutputStream(spool)) {
                data.transferTo(out);
            }
            return send(message, spool);
        } catch (IOException e) {
            throw new MeshException(MeshException.Reason.IO, "cannot copy the data to send to a temporary file in "
                    + Text.quote(String.valueOf(tempDirectory)) + " (" + MeshHttp.detail(e) + ")", e);
        } finally {
            deleteQuietly(spool);
        }
    }

    private String sendChunk(OutgoingMessage m, Path file, long size, int k, int n, String id) {
        long offset = Chunks.offset(k, chunkSize);
        long length = Chunks.length(k, size, chunkSize);
        Path gz = null;
        try {
            if (m.compress()) {
                gz = Chunks.gzipRegion(file, offset, length, tempDirectory);
            }
            Path body = gz;
            String what = n == 1 ? "send" : "send (chunk " + k + " of " + n + ")";
            if (k == 1) {
                return http.execute(() -> {
                    HttpPost p = request(new HttpPost(url(mailboxId(), "outbox")));
                    p.setHeader("mex-To", m.to());
                    p.setHeader("mex-WorkflowID", m.workflowId());
                    p.setHeader("mex-Chunk-Range", "1:" + n);
                    m.fileName().ifPresent(v -> p.setHeader("mex-FileName", v));
                    m.subject().ifPresent(v -> p.setHeader("mex-Subject", v));
                    m.localId().ifPresent(v -> p.setHeader("mex-LocalID", v));
                    m.checksum().ifPresent(v -> p.setHeader("mex-Content-Checksum", v));
                    // Multi-chunk messages: Content-Type octet-stream, the real type in mex-Content-Type (MESH.md section 3).
                    String type = n > 1 ? "application/octet-stream"
                            : m.contentType().orElse("application/octet-stream");
                    if (n > 1) {
                        m.contentType().ifPresent(v -> p.setHeader("mex-Content-Type", v));
                    }
                    p.setEntity(entity(file, offset, length, body, type, m.compress()));
                    return p;
                }, what, MeshHttp.Retry.NEVER, r -> messageId(r));
            }
            String messageId = id;
            http.execute(() -> {
                HttpPost p = request(new HttpPost(url(mailboxId(), "outbox", messageId, Integer.toString(k))));
                p.setHeader("mex-Chunk-Range", k + ":" + n);
                p.setEntity(entity(file, offset, length, body, "application/octet-stream", m.compress()));
                return p;
            }, what + " of message " + messageId, MeshHttp.Retry.STATUS_AND_CONNECT, r -> null);
            return messageId;
        } catch (IOException e) {
            throw new MeshException(MeshException.Reason.IO, "cannot compress chunk " + k + " of "
                    + Text.quote(file.toString()) + " (" + MeshHttp.detail(e) + ")", e);
        } finally {
            deleteQuietly(gz);
        }
    }

    private static HttpEntity entity(Path file, long offset, long length, Path gz, String type, boolean compress) {
        ContentType ct = ContentType.parse(type);
        if (compress) {
            return new FileEntity(gz.toFile(), ct, "gzip");
        }
        try {
            return new InputStreamEntity(Chunks.region(file, offset, length), length, ct);
        } catch (IOException e) {
            throw new MeshException(MeshException.Reason.IO, "cannot read " + Text.quote(file.toString()) + " ("
                    + MeshHttp.detail(e) + ")", e);
        }
    }

    private static String messageId(ClassicHttpResponse r) throws IOException {
        JsonNode n = json(r, "send");
        JsonNode id = n.has("message_id") ? n.get("message_id") : n.get("messageID"); // v2, v1 (MESH.md section 3)
        if (id == null || !id.isTextual() || id.asText().isEmpty()) {
            throw new MeshException(MeshException.Reason.BAD_RESPONSE, "MESH accepted the message but its answer "
                    + "holds no message_id: check the outbox with tracking by local id before sending again");
        }
        return MeshIds.checkMessageId(id.asText());
    }

    /**
     * Lists the inbox, following {@code links.next} through every page.
     *
     * @return the message ids, oldest first as MESH gives them
     * @throws MeshException for a refusal or a transport failure
     */
    public List<String> inbox() {
        List<String> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        URI next = url(mailboxId(), "inbox");
        for (int page = 0; next != null; page++) {
            if (page == MAX_PAGES) {
                throw new MeshException(MeshException.Reason.BAD_RESPONSE, "the inbox has more than " + MAX_PAGES
                        + " pages: stopped following links.next");
            }
            URI u = next;
            JsonNode n = http.execute(() -> request(new HttpGet(u)), "inbox list", MeshHttp.Retry.ALL,
                    r -> json(r, "inbox list"));
            JsonNode messages = n.get("messages");
            if (messages == null || !messages.isArray()) {
                throw new MeshException(MeshException.Reason.BAD_RESPONSE, "the MESH inbox answer has no messages array");
            }
            messages.forEach(m -> ids.add(MeshIds.checkMessageId(m.asText())));
            JsonNode links = n.get("links");
            JsonNode nextLink = links == null ? null : links.get("next");
            next = null;
            if (nextLink != null && nextLink.isTextual() && !nextLink.asText().isEmpty()) {
                String link = nextLink.asText();
                if (!link.startsWith("/messageexchange/") || !seen.add(link)) {
                    throw new MeshException(MeshException.Reason.BAD_RESPONSE, "the MESH inbox answer's links.next "
                            + Text.quote(link) + " is not a new /messageexchange/ path");
                }
                next = root.resolve(link); // a path: prefixed with the base URL, as the official client does
            }
        }
        return ids;
    }

    /**
     * The inbox count ({@code GET .../count}, deprecated in the API but still served).
     *
     * @return how many messages wait
     * @throws MeshException for a refusal or a transport failure
     */
    public long count() {
        JsonNode n = http.execute(() -> request(new HttpGet(url(mailboxId(), "count"))), "inbox count",
                MeshHttp.Retry.ALL, r -> json(r, "inbox count"));
        JsonNode c = n.get("count");
        if (c == null || !c.canConvertToLong()) {
            throw new MeshException(MeshException.Reason.BAD_RESPONSE, "the MESH count answer has no count");
        }
        return c.asLong();
    }

    /**
     * Downloads a message to a file (through a temporary file next to it, moved into place when
     * every chunk is in).
     *
     * @param messageId the message
     * @param target the file to write (replaced)
     * @return the metadata
     * @throws MeshException ({@code NOT_FOUND}, {@code GONE}, {@code FORBIDDEN}, ...) or {@code IO}
     */
    public MeshMessage download(String messageId, Path target) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, ".spinekit-mesh-", ".part");
            MeshMessage m;
            try (OutputStream out = Files.newOutputStream(temp)) {
                m = download(messageId, out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            return m;
        } catch (IOException e) {
            throw new MeshException(MeshException.Reason.IO, "cannot write the download to "
                    + Text.quote(target.toString()) + " (" + MeshHttp.detail(e) + ")", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Downloads a message, every chunk, to a stream, gunzipping chunks MESH sends gzipped.
     *
     * @param messageId the message
     * @param out where the data goes (not closed)
     * @return the metadata
     * @throws MeshException ({@code NOT_FOUND}, {@code GONE}, {@code FORBIDDEN}, ...) or {@code IO}
     */
    public MeshMessage download(String messageId, OutputStream out) {
        String id = MeshIds.checkMessageId(messageId);
        MeshDownload d = new MeshDownload(id, out);
        for (int k = 1; k <= d.chunks; k++) {
            int chunk = k;
            URI u = k == 1 ? url(mailboxId(), "inbox", id) : url(mailboxId(), "inbox", id, Integer.toString(k));
            http.execute(() -> {
                HttpGet g = request(new HttpGet(u));
                g.setHeader("Accept-Encoding", "gzip");
                return g;
            }, "download of message " + id + (k == 1 ? "" : " (chunk " + k + ")"), MeshHttp.Retry.ALL,
                    r -> {
                        d.chunk(chunk, r);
                        return null;
                    });
            listener.chunkDone("download", id, k, d.chunks, d.bytes());
        }
        return d.result();
    }

    /**
     * Acknowledges a downloaded message: MESH closes it and removes it from the inbox (it cannot be
     * downloaded again).
     *
     * @param messageId the message
     * @throws MeshException ({@code NOT_FOUND}, ...) or a transport failure
     */
    public void acknowledge(String messageId) {
        String id = MeshIds.checkMessageId(messageId);
        http.execute(() -> request(new HttpPut(url(mailboxId(), "inbox", id, "status", "acknowledged"))),
                "acknowledgement of message " + id, MeshHttp.Retry.ALL, r -> null);
    }

    /**
     * Tracks a message this mailbox sent ({@code GET .../outbox/tracking?messageID=}).
     *
     * @param messageId the message
     * @return what MESH says about it
     * @throws MeshException ({@code NOT_FOUND} also for another mailbox's message) or a transport failure
     */
    public TrackingInfo track(String messageId) {
        String id = MeshIds.checkMessageId(messageId);
        URI u = URI.create(url(mailboxId(), "outbox", "tracking") + "?messageID="
                + URLEncoder.encode(id, StandardCharsets.UTF_8));
        JsonNode n = http.execute(() -> request(new HttpGet(u)), "tracking of message " + id, MeshHttp.Retry.ALL,
                r -> json(r, "tracking"));
        return MeshJson.tracking(n);
    }

    /**
     * Tracks a message by its local id ({@code GET .../outbox/tracking/{local_id}}, deprecated, answered
     * only in v1, which this call asks for).
     *
     * @param localId the {@code mex-LocalID} it was sent with
     * @return what MESH says about it
     * @throws MeshException ({@code NOT_UNIQUE} when several messages share it, {@code NOT_FOUND}) or a
     *     transport failure
     */
    public TrackingInfo trackByLocalId(String localId) {
        OutgoingMessage.to("X", "X").localId(localId).build(); // the same rules as mex-LocalID
        JsonNode n = http.execute(() -> {
            HttpGet g = request(new HttpGet(url(mailboxId(), "outbox", "tracking", localId)));
            g.setHeader("Accept", V1);
            return g;
        }, "tracking by local id", MeshHttp.Retry.ALL, r -> json(r, "tracking"));
        return MeshJson.tracking(n);
    }

    /**
     * Finds the mailboxes of an organisation that take a workflow
     * ({@code GET /messageexchange/endpointlookup/{ods}/{workflow}}, no authorisation, MESH.md section 3).
     *
     * @param odsCode the organisation's ODS code
     * @param workflowId the workflow
     * @return the mailboxes, possibly none
     * @throws MeshException for a bad value, a refusal or a transport failure
     */
    public List<MailboxEndpoint> lookup(String odsCode, String workflowId) {
        MeshIds.checkSegment("ODS code", odsCode, 20);
        OutgoingMessage.to("X", workflowId).build();
        JsonNode n = http.execute(() -> {
            HttpGet g = new HttpGet(url("endpointlookup", odsCode, workflowId));
            g.setHeader("Accept", V2);
            return g;
        }, "endpoint lookup", MeshHttp.Retry.ALL, r -> json(r, "endpoint lookup"));
        return MeshJson.endpoints(n);
    }

    private <T extends ClassicHttpRequest> T request(T r) {
        r.setHeader("Accept", V2);
        r.setHeader("Authorization", auth.header());
        return r;
    }

    private URI url(String... segments) {
        StringBuilder b = new StringBuilder(api.toString());
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                b.append('/');
            }
            b.append(URLEncoder.encode(segments[i], StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return URI.create(b.toString());
    }

    static JsonNode json(ClassicHttpResponse r, String what) throws IOException {
        byte[] body = MeshHttp.smallBody(r, MAX_JSON_BYTES, what);
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null || n.isNull() || n.isMissingNode()) {
                return JSON.createObjectNode();
            }
            return n;
        } catch (IOException e) {
            throw new MeshException(MeshException.Reason.BAD_RESPONSE, "the MESH " + what + " answer is not JSON ("
                    + MeshHttp.detail(e) + ")");
        }
    }

    static InputStream decoded(ClassicHttpResponse r, InputStream raw) throws IOException {
        Header enc = r.getFirstHeader("Content-Encoding");
        if (enc == null || enc.getValue().isBlank() || enc.getValue().equalsIgnoreCase("identity")) {
            return raw;
        }
        if (enc.getValue().equalsIgnoreCase("gzip")) {
            return new GZIPInputStream(raw, 64 * 1024);
        }
        throw new MeshException(MeshException.Reason.BAD_RESPONSE, "MESH sent Content-Encoding "
                + Text.quote(enc.getValue()) + ": only gzip is understood");
    }

    static Optional<String> header(ClassicHttpResponse r, String name) {
        Header h = r.getFirstHeader(name);
        return h == null || h.getValue().isEmpty() ? Optional.empty() : Optional.of(h.getValue());
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temporary file; the OS cleans its temp directory
            }
        }
    }

    static String version() {
        String v = MeshClient.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String toString() {
        return "MeshClient[" + api + ", mailbox " + mailboxId() + "]";
    }

    /** Closes the HTTP connections. */
    @Override
    public void close() {
        http.close();
    }
}
