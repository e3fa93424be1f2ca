package io.spinekit.cli;

import static io.spinekit.cli.CliRun.run;
import static io.spinekit.testkit.EmbeddedSds.accreditedSystem;
import static io.spinekit.testkit.EmbeddedSds.mhs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.env.PartyKey;
import io.spinekit.ldap.SdsClient;
import io.spinekit.messaging.EbxmlError;
import io.spinekit.messaging.EbxmlMessage;
import io.spinekit.messaging.InMemoryMessageStore;
import io.spinekit.messaging.OutboundMessage;
import io.spinekit.messaging.SendOutcome;
import io.spinekit.messaging.SpineMessaging;
import io.spinekit.testkit.EmbeddedSds;
import io.spinekit.testkit.FakeMhs;
import io.spinekit.testpki.PemFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code spine messaging send|receive}, in-process, against the testkit's embedded SDS (LDAPS with a
 * client certificate) and fake MHS (mutual TLS): routes resolved from SDS, outcomes and exit codes.
 */
class MessagingCommandTest {
    static final String PSIS = "urn:nhs:names:services:psis:REPC_IN150016UK05";
    static final String PAYLOAD = "<REPC_IN150016UK05 xmlns=\"urn:hl7-org:v3\"><name>Zoë 😀</name></REPC_IN150016UK05>";
    static EmbeddedSds sds;
    static FakeMhs fakeMhs;
    static Path dir;
    static PemFiles client;
    static Path trust;
    static Path payload;
    static Path attachment;

    @BeforeAll
    static void start(@TempDir Path tmp) throws IOException {
        dir = tmp;
        sds = EmbeddedSds.builder().clientAuth(EmbeddedSds.ClientAuth.REQUIRED).start();
        fakeMhs = FakeMhs.start(sds.pki()).expect("X26-823848", "S20001A000182");
        client = sds.clientCertificate().writePem(dir, "client");
        trust = Files.writeString(dir.resolve("root.pem"), sds.pki().rootPem());
        payload = Files.writeString(dir.resolve("payload.xml"), PAYLOAD);
        attachment = Files.writeString(dir.resolve("letter.txt"), "Dear Dr Smith");
    }

    @AfterAll
    static void stop() {
        fakeMhs.close();
        sds.close();
    }

    @BeforeEach
    void seed() {
        sds.clear();
        fakeMhs.reset();
        sds.addMhs(mhs("X26", PSIS).uniqueIdentifier("S918999198738").partyKey("X26-823848")
                .endpoint(fakeMhs.endpoint("/reliablemessaging/reliablerequest").toString()).fqdn("localhost")
                .cpaId("S20001A000182").names("urn:nhs:names:services:psis", "REPC_IN150016UK05")
                .reliability("PT5M", "2", "PT0.1S")
                .messaging("always", "always", "MSHSignalsOnly", "urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH"));
        sds.addAccreditedSystem(accreditedSystem("918999198738", "X26").partyKey("X26-823848").interactions(PSIS));
    }

    static List<String> tlsArgs() {
        return List.of("--trust", trust.toString(), "--cert", client.certificate().toString(),
                "--key", client.privateKey().toString());
    }

    static CliRun send(String ods, String... args) {
        List<String> all = new ArrayList<>(List.of("messaging", "send", "--env", "int", "--ldap-url", sds.url(),
                "--ods", ods, "--interaction", PSIS, "--from-party-key", "X99-123456", "--from-asid", "200000000001"));
        all.addAll(tlsArgs());
        all.addAll(List.of(args));
        return run(all.toArray(new String[0]));
    }

    @Test
    void sendIsAcknowledgedAndPrintsTheOutcomeAndRouteAsJson() {
        fakeMhs.script(FakeMhs.Answer.ack());

        CliRun r = send("X26", "--payload", payload.toString(), "--attachment", attachment.toString(),
                "--conversation-id", "CONV-CLI-1", "--json");

        assertThat(r.code()).as(r.err()).isEqualTo(Cli.OK);
        JsonNode j = r.json();
        assertThat(j.get("outcome").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(j.get("workflow").asText()).isEqualTo("RELIABLE");
        assertThat(j.get("attempts").asInt()).isEqualTo(1);
        assertThat(j.get("conversationId").asText()).isEqualTo("CONV-CLI-1");
        assertThat(j.get("errors")).isEmpty();
        assertThat(j.get("route").get("partyKey").asText()).isEqualTo("X26-823848");
        assertThat(j.get("route").get("endpoint").asText())
                .isEqualTo(fakeMhs.endpoint("/reliablemessaging/reliablerequest").toString());
        assertThat(j.get("route").get("cpaId").asText()).isEqualTo("S20001A000182");

        assertThat(fakeMhs.received()).hasSize(1);
        FakeMhs.Received got = fakeMhs.received().get(0);
        assertThat(got.problems()).isEmpty();
        EbxmlMessage m = got.message().orElseThrow();
        assertThat(m.header().messageId()).isEqualTo(j.get("messageId").asText());
        assertThat(m.header().conversationId()).isEqualTo("CONV-CLI-1");
        assertThat(m.header().fromPartyKey()).isEqualTo("X99-123456");
        assertThat(m.payload().orElseThrow().text()).isEqualTo(PAYLOAD);
        assertThat(m.attachments()).hasSize(1);
        assertThat(m.attachments().get(0).contentType()).startsWith("text/plain");
        assertThat(new String(m.attachments().get(0).body(), StandardCharsets.UTF_8)).isEqualTo("Dear Dr Smith");
    }

    @Test
    void aNackExitsWithFailureAndListsTheErrors() {
        fakeMhs.script(FakeMhs.Answer.nack(EbxmlError.of("ValueNotRecognized", "501319:Unknown eb:CPAId")));

        CliRun r = send("X26", "--payload", payload.toString(), "--json");

        assertThat(r.code()).as(r.err()).isEqualTo(Cli.FAILURE);
        JsonNode j = r.json();
        assertThat(j.get("outcome").asText()).isEqualTo("MESSAGE_ERROR");
        assertThat(j.get("attempts").asInt()).isEqualTo(1);
        assertThat(j.get("errors")).hasSize(1);
        assertThat(j.get("errors").get(0).get("code").asText()).isEqualTo("ValueNotRecognized");
        assertThat(j.get("errors").get(0).get("severity").asText()).isEqualTo("Error");
        assertThat(j.get("errors").get(0).get("description").asText()).isEqualTo("501319:Unknown eb:CPAId");
        assertThat(fakeMhs.received()).hasSize(1);

        fakeMhs.script(FakeMhs.Answer.nack(EbxmlError.of("ValueNotRecognized", "501319:Unknown eb:CPAId")));
        CliRun text = send("X26", "--payload", payload.toString());
        assertThat(text.code()).isEqualTo(Cli.FAILURE);
        assertThat(text.out()).contains("MESSAGE_ERROR: message ", "reliable, 1 attempt",
                "error ValueNotRecognized (Error): 501319:Unknown eb:CPAId");
    }

    @Test
    void syncSendIsASynchronousSoapRequestAndPrintsTheResponse() {
        String content = "<hl7:retrievalQueryResponse><QUPA_IN000009UK03 xmlns=\"urn:hl7-org:v3\">Zoë</QUPA_IN000009UK03>"
                + "</hl7:retrievalQueryResponse>";
        fakeMhs.script(FakeMhs.Answer.syncResponse(content));

        CliRun r = send("X26", "--payload", payload.toString(), "--sync", "--json");

        assertThat(r.code()).as(r.err()).isEqualTo(Cli.OK);
        JsonNode j = r.json();
        assertThat(j.get("outcome").asText()).isEqualTo("RESPONSE");
        assertThat(j.get("workflow").asText()).isEqualTo("SYNC");
        assertThat(j.get("attempts").asInt()).isEqualTo(1);
        assertThat(j.get("errors")).isEmpty();
        assertThat(j.get("failure").isNull()).isTrue();
        assertThat(j.get("responseBody").asText()).isEqualTo(content);
        assertThat(j.get("messageId").asText()).matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
        assertThat(j.get("route").get("partyKey").asText()).isEqualTo("X26-823848");
        assertThat(j.get("route").get("asid").asText()).isEqualTo("918999198738");

        assertThat(fakeMhs.received()).singleElement().satisfies(got -> {
            assertThat(got.problems()).as("FakeMhs's SyncSoapChecker").isEmpty();
            assertThat(got.headers().get("Content-Type")).startsWith("text/xml");
            assertThat(got.headers()).containsEntry("SOAPAction", "urn:nhs:names:services:psis/REPC_IN150016UK05");
            assertThat(new String(got.body(), StandardCharsets.UTF_8))
                    .contains("<wsa:MessageID>uuid:" + j.get("messageId").asText() + "</wsa:MessageID>")
                    .contains("extension=\"918999198738\"", "extension=\"200000000001\"")
                    .contains(PAYLOAD);
        });

        fakeMhs.script(FakeMhs.Answer.syncResponse(content));
        CliRun text = send("X26", "--payload", payload.toString(), "--sync");
        assertThat(text.code()).as(text.err()).isEqualTo(Cli.OK);
        assertThat(text.out()).contains("RESPONSE: message ", "sync, 1 attempt", content);
    }

    @Test
    void aSyncSoapFaultExitsWithFailureAndListsItsCodes() {
        fakeMhs.script(FakeMhs.Answer.soapFault("300"));

        CliRun r = send("X26", "--payload", payload.toString(), "--sync", "--json");

        assertThat(r.code()).as(r.err()).isEqualTo(Cli.FAILURE);
        JsonNode j = r.json();
        assertThat(j.get("outcome").asText()).isEqualTo("SOAP_FAULT");
        assertThat(j.get("workflow").asText()).isEqualTo("SYNC");
        assertThat(j.get("attempts").asInt()).as("a synchronous request is never retried").isEqualTo(1);
        assertThat(j.get("errors")).hasSize(1);
        assertThat(j.get("errors").get(0).get("code").asText()).isEqualTo("300");
        assertThat(j.get("errors").get(0).get("description").asText()).isEqualTo("fake fault 300");
        assertThat(j.has("responseBody")).isFalse();
        assertThat(fakeMhs.received()).hasSize(1);
    }

    @Test
    void syncWithAnAttachmentIsBadInput() {
        CliRun r = send("X26", "--payload", payload.toString(), "--sync", "--attachment", attachment.toString());

        assertThat(r.code()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).contains("--sync sends a synchronous SOAP request, which has no attachments");
        assertThat(fakeMhs.received()).isEmpty();
    }

    @Test
    void noRouteExitsWithNotFoundWithoutSending() {
        CliRun r = send("Z99", "--payload", payload.toString(), "--json");

        assertThat(r.code()).as(r.err()).isEqualTo(Cli.NOT_FOUND);
        assertThat(r.json().get("outcome").asText()).isEqualTo("FAILED");
        assertThat(r.json().get("failure").asText()).isEqualTo("NO_ROUTE");
        assertThat(r.json().get("message").asText()).contains("Z99");
        assertThat(fakeMhs.received()).isEmpty();
    }

    @Test
    void aMissingPayloadFileIsBadInput() {
        Path missing = dir.resolve("no-such-payload.xml");

        CliRun r = send("X26", "--payload", missing.toString(), "--json");

        assertThat(r.code()).isEqualTo(Cli.USAGE);
        assertThat(r.json().get("reason").asText()).isEqualTo("FILE_NOT_FOUND");
        assertThat(r.err()).contains("payload", missing.toString(), "no such file");
        assertThat(fakeMhs.received()).isEmpty();
    }

    @Test
    void anAttachmentOverTheLimitIsBadInput() throws IOException {
        Path big = Files.write(dir.resolve("big.pdf"), new byte[5_000_001]);

        CliRun r = send("X26", "--payload", payload.toString(), "--attachment", big.toString());

        assertThat(r.code()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).contains("attachment", "larger than the limit");
        assertThat(fakeMhs.received()).isEmpty();
    }

    @Test
    void aMessageOverTheSpineLimitIsBadInputNamingTheLimit() throws IOException {
        Path large = Files.write(dir.resolve("large.xml"), new byte[4_999_000]);

        CliRun r = send("X26", "--payload", large.toString(), "--attachment", attachment.toString(), "--json");

        assertThat(r.code()).as(r.err()).isEqualTo(Cli.USAGE);
        assertThat(r.json().get("reason").asText()).isEqualTo("TOO_LARGE");
        assertThat(r.err()).contains("4999600");
        assertThat(fakeMhs.received()).isEmpty();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void receivePrintsAMessagePostedBySpineMessaging() throws Exception {
        PemFiles server = sds.pki().certificate("localhost").serverAuth().issue().writePem(dir, "inbound");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = {"messaging", "receive", "--port", String.valueOf(port),
                "--party-key", "X99-123456", "--trust", trust.toString(), "--cert", server.certificate().toString(),
                "--key", server.privateKey().toString(), "--json", "--max-messages", "1"};
        CompletableFuture<Integer> receiver = CompletableFuture.supplyAsync(() -> {
            CommandLine cli = SpineCli.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            return cli.execute(args);
        });
        awaitListening(port, receiver, err);
        sds.addMhs(mhs("X99", PSIS).uniqueIdentifier("S200000000001").partyKey("X99-123456")
                .endpoint("https://localhost:" + port + "/reliablemessaging/inbound").fqdn("localhost")
                .cpaId("S20001A000999").names("urn:nhs:names:services:psis", "REPC_IN150016UK05")
                .reliability("PT5M", "0", "PT0.1S")
                .messaging("always", "always", "MSHSignalsOnly", "urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH"));
        sds.addAccreditedSystem(accreditedSystem("200000000001", "X99").partyKey("X99-123456").interactions(PSIS));

        SendOutcome sent;
        try (SdsClient sdsClient = sds.clientBuilder().build();
             SpineMessaging messaging = SpineMessaging.builder().tls(sds.tlsContext())
                     .store(new InMemoryMessageStore())
                     .fromPartyKey(PartyKey.of("X26-823848")).routeResolver(sdsClient::route)
                     .connectTimeout(Duration.ofSeconds(5)).responseTimeout(Duration.ofSeconds(10)).build()) {
            sent = messaging.send(OdsCode.of("X99"), InteractionId.of(PSIS),
                    OutboundMessage.of(PAYLOAD.getBytes(StandardCharsets.UTF_8)).withConversationId("CONV-IN-1"));
        }

        assertThat(receiver.get(30, TimeUnit.SECONDS)).as(err.toString()).isEqualTo(Cli.OK);
        assertThat(sent.outcome()).as(sent.failureDetail()).isEqualTo(SendOutcome.Outcome.ACKNOWLEDGED);
        assertThat(err.toString()).contains("Listening on port " + port + " for party key X99-123456");
        JsonNode j = Cli.JSON.readTree(out.toString().strip());
        assertThat(j.get("messageId").asText()).isEqualTo(sent.messageId());
        assertThat(j.get("conversationId").asText()).isEqualTo("CONV-IN-1");
        assertThat(j.get("from").asText()).isEqualTo("X26-823848");
        assertThat(j.get("to").asText()).isEqualTo("X99-123456");
        assertThat(j.get("action").asText()).isEqualTo("REPC_IN150016UK05");
        assertThat(j.get("payload").asText()).isEqualTo(PAYLOAD);
        assertThat(out.toString().strip().lines()).hasSize(1);
    }

    @Test
    void receiveWithARequestTimeoutOutOfRangeIsBadInputNamingTheValue() {
        CliRun r = run("messaging", "receive", "--port", "9443", "--party-key", "X99-123456",
                "--trust", trust.toString(), "--cert", client.certificate().toString(),
                "--key", client.privateKey().toString(), "--request-timeout", "0");

        assertThat(r.code()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).contains("--request-timeout", "\"0\"", "0.1 to 300");
    }

    @Test
    void receiveWithoutTrustIsBadInput() {
        CliRun r = run("messaging", "receive", "--port", "9443", "--party-key", "X99-123456",
                "--cert", client.certificate().toString(), "--key", client.privateKey().toString());

        assertThat(r.code()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).contains("receive needs --trust PEM");
    }

    private static void awaitListening(int port, CompletableFuture<Integer> receiver, StringWriter err)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (receiver.isDone()) {
                throw new AssertionError("receive exited early: " + receiver.join() + " " + err);
            }
            if (err.toString().contains("Listening on port")) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("localhost", port), 500);
                    return;
                } catch (IOException notYet) {
                    // not listening yet
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("receive did not start listening on " + port + ": " + err);
    }
}
