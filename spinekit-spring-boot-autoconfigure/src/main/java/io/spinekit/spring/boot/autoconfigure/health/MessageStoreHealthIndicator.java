package io.spinekit.spring.boot.autoconfigure.health;

import io.spinekit.messaging.MessageStore;
import io.spinekit.spring.boot.autoconfigure.MessageTracker;
import java.util.Objects;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code spinekitMessageStore}: the messages this process has sent and not yet ended (pending) and
 * those that failed since start, as the store's saves show them; a probe read of the store
 * ({@code outbound} of an id that does not exist) must answer, or it is DOWN. The counts are this
 * process's: a store shared by several instances is not queried for theirs.
 */
public final class MessageStoreHealthIndicator extends AbstractHealthIndicator {
    private static final String PROBE_ID = "spinekit-health-probe";
    private final MessageTracker tracker;

    /**
     * An indicator.
     *
     * @param tracker the tracker watching the store
     */
    public MessageStoreHealthIndicator(MessageTracker tracker) {
        super("The message store cannot be read");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        MessageStore store = tracker.delegate();
        store.outbound(PROBE_ID);
        builder.up().withDetail("store", store.getClass().getSimpleName())
                .withDetail("pending", tracker.pending())
                .withDetail("failed", tracker.failed())
                .withDetail("ended", tracker.ended());
    }
}
