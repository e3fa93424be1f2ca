package io.spinekit.benchmarks.mesh;

import io.spinekit.mesh.MeshClient;
import io.spinekit.mesh.MeshMessage;
import io.spinekit.mesh.OutgoingMessage;
import io.spinekit.mesh.SentMessage;
import io.spinekit.testkit.FakeMesh;
import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.FileEntity;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A 100 MB message on loopback over mutual TLS: {@link MeshClient} send (five 20 MiB chunks, the
 * default chunk size) and download against {@link FakeMesh}, side by side with a plain HttpClient 5
 * (a JDK {@code SSLContext}, one request with the whole body from a file, the {@code NHSMESH} header
 * computed here as MESH.md section 2 says) uploading the same bytes to the same fake and downloading
 * them. The fake runs in the same JVM and keeps chunk bodies in files, so both sides pay for its disk
 * writes; compare the numbers as a ratio. Each operation is one shot (one message); MB/s is
 * 100 divided by the time. After each shot the peak heap used in the JVM (client, fake server and
 * garbage not yet collected, with the fork's {@code -Xmx}) is printed as {@code heap peak}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MeshTransferBenchmark {
    /** The message size: 100 MB. */
    public static final int SIZE = 100_000_000;
    private static final String FROM = "X26ABC1";
    private static final String TO = "X26ABC2";

    private Path dir;
    private Path payload;
    private FakeMesh mesh;
    private MeshClient sender;
    private MeshClient recipient;
    private CloseableHttpClient plainSender;
    private CloseableHttpClient plainRecipient;
    private CloseableHttpClient plainRecipientIdentity;
    private String meshMessage;
    private String plainMessage;

    /**
     * Starts the fake, writes 100 MB of random bytes and sends one message each way for the downloads.
     *
     * @throws IOException on failure
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("mesh-bench");
        Files.createDirectories(dir.resolve("chunks"));
        payload = dir.resolve("payload.bin");
        byte[] block = new byte[1 << 20];
        Random random = new Random(42);
        try (OutputStream out = Files.newOutputStream(payload)) {
            for (int left = SIZE; left > 0; left -= block.length) {
                random.nextBytes(block);
                out.write(block, 0, Math.min(left, block.length));
            }
        }
        TestPki pki = TestPki.create();
        mesh = FakeMesh.builder(pki).storeChunksIn(dir.resolve("chunks")).start();
        sender = client(FROM);
        recipient = client(TO);
        plainSender = plainClient(pki, FROM, true);
        plainRecipient = plainClient(pki, TO, true);
        plainRecipientIdentity = plainClient(pki, TO, false);
        meshMessage = sender.send(message(), payload).messageId();
        plainMessage = plainSend();
    }

    private MeshClient client(String mailbox) {
        return MeshClient.builder().url(mesh.url()).mailbox(mailbox).password(FakeMesh.DEFAULT_PASSWORD.toCharArray())
                .sharedKey(FakeMesh.DEFAULT_SHARED_KEY.toCharArray()).tls(mesh.clientTls(mailbox))
                .tempDirectory(dir).build();
    }

    private CloseableHttpClient plainClient(TestPki pki, String mailbox, boolean gzip) {
        IssuedCertificate cert = mesh.clientCertificate(mailbox);
        HttpClientBuilder b = HttpClients.custom().setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(new DefaultClientTlsStrategy(pki.sslContext(cert))).build());
        if (!gzip) {
            b.disableContentCompression();
        }
        return b.build();
    }

    private static OutgoingMessage message() {
        return OutgoingMessage.to(TO, FakeMesh.DEFAULT_WORKFLOW).fileName("payload.bin").build();
    }

    /** Resets the peak heap of every heap pool before a shot. */
    @Setup(Level.Iteration)
    public void resetPeak() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Prints the peak heap of the shot. */
    @TearDown(Level.Iteration)
    public void printPeak() {
        long peak = heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("heap peak: %d MB (max %d MB)%n", peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    /** Stops the fake and deletes the files. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        sender.close();
        recipient.close();
        plainSender.close();
        plainRecipient.close();
        plainRecipientIdentity.close();
        mesh.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * MeshClient sends the 100 MB file (five chunks), then the recipient acknowledges it (one small
     * request, inside the measurement) so the fake's files do not pile up.
     *
     * @return the message id
     */
    @Benchmark
    public String meshClientSend() {
        SentMessage sent = sender.send(message(), payload);
        recipient.acknowledge(sent.messageId());
        return sent.messageId();
    }

    /**
     * MeshClient downloads the 100 MB message (every chunk) into a sink that drops the bytes.
     *
     * @return the bytes downloaded
     */
    @Benchmark
    public long meshClientDownload() {
        MeshMessage m = recipient.download(meshMessage, OutputStream.nullOutputStream());
        return m.bytes();
    }

    /**
     * A plain HttpClient 5 POSTs the same file to the same fake's outbox in one request, then it is
     * acknowledged as above.
     *
     * @return the message id
     * @throws IOException on failure
     */
    @Benchmark
    public String plainHttpClientUpload() throws IOException {
        String id = plainSend();
        recipient.acknowledge(id);
        return id;
    }

    /**
     * A plain HttpClient 5 (accepting gzip, its default) GETs the same fake's one-chunk copy of the bytes
     * into a sink that drops them.
     *
     * @return the bytes downloaded
     * @throws IOException on failure
     */
    @Benchmark
    public long plainHttpClientDownload() throws IOException {
        return plainDownload(plainRecipient);
    }

    /**
     * The same download without {@code Accept-Encoding}, so the fake sends the bytes as stored instead of
     * gzipping them on the fly as the sandbox does for a client that accepts gzip (MESH.md section 3;
     * MeshClient and HttpClient 5 by default both accept gzip).
     *
     * @return the bytes downloaded
     * @throws IOException on failure
     */
    @Benchmark
    public long plainHttpClientDownloadIdentity() throws IOException {
        return plainDownload(plainRecipientIdentity);
    }

    private long plainDownload(CloseableHttpClient http) throws IOException {
        HttpGet get = new HttpGet(mesh.url() + "/messageexchange/" + TO + "/inbox/" + plainMessage);
        headers(get, TO);
        return http.execute(get, response -> {
            if (response.getCode() != 200) {
                throw new IOException("download answered HTTP " + response.getCode());
            }
            try (InputStream in = response.getEntity().getContent()) {
                return in.transferTo(OutputStream.nullOutputStream());
            }
        });
    }

    private String plainSend() throws IOException {
        HttpPost post = new HttpPost(mesh.url() + "/messageexchange/" + FROM + "/outbox");
        headers(post, FROM);
        post.setHeader("mex-To", TO);
        post.setHeader("mex-WorkflowID", FakeMesh.DEFAULT_WORKFLOW);
        post.setHeader("mex-FileName", "payload.bin");
        post.setEntity(new FileEntity(payload.toFile(), ContentType.APPLICATION_OCTET_STREAM));
        return plainSender.execute(post, response -> {
            String body = EntityUtils.toString(response.getEntity());
            if (response.getCode() != 202) {
                throw new IOException("send answered HTTP " + response.getCode() + ": " + body);
            }
            // v2 body {"message_id": "..."} (MESH.md section 3)
            int start = body.indexOf(':', body.indexOf("\"message_id\"")) + 1;
            return body.substring(body.indexOf('"', start) + 1, body.indexOf('"', body.indexOf('"', start) + 1));
        });
    }

    /** The API v2 media type and a fresh NHSMESH token (MESH.md sections 2 and 3). */
    private static void headers(ClassicHttpRequest request, String mailbox) {
        String nonce = UUID.randomUUID().toString();
        String timestamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMddHHmm"));
        String input = mailbox + ":" + nonce + ":1:" + FakeMesh.DEFAULT_PASSWORD + ":" + timestamp;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(FakeMesh.DEFAULT_SHARED_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String hash = HexFormat.of().formatHex(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
            request.setHeader("Authorization", "NHSMESH " + mailbox + ":" + nonce + ":1:" + timestamp + ":" + hash);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        request.setHeader("Accept", "application/vnd.mesh.v2+json");
    }
}
