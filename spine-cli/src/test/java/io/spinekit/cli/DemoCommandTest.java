package io.spinekit.cli;

import static io.spinekit.cli.CliRun.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoCommandTest {
    @Test
    void demoRunsTheMainJobEndToEndOnLoopbackAndReportsEveryStep() throws Exception {
        CliRun run = run("demo", "--json");

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        JsonNode doc = run.json();
        assertThat(doc.get("result").asText()).isEqualTo("OK");
        List<String> titles = new ArrayList<>();
        for (JsonNode step : doc.get("steps")) {
            assertThat(step.get("status").asText()).as(step.toString()).isEqualTo("OK");
            titles.add(step.get("title").asText());
        }
        assertThat(titles).containsExactly(
                "Pick the environment",
                "Start the loopback stand-ins for Spine",
                "Define the loopback environment in the catalog",
                "Build the mutual TLS context",
                "Look up the route in SDS",
                "Send a reliable ebXML message and receive the asynchronous response",
                "Turn an SSO ticket into a role assertion",
                "Assess a client machine against the WES",
                "Exchange a MESH message between two mailboxes");
        JsonNode steps = doc.get("steps");
        assertThat(steps.get(0).get("details").get("Spine party key").asText()).isEqualTo("YES-0000806");
        assertThat(steps.get(4).get("details").get("party key").asText()).isEqualTo("X26-823848");
        assertThat(steps.get(4).get("details").get("ASID").asText()).isEqualTo("918999198993");
        assertThat(steps.get(4).get("details").get("endpoint").asText()).startsWith("https://localhost:");
        assertThat(steps.get(4).get("details").get("repeat look-ups").asText())
                .startsWith("10,000 served from the cache").contains("(10,000 cache hits; 2 LDAP searches in all)");
        JsonNode message = steps.get(5).get("details");
        String messageId = message.get("message id").asText().substring(0, 36);
        assertThat(messageId).matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
        assertThat(message.get("POST").asText()).startsWith(steps.get(4).get("details").get("endpoint").asText())
                .contains("workflow RELIABLE");
        assertThat(message.get("MHS check").asText()).isEqualTo("conforms (checked strictly against MESSAGING.md)");
        assertThat(message.get("acknowledgement").asText())
                .startsWith("ACKNOWLEDGED after 1 attempt(s): HTTP 202 eb:Acknowledgment ")
                .contains(" from X26-823848, RefToMessageId " + messageId);
        assertThat(message.get("inbound server").asText()).startsWith("https://localhost:").contains("X99-123456");
        assertThat(message.get("async response").asText()).startsWith("MCCI_IN010000UK13 ").contains(" from X26-823848");
        String conversation = message.get("message id").asText().replaceFirst(".*\\(conversation (.*)\\)$", "$1");
        assertThat(message.get("correlated").asText()).startsWith("RefToMessageId " + messageId + " = the message sent; "
                + "conversation " + conversation + " = the send's");
        assertThat(message.get("answered").asText()).isEqualTo("the inbound server acknowledged the response: HTTP 200");
        assertThat(message.get("store").asText())
                .matches("embedded durable store, H2 file .*spine-demo[^ ]*[/\\\\]message-store[/\\\\]messages\\.mv\\.db "
                        + "\\(jdbc:h2:file:.*messages\\): message " + messageId + " ACKNOWLEDGED after 1 attempt\\(s\\)");
        assertThat(steps.get(6).get("details").get("ticket").asText()).doesNotContain("demo-");
        assertThat(steps.get(7).get("details").get("Care Identity Service application").asText())
                .isEqualTo("SUPPORTED_WITH_CONDITIONS");
        assertThat(steps.get(7).get("details").get("visitor (User-Agent)").asText())
                .isEqualTo("Spine SCR: SUPPORTED_WITH_CONDITIONS");
        assertThat(steps.get(7).get("details").get("same visitor + client hints").asText())
                .startsWith("Sec-CH-UA-Platform-Version \"13.0.0\" (Windows 11): NOT_SUPPORTED (Windows 11 is not listed");
        JsonNode mesh = steps.get(8).get("details");
        assertThat(mesh.get("API").asText()).startsWith("https://localhost:").endsWith("/messageexchange/ (mesh.url of loopback)");
        assertThat(mesh.get("sent").asText()).startsWith("X26ABC1 -> X26ABC2, workflow TEST_WORKFLOW, 49 bytes in 1 chunk(s): "
                + "message_id ");
        assertThat(mesh.get("inbox").asText()).isEqualTo("1 message(s) in X26ABC2");
        assertThat(mesh.get("downloaded").asText()).isEqualTo("49 bytes from X26ABC1, DATA, bytes match");
        assertThat(mesh.get("acknowledged").asText()).isEqualTo("inbox now holds 0 message(s); tracking status acknowledged");
        assertThat(steps.get(2).get("details").get("MESH").asText()).startsWith("https://localhost:");
    }

    @Test
    void textOutputShowsProgressTimingAndSummary() {
        CliRun run = run("demo");

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("[1/9] Pick the environment ... ok (")
                .contains("[6/9] Send a reliable ebXML message and receive the asynchronous response ... ok (")
                .contains("      acknowledgement:       ACKNOWLEDGED after 1 attempt(s)")
                .containsPattern("      store: +embedded durable store, H2 file .*messages\\.mv\\.db \\(jdbc:h2:file:")
                .contains("[8/9] Assess a client machine against the WES ... ok (")
                .contains("[9/9] Exchange a MESH message between two mailboxes ... ok (")
                .containsPattern("Summary: 9 of 9 steps passed in \\d+ ms");
    }

    @Test
    void unknownEnvironmentIsAUsageErrorListingTheKnownOnes() {
        CliRun run = run("demo", "--env", "staging");

        assertThat(run.code()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains("\"staging\"").contains("INTEGRATION");
    }
}
