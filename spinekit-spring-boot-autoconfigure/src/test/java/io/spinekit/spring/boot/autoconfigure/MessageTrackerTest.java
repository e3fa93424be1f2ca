package io.spinekit.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.spinekit.messaging.InMemoryMessageStore;
import io.spinekit.messaging.MessageStore;
import io.spinekit.messaging.Workflow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The tracker reads each record's state changes as sends, retries and outcomes, and counts pending and failed. */
class MessageTrackerTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final SpinekitEvents events = new SpinekitEvents();
    private final MessageTracker tracker = new MessageTracker(new InMemoryMessageStore(), events,
            Clock.fixed(T0.plusSeconds(3), ZoneOffset.UTC));

    MessageTrackerTest() {
        events.addListener(new SpinekitEvents.Listener() {
            @Override
            public void message(String outcome, String workflow, String interaction, Duration elapsed) {
                seen.add(outcome + " " + workflow + " " + interaction + (elapsed == null ? "" : " " + elapsed));
            }
        });
    }

    private static MessageStore.Outbound record(String id, Workflow w) {
        return new MessageStore.Outbound(id, "C-" + id, w, T0, 0, MessageStore.Status.PENDING);
    }

    @Test
    void aReliableSendRetriedTwiceThenAcknowledgedAsynchronously() {
        MessageStore s = tracker.store();
        MessageStore.Outbound r = record("A", Workflow.RELIABLE);
        s.save(r);
        s.save(r.with(1, MessageStore.Status.PENDING));
        assertThat(tracker.pending()).isEqualTo(1);
        s.save(r.with(3, MessageStore.Status.PENDING));
        s.save(r.with(3, MessageStore.Status.ACKNOWLEDGED));
        s.save(r.with(3, MessageStore.Status.ACKNOWLEDGED)); // the inbound acknowledgement of an already ended send
        assertThat(seen).containsExactly("sent reliable unknown", "retried reliable unknown", "retried reliable unknown",
                "acknowledged reliable unknown PT3S");
        assertThat(tracker.pending()).isZero();
        assertThat(tracker.ended()).isEqualTo(1);
        assertThat(s.outbound("A").orElseThrow().status()).as("the delegate keeps the record")
                .isEqualTo(MessageStore.Status.ACKNOWLEDGED);
    }

    @Test
    void eachEndingHasItsOutcomeAndFailuresAreCounted() {
        MessageStore s = tracker.store();
        String[][] cases = {{"N", "NACKED"}, {"F", "FAULTED"}, {"X", "FAILED"}, {"S", "RESPONDED"}};
        for (String[] c : cases) {
            MessageStore.Outbound r = record(c[0], Workflow.EXPRESS);
            s.save(r);
            s.save(r.with(1, MessageStore.Status.valueOf(c[1])));
        }
        assertThat(seen).filteredOn(x -> !x.startsWith("sent")).containsExactly("message_error express unknown PT3S",
                "soap_fault express unknown PT3S", "failed express unknown PT3S", "response express unknown PT3S");
        assertThat(tracker.failed()).isEqualTo(1);
        assertThat(tracker.ended()).isEqualTo(4);
    }

    @Test
    void anEndingNeverSeenStartingIsNotCounted() {
        tracker.store().save(record("Z", Workflow.RELIABLE).with(1, MessageStore.Status.ACKNOWLEDGED));
        assertThat(seen).isEmpty();
        assertThat(tracker.ended()).isZero();
    }
}
