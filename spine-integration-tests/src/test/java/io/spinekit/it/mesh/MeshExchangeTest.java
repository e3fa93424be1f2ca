package io.spinekit.it.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.mesh.MailboxEndpoint;
import io.spinekit.mesh.MeshClient;
import io.spinekit.mesh.MeshException;
import io.spinekit.mesh.MeshMessage;
import io.spinekit.mesh.OutgoingMessage;
import io.spinekit.mesh.SentMessage;
import io.spinekit.mesh.TrackingInfo;
import io.spinekit.testkit.FakeMesh;
import io.spinekit.testpki.TestPki;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** MeshClient against FakeMesh over real mutual TLS: the sandbox exchange of MESH.md section 6. */
class MeshExchangeTest {
    static final String CHUNK_ONE = "Hello B, this is chunk one. ";
    static final String CHUNK_TWO = "And this is chunk two.";
    private static FakeMesh mesh;

    @BeforeAll
    static void start() {
        mesh = FakeMesh.start(TestPki.create());
    }

    @AfterAll
    static void stop() {
        mesh.close();
    }

    @AfterEach
    void reset() {
        mesh.reset();
    }


    static MeshClient client(FakeMesh mesh, String mailbox, long chunkSize) {
        return MeshClient.builder().url(mesh.url()).mailbox(mailbox).password("password".toCharArray())
                .sharedKey("TestKey".toCharArray()).tls(mesh.clientTls(mailbox)).chunkSize(chunkSize).build();
    }

    @ParameterizedTest(name = "compress={0}")
    @ValueSource(booleans = {false, true})
    void twoChunkExchangeBetweenTwoMailboxes(boolean compress, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("hello.txt");
        Files.writeString(file, CHUNK_ONE + CHUNK_TWO);
        try (MeshClient a = client(mesh, "X26ABC1", 28); MeshClient b = client(mesh, "X26ABC2", 28)) {
            a.handshake();
            b.handshake();
            SentMessage sent = a.send(OutgoingMessage.to("X26ABC2", "TEST_WORKFLOW").fileName("hello.txt")
                    .subject("greeting").localId("fixture-001").compress(compress).build(), file);
            assertThat(sent.chunks()).isEqualTo(2);
            assertThat(sent.bytes()).isEqualTo(50);
            assertThat(mesh.requests(FakeMesh.Operation.SEND)).isEqualTo(1);
            assertThat(mesh.requests(FakeMesh.Operation.CHUNK)).isEqualTo(1);

            assertThat(b.inbox()).containsExactly(sent.messageId());
            assertThat(b.count()).isEqualTo(1);
            Path out = dir.resolve("received.txt");
            MeshMessage m = b.download(sent.messageId(), out);
            assertThat(Files.readString(out)).isEqualTo(CHUNK_ONE + CHUNK_TWO);
            assertThat(m.messageId()).isEqualTo(sent.messageId());
            assertThat(m.from()).contains("X26ABC1");
            assertThat(m.to()).contains("X26ABC2");
            assertThat(m.workflowId()).contains("TEST_WORKFLOW");
            assertThat(m.fileName()).contains("hello.txt");
            assertThat(m.subject()).contains("greeting");
            assertThat(m.localId()).contains("fixture-001");
            assertThat(m.messageType()).isEqualTo("DATA");
            assertThat(m.isReport()).isFalse();
            assertThat(m.statusCode()).contains("00");
            assertThat(m.chunks()).isEqualTo(2);
            assertThat(m.bytes()).isEqualTo(50);

            assertThat(a.track(sent.messageId()).status()).isEqualTo("accepted");
            b.acknowledge(sent.messageId());
            assertThat(b.inbox()).isEmpty();
            TrackingInfo t = a.track(sent.messageId());
            assertThat(t.status()).isEqualTo("acknowledged");
            assertThat(t.localId()).contains("fixture-001");
            assertThat(t.recipient()).contains("X26ABC2");
            assertThat(a.trackByLocalId("fixture-001").messageId()).isEqualTo(sent.messageId());
            assertThatThrownBy(() -> b.download(sent.messageId(), new ByteArrayOutputStream()))
                    .isInstanceOfSatisfying(MeshException.class, e -> {
                        assertThat(e.reason()).isEqualTo(MeshException.Reason.NOT_FOUND);
                        assertThat(e.httpStatus()).isEqualTo(404);
                    });
        }
    }

    @Test
    void sendsAStreamAndFollowsEveryInboxPage() throws Exception {
        try (FakeMesh paged = FakeMesh.builder(mesh.pki()).inboxPageSize(5).start();
                MeshClient a = client(paged, "X26ABC1", 1024); MeshClient b = client(paged, "X26ABC2", 1024)) {
            for (int i = 0; i < 12; i++) {
                a.send(OutgoingMessage.to("X26ABC2", "TEST_WORKFLOW").build(),
                        new ByteArrayInputStream(("message " + i).getBytes(StandardCharsets.UTF_8)));
            }
            assertThat(b.inbox()).hasSize(12).doesNotHaveDuplicates().containsExactlyElementsOf(paged.inbox("X26ABC2"));
            assertThat(paged.requests(FakeMesh.Operation.INBOX)).isEqualTo(3);
        }
    }

    @Test
    void reportsCarryTheirErrorCode() throws Exception {
        try (MeshClient a = client(mesh, "X26ABC1", 1024)) {
            SentMessage sent = a.send(OutgoingMessage.to("X26ABC2", "TEST_WORKFLOW").localId("r-1").build(),
                    new ByteArrayInputStream(new byte[] {1}));
            String report = mesh.putReport("X26ABC1", sent.messageId(), "14", "Message not collected by recipient");
            assertThat(a.inbox()).containsExactly(report);
            MeshMessage m = a.download(report, new ByteArrayOutputStream());
            assertThat(m.isReport()).isTrue();
            assertThat(m.statusCode()).contains("14");
            assertThat(m.statusSuccess()).contains("ERROR");
            assertThat(m.linkedMessageId()).contains(sent.messageId());
            assertThat(m.bytes()).isZero();
            assertThat(a.track(sent.messageId()).status()).isEqualTo("undeliverable");
        }
    }

    @Test
    void refusalsAreTypedWithMeshsCode() throws Exception {
        try (MeshClient a = client(mesh, "X26ABC1", 1024); MeshClient b = client(mesh, "X26ABC2", 1024)) {
            assertThatThrownBy(() -> a.send(OutgoingMessage.to("NOSUCHBOX", "TEST_WORKFLOW").build(),
                    new ByteArrayInputStream(new byte[] {1}))).isInstanceOfSatisfying(MeshException.class, e -> {
                        assertThat(e.reason()).isEqualTo(MeshException.Reason.REJECTED);
                        assertThat(e.httpStatus()).isEqualTo(417);
                        assertThat(e.meshCode()).contains("12");
                        assertThat(e.meshDescription()).contains("Unregistered to address");
                        assertThat(e.getMessage()).contains("endpoint lookup");
                    });
            SentMessage sent = a.send(OutgoingMessage.to("X26ABC2", "TEST_WORKFLOW").build(),
                    new ByteArrayInputStream(new byte[] {1}));
            assertThatThrownBy(() -> a.download(sent.messageId(), new ByteArrayOutputStream()))
                    .isInstanceOfSatisfying(MeshException.class, e -> assertThat(e.httpStatus()).isEqualTo(403));
            assertThatThrownBy(() -> b.track(sent.messageId()))
                    .isInstanceOfSatisfying(MeshException.class, e -> assertThat(e.reason())
                            .isEqualTo(MeshException.Reason.NOT_FOUND));
        }
    }

    @Test
    void endpointLookupFindsTheMailboxesOfAnOdsCodeForAWorkflow() {
        try (MeshClient a = client(mesh, "X26ABC1", 1024)) {
            assertThat(a.lookup("X26", "TEST_WORKFLOW")).extracting(MailboxEndpoint::mailboxId)
                    .containsExactly("X26ABC1", "X26ABC2", "X26ABC3");
            assertThat(a.lookup("X26", "OTHER_WORKFLOW")).isEmpty();
        }
    }
}
