package io.spinekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.spinekit.env.SpineEnvironment;
import io.spinekit.ldap.SdsClient;
import io.spinekit.testkit.EmbeddedSds;
import io.spinekit.testkit.EmbeddedSdsExtension;
import io.spinekit.testkit.FakeMhs;
import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.TestPki;
import io.spinekit.tls.SpineTlsContext;
import io.spinekit.wes.Assessment;
import io.spinekit.wes.Verdict;
import io.spinekit.messaging.store.JdbcMessageStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs each example against loopback servers. This class is itself the integration-test example:
 * it picks its environment by enum and gets an embedded SDS and a client from the testkit.
 */
class ExamplesTest {
    private static final String INTERACTION = "urn:nhs:names:services:psis:REPC_IN150016UK05";

    @RegisterExtension
    static final EmbeddedSdsExtension SDS = EmbeddedSdsExtension.forEnvironment(SpineEnvironment.INTEGRATION);

    @Test
    void resolveRouteDescribesTheRouteFromSds(EmbeddedSds sds, SdsClient client) {
        sds.addMhs(EmbeddedSds.mhs("X26", INTERACTION).partyKey("X26-823848")
                .endpoint("https://mhs.x26.example/reliablemessaging/reliablerequest")
                .messaging("always", "always", "MSHSignalsOnly", "urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH"));
        sds.addAccreditedSystem(EmbeddedSds.accreditedSystem("227319907548", "X26").partyKey("X26-823848")
                .interactions(INTERACTION));

        assertThat(ResolveRoute.describeRoute(client, "X26", INTERACTION)).isEqualTo(
                "send to https://mhs.x26.example/reliablemessaging/reliablerequest as party X26-823848, "
                        + "ASID 227319907548, reliable: true");
    }

    @Test
    void resolveRouteExplainsWhenThereIsNoRoute(SdsClient client) {
        assertThat(ResolveRoute.describeRoute(client, "A99999", INTERACTION)).startsWith("no route: ");
    }

    @Test
    void callEndpointPostsOverMutualTls() throws Exception {
        TestPki pki = TestPki.create();
        IssuedCertificate client = pki.certificate("mhs.supplier.example").clientAuth().issue();
        SpineTlsContext tls = SpineTlsContext.builder()
                .trustCertificates(List.of(pki.root().certificate()))
                .clientIdentity(client.privateKey(), client.chain())
                .build();
        // a synchronous SOAP request as MESSAGING.md section 5 describes it: FakeMhs checks it strictly
        String id = "0A1B2C3D-0000-4000-8000-00000000E001";
        String action = "urn:nhs:names:services:pds/QUPA_IN000008UK02";
        String request = "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" xmlns:hl7=\"urn:hl7-org:v3\">"
                + "<SOAP-ENV:Header><wsa:MessageID>uuid:" + id + "</wsa:MessageID><wsa:Action>" + action
                + "</wsa:Action><wsa:To>urn:nhs:names:services:pds</wsa:To><wsa:From><wsa:Address/></wsa:From>"
                + "<hl7:communicationFunctionRcv><hl7:device><hl7:id root=\"1.2.826.0.1285.0.2.0.107\" "
                + "extension=\"200000000002\"/></hl7:device></hl7:communicationFunctionRcv>"
                + "<hl7:communicationFunctionSnd><hl7:device><hl7:id root=\"1.2.826.0.1285.0.2.0.107\" "
                + "extension=\"200000000001\"/></hl7:device></hl7:communicationFunctionSnd>"
                + "<wsa:ReplyTo><wsa:Address/></wsa:ReplyTo></SOAP-ENV:Header>"
                + "<SOAP-ENV:Body><QUPA_IN000008UK02 xmlns=\"urn:hl7-org:v3\"/></SOAP-ENV:Body></SOAP-ENV:Envelope>";
        try (FakeMhs mhs = FakeMhs.start(pki); CloseableHttpClient http = CallEndpoint.httpClient(tls)) {
            String answer = CallEndpoint.post(http, mhs.endpoint("/sync-service"), action, request);

            assertThat(answer).startsWith("HTTP 200: ").contains("<wsa:RelatesTo>uuid:" + id + "</wsa:RelatesTo>",
                    "<hl7:retrievalQueryResponse/>");
            assertThat(mhs.received()).singleElement().satisfies(r -> {
                assertThat(r.path()).isEqualTo("/sync-service");
                assertThat(r.problems()).isEmpty();
                assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(request);
            });
        }
    }

    @Test
    void sendMessageIsAcknowledgedAfterARetriableFaultAndKeptInTheDurableStore(EmbeddedSds sds, SdsClient client,
            @TempDir Path dir) {
        IssuedCertificate me = sds.pki().certificate("mhs.supplier.example").clientAuth().issue();
        SpineTlsContext tls = SpineTlsContext.builder().trustCertificates(List.of(sds.pki().root().certificate()))
                .clientIdentity(me.privateKey(), me.chain()).build();
        try (FakeMhs mhs = FakeMhs.start(sds.pki()).expect("Y55-823848", "S20001A000100");
             JdbcMessageStore store = JdbcMessageStore.h2File(dir.resolve("messages"))) {
            sds.addAccreditedSystem(EmbeddedSds.accreditedSystem("227319907549", "Y55").partyKey("Y55-823848")
                    .interactions(INTERACTION));
            sds.addMhs(EmbeddedSds.mhs("Y55", INTERACTION).partyKey("Y55-823848").cpaId("S20001A000100")
                    .endpoint(mhs.endpoint("/reliablemessaging/reliablerequest").toString())
                    .messaging("always", "always", "MSHSignalsOnly", "urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH")
                    .reliability("PT1M", "2", "PT0.2S"));
            mhs.script(FakeMhs.Answer.soapFault("206"), FakeMhs.Answer.ack());
            byte[] hl7 = "<REPC_IN150016UK05 xmlns=\"urn:hl7-org:v3\">Zoë</REPC_IN150016UK05>"
                    .getBytes(StandardCharsets.UTF_8);

            String line = SendMessage.send(client, tls, store, "X99-123456", "200000000001", "Y55", INTERACTION, hl7);

            assertThat(line).startsWith("ACKNOWLEDGED (RELIABLE, 2 attempt(s)) message ");
            String messageId = line.substring(line.lastIndexOf(' ') + 1);
            assertThat(mhs.received()).hasSize(2).allSatisfy(r -> assertThat(r.problems()).isEmpty());
            assertThat(store.stored(messageId)).hasValueSatisfying(m -> assertThat(m.attempts()).isEqualTo(2));
        }
    }

    @Test
    void checkWesEnvironmentGivesTheVerdict() {
        Assessment scrOnIe11 = CheckWesEnvironment.check("Spine SCR", "Windows 10", "IE11 32-bit", "8u281");
        Assessment susOnSafari = CheckWesEnvironment.check("SUS", "Windows 10", "Safari", null);

        assertThat(scrOnIe11.verdict()).isNotEqualTo(Verdict.NOT_SUPPORTED);
        assertThat(susOnSafari.verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
    }
}
