package io.spinekit.mesh;

import io.spinekit.core.Text;
import io.spinekit.env.Endpoint;
import io.spinekit.env.EnvironmentProfile;
import io.spinekit.tls.SpineTlsContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * Settings for a {@link MeshClient}; {@link MeshClient#builder()} starts one. Required: the URL (an
 * environment or {@link #url}), the mailbox, its password, the shared key and the TLS context. Not
 * thread-safe. Secrets are kept as copied {@code char[]} and never printed.
 *
 * <p>Defaults: connect timeout 10 s, TLS handshake 10 s, response 60 s (each wait for data, and
 * the longest wait for a free pooled connection),
 * chunk size 20 MiB (the size the NHS MESH Terraform client uses; every request stays under MESH's
 * 100 MB limit, MESH.md section 4), {@link RetryPolicy#DEFAULT}, the system temporary directory.
 */
public final class MeshClientBuilder {
    /** Default connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default TLS handshake timeout. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    /** Default response timeout (longest wait for data). */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    /** Default chunk size: 20 MiB. */
    public static final long DEFAULT_CHUNK_SIZE = 20L * 1024 * 1024;
    /** Largest chunk size: 100 MB, MESH's per-request limit (MESH.md section 4). */
    public static final long MAX_CHUNK_SIZE = 100_000_000L;
    private static final int MAX_SECRET_BYTES = 4096;

    URI root;
    String mailboxId;
    char[] password;
    char[] sharedKey;
    SpineTlsContext tls;
    Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;
    Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;
    RetryPolicy retry = RetryPolicy.DEFAULT;
    long chunkSize = DEFAULT_CHUNK_SIZE;
    Path tempDirectory = Path.of(System.getProperty("java.io.tmpdir"));
    Clock clock = Clock.systemUTC();
    MeshHttp.Sleeper sleeper = d -> Thread.sleep(d.toMillis());
    TransferListener listener = TransferListener.NONE;

    MeshClientBuilder() {
    }

    /**
     * The environment's internet MESH URL ({@code mesh.url} in the catalog).
     *
     * @param profile the environment
     * @return this
     * @throws MeshException ({@code CONFIGURATION}) when the environment has no internet MESH URL
     */
    public MeshClientBuilder environment(EnvironmentProfile profile) {
        return url(profile.mesh().url().map(Endpoint::url).orElseThrow(() -> new MeshException(
                MeshException.Reason.CONFIGURATION, "environment " + Text.quote(profile.name())
                        + " has no internet MESH URL (mesh.url): use hscn(profile) for its deprecated HSCN URL, "
                        + "or url(...)")));
    }

    /**
     * The environment's deprecated HSCN MESH URL ({@code mesh.hscn.url}); host names are then checked
     * with the CN fallback those hosts need.
     *
     * @param profile the environment
     * @return this
     * @throws MeshException ({@code CONFIGURATION}) when the environment has no HSCN MESH URL
     */
    public MeshClientBuilder hscn(EnvironmentProfile profile) {
        return url(profile.mesh().hscnUrl().map(Endpoint::url).orElseThrow(() -> new MeshException(
                MeshException.Reason.CONFIGURATION, "environment " + Text.quote(profile.name())
                        + " has no HSCN MESH URL (mesh.hscn.url): use environment(profile) or url(...)")));
    }

    /**
     * The host root, such as {@code https://msg.intspineservices.nhs.uk}; the client adds
     * {@code /messageexchange}.
     *
     * @param url an https URL without query
     * @return this
     */
    public MeshClientBuilder url(URI url) {
        Objects.requireNonNull(url, "url");
        if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null || url.getQuery() != null
                || url.getFragment() != null) {
            throw new MeshException(MeshException.Reason.CONFIGURATION, "MESH URL " + Text.quote(url.toString())
                    + " is not valid: expected https://host[:port] (MESH is only spoken over mutual TLS)");
        }
        String s = url.toString().replaceAll("/+$", "");
        if (s.endsWith("/messageexchange")) {
            s = s.substring(0, s.length() - "/messageexchange".length());
        }
        this.root = URI.create(s);
        return this;
    }

    /**
     * The mailbox this client acts for (upper-cased).
     *
     * @param mailboxId such as {@code X26ABC1}
     * @return this
     */
    public MeshClientBuilder mailbox(String mailboxId) {
        this.mailboxId = MeshIds.checkMailbox(mailboxId);
        return this;
    }

    /**
     * The mailbox password (copied; wipe your array afterwards).
     *
     * @param password the password
     * @return this
     */
    public MeshClientBuilder password(char[] password) {
        this.password = checkSecret("mailbox password", password).clone();
        return this;
    }

    /**
     * Reads the mailbox password from a file (UTF-8, one trailing line break ignored, at most 4 KiB).
     *
     * @param file the file
     * @return this
     */
    public MeshClientBuilder passwordFile(Path file) {
        this.password = readSecret("mailbox password", file);
        return this;
    }

    /**
     * Reads the mailbox password from an environment variable.
     *
     * @param variable the variable name
     * @return this
     */
    public MeshClientBuilder passwordFromEnv(String variable) {
        this.password = envSecret("mailbox password", variable);
        return this;
    }

    /**
     * The environment's shared key (copied).
     *
     * @param key the key
     * @return this
     */
    public MeshClientBuilder sharedKey(char[] key) {
        this.sharedKey = checkSecret("shared key", key).clone();
        return this;
    }

    /**
     * Reads the shared key from a file (as {@link #passwordFile}).
     *
     * @param file the file
     * @return this
     */
    public MeshClientBuilder sharedKeyFile(Path file) {
        this.sharedKey = readSecret("shared key", file);
        return this;
    }

    /**
     * Reads the shared key from an environment variable; the official client uses
     * {@code MESH_CLIENT_SHARED_KEY} (MESH.md section 2).
     *
     * @param variable the variable name
     * @return this
     */
    public MeshClientBuilder sharedKeyFromEnv(String variable) {
        this.sharedKey = envSecret("shared key", variable);
        return this;
    }

    /**
     * The TLS context: the environment's CA chain and the mailbox's client certificate.
     *
     * @param tls the context
     * @return this
     */
    public MeshClientBuilder tls(SpineTlsContext tls) {
        this.tls = Objects.requireNonNull(tls, "tls");
        return this;
    }

    /**
     * The connect timeout (default 10 s).
     *
     * @param t between 1 ms and 10 minutes
     * @return this
     */
    public MeshClientBuilder connectTimeout(Duration t) {
        this.connectTimeout = checkTimeout("connect timeout", t);
        return this;
    }

    /**
     * The TLS handshake timeout (default 10 s).
     *
     * @param t between 1 ms and 10 minutes
     * @return this
     */
    public MeshClientBuilder handshakeTimeout(Duration t) {
        this.handshakeTimeout = checkTimeout("handshake timeout", t);
        return this;
    }

    /**
     * The response timeout: the longest wait for data once a request is sent (default 60 s).
     *
     * @param t between 1 ms and 10 minutes
     * @return this
     */
    public MeshClientBuilder responseTimeout(Duration t) {
        this.responseTimeout = checkTimeout("response timeout", t);
        return this;
    }

    /**
     * The retry policy (default {@link RetryPolicy#DEFAULT}).
     *
     * @param policy the policy
     * @return this
     */
    public MeshClientBuilder retryPolicy(RetryPolicy policy) {
        this.retry = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * The chunk size: data larger than this is sent in chunks (default 20 MiB).
     *
     * @param bytes 1 byte to 100 MB
     * @return this
     */
    public MeshClientBuilder chunkSize(long bytes) {
        if (bytes < 1 || bytes > MAX_CHUNK_SIZE) {
            throw new MeshException(MeshException.Reason.CONFIGURATION, "chunk size " + Text.quote(Long.toString(bytes))
                    + " is out of range: expected 1 to " + MAX_CHUNK_SIZE + " bytes (MESH takes at most 100 MB a request)");
        }
        this.chunkSize = bytes;
        return this;
    }

    /**
     * Where streams to send and compressed chunks are spooled (default {@code java.io.tmpdir}).
     *
     * @param dir an existing directory
     * @return this
     */
    public MeshClientBuilder tempDirectory(Path dir) {
        this.tempDirectory = Objects.requireNonNull(dir, "dir");
        return this;
    }

    /**
     * The clock for token timestamps (default UTC system clock).
     *
     * @param clock the clock
     * @return this
     */
    public MeshClientBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Told after each chunk sent or downloaded (default: nothing), for progress displays.
     *
     * @param listener the listener
     * @return this
     */
    public MeshClientBuilder transferListener(TransferListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    MeshClientBuilder sleeper(MeshHttp.Sleeper sleeper) {
        this.sleeper = sleeper;
        return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws MeshException ({@code CONFIGURATION}) naming what is missing
     */
    public MeshClient build() {
        require(root, "the MESH URL: call environment(profile), hscn(profile) or url(...)");
        require(mailboxId, "the mailbox id: call mailbox(...)");
        require(password, "the mailbox password: call password(...), passwordFile(...) or passwordFromEnv(...)");
        require(sharedKey, "the shared key: call sharedKey(...), sharedKeyFile(...) or sharedKeyFromEnv(...)");
        require(tls, "the TLS context: call tls(...) with the environment's trust and the mailbox's certificate");
        return new MeshClient(this);
    }

    private static void require(Object v, String what) {
        if (v == null) {
            throw new MeshException(MeshException.Reason.CONFIGURATION, "MeshClient needs " + what);
        }
    }

    private static Duration checkTimeout(String what, Duration t) {
        Objects.requireNonNull(t, what);
        if (t.toMillis() < 1 || t.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new MeshException(MeshException.Reason.CONFIGURATION, what + " " + Text.quote(t.toString())
                    + " is out of range: expected 1 ms to 10 minutes");
        }
        return t;
    }

    private static char[] checkSecret(String what, char[] secret) {
        if (secret == null || secret.length == 0) {
            throw new MeshException(MeshException.Reason.CONFIGURATION, "the " + what + " is empty");
        }
        return secret;
    }

    private static char[] readSecret(String what, Path file) {
        byte[] bytes = null;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_SECRET_BYTES + 1);
            if (bytes.length > MAX_SECRET_BYTES) {
                throw new MeshException(MeshException.Reason.CONFIGURATION, "the " + what + " file "
                        + Text.quote(file.toString()) + " is larger than " + MAX_SECRET_BYTES
                        + " bytes: expected the secret alone");
            }
            CharBuffer cb = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
            int end = cb.limit();
            while (end > 0 && (cb.get(end - 1) == '\n' || cb.get(end - 1) == '\r')) {
                end--;
            }
            char[] out = new char[end];
            cb.get(out, 0, end);
            Arrays.fill(cb.array(), '\0');
            return checkSecret(what + " in " + Text.quote(file.toString()), out);
        } catch (IOException e) {
            throw new MeshException(MeshException.Reason.CONFIGURATION, "cannot read the " + what + " file "
                    + Text.quote(file.toString()) + " (" + e.getClass().getSimpleName() + ")");
        } finally {
            if (bytes != null) {
                Arrays.fill(bytes, (byte) 0);
            }
        }
    }

    private static char[] envSecret(String what, String variable) {
        String v = System.getenv(Objects.requireNonNull(variable, "variable"));
        if (v == null || v.isEmpty()) {
            throw new MeshException(MeshException.Reason.CONFIGURATION, "environment variable "
                    + Text.quote(variable) + " for the " + what + " is not set");
        }
        return v.toCharArray();
    }

    @Override
    public String toString() {
        return "MeshClientBuilder[" + root + ", mailbox " + mailboxId + ", password (hidden), shared key (hidden)]";
    }
}
