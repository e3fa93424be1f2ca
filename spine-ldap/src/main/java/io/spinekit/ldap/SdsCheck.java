package io.spinekit.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import io.spinekit.core.Text;
import io.spinekit.tls.ConnectionCheck;
import io.spinekit.tls.SpineTlsContext;
import io.spinekit.tls.TlsFailure;
import io.spinekit.tls.internal.DeadlineSockets;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.SocketFactory;

/**
 * Checks that an SDS directory answers, as {@code spine doctor} does: an anonymous bind and a read
 * of the root DSE over LDAPS with a {@link SpineTlsContext} (its client certificate presented), or
 * over plain LDAP for an {@code ldap://} URL. The result is a {@link ConnectionCheck.Step} named
 * {@link #LDAP}, the step that follows {@link ConnectionCheck}'s DNS, TCP and TLS steps.
 *
 * <p>The check has a total deadline: connect, handshake and each response are bounded by it, and
 * when it passes the connection's sockets are closed and the step is FAILED with
 * {@link TlsFailure#TIMEOUT}, however slowly the directory answers. It never throws for a network,
 * TLS or LDAP failure. Thread-safe.
 */
public final class SdsCheck {
    /** The name of the LDAP step. */
    public static final String LDAP = "ldap";

    private static final ExecutorService CHECKS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "spine-sds-check");
                t.setDaemon(true);
                return t;
            });

    private SdsCheck() {
    }

    /**
     * Binds anonymously and reads the root DSE within a deadline.
     *
     * @param ldapUrl {@code ldaps://host[:port]} (port 636 by default) or {@code ldap://host[:port]} (389)
     * @param tls the TLS context for LDAPS (trust and client certificate); may be null for {@code ldap://}
     * @param deadline the most the check may take, positive and at most {@link ConnectionCheck#MAX_DEADLINE}
     * @return OK with the naming contexts and vendor, or FAILED with the reason and a fix
     * @throws SdsLookupException for a URL that is not an LDAP URL, LDAPS without a context, or a bad deadline
     */
    public static ConnectionCheck.Step check(String ldapUrl, SpineTlsContext tls, Duration deadline) {
        Objects.requireNonNull(ldapUrl, "ldapUrl");
        Objects.requireNonNull(deadline, "deadline");
        URI url;
        try {
            url = new URI(ldapUrl);
        } catch (URISyntaxException e) {
            throw new SdsLookupException("Not an LDAP URL: " + Text.quote(ldapUrl)
                    + "; expected ldaps://host[:port] or ldap://host[:port]");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ldaps") && !scheme.equals("ldap") || url.getHost() == null) {
            throw new SdsLookupException("Not an LDAP URL: " + Text.quote(ldapUrl)
                    + "; expected ldaps://host[:port] or ldap://host[:port]");
        }
        boolean ldaps = scheme.equals("ldaps");
        if (ldaps && tls == null) {
            throw new SdsLookupException("An LDAPS check needs a TLS context (trust and client certificate): "
                    + Text.quote(ldapUrl));
        }
        if (deadline.isNegative() || deadline.isZero() || deadline.compareTo(ConnectionCheck.MAX_DEADLINE) > 0) {
            throw new SdsLookupException("deadline must be positive and at most "
                    + ConnectionCheck.MAX_DEADLINE.toMinutes() + " minutes, was " + deadline);
        }
        String host = url.getHost();
        int port = url.getPort() > 0 ? url.getPort() : ldaps ? 636 : 389;
        long t0 = System.nanoTime();
        // sockets with the deadline on the connect and on each answer, and closed when the check's deadline passes
        RecordingSocketFactory sockets = new RecordingSocketFactory(ldaps ? tls.ldapSocketFactory(deadline, deadline)
                : DeadlineSockets.plain(null, deadline, deadline));
        Future<ConnectionCheck.Step> f = CHECKS.submit(() -> bindAndRead(ldapUrl, host, port, ldaps, tls, sockets,
                deadline, t0));
        try {
            return f.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            sockets.closeAll();
            return failed(ldapUrl, t0, "no complete answer within " + seconds(deadline) + " (the check's"
                    + " deadline): the server accepted the connection but is stalled or too slow",
                    "check the server and anything in between that may hold connections (proxy, firewall); allow"
                            + " more time if the link is known to be slow", Optional.of(TlsFailure.TIMEOUT));
        } catch (ExecutionException e) {
            return failed(ldapUrl, t0, String.valueOf(e.getCause()), null, Optional.of(TlsFailure.OTHER));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            sockets.closeAll();
            return failed(ldapUrl, t0, "interrupted", null, Optional.of(TlsFailure.OTHER));
        } finally {
            sockets.closeAll();
        }
    }

    private static ConnectionCheck.Step bindAndRead(String ldapUrl, String host, int port, boolean ldaps,
            SpineTlsContext tls, RecordingSocketFactory sockets, Duration deadline, long t0) {
        int millis = (int) deadline.toMillis();
        LDAPConnectionOptions options = ldaps ? tls.ldapConnectionOptions() : new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(millis);
        options.setResponseTimeoutMillis(millis);
        boolean atBind = false;
        try (LDAPConnection c = new LDAPConnection(sockets, options, host, port)) {
            atBind = true; // the first LDAP message on the connection
            c.bind(new SimpleBindRequest());
            atBind = false;
            RootDSE root = c.getRootDSE();
            if (root == null) {
                return failed(ldapUrl, t0, "anonymous bind accepted but the root DSE cannot be read",
                        "the directory must allow anonymous reads of the root DSE; check the URL points at SDS",
                        Optional.empty());
            }
            // quoted: a directory's naming context holding a line break cannot forge a doctor line
            String contexts = root.getNamingContextDNs() == null ? "none" : java.util.Arrays
                    .stream(root.getNamingContextDNs()).map(dn -> Text.quote(dn, SdsLookupException.QUOTE_LIMIT))
                    .collect(java.util.stream.Collectors.joining(", "));
            return new ConnectionCheck.Step(LDAP, ldapUrl, ConnectionCheck.Outcome.OK, since(t0),
                    "anonymous bind and root DSE read; naming contexts: " + contexts
                            + Optional.ofNullable(root.getVendorName()).map(vn -> "; vendor " + Text.quote(vn)).orElse(""),
                    Optional.empty(), Optional.empty(), Optional.empty());
        } catch (LDAPException e) {
            // read as SdsClient reads it (TlsVerdict), so a refused client certificate is said every time, also
            // when a TLS 1.3 server's alert is lost and the connection breaks at the anonymous bind
            boolean clientCertificate = ldaps && tls.clientIdentity().isPresent();
            Optional<TlsVerdict> verdict = ldaps ? TlsVerdict.of(e, null, true, clientCertificate, atBind)
                    : Optional.empty();
            TlsFailure kind = verdict.map(TlsVerdict::kind).orElseGet(() -> ldaps
                    ? TlsFailure.classify(e, clientCertificate) : TlsFailure.OTHER);
            Optional<TlsFailure> failure = kind == TlsFailure.OTHER ? Optional.empty() : Optional.of(kind);
            String head = verdict.map(v -> v.head(ldapUrl, clientCertificate, "anonymous bind") + ": ").orElse("");
            return failed(ldapUrl, t0, head + e.getResultCode() + ": "
                    + Text.quote(e.getMessage(), SdsDirectory.CAUSE_LIMIT), failure.map(TlsFailure::fix)
                    .orElse("check the LDAP URL (ldaps:// on port 636), the client certificate (Spine SDS requires"
                            + " one) and the timeout"), failure);
        }
    }

    private static ConnectionCheck.Step failed(String target, long t0, String detail, String fix,
            Optional<TlsFailure> failure) {
        return new ConnectionCheck.Step(LDAP, target, ConnectionCheck.Outcome.FAILED, since(t0), detail,
                Optional.ofNullable(fix), failure, Optional.empty());
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms / 1000.0 + " s";
    }

    /** Hands out the sockets of a delegate factory and remembers them, to close them when the deadline passes. */
    private static final class RecordingSocketFactory extends SocketFactory {
        private final SocketFactory delegate;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();

        RecordingSocketFactory(SocketFactory delegate) {
            this.delegate = delegate;
        }

        private Socket held(Socket s) {
            sockets.add(s);
            return s;
        }

        void closeAll() {
            for (Socket s : sockets) {
                try {
                    s.close();
                } catch (IOException e) {
                    // abandoning the check: nothing more to do
                }
            }
        }

        @Override
        public Socket createSocket() throws IOException {
            return held(delegate.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return held(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return held(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return held(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return held(delegate.createSocket(address, port, localAddress, localPort));
        }
    }
}
