package io.spinekit.it.messaging;

import static io.spinekit.it.messaging.MessagingWorld.PAYLOAD;
import static org.assertj.core.api.Assertions.assertThat;

import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.env.SpineEnvironment;
import io.spinekit.ldap.Route;
import io.spinekit.ldap.SdsClient;
import io.spinekit.messaging.EbxmlError;
import io.spinekit.messaging.EbxmlMessage;
import io.spinekit.messaging.MessageStore;
import io.spinekit.messaging.OutboundMessage;
import io.spinekit.messaging.SendOutcome;
import io.spinekit.messaging.SpineMessaging;
import io.spinekit.messaging.SpineReply;
import io.spinekit.messaging.Workflow;
import io.spinekit.testkit.EmbeddedSds;
import io.spinekit.testkit.EmbeddedSdsExtension;
import io.spinekit.testkit.FakeMhs;
import io.spinekit.testpki.TestPki;
import io.spinekit.tls.SpineTlsContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every workflow and fault against the fake MHS over real mutual TLS, routes from the embedded SDS. */
class SpineMessagingSendTest {
    @RegisterExtension
    static final EmbeddedSdsExtension SDS = EmbeddedSdsExtension.forEnvironment(SpineEnvironment.INTEGRATION);

    static FakeMhs mhs;

    @BeforeAll
    static void startMhs() {
        mhs = FakeMhs.start(SDS.sds().pki()).expect("X26-823848", "S20001A000182");
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
    void reliableSendIsAcknowledgedWithEveryFlagFromSds(EmbeddedSds sds, SdsClient sdsClient) {
        MessagingWorld.addReliable(sds, mhs);
        Route route = MessagingWorld.route(sdsClient);

        try (SpineMessaging messaging = MessagingWorld.client(sds).build()) {
            SendOutcome out = messaging.send(route, OutboundMessage.of(PAYLOAD).withConversationId("CONV-1"));

            assertThat(out.outcome()).isEqualTo(SendOutcome.Outcome.ACKNOWLEDGED);
            assertThat(out.workflow()).isEqualTo(Workflow.RELIABLE);
            assertThat(out.attempts()).isEqualTo(1);
            assertThat(out.conversationId()).isEqualTo("CONV-1");
            assertThat(out.reply()).get().isInstanceOfSatisfying(SpineReply.Acknowledged.class,
                    a -> assertThat(a.refToMessageId()).contains(out.messageId()));
            assertThat(messaging.store().outbound(out.messageId())).get()
                    .extracting(MessageStore.Outbound::status).isEqualTo(MessageStore.Status.ACKNOWLEDGED);
        }
        assertThat(mhs.received()).hasSize(1);
        FakeMhs.Received r = mhs.received().get(0);
        assertThat(r.problems()).isEmpty();
        assertThat(r.path()).isEqualTo("/reliablemessaging/reliablerequest");
        assertThat(r.headers()).containsEntry("SOAPAction", "urn:nhs:names:services:psis/REPC_IN150016UK05");
        EbxmlMessage m = r.message().orElseThrow();
        assertThat(m.header().fromPartyKey()).isEqualTo("X99-123456");
        assertThat(m.header().toPartyKey()).isEqualTo("X26-823848");
        assertThat(m.header().cpaId()).isEqualTo("S20001A000182");
        assertThat(m.header().duplicateElimination()).isTrue();
        assertThat(m.ackRequestedActor()).contains("urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH");
        assertThat(m.syncReply()).isTrue();
        assertThat(m.payload().orElseThrow().body()).as("multibyte payload byte-identical").isEqualTo(PAYLOAD);
    }

    @Test
    void expressSendCarriesNoReliabilityElementsAndIsNeverRetried(EmbeddedSds sds, SdsClient sdsClient) {
        MessagingWorld.add(sds, mhs, null, null, null, "never", "never", "never", null);
        mhs.script(FakeMhs.Answer.soapFault("206"));

        try (SpineMessaging messaging = MessagingWorld.client(sds).build()) {
            SendOutcome out = messaging.send(MessagingWorld.route(sdsClient), OutboundMessage.of(PAYLOAD));

            assertThat(out.workflow()).isEqualTo(Workflow.EXPRESS);
            assertThat(out.outcome()).isEqualTo(SendOutcome.Outcome.SOAP_FAULT);
            assertThat(out.attempts()).isEqualTo(1);
        }
        EbxmlMessage m = mhs.received().get(0).message().orElseThrow();
        assertThat(m.ackRequested()).isFalse();
        assertThat(m.header().duplicateElimination()).isFalse();
        assertThat(m.syncReply()).isFalse();
        assertThat(mhs.received()).hasSize(1);
    }

    @Test
    void retriableFaultsAreRetriedExactlyNhsMhsRetriesTimesWithTheSameMessageId(EmbeddedSds sds,
            SdsClient sdsClient) {
        MessagingWorld.addReliable(sds, mhs);
        mhs.script(FakeMhs.Answer.soapFault("206"), FakeMhs.Answer.soapFault("200", "208"),
                FakeMhs.Answer.soapFault("206"), FakeMhs.Answer.ack());

        try (SpineMessaging messaging = MessagingWorld.client(sds).build()) {
            SendOutcome out = messaging.send(MessagingWorld.route(sdsClient), OutboundMessage.of(PAYLOAD));

            assertThat(out.outcome()).isEqualTo(SendOutcome.Outcome.SOAP_FAULT);
            assertThat(out.attempts()).isEqualTo(3);
            assertThat(out.faultErrors()).extracting(e -> e.errorCode()).containsExactly("206");
            assertThat(mhs.received()).hasSize(3).allSatisfy(r -> assertThat(r.messageId()).contains(out.messageId()));
        }
    }

    @Test
    void aRetryThatIsAcknowledgedEndsAcknowledged(EmbeddedSds sds, SdsClient sdsClient) {
        MessagingWorld.addReliable(sds, mhs);
        mhs.script(FakeMhs.Answer.soapFault("206"), FakeMhs.Answer.ack());

        try (SpineMessaging messaging = MessagingWorld.client(sds).build()) {
            SendOutcome out = messaging.send(MessagingWorld.route(sdsClient), OutboundMessage.of(PAYLOAD));

            assertThat(out.outcome()).isEqualTo(SendOutcome.Outcome.ACKNOWLEDGED);
            assertThat(out.attempts()).isEqualTo(2);
        }
        assertThat(mhs.received()).hasSize(2);
    }

    @Test
    void nonRetriableMixedAndEmptyFaultsAreNotRetried(EmbeddedSds sds, SdsClient sdsClient) {
        MessagingWorld.addReliable(sds, mhs);
        Route route = MessagingWorld.route(sdsClient);
        try (SpineMessaging messaging = MessagingWorld.client(sds).build()) {
            for (String[] codes : List.of(new String[] {"201"}, new String[] {"206", "201"}, new String[0])) {
                mhs.reset();
                mhs.script(FakeMhs.Answer.soapFault(codes));

                SendOutcome out = messaging.send(route, OutboundMessage.of(PAYLOAD));

                assertThat(out.outcome()).as(String.join(",", codes)).isEqualTo(SendOutcome.Outcome.SOAP_FAULT);
                assertThat(out.attempts()).as(String.join(",", codes)).isEqualTo(1);
                assertThat(mhs.received()).hasSize(1);
            }
        }
    }

    @Test
    void anEbxmlErrorIsAMessageErrorAndNeverRetried(EmbeddedSds sds, SdsClient sdsClient) {
        MessagingWorld.addReliable(sds, mhs);
        mhs.script(FakeMhs.Answer.nack(EbxmlError.of("ValueNotRecognized", "501319:Unknown eb:CPAId")));

        try (SpineMessaging messaging = MessagingWorld.client(sds).build()) {
            SendOutcome out = messaging.send(MessagingWorld.route(sdsClient), OutboundMessage.of(PAYLOAD));

            assertThat(out.outcome()).isEqualTo(SendOutcome.Outcome.MESSAGE_ERROR);
            assertThat(out.attempts()).isEqualTo(1);
            assertThat(out.ebxmlErrors()).containsExactly(EbxmlError.of("ValueNotRecognized",
                    "501319:Unknown eb:CPAId"));
            assertThat(messaging.store().outbound(out.messageId())).get()
                    .extracting(MessageStore.Outbound::status).isEqualTo(MessageStore.Status.NACKED);
        }
        assertThat(mhs.received()).hasSize(1);
    }

    @Test
    void droppedConnectionsAreRetriedByTheTransportThenFail(EmbeddedSds sds, SdsClient sdsClient) {
        MessagingWorld.addReliable(sds, mhs);
        Route route = MessagingWorld.route(sdsClient);
        try (SpineMessaging messaging = MessagingWorld.client(sds).build()) {
            mhs.script(FakeMhs.Answer.drop(), FakeMhs.Answer.drop(), FakeMhs.Answer.ack());
            SendOutcome recovered = messaging.send(route, OutboundMessage.of(PAYLOAD));
            assertThat(recovered.outcome()).isEqualTo(SendOutcome.Outcome.ACKNOWLEDGED);
            assertThat(recovered.attempts()).isEqualTo(3);
            assertThat(mhs.received()).hasSize(3).allSatisfy(r -> assertThat(r.messageId())
                    .contains(recovered.messageId()));

            mhs.reset();
            mhs.script(FakeMhs.Answer.drop(), FakeMhs.Answer.drop(), FakeMhs.Answer.drop(), FakeMhs.Answer.drop());
            SendOutcome failed = messaging.send(route, OutboundMessage.of(PAYLOAD));
            assertThat(failed.outcome()).isEqualTo(SendOutcome.Outcome.FAILED);
            assertThat(failed.failure()).contains(SendOutcome.Failure.CONNECTION_FAILED);
            assertThat(failed.attempts()).isEqualTo(4);
            assertThat(failed.failureDetail()).contains("localhost:" + mhs.port()).endsWith("(after 4 tries)");
            assertThat(mhs.received()).hasSize(4);
        }
    }

    @Test
    void aTlsFailureIsNeverRetried(EmbeddedSds sds, SdsClient sdsClient) {
        MessagingWorld.addReliable(sds, mhs);
        TestPki other = TestPki.create("Other");
        SpineTlsContext wrongTrust = SpineTlsContext.builder().trustCertificates(List.of(other.root().certificate()))
                .clientIdentity(sds.clientCertificate().privateKey(), sds.clientCertificate().chain()).build();

        try (SpineMessaging messaging = MessagingWorld.client(sds).tls(wrongTrust).build()) {
            SendOutcome out = messaging.send(MessagingWorld.route(sdsClient), OutboundMessage.of(PAYLOAD));

            assertThat(out.outcome()).isEqualTo(SendOutcome.Outcome.FAILED);
            assertThat(out.failure()).contains(SendOutcome.Failure.TLS_FAILED);
            assertThat(out.attempts()).isEqualTo(1);
            assertThat(out.failureDetail()).startsWith("TLS with localhost:" + mhs.port() + " failed");
        }
        assertThat(mhs.received()).isEmpty();
    }

    @Test
    void aSlowAnswerIsATimeoutAndNotRetried(EmbeddedSds sds, SdsClient sdsClient) {
        MessagingWorld.addReliable(sds, mhs);
        mhs.script(FakeMhs.Answer.delay(Duration.ofSeconds(3), FakeMhs.Answer.ack()));

        try (SpineMessaging messaging = MessagingWorld.client(sds).responseTimeout(Duration.ofMillis(300)).build()) {
            SendOutcome out = messaging.send(MessagingWorld.route(sdsClient), OutboundMessage.of(PAYLOAD));

            assertThat(out.failure()).contains(SendOutcome.Failure.TIMEOUT);
            assertThat(out.attempts()).isEqualTo(1);
        }
        assertThat(mhs.received()).hasSize(1);
    }

    @Test
    void anUnexpectedAnswerFails(EmbeddedSds sds, SdsClient sdsClient) {
        MessagingWorld.addReliable(sds, mhs);
        mhs.script(FakeMhs.Answer.status(503, "text/html", "<html>down</html>"));

        try (SpineMessaging messaging = MessagingWorld.client(sds).build()) {
            SendOutcome out = messaging.send(MessagingWorld.route(sdsClient), OutboundMessage.of(PAYLOAD));

            assertThat(out.failure()).contains(SendOutcome.Failure.UNEXPECTED_RESPONSE);
            assertThat(out.failureDetail()).isEqualTo("localhost:" + mhs.port() + " answered HTTP 503 with a body of "
                    + "17 bytes of type \"text/html\", starting \"<html>down</html>\": expected an ebXML "
                    + "acknowledgement, error list or SOAP fault");
        }
    }

    @Test
    void retriesStopAtThePersistDurationAndDoNotBlockTheCaller(EmbeddedSds sds, SdsClient sdsClient) {
        MessagingWorld.add(sds, mhs, "PT0.5S", "5", "PT0.3S", "always", "always", "MSHSignalsOnly", null);
        mhs.script(FakeMhs.Answer.soapFault("206"), FakeMhs.Answer.soapFault("206"), FakeMhs.Answer.soapFault("206"));

        try (SpineMessaging messaging = MessagingWorld.client(sds).build()) {
            long start = System.nanoTime();
            CompletableFuture<SendOutcome> future = messaging.sendAsync(MessagingWorld.route(sdsClient),
                    OutboundMessage.of(PAYLOAD));
            long returnedMs = (System.nanoTime() - start) / 1_000_000;
            SendOutcome out = future.join();

            assertThat(returnedMs).as("sendAsync returns before the first post").isLessThan(250);
            assertThat(out.outcome()).isEqualTo(SendOutcome.Outcome.SOAP_FAULT);
            assertThat(out.attempts()).as("t=0 and t=0.3 s; a third at 0.6 s would pass the 0.5 s persist duration")
                    .isEqualTo(2);
        }
        assertThat(mhs.received()).hasSize(2);
    }

    @Test
    void sendByOdsCodeResolvesTheRouteThroughTheResolver(EmbeddedSds sds, SdsClient sdsClient) {
        MessagingWorld.addReliable(sds, mhs);

        try (SpineMessaging messaging = MessagingWorld.client(sds).routeResolver(sdsClient::route).build()) {
            SendOutcome out = messaging.send(MessagingWorld.X26, InteractionId.of(MessagingWorld.PSIS),
                    OutboundMessage.of(PAYLOAD));
            SendOutcome none = messaging.send(OdsCode.of("Z99"), InteractionId.of(MessagingWorld.PSIS),
                    OutboundMessage.of(PAYLOAD));

            assertThat(out.outcome()).isEqualTo(SendOutcome.Outcome.ACKNOWLEDGED);
            assertThat(none.failure()).contains(SendOutcome.Failure.NO_ROUTE);
            assertThat(none.attempts()).isZero();
            assertThat(none.failureDetail()).contains("Z99");
        }
        assertThat(mhs.received()).hasSize(1);
        assertThat(Optional.of(mhs.received().get(0).problems())).contains(List.of());
    }
}
