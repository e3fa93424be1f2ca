package io.spinekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spinekit.testkit.EmbeddedSds;
import io.spinekit.testkit.FakeCis;
import io.spinekit.testkit.FakeMesh;
import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.PemFiles;
import io.spinekit.testpki.TestPki;
import io.spinekit.tls.Pem;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spine doctor} end to end against a custom environment on loopback servers. */
class DoctorCommandTest {
    private static final TestPki PKI = TestPki.create("Doctor");
    private static EmbeddedSds sds;
    private static FakeCis cis;
    private static FakeMesh mesh;
    private static Path meshPassword;
    private static Path meshKey;

    @TempDir
    static Path dir;
    private static Path trust;
    private static PemFiles goodClient;

    @BeforeAll
    static void start() throws IOException {
        sds = EmbeddedSds.builder().pki(PKI).clientAuth(EmbeddedSds.ClientAuth.REQUIRED).start();
        cis = FakeCis.start(PKI);
        trust = dir.resolve("trust.pem");
        Files.writeString(trust, PKI.rootPem(), StandardCharsets.US_ASCII);
        goodClient = PKI.certificate("localhost").issue().writePem(dir, "good");
        mesh = FakeMesh.start(PKI);
        meshPassword = Files.writeString(dir.resolve("mesh-password"), FakeMesh.DEFAULT_PASSWORD + "\n");
        meshKey = Files.writeString(dir.resolve("mesh-key"), FakeMesh.DEFAULT_SHARED_KEY + "\n");
    }

    @AfterAll
    static void stop() {
        sds.close();
        cis.close();
        mesh.close();
    }

    private static List<JsonNode> checks(CliRun run, String name) {
        List<JsonNode> found = new ArrayList<>();
        run.json().get("checks").forEach(c -> {
            if (c.get("check").asText().equals(name)) {
                found.add(c);
            }
        });
        return found;
    }

    private static CliRun doctor(String ldapUrl, String... extra) throws IOException {
        Properties p = cis.overrides("loopback");
        p.setProperty("spinekit.loopback.ldap.url", ldapUrl);
        p.setProperty("spinekit.loopback.mesh.url", mesh.url().toString());
        Path overrides = Files.createTempFile(dir, "overrides", ".properties");
        try (var w = Files.newBufferedWriter(overrides)) {
            for (String name : p.stringPropertyNames()) {
                w.write(name + "=" + p.getProperty(name) + "\n");
            }
        }
        List<String> args = new ArrayList<>(List.of("doctor", "--env", "loopback", "--overrides", overrides.toString(),
                "--fqdn", "localhost", "--timeout", "5"));
        args.addAll(List.of(extra));
        return CliRun.run(args.toArray(new String[0]));
    }

    private static String[] withClient(PemFiles client, String trustFile, String... more) {
        List<String> a = new ArrayList<>(List.of("--trust", trustFile, "--cert", client.certificate().toString(),
                "--key", client.privateKey().toString()));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    @Test
    void everyCheckPassesAgainstAHealthyLoopbackEnvironment() throws IOException {
        CliRun run = doctor(sds.url(), withClient(goodClient, trust.toString(), "--json"));

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.json().get("result").asText()).as(run.out()).isEqualTo("PASS");
        assertThat(checks(run, "facts")).singleElement().satisfies(c -> assertThat(c.get("status").asText()).isEqualTo("PASS"));
        assertThat(checks(run, "dns")).singleElement().satisfies(c -> assertThat(c.get("target").asText()).isEqualTo("localhost"));
        assertThat(checks(run, "tcp")).hasSize(2).allSatisfy(c -> assertThat(c.get("status").asText()).isEqualTo("PASS"));
        assertThat(checks(run, "tls")).hasSize(2).allSatisfy(c -> {
            assertThat(c.get("status").asText()).isEqualTo("PASS");
            assertThat(c.get("detail").asText()).contains("TLSv1.").contains("client certificate presented");
        });
        assertThat(checks(run, "client-certificate")).singleElement().satisfies(c -> {
            assertThat(c.get("status").asText()).as(c.toString()).isEqualTo("PASS");
            assertThat(c.get("detail").asText()).contains("CN=localhost").contains("issued to localhost");
        });
        assertThat(checks(run, "ldap")).singleElement().satisfies(c -> {
            assertThat(c.get("status").asText()).isEqualTo("PASS");
            assertThat(c.get("detail").asText()).contains("anonymous bind and root DSE read").contains("o=nhs");
        });
        assertThat(checks(run, "cis")).hasSize(2).allSatisfy(c -> assertThat(c.get("status").asText()).isEqualTo("PASS"));
        assertThat(checks(run, "maintenance")).singleElement()
                .satisfies(c -> assertThat(c.get("detail").asText()).contains("no maintenance slots"));
        assertThat(checks(run, "mesh")).as("no MESH check without --mailbox").isEmpty();
    }

    private static String[] withMailbox(Path password, String... more) {
        List<String> a = new ArrayList<>(List.of(withClient(goodClient, trust.toString(), "--mailbox", "X26ABC1",
                "--mailbox-password-file", password.toString(), "--shared-key-file", meshKey.toString())));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    @Test
    void meshHandshakePassesWhenAMailboxIsGiven() throws IOException {
        CliRun run = doctor(sds.url(), withMailbox(meshPassword, "--json"));

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(checks(run, "tls")).anySatisfy(c -> {
            assertThat(c.get("target").asText()).endsWith(":" + mesh.port());
            assertThat(c.get("status").asText()).isEqualTo("PASS");
        });
        assertThat(checks(run, "mesh")).singleElement().satisfies(c -> {
            assertThat(c.get("target").asText()).isEqualTo(mesh.url().toString());
            assertThat(c.get("status").asText()).isEqualTo("PASS");
            assertThat(c.get("detail").asText()).isEqualTo("handshake OK: mailbox X26ABC1 at " + mesh.url() + "/messageexchange/");
        });
    }

    @Test
    void aWrongMailboxPasswordFailsTheMeshCheckAndNeverPrintsASecret() throws IOException {
        Path wrong = Files.writeString(dir.resolve("wrong-mesh-password"), "hunter2-secret\n");
        CliRun json = doctor(sds.url(), withMailbox(wrong, "--json"));
        CliRun text = doctor(sds.url(), withMailbox(wrong));

        assertThat(json.code()).isEqualTo(Cli.FAILURE);
        assertThat(checks(json, "mesh")).singleElement().satisfies(c -> {
            assertThat(c.get("status").asText()).isEqualTo("FAIL");
            assertThat(c.get("detail").asText()).startsWith("FORBIDDEN: ").contains("403");
            assertThat(c.get("fix").asText()).contains("--mailbox-password-file").contains("--shared-key-file");
        });
        assertThat(text.code()).isEqualTo(Cli.FAILURE);
        assertThat(text.out()).containsPattern("FAIL  mesh +" + java.util.regex.Pattern.quote(mesh.url().toString()));
        assertThat(json.out() + json.err() + text.out() + text.err())
                .doesNotContain("hunter2-secret").doesNotContain(FakeMesh.DEFAULT_SHARED_KEY);
    }

    @Test
    void aStalledMeshHandshakeFailsWithinTheChecksDeadline() throws IOException {
        mesh.inject(FakeMesh.Operation.HANDSHAKE, FakeMesh.Fault.slow(Duration.ofSeconds(30)), 1);
        long t0 = System.nanoTime();
        CliRun run = doctor(sds.url(), withMailbox(meshPassword, "--json"));
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;

        assertThat(run.code()).isEqualTo(Cli.FAILURE);
        assertThat(checks(run, "mesh")).singleElement().satisfies(c -> {
            assertThat(c.get("status").asText()).isEqualTo("FAIL");
            assertThat(c.get("detail").asText()).startsWith("TIMEOUT");
        });
        assertThat(seconds).as("the --timeout 5 deadline, not the 30 s stall").isLessThan(20);
    }

    @Test
    void aMailboxWithoutItsSecretFilesIsAUsageError() throws IOException {
        CliRun run = doctor(sds.url(), withClient(goodClient, trust.toString(), "--mailbox", "X26ABC1"));

        assertThat(run.code()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains("--mailbox-password-file").contains("--shared-key-file");
    }

    @Test
    void aMailboxWithoutAClientCertificateIsAUsageError() throws IOException {
        CliRun run = doctor(sds.url(), "--trust", trust.toString(), "--mailbox", "X26ABC1", "--mailbox-password-file",
                meshPassword.toString(), "--shared-key-file", meshKey.toString());

        assertThat(run.code()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains("the MESH check needs the mailbox's client certificate: give --cert and --key");
    }

    @Test
    void closedPortFailsTheTcpCheckWithAFix() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        CliRun run = doctor("ldaps://localhost:" + closed, withClient(goodClient, trust.toString(), "--json"));

        assertThat(run.code()).isEqualTo(Cli.FAILURE);
        assertThat(checks(run, "tcp")).anySatisfy(c -> {
            assertThat(c.get("target").asText()).isEqualTo("localhost:" + closed);
            assertThat(c.get("status").asText()).isEqualTo("FAIL");
            assertThat(c.get("fix").asText()).contains("firewalls");
        });
        assertThat(checks(run, "ldap")).singleElement().satisfies(c -> assertThat(c.get("status").asText()).isEqualTo("WARN"));
    }

    @Test
    void wrongCaFailsTheHandshakeAsUnknownCa() throws IOException {
        Path otherTrust = dir.resolve("other-trust.pem");
        Files.writeString(otherTrust, TestPki.create("Other").rootPem(), StandardCharsets.US_ASCII);

        CliRun run = doctor(sds.url(), "--trust", otherTrust.toString(), "--json");

        assertThat(run.code()).isEqualTo(Cli.FAILURE);
        assertThat(checks(run, "tls")).isNotEmpty().allSatisfy(c -> {
            assertThat(c.get("status").asText()).isEqualTo("FAIL");
            assertThat(c.get("detail").asText()).startsWith("UNKNOWN_CA");
            assertThat(c.has("fix")).isTrue();
        });
    }

    @Test
    void encryptedClientKeyIsReadWithThePasswordFile() throws IOException {
        IssuedCertificate issued = PKI.certificate("localhost").issue();
        PemFiles encrypted = new PemFiles(
                Files.writeString(dir.resolve("enc.crt"), issued.chainPem(), StandardCharsets.US_ASCII),
                Files.writeString(dir.resolve("enc.key"),
                        Pem.encodePrivateKey(issued.privateKey(), "doctor pass".toCharArray()), StandardCharsets.US_ASCII));
        Path pass = Files.writeString(dir.resolve("doctor-pass.txt"), "doctor pass\n", StandardCharsets.US_ASCII);

        CliRun run = doctor(sds.url(), withClient(encrypted, trust.toString(), "--password-file", pass.toString(),
                "--json"));

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(checks(run, "client-certificate")).singleElement()
                .satisfies(c -> assertThat(c.get("status").asText()).as(c.toString()).isEqualTo("PASS"));
        assertThat(checks(run, "ldap")).singleElement()
                .satisfies(c -> assertThat(c.get("status").asText()).as(c.toString()).isEqualTo("PASS"));
    }

    @Test
    void expiredClientCertificateFailsWithAFix() throws IOException {
        PemFiles expired = PKI.certificate("localhost").expired().issue().writePem(dir, "expired");

        CliRun run = doctor(sds.url(), withClient(expired, trust.toString(), "--json"));

        assertThat(run.code()).isEqualTo(Cli.FAILURE);
        assertThat(checks(run, "client-certificate")).singleElement().satisfies(c -> {
            assertThat(c.get("status").asText()).isEqualTo("FAIL");
            assertThat(c.get("detail").asText()).containsIgnoringCase("expired");
            assertThat(c.get("fix").asText()).isNotBlank();
        });
    }

    @Test
    void textOutputListsEachCheckWithItsStatusAndAResultLine() throws IOException {
        CliRun run = doctor(sds.url(), withClient(goodClient, trust.toString()));

        assertThat(run.code()).as(run.out()).isZero();
        assertThat(run.out()).contains("spine doctor: ").contains("PASS  ldap").containsPattern("Result: \\d+ PASS, 0 WARN, 0 FAIL");
    }

    @Test
    void inferredFactsTheChecksUseAreWarnedAboutWithTheKeyThatReplacesThem() throws IOException {
        // DEV's trust chain includes the G2 PTL pair, which the catalog marks inferred; the hosts point at loopback
        Path overrides = dir.resolve("dev-overrides.properties");
        Files.writeString(overrides, "spinekit.development.ldap.url=" + sds.url() + "\n"
                + "spinekit.development.sbapi.roleassertion.url=" + cis.baseUrl() + "/saml/RoleAssertion\n"
                + "spinekit.development.gas.validate.url=" + cis.baseUrl() + "/login/authvalidate\n");

        CliRun run = CliRun.run("doctor", "--env", "dev", "--overrides", overrides.toString(), "--timeout", "5", "--json");

        assertThat(checks(run, "facts")).anySatisfy(c -> {
            assertThat(c.get("status").asText()).isEqualTo("WARN");
            assertThat(c.get("detail").asText()).startsWith("inferred from NHS naming patterns, not published: tls.trust = ");
            assertThat(c.get("fix").asText()).contains("spinekit.development.tls.trust");
        });
        assertThat(checks(run, "tls")).isNotEmpty().allSatisfy(c -> assertThat(c.get("detail").asText()).startsWith("UNKNOWN_CA"));
    }

    @Test
    void certWithoutKeyIsAUsageError() throws IOException {
        CliRun run = doctor(sds.url(), "--cert", goodClient.certificate().toString());

        assertThat(run.code()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains("--cert and --key go together");
    }

    @Test
    void withAnApiKeyTheSdsFhirApiIsCheckedWithItsOwnTrust() throws IOException {
        try (io.spinekit.testkit.FakeSdsFhir fhir = io.spinekit.testkit.FakeSdsFhir.over(sds).apiKey("doctor-key").start()) {
            Path key = Files.writeString(dir.resolve("sds-api-key"), "doctor-key\n");
            Path fhirCa = fhir.writeCaPem(dir.resolve("fhir-ca.pem"));
            CliRun run = doctor(sds.url(), withClient(goodClient, trust.toString(), "--sds-api-key-file", key.toString(),
                    "--sds-fhir-url", fhir.url().toString(), "--sds-fhir-trust", fhirCa.toString(), "--json"));

            assertThat(checks(run, "sds-fhir")).singleElement().satisfies(c -> {
                assertThat(c.get("status").asText()).as(c.toString()).isEqualTo("PASS");
                assertThat(c.get("detail").asText()).contains("authenticated Endpoint query answered");
            });
            assertThat(fhir.requests()).singleElement().satisfies(r -> assertThat(r).contains("apikey=yes"));

            Path wrong = Files.writeString(dir.resolve("wrong-key"), "not-the-key\n");
            CliRun refused = doctor(sds.url(), withClient(goodClient, trust.toString(), "--sds-api-key-file",
                    wrong.toString(), "--sds-fhir-url", fhir.url().toString(), "--sds-fhir-trust", fhirCa.toString(),
                    "--json"));
            assertThat(checks(refused, "sds-fhir")).singleElement().satisfies(c -> {
                assertThat(c.get("status").asText()).isEqualTo("FAIL");
                assertThat(c.get("detail").asText()).contains("401").doesNotContain("not-the-key");
            });

            // the default trust is the JDK's public CAs: the fake's own CA is not among them
            CliRun untrusted = doctor(sds.url(), withClient(goodClient, trust.toString(), "--sds-api-key-file",
                    key.toString(), "--sds-fhir-url", fhir.url().toString(), "--json"));
            assertThat(checks(untrusted, "sds-fhir")).singleElement()
                    .satisfies(c -> assertThat(c.get("status").asText()).isEqualTo("WARN"));
        }
    }
}
