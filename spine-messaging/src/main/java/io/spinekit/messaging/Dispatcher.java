package io.spinekit.messaging;

import io.spinekit.ldap.Route;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * The threads of a {@link SpineMessaging}: a fixed pool of send workers (one per concurrent send)
 * and one scheduler thread that only waits out retry delays and hands the retry to a worker, so
 * no caller's thread ever waits for a retry; and the start of the sends that keep only their
 * outbound record (express, synchronous). Reliable sends start from the store ({@link StoredSender}).
 */
final class Dispatcher {
    private final ExecutorService workers;
    private final ScheduledExecutorService scheduler;

    Dispatcher(int maxConcurrentSends) {
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(maxConcurrentSends, r -> {
            Thread t = new Thread(r, "spinekit-messaging-send-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "spinekit-messaging-retry");
            t.setDaemon(true);
            return t;
        });
    }

    /** The worker pool, for work that must not run on the caller's thread (route look-ups). */
    ExecutorService workers() {
        return workers;
    }

    /** Starts a send that keeps only its outbound record (express, synchronous). */
    CompletableFuture<SendOutcome> start(SpineMessaging client, Route route, Workflow workflow, String messageId,
            String conversationId, EncodedMessage encoded, BiFunction<Transport.Result, String, SpineReply> parser) {
        MessageStore.Outbound record = new MessageStore.Outbound(messageId, conversationId, workflow,
                client.clock().instant(), 0, MessageStore.Status.PENDING);
        client.store().save(record);
        SendTask send = new SendTask(client, route.endpoint(), workflow, messageId, conversationId,
                route.interactionId().value(), encoded, 1, Duration.ZERO, Optional.empty(), record, parser);
        if (client.closed()) {
            send.complete(1, send.failed(1, 0, SendOutcome.Failure.CLOSED, "the client is closed"));
            return send.future;
        }
        submit(() -> send.attempt(1, 0), Duration.ZERO, send);
        return send.future;
    }

    /** Runs the task on a worker after the delay; a closed client ends the send as {@code CLOSED}. */
    void submit(Runnable task, Duration delay, SendTask send) {
        try {
            if (delay.isZero()) {
                workers.execute(task);
            } else {
                scheduler.schedule(() -> submit(task, Duration.ZERO, send), delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (RejectedExecutionException e) {
            send.complete(1, send.failed(1, send.posts, SendOutcome.Failure.CLOSED, "the client was closed "
                    + "before the send finished"));
        }
    }

    /** Stops the scheduler at once and lets the workers finish what they run (5 s at most). */
    void shutdown() {
        scheduler.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
