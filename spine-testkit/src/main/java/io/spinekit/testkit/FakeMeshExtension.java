package io.spinekit.testkit;

import io.spinekit.mesh.MeshClient;
import io.spinekit.mesh.MeshClientBuilder;
import io.spinekit.testpki.TestPki;
import java.lang.reflect.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives tests a {@link FakeMesh} and {@link MeshClient}s for two of its
 * mailboxes, over real mutual TLS (each client has its own certificate from the fake's PKI).
 *
 * <pre>{@code
 * class LetterTest {
 *     @RegisterExtension
 *     static final FakeMeshExtension MESH = FakeMeshExtension.twoMailboxes();   // X26ABC1 sends, X26ABC2 receives
 *
 *     @Test
 *     void delivers(FakeMesh mesh, MeshClient sender, MeshClient recipient) {
 *         SentMessage sent = sender.send(OutgoingMessage.to("X26ABC2", "TEST_WORKFLOW").build(), file);
 *         assertThat(recipient.inbox()).containsExactly(sent.messageId());
 *     }
 * }
 * }</pre>
 *
 * <p>MeshClient parameters are handed out in order: the first is the first mailbox's client, the second
 * the second's. The fake and the clients start once per test class (register the extension on a static
 * field); the fake is {@linkplain FakeMesh#reset() reset} before each test (messages, faults, counts,
 * used tokens). A {@code @Nested} class shares its enclosing class's fake and clients, which are closed
 * after the enclosing class.
 */
public final class FakeMeshExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        ParameterResolver {
    private final List<String> mailboxes;
    private final UnaryOperator<MeshClientBuilder> clientSettings;
    private FakeMesh mesh;
    private final Map<String, MeshClient> clients = new LinkedHashMap<>();
    private final ClassOwner owner = new ClassOwner();

    private FakeMeshExtension(List<String> mailboxes, UnaryOperator<MeshClientBuilder> clientSettings) {
        this.mailboxes = mailboxes;
        this.clientSettings = clientSettings;
    }

    /**
     * Clients for the default mailboxes {@code X26ABC1} (first) and {@code X26ABC2} (second).
     *
     * @return the extension
     */
    public static FakeMeshExtension twoMailboxes() {
        return new FakeMeshExtension(List.of("X26ABC1", "X26ABC2"), UnaryOperator.identity());
    }

    /**
     * A copy that adjusts every client builder (chunk size, timeouts, retries) before it is built.
     *
     * @param settings applied after the URL, mailbox, secrets and TLS are set
     * @return a new extension
     */
    public FakeMeshExtension client(UnaryOperator<MeshClientBuilder> settings) {
        return new FakeMeshExtension(mailboxes, Objects.requireNonNull(settings, "settings"));
    }

    /**
     * The fake (started on first use).
     *
     * @return the fake
     */
    public synchronized FakeMesh mesh() {
        if (mesh == null) {
            mesh = FakeMesh.start(TestPki.create());
        }
        return mesh;
    }

    /**
     * The client of a mailbox (built on first use, closed after the class).
     *
     * @param mailboxId one of the fake's mailboxes
     * @return the client
     */
    public synchronized MeshClient client(String mailboxId) {
        return clients.computeIfAbsent(mailboxId, id -> clientSettings.apply(MeshClient.builder()
                .url(mesh().url()).mailbox(id).password(FakeMesh.DEFAULT_PASSWORD.toCharArray())
                .sharedKey(FakeMesh.DEFAULT_SHARED_KEY.toCharArray()).tls(mesh().clientTls(id))).build());
    }

    /**
     * The first mailbox's client ({@code X26ABC1}).
     *
     * @return the client
     */
    public MeshClient sender() {
        return client(mailboxes.get(0));
    }

    /**
     * The second mailbox's client ({@code X26ABC2}).
     *
     * @return the client
     */
    public MeshClient recipient() {
        return client(mailboxes.get(1));
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        mesh();
        owner.claim(context);
    }

    /** Closes the clients and the fake after the class that started them, not after a {@code @Nested} class. */
    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (!owner.release(context)) {
            return;
        }
        try {
            clients.values().forEach(MeshClient::close);
            clients.clear();
            if (mesh != null) {
                mesh.close();
            }
        } finally {
            mesh = null;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        mesh().reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        Class<?> t = p.getParameter().getType();
        return t == FakeMesh.class || t == MeshClient.class || t == TestPki.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        Class<?> t = p.getParameter().getType();
        if (t == FakeMesh.class) {
            return mesh();
        }
        if (t == TestPki.class) {
            return mesh().pki();
        }
        int index = 0;
        Parameter[] all = p.getDeclaringExecutable().getParameters();
        for (int i = 0; i < p.getIndex(); i++) {
            if (all[i].getType() == MeshClient.class) {
                index++;
            }
        }
        if (index >= mailboxes.size()) {
            throw new ParameterResolutionException("FakeMeshExtension gives " + mailboxes.size()
                    + " MeshClient parameters (sender, recipient); use client(mailboxId) for more");
        }
        return client(mailboxes.get(index));
    }
}
