package io.spinekit.it.mesh;

import static io.spinekit.it.mesh.MeshExchangeTest.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.mesh.MeshClient;
import io.spinekit.mesh.MeshException;
import io.spinekit.mesh.OutgoingMessage;
import io.spinekit.mesh.SentMessage;
import io.spinekit.testkit.FakeMesh;
import io.spinekit.testkit.FakeMesh.Fault;
import io.spinekit.testkit.FakeMesh.Operation;
import io.spinekit.testpki.TestPki;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every FakeMesh fault against MeshClient's retry rules (MESH.md section 4). */
class MeshFaultTest {
    private static FakeMesh mesh;
    private static MeshClient a;
    private static MeshClient b;

    @BeforeAll
    static void start() {
        mesh = FakeMesh.start(TestPki.create());
        a = client(mesh, "X26ABC1", 8);
        b = client(mesh, "X26ABC2", 8);
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
        mesh.close();
    }

    @AfterEach
    void reset() {
        mesh.reset();
    }

    private static OutgoingMessage message() {
        return OutgoingMessage.to("X26ABC2", "TEST_WORKFLOW").build();
    }

    private static ByteArrayInputStream data(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void tooManyRequestsIsRetriedAfterRetryAfter() {
        mesh.inject(Operation.INBOX, Fault.tooManyRequests(1), 2);
        long start = System.nanoTime();
        assertThat(b.inbox()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(mesh.requests(Operation.INBOX)).isEqualTo(3);
    }

    @Test
    void retryAfterLongerThanTheLongestWaitFailsAtOnce() {
        mesh.inject(Operation.COUNT, Fault.tooManyRequests(3600), 1);
        assertThatThrownBy(b::count).isInstanceOfSatisfying(MeshException.class, e -> {
            assertThat(e.reason()).isEqualTo(MeshException.Reason.UNAVAILABLE);
            assertThat(e.httpStatus()).isEqualTo(429);
            assertThat(e.getMessage()).contains("Retry-After").contains("3600 s");
        });
        assertThat(mesh.requests(Operation.COUNT)).isEqualTo(1);
    }

    @Test
    void serviceUnavailableIsRetriedThreeTimesThenTyped() {
        mesh.inject(Operation.COUNT, Fault.serviceUnavailable(), 4);
        assertThatThrownBy(b::count).isInstanceOfSatisfying(MeshException.class, e -> {
            assertThat(e.reason()).isEqualTo(MeshException.Reason.UNAVAILABLE);
            assertThat(e.httpStatus()).isEqualTo(503);
            assertThat(e.getMessage()).contains("after 4 attempts").contains("try again later");
        });
        assertThat(mesh.requests(Operation.COUNT)).isEqualTo(4);
    }

    @Test
    void theFirstPostOfAMessageIsNeverRetried() {
        mesh.inject(Operation.SEND, Fault.serviceUnavailable(), 1);
        assertThatThrownBy(() -> a.send(message(), data("one chunk")))
                .isInstanceOfSatisfying(MeshException.class, e -> assertThat(e.httpStatus()).isEqualTo(503));
        assertThat(mesh.requests(Operation.SEND)).isEqualTo(1);
        assertThat(mesh.inbox("X26ABC2")).isEmpty();
    }

    @Test
    void laterChunksAreRetriedForRetryableStatuses() {
        mesh.inject(Operation.CHUNK, Fault.serviceUnavailable(), 1);
        SentMessage sent = a.send(message(), data("chunk 1 chunk 2 "));
        assertThat(sent.chunks()).isEqualTo(2);
        assertThat(mesh.requests(Operation.CHUNK)).isEqualTo(2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        b.download(sent.messageId(), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("chunk 1 chunk 2 ");
    }

    @Test
    void aDroppedConnectionIsRetriedForReads() {
        SentMessage sent = a.send(message(), data("chunk 1 chunk 2 "));
        mesh.inject(Operation.DOWNLOAD, Fault.dropConnection(), 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        b.download(sent.messageId(), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("chunk 1 chunk 2 ");
        assertThat(mesh.requests(Operation.DOWNLOAD)).isEqualTo(3);
    }

    @Test
    void aDroppedConnectionOnSendIsNotRetriedAndSaysToCheckTracking() {
        mesh.inject(Operation.SEND, Fault.dropConnection(), 1);
        assertThatThrownBy(() -> a.send(message(), data("one")))
                .isInstanceOfSatisfying(MeshException.class, e -> {
                    assertThat(e.reason()).isEqualTo(MeshException.Reason.IO);
                    assertThat(e.httpStatus()).isZero();
                    assertThat(e.getMessage()).contains("not retried").contains("tracking");
                });
        assertThat(mesh.requests(Operation.SEND)).isEqualTo(1);
    }

    @Test
    void aSlowChunkWithinTheResponseTimeoutArrives() {
        mesh.inject(Operation.CHUNK, Fault.slow(Duration.ofMillis(500)), 1);
        SentMessage sent = a.send(message(), data("chunk 1 chunk 2 "));
        assertThat(mesh.status(sent.messageId())).contains("accepted");
    }

    @Test
    void aSlowChunkPastTheResponseTimeoutIsATimeout() {
        try (MeshClient impatient = MeshClient.builder().url(mesh.url()).mailbox("X26ABC1")
                .password("password".toCharArray()).sharedKey("TestKey".toCharArray())
                .tls(mesh.clientTls("X26ABC1")).chunkSize(8).responseTimeout(Duration.ofMillis(500)).build()) {
            mesh.inject(Operation.CHUNK, Fault.slow(Duration.ofSeconds(3)), 1);
            assertThatThrownBy(() -> impatient.send(message(), data("chunk 1 chunk 2 ")))
                    .isInstanceOfSatisfying(MeshException.class, e -> {
                        assertThat(e.reason()).isEqualTo(MeshException.Reason.TIMEOUT);
                        assertThat(e.getMessage()).contains("500 ms").contains("chunk 2 of 2");
                    });
            assertThat(mesh.requests(Operation.CHUNK)).isEqualTo(1);
        }
    }

    @Test
    void aSlowDownloadPastTheResponseTimeoutIsRetried() {
        try (MeshClient impatient = MeshClient.builder().url(mesh.url()).mailbox("X26ABC2")
                .password("password".toCharArray()).sharedKey("TestKey".toCharArray())
                .tls(mesh.clientTls("X26ABC2")).responseTimeout(Duration.ofMillis(500)).build()) {
            SentMessage sent = a.send(message(), data("one"));
            mesh.inject(Operation.DOWNLOAD, Fault.slow(Duration.ofSeconds(2)), 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            impatient.download(sent.messageId(), out);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("one");
            assertThat(mesh.requests(Operation.DOWNLOAD)).isEqualTo(2);
        }
    }

    @Test
    void noTokenIsEverReused() {
        mesh.inject(Operation.INBOX, Fault.serviceUnavailable(), 2);
        b.inbox();
        b.count();
        b.handshake();
        assertThat(mesh.authFailures()).isEmpty();
    }
}
