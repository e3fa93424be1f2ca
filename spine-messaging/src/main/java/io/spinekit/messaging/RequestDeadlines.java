package io.spinekit.messaging;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The request deadline of {@link InboundServer}: the executor it gives the JDK's HTTPS server.
 *
 * <p>The JDK server hands a connection to a worker thread as soon as its first bytes arrive, and the
 * worker then does the TLS handshake, reads the request line, the headers and (in the handler) the
 * body with blocking reads that have no time limit ({@code sun.net.httpserver.maxReqTime} defaults
 * to none, and setting it would change every server in the JVM). So a client that sends a byte and
 * stalls, or trickles its body, would hold a worker for good; a few such clients would hold them
 * all. Each exchange here runs under a deadline: when it passes while the worker is blocked on the
 * connection (handshake, headers, body, or writing the answer), the worker is interrupted, which
 * closes the blocking {@code SocketChannel} it is reading ({@code ClosedByInterruptException}), and
 * the JDK server drops the connection. While the handler works on a body already read (the
 * {@link InboundHandler}, its message store, a listener), it is never interrupted: an interrupt
 * there could break a JDBC driver's file channel, and those calls have deadlines of their own.
 */
final class RequestDeadlines implements Executor, AutoCloseable {
    private static final ThreadLocal<Guard> CURRENT = new ThreadLocal<>();

    private final ThreadPoolExecutor threads;
    private final ScheduledThreadPoolExecutor timer;
    private final long timeoutNanos;
    private final AtomicLong cut = new AtomicLong();

    RequestDeadlines(ThreadPoolExecutor threads, Duration timeout) {
        this.threads = threads;
        this.timeoutNanos = timeout.toNanos();
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "spinekit-inbound-deadline");
            t.setDaemon(true);
            return t;
        });
        this.timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void execute(Runnable exchange) {
        threads.execute(() -> run(exchange));
    }

    private void run(Runnable exchange) {
        Guard guard = new Guard(Thread.currentThread());
        CURRENT.set(guard);
        ScheduledFuture<?> deadline = timer.schedule(() -> {
            if (guard.expire()) {
                cut.incrementAndGet();
            }
        }, timeoutNanos, TimeUnit.NANOSECONDS);
        try {
            exchange.run();
        } finally {
            deadline.cancel(false);
            guard.finish();
            CURRENT.remove();
        }
    }

    /** How many exchanges were cut off at their deadline while blocked on the connection. */
    long cutOff() {
        return cut.get();
    }

    /**
     * Marks the current exchange as working on what it has read (not to be interrupted), or back on
     * the connection. Does nothing outside an exchange.
     */
    static void working(boolean value) {
        Guard g = CURRENT.get();
        if (g != null) {
            g.working(value);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** One exchange's state; the worker thread is interrupted only while it is on the connection. */
    private static final class Guard {
        private final Thread worker;
        private boolean working;
        private boolean expired;
        private boolean finished;

        Guard(Thread worker) {
            this.worker = worker;
        }

        /** The deadline: true when the worker was on the connection and is now interrupted. */
        synchronized boolean expire() {
            expired = true;
            if (!working && !finished) {
                worker.interrupt();
                return true;
            }
            return false;
        }

        /**
         * Working on what was read, or back on the connection. A deadline that passed while working
         * does not fire again: the answer is still written (an ack, small; the sender waits for it).
         */
        synchronized void working(boolean value) {
            working = value;
        }

        synchronized void finish() {
            finished = true;
            // an interrupt delivered while on the connection must not reach the next exchange on this thread
            Thread.interrupted();
        }
    }
}
