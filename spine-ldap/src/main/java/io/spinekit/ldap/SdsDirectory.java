package io.spinekit.ldap;

import com.unboundid.ldap.sdk.DisconnectType;
import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.GetEntryLDAPConnectionPoolHealthCheck;
import com.unboundid.ldap.sdk.LDAPBindException;
import com.unboundid.ldap.sdk.LDAPConnectionInfo;
import com.unboundid.ldap.sdk.LDAPConnectionLogger;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.util.ssl.SSLSocketVerifier;
import io.spinekit.core.Text;
import io.spinekit.tls.SpineTlsContext;
import io.spinekit.tls.internal.DeadlineSockets;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.net.SocketFactory;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;

/**
 * The connection side of {@link SdsClient}: an UnboundID connection pool over a failover server set
 * (servers tried in the order given), anonymous simple bind, connect and total answer deadlines on
 * every socket (spine-tls's {@code DeadlineSockets}), a
 * bounded size, background health checks, and retry of an operation on a fresh connection when its
 * connection turned out to be dead (so the pool heals after a server restart).
 */
final class SdsDirectory implements AutoCloseable {
    /**
     * Connection settings.
     *
     * @param connectTimeout TCP connect timeout
     * @param responseTimeout how long each answer may take in all, from our last write (each TLS
     *        handshake flight, each LDAP response with its entries); see spine-tls's {@code DeadlineSockets}
     * @param maxConnections the most connections the pool holds
     * @param healthCheckInterval how often idle connections are checked
     * @param failbackAfter how long a connection to a secondary server lives before it is replaced
     *        (by one to the first server that answers, in order)
     * @param maxResults the most entries one search may return
     */
    record Settings(Duration connectTimeout, Duration responseTimeout, int maxConnections,
            Duration healthCheckInterval, Duration failbackAfter, int maxResults) {
    }

    private final List<LdapServer> servers;
    private final Settings settings;
    private final LDAPConnectionPool pool;
    private final boolean clientCertificate;
    private final TlsFailures tlsFailures = new TlsFailures();

    /**
     * Checks the servers and opens the pool (no connection is made yet).
     *
     * @param urls the server URLs, in failover order
     * @param allowPlainLdap whether plain {@code ldap://} URLs are allowed
     * @param tls the TLS context, required when a URL is {@code ldaps://}
     * @param settings the connection settings
     * @return the directory
     * @throws SdsLookupException for an invalid URL, a plain one not allowed, or LDAPS without a TLS context
     */
    static SdsDirectory open(List<String> urls, boolean allowPlainLdap, SpineTlsContext tls, Settings settings) {
        List<LdapServer> servers = new ArrayList<>();
        for (String u : urls) {
            LdapServer s = LdapServer.parse(u);
            if (!s.secure() && !allowPlainLdap) {
                throw new SdsLookupException("Plain LDAP URL " + Text.quote(u, SdsLookupException.QUOTE_LIMIT)
                        + " refused: SDS is reached over LDAPS"
                        + " (ldaps://host:636); for a local test directory call allowPlainLdap()");
            }
            servers.add(s);
        }
        boolean anySecure = servers.stream().anyMatch(LdapServer::secure);
        if (anySecure && tls == null) {
            throw new SdsLookupException("LDAPS server " + servers.stream().filter(LdapServer::secure)
                    .findFirst().orElseThrow() + " needs a TLS context: call tls(SpineTlsContext) with the "
                    + "environment's trust and your client certificate");
        }
        // the TLS layer: its createSocket(socket, host, port, true) applies the context's protocols, suites
        // and LDAPS endpoint identification (the constructor puts our own deadline sockets below it)
        return new SdsDirectory(servers,
                anySecure ? tls.ldapSocketFactory(settings.connectTimeout(), settings.responseTimeout()) : null,
                anySecure ? tls.ldapSocketVerifier() : null,
                anySecure && tls.clientIdentity().isPresent(), settings);
    }

    SdsDirectory(List<LdapServer> servers, SocketFactory tlsSocketFactory, SSLSocketVerifier verifier,
            boolean clientCertificate, Settings settings) {
        this.servers = List.copyOf(servers);
        this.settings = settings;
        this.clientCertificate = clientCertificate;
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        // Our socket factory connects within connectTimeout and bounds every answer (each TLS handshake
        // flight, each LDAP response) to responseTimeout in all, so a connection attempt ends within
        // connectTimeout + 2 x responseTimeout. UnboundID's own connect timeout is only its wait for
        // its connect thread (ConnectThread.getConnectedSocket joins it for this long, then hands over
        // a socket whose handshake may still run): keep it beyond ours, so our deadline, with its
        // precise exception, always ends the attempt first.
        options.setConnectTimeoutMillis(millis(settings.connectTimeout().plus(settings.responseTimeout().multipliedBy(2))
                .plusSeconds(1)));
        options.setResponseTimeoutMillis(settings.responseTimeout().toMillis());
        options.setAbandonOnTimeout(true);
        options.setUseKeepAlive(true);
        // One request at a time per pooled connection: read the answer on the calling thread instead
        // of handing it over from a reader thread (fewer threads, lower latency).
        options.setUseSynchronousMode(true);
        // No SO_LINGER: closing a TLS socket would otherwise wait (up to the linger time) for the
        // close_notify of a server that has stopped answering, stretching a timeout by seconds.
        options.setUseLinger(false, 0);
        options.setFollowReferrals(false);
        options.setConnectionLogger(tlsFailures);
        options.setUseSchema(false);
        if (verifier != null) {
            options.setSSLSocketVerifier(verifier);
        }
        List<ServerSet> sets = new ArrayList<>();
        for (LdapServer s : servers) {
            SocketFactory factory = s.secure()
                    ? DeadlineSockets.tls(sslFactory(tlsSocketFactory), s.host(), s.url(), settings.connectTimeout(),
                            settings.responseTimeout())
                    : DeadlineSockets.plain(s.url(), settings.connectTimeout(), settings.responseTimeout());
            sets.add(new SingleServerSet(s.host(), s.port(), factory, options));
        }
        FailoverServerSet failover = new FailoverServerSet(sets);
        failover.setMaxFailoverConnectionAgeMillis(settings.failbackAfter().toMillis());
        try {
            // Anonymous simple bind; no initial connection, so a client can be built while SDS is down.
            this.pool = new LDAPConnectionPool(failover, new SimpleBindRequest(), 0, settings.maxConnections(), 1,
                    null, false, new GetEntryLDAPConnectionPoolHealthCheck("", settings.responseTimeout().toMillis(),
                            false, false, false, false, true, true));
        } catch (LDAPException e) {
            throw new SdsUnavailableException("Cannot create the SDS connection pool for " + servers + ": "
                    + quoted(e), e);
        }
        pool.setConnectionPoolName("spinekit-sds");
        pool.setCreateIfNecessary(false);
        pool.setMaxWaitTimeMillis(settings.responseTimeout().toMillis());
        pool.setHealthCheckIntervalMillis(settings.healthCheckInterval().toMillis());
        pool.setRetryFailedOperationsDueToInvalidConnections(true);
        pool.setCheckConnectionAgeOnRelease(true);
    }

    private static SSLSocketFactory sslFactory(SocketFactory factory) {
        if (factory instanceof SSLSocketFactory ssl) {
            return ssl;
        }
        throw new IllegalArgumentException("An LDAPS server needs an SSLSocketFactory, was " + factory);
    }

    /**
     * How much of what UnboundID or the server said a message shows: more than {@link SdsLookupException#QUOTE_LIMIT},
     * as a connect error nests the socket's own message.
     */
    static final int CAUSE_LIMIT = 1_000;

    /** What UnboundID or the server said, quoted: a line break in a server's message cannot forge a log line. */
    private static String quoted(LDAPException e) {
        return Text.quote(e.getMessage(), CAUSE_LIMIT);
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }

    /**
     * Searches one subtree.
     *
     * @param base the search base
     * @param filter the (escaped) filter
     * @param what a description of the look-up for messages
     * @return the entries, possibly none
     */
    List<SearchResultEntry> search(String base, Filter filter, String what) {
        SearchRequest request = new SearchRequest(base, SearchScope.SUB, filter);
        request.setSizeLimit(settings.maxResults() + 1);
        request.setTimeLimitSeconds((int) Math.max(1, settings.responseTimeout().toSeconds()));
        request.setResponseTimeoutMillis(settings.responseTimeout().toMillis());
        SearchResult result;
        tlsFailures.forget();
        try {
            result = pool.search(request);
        } catch (LDAPSearchException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return List.of();
            }
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                throw tooMany(what);
            }
            throw failure(e, what);
        } finally {
            tlsFailures.forget();
        }
        List<SearchResultEntry> entries = result.getSearchEntries();
        if (entries.size() > settings.maxResults()) {
            throw tooMany(what);
        }
        return entries;
    }

    private SdsLookupException tooMany(String what) {
        return new SdsLookupException("More than " + settings.maxResults() + " SDS entries match the " + what
                + ": narrow the look-up (for example with a party key) or raise SdsClient.Builder.maxResults");
    }

    private SdsLookupException failure(LDAPException e, String what) {
        ResultCode rc = e.getResultCode();
        String urls = servers.stream().map(LdapServer::url).collect(Collectors.joining(", "));
        if (rc == ResultCode.TIMEOUT || rc == ResultCode.TIME_LIMIT_EXCEEDED) {
            return new SdsUnavailableException("SDS did not answer the " + what + " within the response timeout of "
                    + settings.responseTimeout().toMillis() + " ms (servers: " + urls + "): the directory is slow or "
                    + "unreachable; raise SdsClient.Builder.responseTimeout if it is just slow", e,
                    SdsUnavailableException.Reason.TIMEOUT, null);
        }
        if (!(rc == ResultCode.CONNECT_ERROR || rc == ResultCode.SERVER_DOWN || rc == ResultCode.UNAVAILABLE
                || rc == ResultCode.BUSY || rc == ResultCode.LOCAL_ERROR || rc == ResultCode.DECODING_ERROR
                || rc == ResultCode.ENCODING_ERROR)) {
            return new SdsLookupException("SDS refused the " + what + " (" + rc + "): " + quoted(e), e);
        }
        String tried = " (servers tried in order: " + urls + "; connect timeout " + settings.connectTimeout().toMillis()
                + " ms, each answer within " + settings.responseTimeout().toMillis() + " ms)";
        if (TlsVerdict.cause(e, SocketTimeoutException.class) != null) {
            return new SdsUnavailableException("No SDS server answered the " + what + " in time" + tried + ": "
                    + quoted(e) + ". The directory is unreachable, or holds connections open without answering;"
                    + " raise SdsClient.Builder.connectTimeout or responseTimeout if it is just slow", e,
                    SdsUnavailableException.Reason.TIMEOUT, null);
        }
        TlsFailures.Seen seen = tlsFailures.take();
        Optional<TlsVerdict> verdict = TlsVerdict.of(e, seen == null ? null : seen.cause(),
                servers.stream().anyMatch(LdapServer::secure), clientCertificate,
                TlsVerdict.cause(e, LDAPBindException.class) != null);
        if (verdict.isPresent()) {
            TlsVerdict v = verdict.get();
            // UnboundID's FailoverServerSet tries the servers in order and throws the last one's failure.
            String server = seen != null ? seen.server() : servers.get(servers.size() - 1).url();
            for (LdapServer s : servers) {
                if (seen != null && seen.server().equalsIgnoreCase(s.host() + ":" + s.port())) {
                    server = s.url();
                }
            }
            String detail = v.tlsError() == e ? quoted(e) : quoted(e) + " ("
                    + Text.quote(String.valueOf(v.tlsError()), CAUSE_LIMIT) + ")";
            return new SdsUnavailableException(v.head(server, clientCertificate, what) + tried + ": " + detail + ". "
                    + v.kind().fix(), e, SdsUnavailableException.Reason.TLS_HANDSHAKE_FAILED, v.kind());
        }
        SdsUnavailableException.Reason reason = TlsVerdict.cause(e, ConnectException.class) != null
                || TlsVerdict.cause(e, UnknownHostException.class) != null || TlsVerdict.cause(e, NoRouteToHostException.class) != null
                || rc == ResultCode.CONNECT_ERROR || rc == ResultCode.SERVER_DOWN
                ? SdsUnavailableException.Reason.CONNECTION_FAILED : SdsUnavailableException.Reason.UNAVAILABLE;
        return new SdsUnavailableException("No SDS server answered the " + what + " (servers tried in order: "
                + urls + "; connect timeout " + settings.connectTimeout().toMillis() + " ms): "
                + quoted(e), e, reason, null);
    }

    /**
     * Keeps the TLS failure that closed a connection, per thread. A client certificate the server
     * refuses fails the handshake on the server's side; with TLS 1.3 the client hears of it (a fatal
     * alert) only when it reads the bind response, and UnboundID's pool then reports the failed bind
     * as a result without the exception. The disconnect that the alert causes is logged, with its
     * cause, on the thread that read it (synchronous mode), so it can be read back here.
     */
    private static final class TlsFailures extends LDAPConnectionLogger {
        record Seen(String server, Throwable cause) {
        }

        private final ThreadLocal<Seen> seen = new ThreadLocal<>();

        void forget() {
            seen.remove();
        }

        Seen take() {
            Seen s = seen.get();
            seen.remove();
            return s;
        }

        @Override
        public void logDisconnect(LDAPConnectionInfo connectionInfo, String host, int port,
                DisconnectType disconnectType, String disconnectMessage, Throwable disconnectCause) {
            if (TlsVerdict.cause(disconnectCause, SSLException.class) != null) {
                seen.set(new Seen(host + ":" + port, disconnectCause));
            }
        }

        @Override
        public void logConnectFailure(LDAPConnectionInfo connectionInfo, String host, int port,
                LDAPException connectException) {
            if (TlsVerdict.cause(connectException, SSLException.class) != null) {
                seen.set(new Seen(host + ":" + port, connectException));
            }
        }
    }

    List<LdapServer> servers() {
        return servers;
    }

    int availableConnections() {
        return pool.getCurrentAvailableConnections();
    }

    @Override
    public void close() {
        pool.close();
    }
}
