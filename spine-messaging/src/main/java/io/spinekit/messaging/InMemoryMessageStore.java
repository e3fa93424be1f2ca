package io.spinekit.messaging;

import io.spinekit.core.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link MessageStore} in memory: thread-safe, bounded by {@code maxEntries} per map (the oldest
 * ended outbound records and expired receipts are dropped first), <strong>lost on restart</strong>:
 * a reliable message accepted here and not yet delivered when the process stops is never sent.
 * Use it in tests, or where losing messages is acceptable; spine-message-store has the durable one.
 */
public final class InMemoryMessageStore implements MessageStore {
    private final int maxEntries;
    private final Map<String, Outbound> outbound = new ConcurrentHashMap<>();
    private final Map<String, Instant> received = new ConcurrentHashMap<>();
    /** Reliable messages with their lease; guarded by {@code this}. */
    private final Map<String, Row> stored = new HashMap<>();

    private record Row(Stored message, String owner, Instant leaseUntil, Instant ended) {
    }

    private static final Comparator<Row> BY_NEXT_ATTEMPT = Comparator.comparing((Row r) -> r.message.nextAttempt());

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
        synchronized (this) {
            Row row = stored.get(record.messageId());
            if (row != null) {
                if (row.message.status() == Status.PENDING) {
                    boolean ends = record.status() != Status.PENDING;
                    stored.put(record.messageId(), new Row(row.message.with(row.message.attempts(), record.attempts(),
                            row.message.nextAttempt(), record.status(), row.message.lastError()),
                            ends ? null : row.owner, ends ? null : row.leaseUntil, ends ? Instant.now() : null));
                }
                return;
            }
        }
        if (outbound.size() >= maxEntries && !outbound.containsKey(record.messageId())) {
            outbound.values().stream().filter(r -> r.status() != Status.PENDING)
                    .min(Comparator.comparing(Outbound::created))
                    .ifPresent(oldest -> outbound.remove(oldest.messageId()));
        }
        outbound.put(record.messageId(), record);
    }

    @Override
    public Optional<Outbound> outbound(String messageId) {
        synchronized (this) {
            Row row = stored.get(messageId);
            if (row != null) {
                return Optional.of(row.message.outbound());
            }
        }
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

    @Override
    public synchronized void accept(Stored message, Optional<String> owner, Instant leaseUntil) {
        if (stored.containsKey(message.messageId()) || outbound.containsKey(message.messageId())) {
            throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, "MessageId "
                    + Text.quote(message.messageId()) + " is already stored: expected a new MessageId for a new "
                    + "message");
        }
        if (stored.size() >= maxEntries) {
            stored.values().stream().filter(r -> r.ended != null).min(Comparator.comparing(Row::ended))
                    .ifPresent(r -> stored.remove(r.message.messageId()));
        }
        stored.put(message.messageId(), new Row(message, owner.orElse(null), owner.map(o -> leaseUntil)
                .orElse(null), null));
    }

    @Override
    public synchronized List<Stored> claim(String owner, Instant now, Duration lease, int max) {
        if (max < 1) {
            return List.of();
        }
        // the max earliest due rows in one pass, without sorting every due row: a heap of at most max,
        // its latest on top, so a row earlier than the top replaces it
        PriorityQueue<Row> earliest = new PriorityQueue<>(BY_NEXT_ATTEMPT.reversed());
        for (Row r : stored.values()) {
            if (r.message.status() == Status.PENDING && !r.message.nextAttempt().isAfter(now)
                    && (r.leaseUntil == null || !r.leaseUntil.isAfter(now))) {
                if (earliest.size() < max) {
                    earliest.add(r);
                } else if (BY_NEXT_ATTEMPT.compare(r, earliest.peek()) < 0) {
                    earliest.poll();
                    earliest.add(r);
                }
            }
        }
        List<Row> due = new ArrayList<>(earliest);
        due.sort(BY_NEXT_ATTEMPT);
        List<Stored> claimed = new ArrayList<>();
        for (Row r : due) {
            stored.put(r.message.messageId(), new Row(r.message, owner, now.plus(lease), null));
            claimed.add(r.message);
        }
        return claimed;
    }

    @Override
    public synchronized boolean retryAt(String messageId, String owner, int attempts, int posts, Instant next,
            Instant leaseUntil, String error) {
        Row r = stored.get(messageId);
        if (r == null || r.message.status() != Status.PENDING || !owner.equals(r.owner)) {
            return false;
        }
        stored.put(messageId, new Row(r.message.with(attempts, posts, next, Status.PENDING, error), owner, leaseUntil,
                null));
        return true;
    }

    @Override
    public synchronized boolean finish(String messageId, int attempts, int posts, Status status, String error,
            Instant now) {
        Row r = stored.get(messageId);
        if (r == null || r.message.status() != Status.PENDING) {
            return false;
        }
        stored.put(messageId, new Row(r.message.with(attempts, posts, r.message.nextAttempt(), status, error), null,
                null, now));
        return true;
    }

    @Override
    public synchronized int release(String owner) {
        int n = 0;
        for (Row r : List.copyOf(stored.values())) {
            if (owner.equals(r.owner) && r.message.status() == Status.PENDING) {
                stored.put(r.message.messageId(), new Row(r.message, null, null, null));
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized Optional<Stored> stored(String messageId) {
        return Optional.ofNullable(stored.get(messageId)).map(Row::message);
    }

    @Override
    public synchronized List<Stored> list(Set<Status> statuses, int max) {
        return stored.values().stream().map(Row::message).filter(m -> statuses.contains(m.status()))
                .sorted(Comparator.comparing(Stored::created)).limit(max).toList();
    }

    @Override
    public int purge(Instant endedBefore, Instant now) {
        int n;
        synchronized (this) {
            List<String> ended = stored.values().stream().filter(r -> r.ended != null && r.ended.isBefore(endedBefore))
                    .map(r -> r.message.messageId()).toList();
            ended.forEach(stored::remove);
            n = ended.size();
        }
        List<String> old = outbound.values().stream().filter(o -> o.status() != Status.PENDING
                && o.created().isBefore(endedBefore)).map(Outbound::messageId).toList();
        old.forEach(outbound::remove);
        List<String> expired = received.entrySet().stream().filter(e -> e.getValue().isBefore(now))
                .map(Map.Entry::getKey).toList();
        expired.forEach(received::remove);
        return n + old.size() + expired.size();
    }
}
