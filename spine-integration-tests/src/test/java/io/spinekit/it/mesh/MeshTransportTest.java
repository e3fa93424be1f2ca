package io.spinekit.it.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.mesh.MeshClient;
import io.spinekit.mesh.MeshException;
import io.spinekit.mesh.OutgoingMessage;
import io.spinekit.mesh.RetryPolicy;
import io.spinekit.testkit.FakeMesh;
import io.spinekit.testpki.TestPki;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Host name rules, deadlines and FakeMesh's bounded bodies. */
class MeshTransportTest {
    private static TestPki pki;

    @BeforeAll
    static void pki() {
        pki = TestPki.create();
    }


    @Test
    void anInternetHostWithoutASubjectAltNameIsRefused() {
        try (FakeMesh mesh = FakeMesh.builder(pki)
                .serverCertificate(pki.certificate("localhost").noSubjectAltNames().serverAuth().issue()).start();
                MeshClient c = MeshExchangeTest.client(mesh, "X26ABC1", 1024)) {
            assertThatThrownBy(c::handshake).isInstanceOfSatisfying(MeshException.class, e -> {
                assertThat(e.reason()).isEqualTo(MeshException.Reason.TLS_FAILED);
                assertThat(e.getMessage()).contains("host name");
            });
        }
    }

    @Test
    void aServerThatNeverHandshakesMeetsTheHandshakeDeadline() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket blackHole = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(blackHole.accept());
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            try (FakeMesh mesh = FakeMesh.start(pki);
                    MeshClient c = MeshClient.builder().url(URI.create("https://localhost:" + blackHole.getLocalPort()))
                            .mailbox("X26ABC1").password("password".toCharArray()).sharedKey("TestKey".toCharArray())
                            .tls(mesh.clientTls("X26ABC1")).handshakeTimeout(Duration.ofMillis(300))
                            .responseTimeout(Duration.ofSeconds(30)).retryPolicy(RetryPolicy.NONE).build()) {
                long start = System.nanoTime();
                assertThatThrownBy(c::handshake).isInstanceOfSatisfying(MeshException.class, e -> {
                    assertThat(e.reason()).isEqualTo(MeshException.Reason.TIMEOUT);
                    assertThat(e.getMessage()).contains("300 ms for the TLS handshake");
                });
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void theFakeRefusesABodyOverItsLimit() {
        try (FakeMesh mesh = FakeMesh.builder(pki).maxRequestBytes(1000).start();
                MeshClient c = MeshExchangeTest.client(mesh, "X26ABC1", 100_000)) {
            assertThatThrownBy(() -> c.send(OutgoingMessage.to("X26ABC2", "TEST_WORKFLOW").build(),
                    new ByteArrayInputStream(new byte[5000]))).isInstanceOfSatisfying(MeshException.class,
                            e -> assertThat(e.httpStatus()).isEqualTo(413));
            assertThat(mesh.inbox("X26ABC2")).isEmpty();
        }
    }
}
