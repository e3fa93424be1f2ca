package io.spinekit.it.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import io.spinekit.mesh.MeshClient;
import io.spinekit.mesh.MeshMessage;
import io.spinekit.mesh.OutgoingMessage;
import io.spinekit.mesh.SentMessage;
import io.spinekit.testkit.FakeMesh;
import io.spinekit.testkit.FakeMeshExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** FakeMeshExtension hands a test the fake and a client per mailbox, and resets the fake between tests. */
@TestMethodOrder(MethodOrderer.MethodName.class) // the send runs first, the reset check after it
class MeshExtensionTest {
    @RegisterExtension
    static final FakeMeshExtension MESH = FakeMeshExtension.twoMailboxes().client(b -> b.chunkSize(16));

    @Test
    void givesTheFakeAndASenderAndARecipient(FakeMesh mesh, MeshClient sender, MeshClient recipient) {
        assertThat(sender.mailboxId()).isEqualTo("X26ABC1");
        assertThat(recipient.mailboxId()).isEqualTo("X26ABC2");
        SentMessage sent = sender.send(OutgoingMessage.to("X26ABC2", "TEST_WORKFLOW").compress(true).build(),
                new ByteArrayInputStream("a letter longer than sixteen bytes".getBytes(StandardCharsets.UTF_8)));
        assertThat(sent.chunks()).isEqualTo(3);
        assertThat(mesh.inbox("X26ABC2")).containsExactly(sent.messageId());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MeshMessage m = recipient.download(sent.messageId(), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a letter longer than sixteen bytes");
        assertThat(m.chunks()).isEqualTo(3);
    }

    @Test
    void laterTestsStartWithAnEmptyFake(FakeMesh mesh, MeshClient sender, MeshClient recipient) {
        assertThat(recipient.inbox()).isEmpty();
        assertThat(mesh.requests(FakeMesh.Operation.SEND)).isZero();
        assertThat(MESH.sender()).isSameAs(sender);
    }
}
