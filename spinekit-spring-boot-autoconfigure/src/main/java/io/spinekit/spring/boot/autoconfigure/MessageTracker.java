package io.spinekit.spring.boot.autoconfigure;

import io.spinekit.messaging.MessageStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Watches the message store that {@code SpineMessaging} and the {@code InboundHandler} share
 * ({@link #store()} wraps it) and each outbound record's state changes: a new record is a send, more attempts are
 * retries, an ending status is an outcome (and its latency since the record was created). It
 * counts the messages pending and failed for the {@code spinekitMessageStore} health.
 *
 * <p>The interaction is not in a store record, so events carry {@link #UNKNOWN_INTERACTION}; a
 * send listener in {@code SpineMessaging} would give it (see the README).
 */
public final class MessageTracker {
    /** The interaction tag value while the store cannot say it. */
    public static final String UNKNOWN_INTERACTION = "unknown";
    /** The most pending messages tracked; beyond it new sends are counted but not timed. */
    static final int MAX_TRACKED = 100_000;

    private final MessageStore delegate;
    private final SpinekitEvents events;
    private final Clock clock;
    private final Map<String, MessageStore.Outbound> pending = new ConcurrentHashMap<>();
    private final LongAdder failed = new LongAdder();
    private final LongAdder ended = new LongAdder();
    private final MessageStore store = new Watching();

    /**
     * Watches a store.
     *
     * @param delegate the store that keeps the records
     * @param events where state changes go
     * @param clock the clock the messaging client uses (for latency)
     */
    public MessageTracker(MessageStore delegate, SpinekitEvents events, Clock clock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The wrapped store.
     *
     * @return the store that keeps the records
     */
    public MessageStore delegate() {
        return delegate;
    }

    /**
     * The store to give {@code SpineMessaging} and the {@code InboundHandler}: the delegate, watched.
     *
     * @return the watching store
     */
    public MessageStore store() {
        return store;
    }

    /**
     * Messages sent by this process and not yet ended (waiting for an answer, an acknowledgement or a retry).
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

    private void saved(MessageStore.Outbound record) {
        MessageStore.Outbound before = pending.get(record.messageId());
        boolean pendingNow = record.status() == MessageStore.Status.PENDING;
        if (before == null) {
            if (!pendingNow || record.attempts() != 0 || pending.size() >= MAX_TRACKED) {
                return; // not a send this process started (another process's record, an ended one again, or past MAX_TRACKED)
            }
            events.message("sent", record, null);
        }
        int previousPosts = before == null ? 0 : before.attempts();
        for (int i = Math.max(1, previousPosts); i < record.attempts(); i++) {
            events.message("retried", record, null);
        }
        if (pendingNow) {
            pending.put(record.messageId(), record);
            return;
        }
        if (pending.remove(record.messageId()) == null) {
            return; // another thread ended it meanwhile
        }
        ended.increment();
        if (record.status() == MessageStore.Status.FAILED) {
            failed.increment();
        }
        Duration elapsed = Duration.between(record.created(), clock.instant());
        events.message(outcome(record.status()), record, elapsed.isNegative() ? Duration.ZERO : elapsed);
    }

    private static String outcome(MessageStore.Status status) {
        return switch (status) {
            case ACKNOWLEDGED -> "acknowledged";
            case RESPONDED -> "response";
            case NACKED -> "message_error";
            case FAULTED -> "soap_fault";
            case FAILED -> "failed";
            case PENDING -> "sent";
        };
    }

    /** The delegate, each save watched. */
    private final class Watching implements MessageStore {
        @Override
        public void save(Outbound record) {
            delegate.save(record);
            saved(record);
        }

        @Override
        public Optional<Outbound> outbound(String messageId) {
            return delegate.outbound(messageId);
        }

        @Override
        public boolean firstReceipt(String messageId, Instant now, Instant keepUntil) {
            return delegate.firstReceipt(messageId, now, keepUntil);
        }

        @Override
        public void forgetReceipt(String messageId) {
            delegate.forgetReceipt(messageId);
        }

        // Reliable sends go through the store-driven methods (accept, retryAt, finish) rather than save:
        // each is reported to the tracker as the Outbound record it amounts to.
        @Override
        public void accept(Stored message, Optional<String> owner, Instant leaseUntil) {
            delegate.accept(message, owner, leaseUntil);
            saved(new Outbound(message.messageId(), message.conversationId(), message.workflow(), message.created(),
                    0, Status.PENDING));
        }

        @Override
        public List<Stored> claim(String owner, Instant now, Duration lease, int max) {
            return delegate.claim(owner, now, lease, max);
        }

        @Override
        public boolean retryAt(String messageId, String owner, int attempts, int posts, Instant next,
                Instant leaseUntil, String error) {
            boolean done = delegate.retryAt(messageId, owner, attempts, posts, next, leaseUntil, error);
            if (done) {
                delegate.stored(messageId).ifPresent(m -> saved(new Outbound(m.messageId(), m.conversationId(),
                        m.workflow(), m.created(), posts, Status.PENDING)));
            }
            return done;
        }

        @Override
        public boolean finish(String messageId, int attempts, int posts, Status status, String error, Instant now) {
            boolean done = delegate.finish(messageId, attempts, posts, status, error, now);
            if (done) {
                delegate.stored(messageId).ifPresent(m -> saved(new Outbound(m.messageId(), m.conversationId(),
                        m.workflow(), m.created(), posts, status)));
            }
            return done;
        }

        @Override
        public int release(String owner) {
            return delegate.release(owner);
        }

        @Override
        public Optional<Stored> stored(String messageId) {
            return delegate.stored(messageId);
        }

        @Override
        public List<Stored> list(Set<Status> statuses, int max) {
            return delegate.list(statuses, max);
        }

        @Override
        public int purge(Instant endedBefore, Instant now) {
            return delegate.purge(endedBefore, now);
        }

        // close() stays the interface's no-op: the delegate belongs to whoever made it (a bean Spring closes).
    }
}
