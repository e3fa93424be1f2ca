package io.spinekit.cli;

import static io.spinekit.cli.CliRun.run;
import static io.spinekit.testkit.EmbeddedSds.accreditedSystem;
import static io.spinekit.testkit.EmbeddedSds.mhs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spinekit.messaging.store.JdbcMessageStore;
import io.spinekit.testkit.EmbeddedSds;
import io.spinekit.testkit.FakeMhs;
import io.spinekit.testpki.PemFiles;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spine messaging send --store --no-wait}, {@code pending} and {@code drain} on an H2 file
 * store, against the embedded SDS and the fake MHS.
 */
class MessagingStoreCommandTest {
    static final String PSIS = MessagingCommandTest.PSIS;
    static EmbeddedSds sds;
    static FakeMhs fakeMhs;
    static PemFiles client;
    static Path trust;
    static Path payload;

    @TempDir
    Path dir;

    @BeforeAll
    static void start(@TempDir Path tmp) throws IOException {
        sds = EmbeddedSds.builder().clientAuth(EmbeddedSds.ClientAuth.REQUIRED).start();
        fakeMhs = FakeMhs.start(sds.pki()).expect("X26-823848", "S20001A000182");
        client = sds.clientCertificate().writePem(tmp, "client");
        trust = Files.writeString(tmp.resolve("root.pem"), sds.pki().rootPem());
        payload = Files.writeString(tmp.resolve("payload.xml"), MessagingCommandTest.PAYLOAD);
        sds.addMhs(mhs("X26", PSIS).uniqueIdentifier("S918999198738").partyKey("X26-823848")
                .endpoint(fakeMhs.endpoint("/reliablemessaging/reliablerequest").toString()).fqdn("localhost")
                .cpaId("S20001A000182").names("urn:nhs:names:services:psis", "REPC_IN150016UK05")
                .reliability("PT10M", "50", "PT1S")
                .messaging("always", "always", "MSHSignalsOnly", "urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH"));
        sds.addAccreditedSystem(accreditedSystem("918999198738", "X26").partyKey("X26-823848").interactions(PSIS));
    }

    @AfterAll
    static void stop() {
        fakeMhs.close();
        sds.close();
    }

    static List<String> tls() {
        return List.of("--trust", trust.toString(), "--cert", client.certificate().toString(),
                "--key", client.privateKey().toString());
    }

    static CliRun send(String... args) {
        List<String> all = new ArrayList<>(List.of("messaging", "send", "--env", "int", "--ldap-url", sds.url(),
                "--ods", "X26", "--interaction", PSIS, "--from-party-key", "X99-123456", "--from-asid", "200000000001",
                "--payload", payload.toString()));
        all.addAll(tls());
        all.addAll(List.of(args));
        return run(all.toArray(new String[0]));
    }

    /** A new H2 file store's URL; the fake MHS answers the next 100 posts with a retriable fault. */
    String storeWithRetriableFaults() {
        fakeMhs.reset();
        fakeMhs.script(IntStream.range(0, 100).mapToObj(i -> FakeMhs.Answer.soapFault("206"))
                .toArray(FakeMhs.Answer[]::new));
        return JdbcMessageStore.h2Url(dir.resolve("messages"));
    }

    @Test
    void aMessageAcceptedWithNoWaitIsListedAsPendingAndDeliveredByDrain() {
        String store = storeWithRetriableFaults();

        CliRun accepted = send("--store", store, "--no-wait", "--json");

        assertThat(accepted.code()).as(accepted.err()).isEqualTo(Cli.OK);
        JsonNode a = accepted.json();
        assertThat(a.get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(a.get("workflow").asText()).isEqualTo("RELIABLE");
        String id = a.get("messageId").asText();

        CliRun pending = run("messaging", "pending", "--store", store, "--json");
        assertThat(pending.code()).as(pending.err()).isEqualTo(Cli.OK);
        JsonNode p = pending.json();
        assertThat(p.get("messages")).hasSize(1);
        JsonNode m = p.get("messages").get(0);
        assertThat(m.get("messageId").asText()).isEqualTo(id);
        assertThat(m.get("state").asText()).isIn("WAITING", "RETRYING");
        assertThat(m.get("maxAttempts").asInt()).isEqualTo(51);
        if (m.get("state").asText().equals("RETRYING")) {
            assertThat(m.get("lastError").asText()).contains("SOAP fault [206]");
        }

        fakeMhs.reset(); // acknowledged from now on
        List<String> drain = new ArrayList<>(List.of("messaging", "drain", "--store", store, "--json"));
        drain.addAll(tls());
        CliRun drained = run(drain.toArray(new String[0]));

        assertThat(drained.code()).as(drained.err()).isEqualTo(Cli.OK);
        assertThat(drained.json().get("pendingAtStart").asInt()).isEqualTo(1);
        assertThat(drained.json().get("delivered").asInt()).isEqualTo(1);
        assertThat(drained.json().get("failed")).isEmpty();
        assertThat(fakeMhs.received()).extracting(r -> r.messageId().orElseThrow()).containsExactly(id);

        CliRun after = run("messaging", "pending", "--store", store);
        assertThat(after.code()).isEqualTo(Cli.OK);
        assertThat(after.out()).startsWith("0 not delivered in " + store);
    }

    @Test
    void anAcceptedMessageAndADeliveredOnePrintTheSameFieldsAsTextAndJson() {
        String store = storeWithRetriableFaults();

        CliRun acceptedText = send("--store", store, "--no-wait");
        CliRun acceptedJson = send("--store", store, "--no-wait", "--json");
        fakeMhs.reset(); // acknowledged from now on
        CliRun sentJson = send("--store", store, "--json");

        assertThat(acceptedText.code()).as(acceptedText.err()).isEqualTo(Cli.OK);
        assertThat(acceptedText.out())
                .containsPattern("^ACCEPTED: message [0-9A-F-]{36} \\(conversation [0-9A-F-]{36}\\), reliable, "
                        + "0 attempts, stored in JdbcMessageStore\\[" + store.replace(".", "\\.")
                        + "\\]; delivery pending")
                .contains("\n  to X26-823848 at https://localhost:", " (ASID 918999198738, CPA id S20001A000182)");
        assertThat(sentJson.code()).as(sentJson.err()).isEqualTo(Cli.OK);
        assertThat(sentJson.json().get("outcome").asText()).isEqualTo("ACKNOWLEDGED");
        List<String> sent = new ArrayList<>();
        sentJson.json().fieldNames().forEachRemaining(sent::add);
        List<String> accepted = new ArrayList<>();
        acceptedJson.json().fieldNames().forEachRemaining(accepted::add);
        assertThat(sent).containsExactly("messageId", "conversationId", "workflow", "outcome", "attempts", "errors",
                "failure", "failureDetail", "route");
        assertThat(accepted).as("the fields of a sent message, and the store").containsExactly("messageId",
                "conversationId", "workflow", "outcome", "attempts", "errors", "failure", "failureDetail", "store",
                "route");
        assertThat(acceptedJson.json().get("route")).isEqualTo(sentJson.json().get("route"));
    }

    @Test
    void noWaitWithoutAStoreIsBadInput() {
        CliRun r = send("--no-wait");

        assertThat(r.code()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).contains("--no-wait needs --store JDBC_URL");
    }

    @Test
    void aStoreThatCannotBeReachedFailsTheSendClearly() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        fakeMhs.reset();
        CliRun r = send("--store", "jdbc:postgresql://localhost:" + port + "/spine?user=mhs&password=secret");

        assertThat(r.code()).isEqualTo(Cli.FAILURE);
        assertThat(r.err()).contains("the message store on jdbc:postgresql://localhost:" + port + "/spine could not")
                .doesNotContain("secret");
        assertThat(fakeMhs.received()).isEmpty();
    }
}
