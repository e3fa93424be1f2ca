package io.spinekit.tls;

import io.spinekit.core.Text;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Checks the way to a Spine endpoint step by step, as {@code spine doctor} does: the host name
 * resolves ({@link #dns}), a TCP connection opens ({@link #tcp}), and a TLS handshake verifies
 * against a {@link SpineTlsContext} ({@link #tls}, a {@link TlsProbe}). {@link #check} runs the
 * three in order and skips what follows a failure. spine-ldap's {@code SdsCheck} adds an LDAP step.
 *
 * <p>Every step has a total deadline, however the other side paces its answers: when it passes,
 * the step's socket is closed and the step is {@link Outcome#FAILED} with {@link TlsFailure#TIMEOUT}
 * (a DNS look-up cannot be interrupted; it is abandoned on a daemon thread). No step throws for a
 * network or TLS failure: the result says what happened and what to do. Thread-safe.
 *
 * <pre>{@code
 * for (ConnectionCheck.Step s : ConnectionCheck.check(tls, "ldap.nis1.national.ncrs.nhs.uk", 636, Duration.ofSeconds(5))) {
 *     System.out.println(s.name() + " " + s.outcome() + ": " + s.detail() + s.fix().map(f -> " (" + f + ")").orElse(""));
 * }
 * }</pre>
 */
public final class ConnectionCheck {
    /** The name of the DNS step. */
    public static final String DNS = "dns";
    /** The name of the TCP step. */
    public static final String TCP = "tcp";
    /** The name of the TLS step. */
    public static final String TLS = "tls";

    /** The most a step's deadline may be. */
    public static final Duration MAX_DEADLINE = Duration.ofMinutes(10);

    /** How long after its own deadline a probe may take to report it, before the step gives up on it. */
    private static final Duration PROBE_GRACE = Duration.ofMillis(250);
    /** The probe's post-handshake alert wait (capped by the deadline). */
    private static final Duration ALERT_WAIT = Duration.ofMillis(500);

    private static final ExecutorService STEPS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "spine-connection-check");
                t.setDaemon(true);
                return t;
            });

    /** How a step ended. */
    public enum Outcome {
        /** The step succeeded. */
        OK,
        /** The step failed; the detail says why and the fix what to do. */
        FAILED,
        /** The step did not run because an earlier one failed. */
        SKIPPED
    }

    /**
     * The result of one step.
     *
     * @param name the step: {@link ConnectionCheck#DNS}, {@link ConnectionCheck#TCP},
     *     {@link ConnectionCheck#TLS} (or {@code ldap} from spine-ldap)
     * @param target what was checked: a host, {@code host:port} or a URL
     * @param outcome how it ended
     * @param elapsed how long it took
     * @param detail a sentence saying what was found (addresses, protocol and suite, the error)
     * @param fix what to do about a failure, when there is advice
     * @param failure the kind of failure, where one applies: the probe's verdict for TLS,
     *     {@link TlsFailure#CONNECTION_FAILED} for DNS and TCP, {@link TlsFailure#TIMEOUT} when a
     *     step's deadline passed
     * @param handshake the probe's full report, for the TLS step
     */
    public record Step(String name, String target, Outcome outcome, Duration elapsed, String detail,
            Optional<String> fix, Optional<TlsFailure> failure, Optional<HandshakeReport> handshake) {
        /**
         * Checks the parts.
         *
         * @param name the step
         * @param target the target
         * @param outcome the outcome
         * @param elapsed the time taken
         * @param detail the detail
         * @param fix the fix
         * @param failure the failure kind
         * @param handshake the handshake report
         */
        public Step {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(elapsed, "elapsed");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(fix, "fix");
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(handshake, "handshake");
        }

        /**
         * Whether the step succeeded.
         *
         * @return true for {@link Outcome#OK}
         */
        public boolean ok() {
            return outcome == Outcome.OK;
        }

        /**
         * A step that did not run.
         *
         * @param name the step
         * @param target what it would have checked
         * @param why why it did not run
         * @return a {@link Outcome#SKIPPED} step
         */
        public static Step skipped(String name, String target, String why) {
            return new Step(name, target, Outcome.SKIPPED, Duration.ZERO, why, Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
    }

    private ConnectionCheck() {
    }

    /**
     * Runs the DNS, TCP and TLS steps in order; a step after a failed one is {@link Outcome#SKIPPED}.
     *
     * @param tls the context for the handshake (its trust and client identity)
     * @param host the host name
     * @param port the port, 1-65535
     * @param deadline the deadline of each step, positive and at most {@link #MAX_DEADLINE}
     * @return three steps
     * @throws TlsConfigurationException for a bad port or deadline
     */
    public static List<Step> check(SpineTlsContext tls, String host, int port, Duration deadline) {
        Objects.requireNonNull(tls, "tls");
        checkArguments(host, port, deadline);
        List<Step> steps = new ArrayList<>();
        steps.add(dns(host, deadline));
        String target = host + ":" + port;
        steps.add(steps.get(0).ok() ? tcp(host, port, deadline) : Step.skipped(TCP, target, "not checked: "
                + Text.quote(host) + " does not resolve"));
        steps.add(steps.get(1).ok() ? tls(tls, host, port, deadline) : Step.skipped(TLS, target, "not checked: "
                + "no TCP connection"));
        return steps;
    }

    /**
     * Resolves a host name within a deadline.
     *
     * @param host the host name
     * @param deadline the most the look-up may take, positive and at most {@link #MAX_DEADLINE}
     * @return OK with the addresses, or FAILED with a fix (names under {@code .ncrs.nhs.uk} resolve only on HSCN)
     * @throws TlsConfigurationException for a bad deadline
     */
    public static Step dns(String host, Duration deadline) {
        checkArguments(host, 1, deadline);
        long t0 = System.nanoTime();
        Future<InetAddress[]> lookup = STEPS.submit(() -> InetAddress.getAllByName(host));
        try {
            InetAddress[] addresses = lookup.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return new Step(DNS, host, Outcome.OK, since(t0), "resolves to " + Arrays.stream(addresses)
                    .map(InetAddress::getHostAddress).distinct().collect(Collectors.joining(", ")), Optional.empty(),
                    Optional.empty(), Optional.empty());
        } catch (TimeoutException e) {
            lookup.cancel(true);
            return failed(DNS, host, t0, "no answer from DNS within " + seconds(deadline),
                    "check this machine's DNS servers" + hscnHint(host), TlsFailure.TIMEOUT);
        } catch (ExecutionException e) {
            String why = e.getCause() instanceof UnknownHostException ? "does not resolve (" + Text.quote(host)
                    + " is unknown to this machine's DNS)" : "cannot be resolved: " + e.getCause();
            return failed(DNS, host, t0, why, "check the name" + hscnHint(host), TlsFailure.CONNECTION_FAILED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lookup.cancel(true);
            return failed(DNS, host, t0, "interrupted", null, TlsFailure.OTHER);
        }
    }

    /**
     * Opens (and closes) a TCP connection within a deadline; name resolution counts against it.
     *
     * @param host the host name
     * @param port the port, 1-65535
     * @param deadline the most the connection may take, positive and at most {@link #MAX_DEADLINE}
     * @return OK with the time taken, or FAILED with a fix
     * @throws TlsConfigurationException for a bad port or deadline
     */
    public static Step tcp(String host, int port, Duration deadline) {
        checkArguments(host, port, deadline);
        String target = host + ":" + port;
        long t0 = System.nanoTime();
        Socket socket = new Socket();
        String fix = "check that the server runs and that firewalls allow TCP " + port + " from this machine"
                + " (Spine: 443 for HTTPS, 636 for LDAPS)";
        Future<Void> connect = STEPS.submit(() -> {
            socket.connect(new InetSocketAddress(host, port), (int) deadline.toMillis());
            return null;
        });
        try {
            connect.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return new Step(TCP, target, Outcome.OK, since(t0), "connected in " + since(t0).toMillis() + " ms",
                    Optional.empty(), Optional.empty(), Optional.empty());
        } catch (TimeoutException e) {
            connect.cancel(true);
            return failed(TCP, target, t0, "cannot connect: no connection within " + seconds(deadline), fix,
                    TlsFailure.TIMEOUT);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            return failed(TCP, target, t0, "cannot connect: " + (c instanceof UnknownHostException
                    ? "unknown host " + Text.quote(host) : c.getMessage()), fix, TlsFailure.CONNECTION_FAILED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connect.cancel(true);
            return failed(TCP, target, t0, "interrupted", null, TlsFailure.OTHER);
        } finally {
            closeQuietly(socket);
        }
    }

    /**
     * Makes a TLS handshake with {@link TlsProbe} within a deadline (the probe's total deadline).
     *
     * @param tls the context (its trust, client identity, protocols and suites)
     * @param host the host name (also for SNI and the host name check)
     * @param port the port, 1-65535
     * @param deadline the most the handshake may take, positive and at most {@link #MAX_DEADLINE}
     * @return OK with the protocol, suite and verified server, or FAILED with the probe's verdict and fix
     * @throws TlsConfigurationException for a bad port or deadline
     */
    public static Step tls(SpineTlsContext tls, String host, int port, Duration deadline) {
        Objects.requireNonNull(tls, "tls");
        checkArguments(host, port, deadline);
        String target = host + ":" + port;
        long t0 = System.nanoTime();
        Duration alertWait = ALERT_WAIT.compareTo(deadline) < 0 ? ALERT_WAIT : deadline.dividedBy(2);
        Callable<HandshakeReport> probe = () -> TlsProbe.handshake(tls, host, port, deadline, alertWait, deadline);
        Future<HandshakeReport> f = STEPS.submit(probe);
        HandshakeReport r;
        try {
            // The probe cuts itself off at the deadline; this bound only covers what it cannot cut (name resolution).
            r = f.get(deadline.plus(PROBE_GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return failed(TLS, target, t0, "no complete TLS handshake within " + seconds(deadline) + " (the step's"
                    + " deadline)", TlsFailure.TIMEOUT.fix(), TlsFailure.TIMEOUT);
        } catch (ExecutionException e) {
            return failed(TLS, target, t0, "the probe failed: " + e.getCause(), null, TlsFailure.OTHER);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            return failed(TLS, target, t0, "interrupted", null, TlsFailure.OTHER);
        }
        if (r.success()) {
            String detail = r.protocol().orElse("?") + " " + r.cipherSuite().orElse("?") + ", server "
                    + r.serverChain().stream().findFirst().map(CertificateSummary::subject).orElse("?") + " verified"
                    + (r.clientCertificate().isPresent() ? ", client certificate presented" : "");
            return new Step(TLS, target, Outcome.OK, since(t0), detail, Optional.empty(), Optional.empty(),
                    Optional.of(r));
        }
        return new Step(TLS, target, Outcome.FAILED, since(t0), r.message(), r.fix(), r.failure(), Optional.of(r));
    }

    /** HSCN names (*.ncrs.nhs.uk) resolve only through HSCN DNS; internet-facing Spine names resolve anywhere. */
    private static String hscnHint(String host) {
        return host.toLowerCase(Locale.ROOT).endsWith(".ncrs.nhs.uk")
                ? "; " + host + " is an HSCN name: it resolves only on HSCN, so check this machine's HSCN connection and DNS"
                : "; check this machine's DNS and any proxy";
    }

    private static void checkArguments(String host, int port, Duration deadline) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(deadline, "deadline");
        if (host.isBlank()) {
            throw new TlsConfigurationException("host must not be blank, was " + Text.quote(host));
        }
        if (port < 1 || port > 65535) {
            throw new TlsConfigurationException("port must be 1-65535, was " + port);
        }
        if (deadline.isNegative() || deadline.isZero() || deadline.compareTo(MAX_DEADLINE) > 0) {
            throw new TlsConfigurationException("deadline must be positive and at most " + MAX_DEADLINE.toMinutes()
                    + " minutes, was " + deadline);
        }
    }

    private static Step failed(String name, String target, long t0, String detail, String fix, TlsFailure failure) {
        return new Step(name, target, Outcome.FAILED, since(t0), detail, Optional.ofNullable(fix),
                Optional.of(failure), Optional.empty());
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /**
     * A duration in seconds for messages: {@code 5 s}, {@code 0.5 s}.
     *
     * @param d the duration
     * @return the text
     */
    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms / 1000.0 + " s";
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing a check's socket: nothing more to do
        }
    }
}
