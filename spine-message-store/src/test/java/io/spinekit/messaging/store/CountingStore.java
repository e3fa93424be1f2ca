package io.spinekit.messaging.store;

import io.spinekit.messaging.MessageStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** A real store, passed through, counting the messages its sender claimed (to see the work shared). */
final class CountingStore implements MessageStore {
    final MessageStore store;
    final AtomicInteger claimed = new AtomicInteger();

    CountingStore(MessageStore store) {
        this.store = store;
    }

    @Override
    public List<Stored> claim(String owner, Instant now, Duration lease, int max) {
        List<Stored> got = store.claim(owner, now, lease, max);
        claimed.addAndGet(got.size());
        return got;
    }

    @Override
    public void save(Outbound record) {
        store.save(record);
    }

    @Override
    public Optional<Outbound> outbound(String messageId) {
        return store.outbound(messageId);
    }

    @Override
    public boolean firstReceipt(String messageId, Instant now, Instant keepUntil) {
        return store.firstReceipt(messageId, now, keepUntil);
    }

    @Override
    public void forgetReceipt(String messageId) {
        store.forgetReceipt(messageId);
    }

    @Override
    public void accept(Stored message, Optional<String> owner, Instant leaseUntil) {
        store.accept(message, owner, leaseUntil);
    }

    @Override
    public boolean retryAt(String messageId, String owner, int attempts, int posts, Instant next, Instant leaseUntil,
            String error) {
        return store.retryAt(messageId, owner, attempts, posts, next, leaseUntil, error);
    }

    @Override
    public boolean finish(String messageId, int attempts, int posts, Status status, String error, Instant now) {
        return store.finish(messageId, attempts, posts, status, error, now);
    }

    @Override
    public int release(String owner) {
        return store.release(owner);
    }

    @Override
    public Optional<Stored> stored(String messageId) {
        return store.stored(messageId);
    }

    @Override
    public List<Stored> list(Set<Status> statuses, int max) {
        return store.list(statuses, max);
    }

    @Override
    public int purge(Instant endedBefore, Instant now) {
        return store.purge(endedBefore, now);
    }

    @Override
    public void close() {
        store.close();
    }
}
