package io.spinekit.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one doctor check within a total deadline, however the server paces its bytes (per-read
 * timeouts alone let a server that trickles one byte a second hold a check for ever). When the
 * deadline passes, the check's connection is closed and its verdict is {@link #TIMEOUT}.
 */
final class CheckDeadline {
    /** The first word of a check's detail when its deadline passed. */
    static final String TIMEOUT = "TIMEOUT";

    private static final ExecutorService CHECKS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "spine-doctor-check");
        t.setDaemon(true);
        return t;
    });

    /** A check's outcome, reported by the caller. */
    record Verdict(DoctorCommand.Status status, String detail, String fix) {
    }

    /** What a check body opened, to close when its deadline passes. */
    static final class Resource {
        private final AtomicReference<AutoCloseable> open = new AtomicReference<>();

        /**
         * Registers what to close on timeout.
         *
         * @param <T> the resource type
         * @param c the connection or client
         * @return {@code c}
         */
        <T extends AutoCloseable> T hold(T c) {
            open.set(c);
            return c;
        }

        void closeQuietly() {
            AutoCloseable c = open.getAndSet(null);
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    // closing to abandon the check: nothing more to do
                }
            }
        }
    }

    private CheckDeadline() {
    }

    /**
     * Runs a check body within a deadline.
     *
     * @param deadline the most the check may take
     * @param body the check; it registers its connection with the resource
     * @param resource what to close when the deadline passes
     * @return the body's verdict, or a FAIL whose detail starts with {@link #TIMEOUT}
     */
    static Verdict within(Duration deadline, Resource resource, Callable<Verdict> body) {
        Future<Verdict> f = CHECKS.submit(body);
        try {
            return f.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            resource.closeQuietly();
            return new Verdict(DoctorCommand.Status.FAIL, TIMEOUT + ": no complete answer within " + seconds(deadline)
                    + " (the check's deadline): the server accepted the connection but is stalled or too slow",
                    "check the server and anything in between that may hold connections (proxy, firewall); "
                            + "raise --timeout if the link is known to be slow");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            return new Verdict(DoctorCommand.Status.FAIL, c.getClass().getSimpleName() + ": " + c.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            resource.closeQuietly();
            return new Verdict(DoctorCommand.Status.FAIL, "interrupted", null);
        }
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms / 1000.0 + " s";
    }
}
