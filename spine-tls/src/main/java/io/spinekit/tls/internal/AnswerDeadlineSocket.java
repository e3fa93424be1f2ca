package io.spinekit.tls.internal;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A TCP socket whose reads must complete within a total deadline: the server's answer (a TLS
 * handshake flight, an LDAP response with all its entries) must arrive in full within the answer
 * timeout of the last bytes we sent, however it is cut into reads. Each read waits at most what is
 * left of that deadline (and at most the {@code SO_TIMEOUT} the caller set), so a server that
 * trickles one byte a second cannot stretch a per-read timeout for ever.
 *
 * <p>TLS is layered on top of this socket ({@code SSLSocketFactory.createSocket(socket, host, port,
 * true)}), so the deadline holds below the TLS record layer, where a trickled record would
 * otherwise be one endless read. No thread of its own: the deadline is enforced by the reading thread.
 *
 * <p>The deadline ends one answer once: the read that finds it passed fails, and later reads (until we
 * send again) wait only as long as the caller's {@code SO_TIMEOUT}. UnboundID's reader thread (its
 * default, asynchronous mode) reads all the time, also on an idle connection whose answers all came,
 * and takes a read timeout as "nothing yet" and reads again; failing every such read at once would
 * make it spin.
 */
final class AnswerDeadlineSocket extends Socket {
    private final String where;
    private final long answerNanos;
    private volatile long lastSent = System.nanoTime();
    /** Whether the current answer's deadline has already failed a read. */
    private volatile boolean expired;
    private volatile int soTimeout;
    private InputStream input;
    private OutputStream output;

    /**
     * Creates an unconnected socket.
     *
     * @param where the server, for messages ({@code ldaps://host:port})
     * @param answerTimeout how long the server may take to answer in full, positive
     */
    AnswerDeadlineSocket(String where, Duration answerTimeout) {
        this.where = where;
        this.answerNanos = answerTimeout.toNanos();
    }

    /** Connects, and starts the first answer deadline (a server that is to speak first must do so in time). */
    @Override
    public void connect(java.net.SocketAddress endpoint, int timeout) throws IOException {
        super.connect(endpoint, timeout);
        sent();
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (input == null) {
            input = new Input(super.getInputStream());
        }
        return input;
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
        if (output == null) {
            output = new Output(super.getOutputStream());
        }
        return output;
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
        }
        soTimeout = timeout;
        super.setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() {
        return soTimeout;
    }

    private void sent() {
        lastSent = System.nanoTime();
        expired = false;
    }

    /**
     * Caps the next read at what is left of the answer deadline; fails when nothing is left, the first
     * time. Once the deadline has failed a read, reads wait the caller's {@code SO_TIMEOUT} again.
     */
    private void beforeRead() throws IOException {
        if (expired) {
            super.setSoTimeout(soTimeout);
            return;
        }
        long left = lastSent + answerNanos - System.nanoTime();
        if (left <= 0) {
            throw timedOut(null);
        }
        long ms = Math.max(1, TimeUnit.NANOSECONDS.toMillis(left + 999_999));
        int cap = soTimeout;
        super.setSoTimeout((int) Math.min(cap == 0 ? Integer.MAX_VALUE : cap, Math.min(ms, Integer.MAX_VALUE)));
    }

    private IOException afterTimeout(SocketTimeoutException e) {
        return !expired && lastSent + answerNanos - System.nanoTime() <= 0 ? timedOut(e) : e;
    }

    private SocketTimeoutException timedOut(SocketTimeoutException cause) {
        expired = true;
        SocketTimeoutException e = new SocketTimeoutException(where + " did not answer in full within "
                + TimeUnit.NANOSECONDS.toMillis(answerNanos) + " ms of the last request (silent, or sending its"
                + " answer too slowly)");
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    private final class Input extends FilterInputStream {
        Input(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            beforeRead();
            try {
                return in.read();
            } catch (SocketTimeoutException e) {
                throw afterTimeout(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            beforeRead();
            try {
                return in.read(b, off, len);
            } catch (SocketTimeoutException e) {
                throw afterTimeout(e);
            }
        }
    }

    private final class Output extends FilterOutputStream {
        Output(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            sent();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            sent();
        }
    }
}
