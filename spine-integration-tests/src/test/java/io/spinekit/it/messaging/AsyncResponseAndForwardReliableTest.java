package io.spinekit.it.messaging;

import static io.spinekit.it.messaging.MessagingWorld.PAYLOAD;
import static io.spinekit.testkit.EmbeddedSds.accreditedSystem;
import static io.spinekit.testkit.EmbeddedSds.mhs;
import static org.assertj.core.api.Assertions.assertThat;

import io.spinekit.env.InteractionId;
import io.spinekit.env.SpineEnvironment;
import io.spinekit.ldap.SdsClient;
import io.spinekit.messaging.EbxmlMessage;
import io.spinekit.messaging.InMemoryMessageStore;
import io.spinekit.messaging.InboundHandler;
import io.spinekit.messaging.InboundMessage;
import io.spinekit.messaging.InboundServer;
import io.spinekit.messaging.MessageStore;
import io.spinekit.messaging.OutboundMessage;
import io.spinekit.messaging.SendOutcome;
import io.spinekit.messaging.SpineMessaging;
import io.spinekit.messaging.Workflow;
import io.spinekit.testkit.EmbeddedSds;
import io.spinekit.testkit.EmbeddedSdsExtension;
import io.spinekit.testkit.FakeMhs;
import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.tls.SpineTlsContext;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A reliable send answered asynchronously on the sender's inbound server, and forward reliable via Spine. */
class AsyncResponseAndForwardReliableTest {
    @RegisterExtension
    static final EmbeddedSdsExtension SDS = EmbeddedSdsExtension.forEnvironment(SpineEnvironment.INTEGRATION);

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

    @Test
    void theAsynchronousResponseReachesTheInboundServerCorrelatedWithTheSend(EmbeddedSds sds, SdsClient sdsClient)
            throws Exception {
        MessagingWorld.addReliable(sds, mhs);
        IssuedCertificate serverCert = sds.pki().certificate("localhost").serverAuth().issue();
        SpineTlsContext inboundTls = SpineTlsContext.builder().trustCertificates(List.of(sds.pki().root().certificate()))
                .clientIdentity(serverCert.privateKey(), serverCert.chain()).build();
        MessageStore store = new InMemoryMessageStore();
        InboundHandler handler = InboundHandler.builder().partyKey(MessagingWorld.US).store(store).build();
        byte[] response = "<MCCI_IN010000UK13 xmlns=\"urn:hl7-org:v3\">Größe</MCCI_IN010000UK13>"
                .getBytes(StandardCharsets.UTF_8);
        String messageId = "0A1B2C3D-0000-4000-8000-00000000ABCD";

        try (InboundServer inbound = InboundServer.builder().tls(inboundTls).handler(handler)
                .address(InetAddress.getLoopbackAddress()).port(0).build().start();
             SpineMessaging messaging = MessagingWorld.client(sds).store(store).build()) {
            mhs.script(FakeMhs.Answer.ackThenRespond(URI.create("https://localhost:" + inbound.port() + "/"),
                    "MCCI_IN010000UK13", response));
            CompletableFuture<InboundMessage> reply = handler.expectReply(messageId);

            SendOutcome out = messaging.send(MessagingWorld.route(sdsClient),
                    OutboundMessage.of(PAYLOAD).withMessageId(messageId).withConversationId("CONV-ASYNC"));
            InboundMessage in = reply.get(10, TimeUnit.SECONDS);

            assertThat(out.outcome()).isEqualTo(SendOutcome.Outcome.ACKNOWLEDGED);
            assertThat(in.message().header().refToMessageId()).contains(messageId);
            assertThat(in.conversationId()).isEqualTo("CONV-ASYNC");
            assertThat(in.correlated()).get().extracting(MessageStore.Outbound::messageId).isEqualTo(messageId);
            assertThat(in.message().payload().orElseThrow().body()).isEqualTo(response);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (mhs.responseStatuses().isEmpty() && System.nanoTime() < until) {
                Thread.sleep(10); // the handler completes the future before the HTTP answer is written
            }
        }
        assertThat(mhs.responseStatuses()).as("the inbound server acknowledged the response").containsExactly(200);
    }

    @Test
    void aForwardReliableInteractionGoesThroughSpinesIntermediaryWithItsFlags(EmbeddedSds sds, SdsClient sdsClient) {
        String gp2gp = "urn:nhs:names:services:gp2gp:RCMR_IN030000UK06";
        sds.addMhs(mhs("X26", gp2gp).uniqueIdentifier("S918999198739").partyKey("X26-823848")
                .endpoint(mhs.endpoint("/reliablemessaging/reliablerequest").toString()).fqdn("localhost")
                .cpaId("S20001A000183").names("urn:nhs:names:services:gp2gp", "RCMR_IN030000UK06")
                .reliability("PT5M", "2", "PT0.1S")
                .messaging("always", "always", "MSHSignalsOnly", "urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH"));
        sds.addAccreditedSystem(accreditedSystem("918999198738", "X26").partyKey("X26-823848").interactions(gp2gp));
        sds.addMhs(mhs("YES", SdsClient.RELIABLE_INTERMEDIARY).partyKey("YES-0000806")
                .endpoint(mhs.endpoint("/reliablemessaging/intermediary").toString()).fqdn("localhost")
                .reliability("PT10M", "1", "PT0.1S")
                .messaging("always", "always", "never", "urn:oasis:names:tc:ebxml-msg:actor:nextMSH"));
        mhs.script(FakeMhs.Answer.soapFault("206"), FakeMhs.Answer.soapFault("206"));

        try (SpineMessaging messaging = MessagingWorld.client(sds).routeResolver(sdsClient::route).build()) {
            SendOutcome out = messaging.send(MessagingWorld.X26, InteractionId.of(gp2gp), OutboundMessage.of(PAYLOAD));

            assertThat(out.workflow()).isEqualTo(Workflow.FORWARD_RELIABLE);
            assertThat(out.outcome()).isEqualTo(SendOutcome.Outcome.SOAP_FAULT);
            assertThat(out.attempts()).as("the intermediary's nhsMhsRetries 1, plus the first").isEqualTo(2);
        }
        assertThat(mhs.received()).hasSize(2).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/reliablemessaging/intermediary");
            assertThat(r.problems()).isEmpty();
            EbxmlMessage m = r.message().orElseThrow();
            assertThat(m.header().toPartyKey()).isEqualTo("X26-823848");
            assertThat(m.header().cpaId()).isEqualTo("S20001A000183");
            assertThat(m.header().service()).isEqualTo("urn:nhs:names:services:gp2gp");
            assertThat(m.ackRequestedActor()).contains("urn:oasis:names:tc:ebxml-msg:actor:nextMSH");
            assertThat(m.syncReply()).as("nhsMhsSyncReplyMode never").isFalse();
            assertThat(m.header().duplicateElimination()).isTrue();
        });
    }
}
