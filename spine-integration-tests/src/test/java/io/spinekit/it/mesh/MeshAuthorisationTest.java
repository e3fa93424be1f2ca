package io.spinekit.it.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.mesh.MeshClient;
import io.spinekit.mesh.MeshException;
import io.spinekit.testkit.FakeMesh;
import io.spinekit.testpki.TestPki;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** FakeMesh checks the NHSMESH header as the contract says; MeshClient's tokens pass it (MESH.md section 2). */
class MeshAuthorisationTest {
    /** The worked example of MESH.md section 2. */
    static final String EXAMPLE = "NHSMESH X26ABC1:0d3b8f52-3c9e-4a8b-9f4e-1a2b3c4d5e6f:0:202401151230:"
            + "a746bd392ef8fe4b2a1cde2697b3477a4a53ad0fbe6c00fa78b6ca16c882ae9a";
    private static TestPki pki;

    @BeforeAll
    static void pki() {
        pki = TestPki.create();
    }

    private static int handshakeWith(FakeMesh mesh, String authorization) throws Exception {
        HttpClient http = mesh.clientTls("X26ABC1").jdkHttpClientBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest r = HttpRequest.newBuilder(URI.create(mesh.url() + "/messageexchange/X26ABC1"))
                .header("Authorization", authorization).header("Accept", "application/vnd.mesh.v2+json")
                .header("mex-ClientVersion", "fixture==1.0").header("mex-OSName", "Linux").header("mex-OSVersion", "6.1")
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build();
        return http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void theWorkedExampleIsAcceptedOnceAndItsReuseRefused() throws Exception {
        Clock then = Clock.fixed(Instant.parse("2024-01-15T12:31:00Z"), ZoneOffset.UTC);
        try (FakeMesh mesh = FakeMesh.builder(pki).clock(then).start()) {
            assertThat(handshakeWith(mesh, EXAMPLE)).isEqualTo(200);
            assertThat(handshakeWith(mesh, EXAMPLE)).isEqualTo(403);
            assertThat(mesh.authFailures()).containsExactly("token reused");
        }
    }

    @Test
    void aTimestampOutsideTwoHoursIsRefused() throws Exception {
        Clock later = Clock.fixed(Instant.parse("2024-01-15T14:31:00Z"), ZoneOffset.UTC);
        try (FakeMesh mesh = FakeMesh.builder(pki).clock(later).start()) {
            assertThat(handshakeWith(mesh, EXAMPLE)).isEqualTo(403);
            assertThat(mesh.authFailures()).containsExactly("timestamp outside the window of 120 minutes");
        }
    }

    @Test
    void aWrongPasswordIsForbiddenWithAdviceAndNoSecret() {
        try (FakeMesh mesh = FakeMesh.start(pki);
                MeshClient c = MeshClient.builder().url(mesh.url()).mailbox("X26ABC1")
                        .password("not-the-password".toCharArray()).sharedKey("TestKey".toCharArray())
                        .tls(mesh.clientTls("X26ABC1")).build()) {
            assertThatThrownBy(c::handshake).isInstanceOfSatisfying(MeshException.class, e -> {
                assertThat(e.reason()).isEqualTo(MeshException.Reason.FORBIDDEN);
                assertThat(e.httpStatus()).isEqualTo(403);
                assertThat(e.meshDescription()).contains("Invalid Authentication Token");
                assertThat(e.getMessage()).contains("password").contains("shared key")
                        .doesNotContain("not-the-password").doesNotContain("TestKey");
            });
            assertThat(mesh.authFailures()).containsExactly("HMAC does not match");
            assertThat(c.toString()).doesNotContain("not-the-password");
        }
    }

    @Test
    void aClientClockTwoHoursOffIsRefused() {
        Clock skewed = Clock.offset(Clock.systemUTC(), Duration.ofHours(3));
        try (FakeMesh mesh = FakeMesh.start(pki);
                MeshClient c = MeshClient.builder().url(mesh.url()).mailbox("X26ABC1")
                        .password("password".toCharArray()).sharedKey("TestKey".toCharArray())
                        .tls(mesh.clientTls("X26ABC1")).clock(skewed).build()) {
            assertThatThrownBy(c::handshake).isInstanceOfSatisfying(MeshException.class,
                    e -> assertThat(e.getMessage()).contains("within 2 hours of UTC"));
        }
    }

    @Test
    void aClientWithoutACertificateIsRefusedDuringTheHandshake() {
        try (FakeMesh mesh = FakeMesh.start(pki);
                MeshClient c = MeshClient.builder().url(mesh.url()).mailbox("X26ABC1")
                        .password("password".toCharArray()).sharedKey("TestKey".toCharArray())
                        .tls(io.spinekit.tls.SpineTlsContext.builder()
                                .trustCertificates(java.util.List.of(pki.root().certificate())).build())
                        .retryPolicy(io.spinekit.mesh.RetryPolicy.NONE).build()) {
            assertThatThrownBy(c::handshake).isInstanceOfSatisfying(MeshException.class,
                    e -> assertThat(e.reason()).isIn(MeshException.Reason.TLS_FAILED, MeshException.Reason.IO));
        }
    }
}
