package io.spinekit.spring.boot.autoconfigure.health;

import io.spinekit.messaging.MessageStore;
import io.spinekit.spring.boot.autoconfigure.MessageTracker;
import java.util.Objects;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code spinekitMessageStore}: the messages this process has sent and not yet ended (pending) and
 * those that failed since start, as the client's send listener ({@link MessageTracker}) counts them;
 * a probe read of the store ({@code outbound} of an id that does not exist) must answer, or it is
 * DOWN. The counts are this process's: a store shared by several instances is not queried for theirs.
 */
public final class MessageStoreHealthIndicator extends AbstractHealthIndicator {
    private static final String PROBE_ID = "spinekit-health-probe";
    private final MessageStore store;
    private final MessageTracker tracker;

    /**
     * An indicator.
     *
     * @param store the store the messaging client keeps its messages in
     * @param tracker the messaging client's send listener, which counts pending, failed and ended sends
     */
    public MessageStoreHealthIndicator(MessageStore store, MessageTracker tracker) {
        super("The message store cannot be read");
        this.store = Objects.requireNonNull(store, "store");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        store.outbound(PROBE_ID);
        builder.up().withDetail("store", store.getClass().getSimpleName())
                .withDetail("pending", tracker.pending())
                .withDetail("failed", tracker.failed())
                .withDetail("ended", tracker.ended());
    }
}
