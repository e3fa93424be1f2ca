package io.spinekit.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link MessageStore} that passes every call to another: extend it and override the calls you
 * want to watch or change (count claims, add a log line, fail on purpose in a test), calling
 * {@code super} to pass them on. Every method of the interface is forwarded, {@link #close()}
 * included, so a subclass stays correct when it overrides nothing; a wrapper that must not close
 * the store it was given overrides {@code close()}.
 *
 * <pre>{@code
 * MessageStore counting = new ForwardingMessageStore(JdbcMessageStore.open(url)) {
 *     @Override
 *     public List<Stored> claim(String owner, Instant now, Duration lease, int max) {
 *         List<Stored> got = super.claim(owner, now, lease, max);
 *         claimed.addAndGet(got.size());
 *         return got;
 *     }
 * };
 * }</pre>
 */
public abstract class ForwardingMessageStore implements MessageStore {
    private final MessageStore delegate;

    /**
     * Forwards to a store.
     *
     * @param delegate the store every call goes to
     */
    protected ForwardingMessageStore(MessageStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * The store every call goes to.
     *
     * @return the delegate
     */
    public MessageStore delegate() {
        return delegate;
    }

    @Override
    public void save(Outbound record) {
        delegate.save(record);
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

    @Override
    public void accept(Stored message, Optional<String> owner, Instant leaseUntil) {
        delegate.accept(message, owner, leaseUntil);
    }

    @Override
    public List<Stored> claim(String owner, Instant now, Duration lease, int max) {
        return delegate.claim(owner, now, lease, max);
    }

    @Override
    public boolean retryAt(String messageId, String owner, int attempts, int posts, Instant next, Instant leaseUntil,
            String error) {
        return delegate.retryAt(messageId, owner, attempts, posts, next, leaseUntil, error);
    }

    @Override
    public boolean finish(String messageId, int attempts, int posts, Status status, String error, Instant now) {
        return delegate.finish(messageId, attempts, posts, status, error, now);
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

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + delegate + "]";
    }
}
