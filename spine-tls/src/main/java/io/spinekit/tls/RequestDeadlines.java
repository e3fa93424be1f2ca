package io.spinekit.tls;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * The whole-request deadlines of a {@link SpineHttp}: one daemon thread (started on the first
 * deadline) that cancels a request still running when its time is up.
 */
final class RequestDeadlines {
    private final ScheduledThreadPoolExecutor timer;

    RequestDeadlines(String threadName) {
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        // a request that finishes in time cancels its deadline: do not keep it queued until it would have fired
        this.timer.setRemoveOnCancelPolicy(true);
    }

    /**
     * Cancels the request when the timeout passes, unless {@link Deadline#cancel()} came first.
     *
     * @param request the request to cancel
     * @param timeout from now
     * @return the running deadline
     */
    Deadline start(Cancellable request, Duration timeout) {
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> future = timer.schedule(() -> {
            expired.set(true);
            request.cancel();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        return new Deadline(expired, future);
    }

    /** Stops the thread; deadlines not yet fired never fire. */
    void close() {
        timer.shutdownNow();
    }

    /** One running deadline. */
    record Deadline(AtomicBoolean fired, ScheduledFuture<?> future) {
        /** Whether the deadline passed and cancelled the request. */
        boolean expired() {
            return fired.get();
        }

        /** The request is over: the deadline will not fire. */
        void cancel() {
            future.cancel(false);
        }
    }
}
