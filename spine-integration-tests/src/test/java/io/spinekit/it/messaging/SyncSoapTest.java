package io.spinekit.it.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spinekit.env.Asid;
import io.spinekit.env.SpineEnvironment;
import io.spinekit.ldap.Route;
import io.spinekit.ldap.SdsClient;
import io.spinekit.messaging.MessagingException;
import io.spinekit.messaging.SendOutcome;
import io.spinekit.messaging.SpineMessaging;
import io.spinekit.messaging.Workflow;
import io.spinekit.testkit.EmbeddedSds;
import io.spinekit.testkit.EmbeddedSdsExtension;
import io.spinekit.testkit.FakeMhs;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Synchronous SOAP (MESSAGING.md section 5) against the fake MHS over real mutual TLS. */
class SyncSoapTest {
    @RegisterExtension
    static final EmbeddedSdsExtension SDS = EmbeddedSdsExtension.forEnvironment(SpineEnvironment.INTEGRATION);
    static final byte[] QUERY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><QUPA_IN000006UK02 xmlns=\"urn:hl7-org:v3\"/>"
            .getBytes(StandardCharsets.UTF_8);

    static FakeMhs mhs;

    @BeforeAll
    static void startMhs() {
        mhs = FakeMhs.start(SDS.sds().pki());
    }

    @AfterAll
    static void stopMhs() {
        mhs.close();
    }

    @AfterEach
    void resetMhs() {
        mhs.reset();
    }

    private static SpineMessaging client(EmbeddedSds sds) {
        return MessagingWorld.client(sds).fromAsid(Asid.of("200000000001")).build();
    }

    @Test
    void aSynchronousRequestCarriesBothAsidsAndReturnsTheResponseBody(EmbeddedSds sds, SdsClient sdsClient) {
        MessagingWorld.addReliable(sds, mhs);
        Route route = MessagingWorld.route(sdsClient);
        String content = "<hl7:retrievalQueryResponse><QUPA_IN000007UK01>Zoë</QUPA_IN000007UK01>"
                + "</hl7:retrievalQueryResponse>";
        mhs.script(FakeMhs.Answer.syncResponse(content));

        try (SpineMessaging messaging = client(sds)) {
            SendOutcome out = messaging.sendSync(route, QUERY);

            assertThat(out.workflow()).isEqualTo(Workflow.SYNC);
            assertThat(out.outcome()).isEqualTo(SendOutcome.Outcome.RESPONSE);
            assertThat(out.attempts()).isEqualTo(1);
            assertThat(new String(out.responseBody().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo(content);
        }
        FakeMhs.Received r = mhs.received().get(0);
        assertThat(r.problems()).isEmpty();
        assertThat(r.headers()).containsEntry("SOAPAction", "urn:nhs:names:services:psis/REPC_IN150016UK05")
                .containsEntry("Content-Type", "text/xml; charset=UTF-8");
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(body).contains("<hl7:communicationFunctionRcv><hl7:device><hl7:id root=\"1.2.826.0.1285.0.2.0.107\" "
                + "extension=\"918999198738\"/>").contains("<hl7:communicationFunctionSnd><hl7:device><hl7:id "
                + "root=\"1.2.826.0.1285.0.2.0.107\" extension=\"200000000001\"/>")
                .contains("<SOAP-ENV:Body><QUPA_IN000006UK02 xmlns=\"urn:hl7-org:v3\"/></SOAP-ENV:Body>")
                .doesNotContain("<?xml");
    }

    @Test
    void aFaultIsASoapFaultAndIsNotRetried(EmbeddedSds sds, SdsClient sdsClient) {
        MessagingWorld.addReliable(sds, mhs);
        mhs.script(FakeMhs.Answer.soapFault("206"));

        try (SpineMessaging messaging = client(sds)) {
            SendOutcome out = messaging.sendSync(MessagingWorld.route(sdsClient), QUERY);

            assertThat(out.outcome()).isEqualTo(SendOutcome.Outcome.SOAP_FAULT);
            assertThat(out.attempts()).isEqualTo(1);
        }
        assertThat(mhs.received()).hasSize(1);
    }

    @Test
    void aResponseRelatingToAnotherRequestIsRefused(EmbeddedSds sds, SdsClient sdsClient) {
        MessagingWorld.addReliable(sds, mhs);
        mhs.script(FakeMhs.Answer.status(200, "text/xml", "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org"
                + "/soap/envelope/\" xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\"><SOAP-ENV:Header>"
                + "<wsa:RelatesTo>uuid:00000000-0000-4000-8000-000000000000</wsa:RelatesTo></SOAP-ENV:Header>"
                + "<SOAP-ENV:Body><x/></SOAP-ENV:Body></SOAP-ENV:Envelope>"));

        try (SpineMessaging messaging = client(sds)) {
            SendOutcome out = messaging.sendSync(MessagingWorld.route(sdsClient), QUERY);

            assertThat(out.failure()).contains(SendOutcome.Failure.INVALID_RESPONSE);
            assertThat(out.failureDetail()).contains("wsa:RelatesTo is \"uuid:00000000-0000-4000-8000-000000000000\": "
                    + "expected uuid:" + out.messageId());
        }
    }

    @Test
    void aSynchronousRequestNeedsTheSendersAsid(EmbeddedSds sds, SdsClient sdsClient) {
        MessagingWorld.addReliable(sds, mhs);
        try (SpineMessaging messaging = MessagingWorld.client(sds).build()) {
            MessagingException e = assertThrows(MessagingException.class,
                    () -> messaging.sendSync(MessagingWorld.route(sdsClient), QUERY));
            assertThat(e.getMessage()).startsWith("no ASID: set SpineMessaging.builder().fromAsid(Asid)");
        }
    }
}
