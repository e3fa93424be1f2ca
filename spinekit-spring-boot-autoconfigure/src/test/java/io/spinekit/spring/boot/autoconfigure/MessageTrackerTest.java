package io.spinekit.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.spinekit.messaging.SendEvent;
import io.spinekit.messaging.SendOutcome;
import io.spinekit.messaging.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The tracker turns send events into message events (with the interaction) and counts pending, failed and ended. */
class MessageTrackerTest {
    private static final String PSIS = "urn:nhs:names:services:psis:REPC_IN150016UK05";

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final SpinekitEvents events = new SpinekitEvents();
    private final MessageTracker tracker = new MessageTracker(events);

    MessageTrackerTest() {
        events.addListener(new SpinekitEvents.Listener() {
            @Override
            public void message(String outcome, String workflow, String interaction, Duration elapsed) {
                seen.add(outcome + " " + workflow + " " + interaction + (elapsed == null ? "" : " " + elapsed));
            }
        });
    }

    private static SendEvent event(SendEvent.Kind kind, String id, Workflow w, SendOutcome.Outcome outcome) {
        return new SendEvent(kind, id, w, PSIS, 1, 1, Duration.ofSeconds(3), Optional.ofNullable(outcome).map(o ->
                new SendOutcome(id, "C-" + id, w, o, 1, Optional.empty(), List.of(), List.of(),
                        o == SendOutcome.Outcome.FAILED ? Optional.of(SendOutcome.Failure.TIMEOUT) : Optional.empty(),
                        o == SendOutcome.Outcome.FAILED ? "timed out" : "")));
    }

    @Test
    void aReliableSendRetriedTwiceThenAcknowledged() {
        tracker.onEvent(event(SendEvent.Kind.SENT, "A", Workflow.RELIABLE, null));
        tracker.onEvent(event(SendEvent.Kind.RETRYING, "A", Workflow.RELIABLE, null));
        assertThat(tracker.pending()).isEqualTo(1);
        tracker.onEvent(event(SendEvent.Kind.RETRYING, "A", Workflow.RELIABLE, null));
        tracker.onEvent(event(SendEvent.Kind.ENDED, "A", Workflow.RELIABLE, SendOutcome.Outcome.ACKNOWLEDGED));

        assertThat(seen).containsExactly("sent reliable " + PSIS, "retried reliable " + PSIS,
                "retried reliable " + PSIS, "acknowledged reliable " + PSIS + " PT3S");
        assertThat(tracker.pending()).isZero();
        assertThat(tracker.ended()).isEqualTo(1);
        assertThat(tracker.failed()).isZero();
    }

    @Test
    void eachEndingHasItsOutcomeAndFailuresAreCounted() {
        for (SendOutcome.Outcome o : SendOutcome.Outcome.values()) {
            tracker.onEvent(event(SendEvent.Kind.ENDED, o.name(), Workflow.EXPRESS, o));
        }
        assertThat(seen).containsExactly("acknowledged express " + PSIS + " PT3S",
                "message_error express " + PSIS + " PT3S", "soap_fault express " + PSIS + " PT3S",
                "response express " + PSIS + " PT3S", "failed express " + PSIS + " PT3S");
        assertThat(tracker.failed()).isEqualTo(1);
        assertThat(tracker.ended()).isEqualTo(5);
        assertThat(tracker.pending()).isZero();
    }
}
