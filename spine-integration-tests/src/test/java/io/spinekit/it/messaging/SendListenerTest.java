package io.spinekit.it.messaging;

import static io.spinekit.it.messaging.MessagingWorld.PAYLOAD;
import static org.assertj.core.api.Assertions.assertThat;

import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.env.SpineEnvironment;
import io.spinekit.ldap.SdsClient;
import io.spinekit.messaging.OutboundMessage;
import io.spinekit.messaging.SendEvent;
import io.spinekit.messaging.SendOutcome;
import io.spinekit.messaging.SpineMessaging;
import io.spinekit.messaging.Workflow;
import io.spinekit.testkit.EmbeddedSds;
import io.spinekit.testkit.EmbeddedSdsExtension;
import io.spinekit.testkit.FakeMhs;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The send listener against the fake MHS over real mutual TLS: every step, with workflow and interaction id. */
class SendListenerTest {
    @RegisterExtension
    static final EmbeddedSdsExtension SDS = EmbeddedSdsExtension.forEnvironment(SpineEnvironment.INTEGRATION);

    static FakeMhs mhs;
    final List<SendEvent> events = new CopyOnWriteArrayList<>();

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

    static List<String> summary(List<SendEvent> events) {
        return events.stream().map(e -> e.kind() + " " + e.workflow() + " " + e.interactionId() + " attempt "
                + e.attempt() + " posts " + e.posts() + e.outcome().map(o -> " " + o.outcome()).orElse("")).toList();
    }

    @Test
    void aRetriedReliableSendIsSentRetryingThenEndedAcknowledged(EmbeddedSds sds, SdsClient sdsClient) {
        MessagingWorld.addReliable(sds, mhs);
        mhs.script(FakeMhs.Answer.soapFault("206"), FakeMhs.Answer.ack());

        SendOutcome out;
        try (SpineMessaging messaging = MessagingWorld.client(sds).sendListener(events::add).build()) {
            out = messaging.send(MessagingWorld.route(sdsClient), OutboundMessage.of(PAYLOAD));
        }

        assertThat(out.outcome()).isEqualTo(SendOutcome.Outcome.ACKNOWLEDGED);
        String psis = MessagingWorld.PSIS;
        assertThat(summary(events)).containsExactly(
                "SENT RELIABLE " + psis + " attempt 1 posts 0",
                "RETRYING RELIABLE " + psis + " attempt 1 posts 1",
                "ENDED RELIABLE " + psis + " attempt 2 posts 2 ACKNOWLEDGED");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.messageId()).isEqualTo(out.messageId());
            assertThat(e.latency().isNegative()).isFalse();
        });
        assertThat(events.get(2).outcome()).contains(out);
    }

    @Test
    void transportRetriesAreRetryingEventsOfOneAttempt(EmbeddedSds sds, SdsClient sdsClient) {
        MessagingWorld.add(sds, mhs, null, null, null, "never", "never", "never", null);
        mhs.script(FakeMhs.Answer.drop(), FakeMhs.Answer.ack());

        try (SpineMessaging messaging = MessagingWorld.client(sds).sendListener(events::add).build()) {
            messaging.send(MessagingWorld.route(sdsClient), OutboundMessage.of(PAYLOAD));
        }

        String psis = MessagingWorld.PSIS;
        assertThat(summary(events)).containsExactly(
                "SENT EXPRESS " + psis + " attempt 1 posts 0",
                "RETRYING EXPRESS " + psis + " attempt 1 posts 1",
                "ENDED EXPRESS " + psis + " attempt 1 posts 2 ACKNOWLEDGED");
    }

    @Test
    void aSendWithNoRouteEndsWithoutBeingSent(EmbeddedSds sds, SdsClient sdsClient) {
        try (SpineMessaging messaging = MessagingWorld.client(sds).routeResolver(sdsClient::route)
                .sendListener(events::add).build()) {
            messaging.send(OdsCode.of("Z99"), InteractionId.of(MessagingWorld.PSIS), OutboundMessage.of(PAYLOAD));
        }

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(SendEvent.Kind.ENDED);
            assertThat(e.interactionId()).isEqualTo(MessagingWorld.PSIS);
            assertThat(e.attempt()).isZero();
            assertThat(e.outcome().orElseThrow().failure()).contains(SendOutcome.Failure.NO_ROUTE);
        });
        assertThat(mhs.received()).isEmpty();
    }

    @Test
    void aListenerThatThrowsNeverBreaksASend(EmbeddedSds sds, SdsClient sdsClient) {
        MessagingWorld.addReliable(sds, mhs);

        SendOutcome out;
        try (SpineMessaging messaging = MessagingWorld.client(sds).sendListener(e -> {
            events.add(e);
            throw new IllegalStateException("listener bug");
        }).build()) {
            out = messaging.send(MessagingWorld.route(sdsClient), OutboundMessage.of(PAYLOAD));
        }

        assertThat(out.outcome()).isEqualTo(SendOutcome.Outcome.ACKNOWLEDGED);
        assertThat(out.workflow()).isEqualTo(Workflow.RELIABLE);
        assertThat(events).extracting(SendEvent::kind).containsExactly(SendEvent.Kind.SENT, SendEvent.Kind.ENDED);
        assertThat(mhs.received()).hasSize(1);
    }
}
