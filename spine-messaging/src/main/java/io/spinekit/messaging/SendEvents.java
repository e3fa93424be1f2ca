package io.spinekit.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells the {@link SendListener} what a send did; a listener that throws is logged, never propagated. */
final class SendEvents {
    private static final Logger LOG = LoggerFactory.getLogger(SendListener.class);
    private final SendListener listener;
    private final Clock clock;

    SendEvents(SendListener listener, Clock clock) {
        this.listener = listener;
        this.clock = clock;
    }

    /** The interaction id a {@code SOAPAction} of {@code service/interaction} names, or {@code ""}. */
    static String interactionOf(java.util.Map<String, String> headers) {
        String action = headers.getOrDefault("SOAPAction", "");
        if (action.length() > 1 && action.startsWith("\"") && action.endsWith("\"")) {
            action = action.substring(1, action.length() - 1);
        }
        int slash = action.lastIndexOf('/');
        return slash <= 0 ? action : action.substring(0, slash) + ":" + action.substring(slash + 1);
    }

    void sent(SendTask task, int attempt) {
        emit(new SendEvent(SendEvent.Kind.SENT, task.messageId, task.workflow, task.interactionId, attempt, task.posts,
                since(task.record.created()), Optional.empty()));
    }

    void retrying(SendTask task, int attempt, Duration post) {
        emit(new SendEvent(SendEvent.Kind.RETRYING, task.messageId, task.workflow, task.interactionId, attempt,
                task.posts, post, Optional.empty()));
    }

    void ended(String interactionId, int attempt, Instant started, SendOutcome out) {
        emit(new SendEvent(SendEvent.Kind.ENDED, out.messageId(), out.workflow(), interactionId, attempt,
                out.attempts(), started == null ? Duration.ZERO : since(started), Optional.of(out)));
    }

    private Duration since(Instant start) {
        Duration d = Duration.between(start, clock.instant());
        return d.isNegative() ? Duration.ZERO : d;
    }

    private void emit(SendEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("the send listener {} threw on a {} event for message {}; the send goes on", listener.getClass()
                    .getName(), event.kind(), event.messageId(), e);
        }
    }
}
