package io.spinekit.messaging;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link MessageStore} in memory: thread-safe, bounded by {@code maxEntries} per map (the oldest
 * outbound records and expired receipts are dropped first), lost on restart.
 */
public final class InMemoryMessageStore implements MessageStore {
    private final int maxEntries;
    private final Map<String, Outbound> outbound = new ConcurrentHashMap<>();
    private final Map<String, Instant> received = new ConcurrentHashMap<>();

    /** A store of at most 100,000 outbound records and 100,000 receipts. */
    public InMemoryMessageStore() {
        this(100_000);
    }

    /**
     * A store of at most {@code maxEntries} outbound records and as many receipts.
     *
     * @param maxEntries the bound
     */
    public InMemoryMessageStore(int maxEntries) {
        if (maxEntries < 1) {
            throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, "maxEntries is " + maxEntries
                    + ": expected at least 1");
        }
        this.maxEntries = maxEntries;
    }

    @Override
    public void save(Outbound record) {
        if (outbound.size() >= maxEntries && !outbound.containsKey(record.messageId())) {
            outbound.values().stream().filter(r -> r.status() != Status.PENDING)
                    .min(java.util.Comparator.comparing(Outbound::created))
                    .ifPresent(oldest -> outbound.remove(oldest.messageId()));
        }
        outbound.put(record.messageId(), record);
    }

    @Override
    public Optional<Outbound> outbound(String messageId) {
        return Optional.ofNullable(outbound.get(messageId));
    }

    @Override
    public boolean firstReceipt(String messageId, Instant now, Instant keepUntil) {
        if (received.size() >= maxEntries && !received.containsKey(messageId)) {
            received.values().removeIf(until -> until.isBefore(now));
            if (received.size() >= maxEntries) {
                received.entrySet().stream().min(Map.Entry.comparingByValue())
                        .ifPresent(e -> received.remove(e.getKey()));
            }
        }
        boolean[] first = {false};
        received.compute(messageId, (id, until) -> {
            if (until == null || until.isBefore(now)) {
                first[0] = true;
                return keepUntil;
            }
            return until;
        });
        return first[0];
    }

    @Override
    public void forgetReceipt(String messageId) {
        received.remove(messageId);
    }
}
