package io.spinekit.messaging.store;

import io.spinekit.messaging.ForwardingMessageStore;
import io.spinekit.messaging.MessageStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A real store, passed through, counting the messages its sender claimed (to see the work shared). */
final class CountingStore extends ForwardingMessageStore {
    final MessageStore store;
    final AtomicInteger claimed = new AtomicInteger();

    CountingStore(MessageStore store) {
        super(store);
        this.store = store;
    }

    @Override
    public List<Stored> claim(String owner, Instant now, Duration lease, int max) {
        List<Stored> got = super.claim(owner, now, lease, max);
        claimed.addAndGet(got.size());
        return got;
    }
}
