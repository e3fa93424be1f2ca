package io.spinekit.messaging;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs reliable messages from the {@link MessageStore}: the first attempt at once under the lease
 * taken when the message was accepted, retries by this sender while it lives (each written with
 * its lease first), and, every poll interval, due messages no live sender holds (accepted without
 * a sender, or leased by one whose lease ran out). A store that cannot be reached during a poll is
 * tried again at the next one; a write that fails after a send leaves the row pending, so once the
 * lease runs out the message is sent again with the same MessageId (at least once; the receiver
 * removes the duplicate).
 */
final class StoredSender {
    private final SpineMessaging client;
    private final MessageStore store;
    private final String owner;
    private final Duration lease;
    private final Duration pollInterval;
    private final int capacity;
    private final Consumer<SendOutcome> undelivered;
    private final Map<String, SendTask> active = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller;
    private final AtomicBoolean pollQueued = new AtomicBoolean();
    private volatile boolean moreDue;
    private volatile RuntimeException lastPollFailure;

    StoredSender(SpineMessaging client, MessageStore store, Duration lease, Duration pollInterval, int capacity,
            Consumer<SendOutcome> undelivered) {
        this.client = client;
        this.store = store;
        this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
        this.lease = lease;
        this.pollInterval = pollInterval;
        this.capacity = capacity;
        this.undelivered = undelivered;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "spinekit-messaging-store-poll");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::pollSafely, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** This sender's lease owner name (the JVM's name and a random id). */
    String owner() {
        return owner;
    }

    /** The failure of the last poll, if it failed (the store was unreachable). */
    Optional<RuntimeException> lastPollFailure() {
        return Optional.ofNullable(lastPollFailure);
    }

    /**
     * Commits the message (leased to this sender) and starts its first attempt.
     *
     * @throws MessagingException {@code STORE_UNAVAILABLE} or {@code INVALID_ARGUMENT}: nothing was accepted
     */
    CompletableFuture<SendOutcome> accept(MessageStore.Stored message, String interactionId) {
        store.accept(message, Optional.of(owner), client.clock().instant().plus(lease));
        SendTask task = new SendTask(client, this, message, interactionId, new CompletableFuture<>());
        active.put(message.messageId(), task);
        client.submit(() -> task.attempt(message.attempts() + 1, 0), Duration.ZERO, task);
        return task.future;
    }

    /** The stored form of a reliable message built from a route, due now. */
    static MessageStore.Stored stored(EbxmlRequest request, EncodedMessage encoded, io.spinekit.ldap.Route route,
            Workflow workflow, Instant created) {
        int maxAttempts = 1 + Math.max(0, route.reliability().retries().orElse(0));
        Duration interval = route.reliability().retryInterval().orElse(Duration.ZERO);
        return new MessageStore.Stored(request.header().messageId(), request.header().conversationId(),
                request.header().refToMessageId(), workflow, route.endpoint(), encoded.headers(), encoded.bodyUnsafe(),
                created, route.reliability().persistDuration().map(created::plus), maxAttempts, interval, 0, 0,
                created, MessageStore.Status.PENDING, "");
    }

    /** Records a retry before it is scheduled; a store that cannot be written does not stop it. */
    void retrying(SendTask task, int attempt, String why) {
        Instant next = client.clock().instant().plus(task.interval);
        try {
            store.retryAt(task.messageId, owner, attempt, task.posts, next, next.plus(lease), why);
        } catch (RuntimeException e) {
            // the retry goes ahead from memory; the row stays as it was (leased, or free once the lease runs out)
        }
    }

    /** Records the end of a message; a store that cannot be written leaves it pending (sent again later). */
    void finish(SendTask task, int attempt, MessageStore.Status status, String detail) {
        try {
            store.finish(task.messageId, attempt, task.posts, status, detail, client.clock().instant());
        } catch (RuntimeException e) {
            // at least once: the row stays pending and is sent again after the lease
        }
    }

    /** The outcome is known: forget the task, and report it if it was not delivered. */
    void ended(SendOutcome out) {
        active.remove(out.messageId());
        if (out.outcome() != SendOutcome.Outcome.ACKNOWLEDGED
                && out.failure().filter(f -> f == SendOutcome.Failure.CLOSED).isEmpty()) {
            try {
                undelivered.accept(out);
            } catch (RuntimeException e) {
                // the listener's failure is its own; the message has ended either way
            }
        }
        if (moreDue) {
            pollSoon();
        }
    }

    private void pollSoon() {
        if (pollQueued.compareAndSet(false, true)) {
            try {
                poller.execute(this::pollSafely);
            } catch (RejectedExecutionException e) {
                pollQueued.set(false);
            }
        }
    }

    private void pollSafely() {
        pollQueued.set(false);
        try {
            poll();
            lastPollFailure = null;
        } catch (RuntimeException e) {
            lastPollFailure = e;
        }
    }

    /** Claims as many due messages as there are free send slots and starts them. */
    void poll() {
        if (client.closed()) {
            return;
        }
        int free = capacity - active.size();
        if (free <= 0) {
            moreDue = true;
            return;
        }
        Instant now = client.clock().instant();
        List<MessageStore.Stored> claimed = store.claim(owner, now, lease, free);
        moreDue = claimed.size() == free;
        for (MessageStore.Stored m : claimed) {
            if (active.containsKey(m.messageId())) {
                continue; // ours already (its lease ran out while it waited): the task in memory goes on
            }
            if (m.deadline().filter(now::isAfter).isPresent()) {
                expire(m);
                continue;
            }
            SendTask task = new SendTask(client, this, m, null, new CompletableFuture<>());
            active.put(m.messageId(), task);
            client.submit(() -> task.attempt(m.attempts() + 1, 0), Duration.ZERO, task);
        }
    }

    private void expire(MessageStore.Stored m) {
        String why = "not delivered by its deadline " + m.deadline().orElseThrow() + " (accepted " + m.created()
                + " + the route's persist duration) after " + m.attempts()
                + (m.attempts() == 1 ? " attempt" : " attempts")
                + (m.lastError().isEmpty() ? "" : "; last error: " + m.lastError());
        store.finish(m.messageId(), m.attempts(), m.posts(), MessageStore.Status.FAILED, why, client.clock().instant());
        SendOutcome out = new SendOutcome(m.messageId(), m.conversationId(), m.workflow(), SendOutcome.Outcome.FAILED,
                m.posts(), Optional.empty(), List.of(), List.of(), Optional.of(SendOutcome.Failure.EXPIRED), why);
        ended(out);
        client.events().ended(SendEvents.interactionOf(m.headers()), m.attempts(), m.created(), out);
    }

    /** Stops polling (the client is closing). */
    void stopPolling() {
        poller.shutdownNow();
        try {
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Releases the leases this sender still holds, so other senders take them at once (after the sends stopped). */
    void releaseLeases() {
        try {
            store.release(owner);
        } catch (RuntimeException e) {
            // the leases run out by themselves
        }
    }
}
