package io.spinekit.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A misbehaving directory on loopback, to test that a client gives up in time and fails over:
 * {@linkplain Mode#STALL stall} (accepts TCP, never says a byte), {@linkplain Mode#TRICKLE trickle}
 * (forwards to a real {@link EmbeddedSds}, but its answers one byte per interval, so every read
 * succeeds and the TLS handshake never ends in practice), {@linkplain Mode#PASS pass} (a plain
 * forwarding proxy), and {@link #blackHole()} (a port whose connections are never accepted: the
 * TCP connect itself does not complete).
 *
 * <pre>{@code
 * try (FaultyLdapServer stall = FaultyLdapServer.start(sds, FaultyLdapServer.Mode.STALL)) {
 *     SdsClient client = SdsClient.builder().ldapUrls(stall.url(), sds.url()).tls(sds.tlsContext()).build();
 * }
 * }</pre>
 *
 * <p>The URL names {@code localhost}, as the embedded directory's certificate does, so a proxied
 * handshake verifies. One daemon thread per connection; {@link #close()} ends them.
 */
public final class FaultyLdapServer implements AutoCloseable {
    /** How new connections are treated. */
    public enum Mode {
        /** Forward both ways unchanged. */
        PASS,
        /** Accept the connection and never answer (nor read). */
        STALL,
        /** Forward the client's bytes; send the directory's bytes back one per trickle interval. */
        TRICKLE
    }

    private final ServerSocket server;
    private final EmbeddedSds target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<Socket> queued = new ArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread acceptor;
    private volatile Mode mode;
    private volatile Duration trickleInterval = Duration.ofSeconds(1);
    private volatile boolean closed;
    private volatile boolean slowOpen;

    private FaultyLdapServer(ServerSocket server, EmbeddedSds target, Mode mode, boolean accept) {
        this.server = server;
        this.target = target;
        this.mode = mode;
        if (accept) {
            acceptor = new Thread(this::acceptLoop, "faulty-ldap-accept-" + server.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
        } else {
            acceptor = null;
        }
    }

    /**
     * Starts a server in front of a directory (the target is used by {@link Mode#PASS} and
     * {@link Mode#TRICKLE}).
     *
     * @param target the directory to forward to
     * @param mode how connections are treated at first
     * @return the running server on a free loopback port
     */
    public static FaultyLdapServer start(EmbeddedSds target, Mode mode) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(mode, "mode");
        return new FaultyLdapServer(bind(50), target, mode, true);
    }

    /**
     * Starts a server that accepts every connection and never answers.
     *
     * @return the running server on a free loopback port
     */
    public static FaultyLdapServer stall() {
        return new FaultyLdapServer(bind(50), null, Mode.STALL, true);
    }

    /**
     * Starts a black hole: a listening port that never accepts, with its accept queue filled, so a
     * new connection's TCP handshake is not answered and only the connect timeout ends it.
     *
     * @return the black hole on a free loopback port
     */
    public static FaultyLdapServer blackHole() {
        FaultyLdapServer hole = new FaultyLdapServer(bind(1), null, Mode.STALL, false);
        hole.fillAcceptQueue();
        return hole;
    }

    private static ServerSocket bind(int backlog) {
        try {
            ServerSocket s = new ServerSocket();
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), backlog);
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a loopback port", e);
        }
    }

    private void fillAcceptQueue() {
        for (int i = 0; i < 64; i++) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 200);
                queued.add(s);
            } catch (SocketTimeoutException e) {
                closeQuietly(s);
                return; // the queue is full: connects now go unanswered
            } catch (IOException e) {
                closeQuietly(s);
                throw new UncheckedIOException("Cannot fill the accept queue of the black hole", e);
            }
        }
        throw new IllegalStateException("The accept queue of the black hole did not fill after 64 connections");
    }

    /**
     * Changes how connections are treated and drops the open ones, so a client's next connection
     * meets the new mode.
     *
     * @param mode the new mode
     */
    public void mode(Mode mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.slowOpen = false;
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    /**
     * Slows down: new connections and the ones already open (past their TLS handshake, say) from
     * now on get the directory's bytes one per trickle interval, as in {@link Mode#TRICKLE}. Only for
     * a server started in front of a directory.
     */
    public void slowDown() {
        if (target == null) {
            throw new IllegalStateException("slowDown() needs a server in front of a directory: start(sds, mode)");
        }
        this.mode = Mode.TRICKLE;
        this.slowOpen = true;
    }

    /**
     * Sets the pause between two bytes in {@link Mode#TRICKLE}. Default 1 second.
     *
     * @param interval a positive duration
     */
    public void trickleInterval(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
        this.trickleInterval = interval;
    }

    /**
     * The URL to give a client.
     *
     * @return {@code ldaps://localhost:PORT}
     */
    public String url() {
        return "ldaps://localhost:" + port();
    }

    /**
     * The loopback port.
     *
     * @return the port
     */
    public int port() {
        return server.getLocalPort();
    }

    /**
     * How many connections were accepted so far (zero for a black hole).
     *
     * @return the count
     */
    public int acceptedConnections() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            accepted.incrementAndGet();
            open.add(client);
            Mode m = mode;
            if (m == Mode.STALL) {
                continue; // hold it open, say nothing
            }
            Socket upstream = new Socket();
            try {
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target.port()), 5_000);
            } catch (IOException e) {
                closeQuietly(client);
                closeQuietly(upstream);
                continue;
            }
            open.add(upstream);
            pump(client, upstream, false, "up");
            pump(upstream, client, m == Mode.TRICKLE, "down");
        }
    }

    private void pump(Socket from, Socket to, boolean trickle, String direction) {
        boolean downstream = direction.equals("down");
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[8192];
                int n;
                while (!closed && (n = in.read(buffer)) >= 0) {
                    if (trickle || (slowOpen && downstream)) {
                        for (int i = 0; i < n && !closed; i++) {
                            out.write(buffer[i]);
                            out.flush();
                            Thread.sleep(trickleInterval.toMillis());
                        }
                    } else {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // a side closed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "faulty-ldap-" + direction + "-" + server.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** Closes the port and every connection. */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : open) {
            closeQuietly(s);
        }
        for (Socket s : queued) {
            closeQuietly(s);
        }
        if (acceptor != null) {
            acceptor.interrupt();
        }
    }
}
