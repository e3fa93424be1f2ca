package io.spinekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spinekit.testkit.FakeMesh;
import io.spinekit.testpki.PemFiles;
import io.spinekit.testpki.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spine mesh} against FakeMesh over mutual TLS: every subcommand with --json, and the exit codes. */
class MeshCommandTest {
    private static FakeMesh mesh;
    @TempDir
    static Path dir;
    private static PemFiles a;
    private static PemFiles b;
    private static Path trust;
    private static Path password;
    private static Path key;

    @BeforeAll
    static void start() throws Exception {
        TestPki pki = TestPki.create();
        mesh = FakeMesh.start(pki);
        a = mesh.clientCertificate("X26ABC1").writePem(dir, "a");
        b = mesh.clientCertificate("X26ABC2").writePem(dir, "b");
        trust = Files.writeString(dir.resolve("trust.pem"), pki.rootPem());
        password = Files.writeString(dir.resolve("password"), "password\n");
        key = Files.writeString(dir.resolve("key"), "TestKey\n");
    }

    @AfterAll
    static void stop() {
        mesh.close();
    }

    private static CliRun spine(String mailbox, String... args) {
        List<String> all = arguments(mailbox, args);
        all.add("--json");
        return CliRun.run(all.toArray(new String[0]));
    }

    /** {@code spine mesh ARGS} for a mailbox, without {@code --json}. */
    private static List<String> arguments(String mailbox, String... args) {
        PemFiles pem = mailbox.equals("X26ABC1") ? a : b;
        List<String> all = new ArrayList<>(List.of("mesh"));
        all.addAll(List.of(args));
        all.addAll(List.of("--url", mesh.url().toString(), "--trust", trust.toString(), "--mailbox", mailbox,
                "--mailbox-password-file", password.toString(), "--shared-key-file", key.toString(),
                "--cert", pem.certificate().toString(), "--key", pem.privateKey().toString()));
        return all;
    }

    @Test
    void sendsListsDownloadsAcknowledgesAndTracks() throws Exception {
        assertThat(spine("X26ABC1", "handshake").json().path("status").asText()).isEqualTo("ok");
        Path file = Files.writeString(dir.resolve("letter.txt"), "Dear B");
        CliRun sent = spine("X26ABC1", "send", file.toString(), "--to", "X26ABC2", "--workflow", "TEST_WORKFLOW",
                "--subject", "hello", "--local-id", "cli-1", "--compress");
        assertThat(sent.code()).as(sent.err()).isZero();
        String id = sent.json().path("message_id").asText();
        assertThat(sent.json().path("bytes").asLong()).isEqualTo(6);

        assertThat(CliRun.texts(spine("X26ABC2", "inbox").json().path("messages"), "")).hasSize(1);
        assertThat(spine("X26ABC2", "inbox").json().path("messages").get(0).asText()).isEqualTo(id);
        Path out = dir.resolve("received.txt");
        JsonNode d = spine("X26ABC2", "download", id, "--out", out.toString()).json();
        assertThat(Files.readString(out)).isEqualTo("Dear B");
        assertThat(d.path("from").asText()).isEqualTo("X26ABC1");
        assertThat(d.path("subject").asText()).isEqualTo("hello");
        assertThat(d.path("message_type").asText()).isEqualTo("DATA");
        assertThat(spine("X26ABC2", "ack", id).json().path("status").asText()).isEqualTo("acknowledged");
        assertThat(spine("X26ABC1", "track", id).json().path("status").asText()).isEqualTo("acknowledged");
        assertThat(spine("X26ABC1", "track", "--local-id", "cli-1").json().path("message_id").asText()).isEqualTo(id);
        assertThat(CliRun.texts(spine("X26ABC1", "lookup", "--ods", "X26", "--workflow", "TEST_WORKFLOW").json()
                .path("results"), "mailbox_id")).containsExactly("X26ABC1", "X26ABC2", "X26ABC3");
    }

    @Test
    void aMissingMessageExitsThreeWithMeshsCode() {
        CliRun r = spine("X26ABC2", "download", "NOSUCHMESSAGE", "--out", dir.resolve("x").toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.json().path("reason").asText()).isEqualTo("NOT_FOUND");
        assertThat(r.json().path("http_status").asInt()).isEqualTo(404);
        assertThat(r.json().path("code").asText()).isEqualTo("20");
    }

    @Test
    void aWrongPasswordExitsOneAndNeverPrintsTheSecret() throws Exception {
        Path wrong = Files.writeString(dir.resolve("wrong"), "hunter2-secret\n");
        CliRun r = CliRun.run("mesh", "handshake", "--url", mesh.url().toString(), "--trust", trust.toString(),
                "--mailbox", "X26ABC1", "--mailbox-password-file", wrong.toString(), "--shared-key-file", key.toString(),
                "--cert", a.certificate().toString(), "--key", a.privateKey().toString(), "--json");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.json().path("reason").asText()).isEqualTo("FORBIDDEN");
        assertThat(r.out() + r.err()).doesNotContain("hunter2-secret").doesNotContain("TestKey");
    }

    @Test
    void withoutACertificateItIsBadInput() {
        CliRun r = CliRun.run("mesh", "inbox", "--url", mesh.url().toString(), "--trust", trust.toString(),
                "--mailbox", "X26ABC1", "--mailbox-password-file", password.toString(), "--shared-key-file",
                key.toString(), "--json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.json().path("error").asText()).contains("--cert and --key");
    }

    @Test
    void withoutJsonItPrintsALineForAPerson() {
        CliRun handshake = CliRun.run(arguments("X26ABC1", "handshake").toArray(new String[0]));
        assertThat(handshake.code()).as(handshake.err()).isZero();
        assertThat(handshake.out()).startsWith("Handshake OK: mailbox X26ABC1 at " + mesh.url());
        CliRun lookup = CliRun.run(arguments("X26ABC1", "lookup", "--ods", "X26", "--workflow", "TEST_WORKFLOW")
                .toArray(new String[0]));
        assertThat(lookup.out()).startsWith("3 mailbox(es) for X26 and TEST_WORKFLOW").contains("  X26ABC2  ");
    }
}
