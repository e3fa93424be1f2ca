package io.spinekit.spring.boot.autoconfigure;

import io.spinekit.messaging.SendEvent;
import io.spinekit.messaging.SendListener;
import io.spinekit.messaging.SendOutcome;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The auto-configured {@code SpineMessaging}'s {@link SendListener}: turns each send event into a
 * {@link SpinekitEvents} message event (outcome {@code sent}, {@code retried}, or the ending
 * outcome with its latency; the workflow and the route's interaction id) and counts the messages
 * pending, failed and ended for the {@code spinekitMessageStore} health.
 */
public final class MessageTracker implements SendListener {
    /** The most pending messages tracked; beyond it new sends are counted but not held as pending. */
    static final int MAX_TRACKED = 100_000;

    private final SpinekitEvents events;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final LongAdder failed = new LongAdder();
    private final LongAdder ended = new LongAdder();

    /**
     * A tracker.
     *
     * @param events where message events go
     */
    public MessageTracker(SpinekitEvents events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public void onEvent(SendEvent e) {
        String workflow = e.workflow().name().toLowerCase(Locale.ROOT);
        switch (e.kind()) {
            case SENT -> {
                if (pending.size() < MAX_TRACKED) {
                    pending.add(e.messageId());
                }
                events.message("sent", workflow, e.interactionId(), null);
            }
            case RETRYING -> events.message("retried", workflow, e.interactionId(), null);
            case ENDED -> {
                SendOutcome out = e.outcome().orElseThrow();
                pending.remove(e.messageId());
                ended.increment();
                if (out.outcome() == SendOutcome.Outcome.FAILED) {
                    failed.increment();
                }
                events.message(outcome(out.outcome()), workflow, e.interactionId(), e.latency());
            }
        }
    }

    /**
     * Messages sent by this process and not yet ended (waiting for an answer or a retry).
     *
     * @return the count
     */
    public long pending() {
        return pending.size();
    }

    /**
     * Messages that ended {@code FAILED} since start.
     *
     * @return the count
     */
    public long failed() {
        return failed.sum();
    }

    /**
     * Messages that ended in any way since start.
     *
     * @return the count
     */
    public long ended() {
        return ended.sum();
    }

    private static String outcome(SendOutcome.Outcome outcome) {
        return switch (outcome) {
            case ACKNOWLEDGED -> "acknowledged";
            case RESPONSE -> "response";
            case MESSAGE_ERROR -> "message_error";
            case SOAP_FAULT -> "soap_fault";
            case FAILED -> "failed";
        };
    }
}
