package io.spinekit.messaging;

import io.spinekit.env.Asid;
import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.env.PartyKey;
import io.spinekit.ldap.Route;
import io.spinekit.ldap.RouteRequest;
import io.spinekit.ldap.RouteResult;
import io.spinekit.tls.SpineTlsContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The entry point of spine-messaging: sends an interaction to an organisation's SDS route over
 * mutual TLS and returns a typed {@link SendOutcome}. Thread-safe; close it to release its
 * connections and threads.
 *
 * <pre>{@code
 * try (SpineMessaging messaging = SpineMessaging.builder()
 *         .tls(tls).fromPartyKey(PartyKey.of("X99-123456")).fromAsid(Asid.of("200000000001"))
 *         .routeResolver(sds::route)                        // optional: SDS look-ups (cached by SdsClient)
 *         .build()) {
 *     SendOutcome out = messaging.send(route, OutboundMessage.of(hl7));             // blocks
 *     CompletableFuture<SendOutcome> f = messaging.sendAsync(ods, interaction, msg); // never blocks
 * }
 * }</pre>
 *
 * <p>What a send does: picks the {@link Workflow} from the route, takes every header flag from the
 * route's SDS reliability attributes (AckRequested and its actor, DuplicateElimination, SyncReply;
 * see {@link Workflow} for what applies where the route has none), builds the message with this
 * client's party key and the route's party key, CPA id, service and interaction names, posts it
 * to the route's endpoint, and reads the answer. It retries:
 * <ul>
 *   <li>a connection failure (refused, unreachable, dropped before an answer) up to
 *       {@link Builder#transportRetries(int)} times after {@link Builder#transportRetryDelay(Duration)},
 *       in every workflow (MHS's {@code MHS_OUTBOUND_TRANSMISSION_MAX_RETRIES} 3 and 100 ms);</li>
 *   <li>in a reliable workflow, a SOAP fault whose codes are all retriable
 *       ({@link SpineReply.SoapFault#retriable()}) up to {@code nhsMhsRetries} times, waiting
 *       {@code nhsMhsRetryInterval}, never past {@code nhsMhsPersistDuration} after the first attempt.</li>
 * </ul>
 * It never retries a TLS or certificate failure, an ebXML error list, a fault with an empty or
 * non-retriable code list, or a response timeout (the message may have arrived). Every attempt
 * carries the same MessageId. Retries wait on a scheduler, never on the caller's thread.
 *
 * <p>A reliable message (reliable or forward reliable) is first committed to the
 * {@link Builder#store(MessageStore) store} with its bytes, route and retry state: {@code sendAsync}
 * returning means it was accepted; a store that cannot be reached throws {@link MessagingException}
 * ({@code STORE_UNAVAILABLE}) and nothing is sent. It is then run from the store under a lease (see
 * {@link MessageStore}): several clients sharing one database store share the work, and a message
 * whose client died is taken over, with the same MessageId, once the lease runs out. A message that
 * ends undelivered (failed, refused, faulted, or past its deadline when taken over) is reported to
 * {@link Builder#undeliveredListener(Consumer)}.
 *
 * <p>Every step of every send (first post, each retry, the end with its latency) is told to the
 * {@link Builder#sendListener(SendListener) send listener}, for metrics: see {@link SendListener}.
 */
public final class SpineMessaging implements AutoCloseable {
    /** Resolves a route, for sends by ODS code and interaction: {@code sdsClient::route} fits. */
    @FunctionalInterface
    public interface RouteResolver {
        /**
         * Looks a route up.
         *
         * @param request the organisation and interaction, marked
         *     {@link RouteRequest#viaReliableIntermediary()} for the forward-reliable interactions
         * @return the result, found or not
         */
        RouteResult resolve(RouteRequest request);
    }

    private final PartyKey fromPartyKey;
    private final Optional<Asid> fromAsid;
    private final RouteResolver resolver;
    private final MessageStore store;
    private final Clock clock;
    private final int transportRetries;
    private final Duration transportRetryDelay;
    private final Transport transport;
    private final Dispatcher dispatcher;
    private final SendEvents events;
    private final boolean ownsStore;
    private final StoredSender stored;
    private volatile boolean closed;

    private SpineMessaging(Builder b) {
        this.fromPartyKey = b.fromPartyKey;
        this.fromAsid = Optional.ofNullable(b.fromAsid);
        this.resolver = b.resolver;
        this.ownsStore = b.store == null;
        this.store = ownsStore ? MessageStoreFactory.openDefault() : b.store;
        this.clock = b.clock;
        this.transportRetries = b.transportRetries;
        this.transportRetryDelay = b.transportRetryDelay;
        this.transport = new Transport(b.tls, b.connectTimeout, b.handshakeTimeout, b.responseTimeout,
                b.requestTimeout, b.maxResponseBytes, b.maxConcurrentSends);
        this.dispatcher = new Dispatcher(b.maxConcurrentSends);
        this.events = new SendEvents(b.sendListener, b.clock);
        Duration lease = b.lease != null ? b.lease : b.requestTimeout.multipliedBy(b.transportRetries + 1L)
                .plus(b.transportRetryDelay.multipliedBy(b.transportRetries)).plusSeconds(60);
        this.stored = new StoredSender(this, store, lease, b.pollInterval, b.maxConcurrentSends, b.undelivered);
    }

    /**
     * A builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * This client's party key (the {@code eb:From} of every message).
     *
     * @return the party key
     */
    public PartyKey fromPartyKey() {
        return fromPartyKey;
    }

    /**
     * This client's ASID, if set (used by synchronous SOAP).
     *
     * @return the ASID
     */
    public Optional<Asid> fromAsid() {
        return fromAsid;
    }

    /**
     * The store this client keeps its messages in.
     *
     * @return the store
     */
    public MessageStore store() {
        return store;
    }

    /**
     * Sends and waits for the outcome (retries included).
     *
     * @param route where to send it
     * @param message what to send
     * @return the outcome
     * @throws MessagingException ({@code INVALID_ARGUMENT}, {@code TOO_LARGE}) if the message cannot be built
     */
    public SendOutcome send(Route route, OutboundMessage message) {
        return Requests.join(sendAsync(route, message));
    }

    /**
     * Resolves the route with the {@link Builder#routeResolver(RouteResolver) resolver}, sends and
     * waits for the outcome; no route is a {@link SendOutcome.Failure#NO_ROUTE} failure.
     *
     * @param odsCode the receiving organisation
     * @param interactionId the interaction
     * @param message what to send
     * @return the outcome
     */
    public SendOutcome send(OdsCode odsCode, InteractionId interactionId, OutboundMessage message) {
        return Requests.join(sendAsync(odsCode, interactionId, message));
    }

    /**
     * Resolves the route (on a worker thread) and sends. For the interactions the SDS API routes
     * through Spine's reliable intermediary (MESSAGING.md section 4: services such as gp2gp with
     * interactions such as RCMR_IN030000UK06 and MCCI_IN010000UK13) the route is asked for
     * {@link RouteRequest#viaReliableIntermediary()}, so the send is forward reliable.
     *
     * @param odsCode the receiving organisation
     * @param interactionId the interaction
     * @param message what to send
     * @return the outcome, when it is known
     * @throws MessagingException ({@code INVALID_ARGUMENT}) if no resolver was configured
     */
    public CompletableFuture<SendOutcome> sendAsync(OdsCode odsCode, InteractionId interactionId,
            OutboundMessage message) {
        if (resolver == null) {
            throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, "no route resolver: set "
                    + "SpineMessaging.builder().routeResolver(sdsClient::route), or pass the Route to send(route, ...)");
        }
        RouteRequest asked = Workflow.routeRequest(odsCode, interactionId);
        Instant started = clock.instant();
        return CompletableFuture.supplyAsync(() -> resolver.resolve(asked), dispatcher.workers())
                .thenCompose(result -> result instanceof RouteResult.Found found ? sendAsync(found.route(), message)
                        : CompletableFuture.completedFuture(noRoute(interactionId, started, message,
                                ((RouteResult.NotFound) result).message())));
    }

    private SendOutcome noRoute(InteractionId interactionId, Instant started, OutboundMessage message, String why) {
        SendOutcome out = Requests.noRoute(message, why);
        events.ended(interactionId.value(), 0, started, out);
        return out;
    }

    /**
     * Sends without blocking: the message is built now (so a bad message fails at once), a
     * reliable one committed to the store (accepted) before this returns, posted on a worker
     * thread, and retried on a scheduler.
     *
     * @param route where to send it
     * @param message what to send
     * @return the outcome, when it is known
     * @throws MessagingException ({@code INVALID_ARGUMENT}, {@code TOO_LARGE}) if the message cannot be built;
     *     ({@code STORE_UNAVAILABLE}) if a reliable message could not be stored: it was not accepted
     */
    public CompletableFuture<SendOutcome> sendAsync(Route route, OutboundMessage message) {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(message, "message");
        Workflow workflow = Workflow.of(route);
        EbxmlRequest request = Requests.ebxml(fromPartyKey, route, workflow, clock, message);
        EncodedMessage encoded = EbxmlCodec.encode(request);
        Instant created = clock.instant();
        if (workflow.reliable()) {
            if (closed) {
                throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, "the client is closed: "
                        + "nothing was accepted");
            }
            return stored.accept(StoredSender.stored(request, encoded, route, workflow, created),
                    route.interactionId().value());
        }
        return start(route, workflow, request.header().messageId(), request.header().conversationId(), encoded,
                (r, id) -> EbxmlCodec.parseReply(r.status(), r.contentType(), r.body()));
    }

    /**
     * Sends a synchronous SOAP request (MESSAGING.md section 5) and waits for the response.
     *
     * @param route where to send it (its ASID is the receiver's {@code hl7:communicationFunctionRcv})
     * @param payload the HL7 query
     * @return the outcome: {@link SendOutcome.Outcome#RESPONSE} with {@link SendOutcome#responseBody()},
     *     a SOAP fault, or a failure
     * @throws MessagingException ({@code INVALID_ARGUMENT}) if no {@link Builder#fromAsid(Asid) ASID} is set
     */
    public SendOutcome sendSync(Route route, byte[] payload) {
        return Requests.join(sendSyncAsync(route, payload));
    }

    /**
     * Sends a synchronous SOAP request without blocking: {@code SOAPAction} and {@code wsa:Action}
     * {@code {service}/{interaction}}, {@code wsa:MessageID} {@code uuid:{MessageId}}, this client's
     * ASID in {@code hl7:communicationFunctionSnd} and the route's in {@code ...Rcv}; the answer's
     * {@code wsa:RelatesTo} must name the request when present. Only connection failures are
     * retried (the transport retry); a synchronous request is never resent on a fault.
     *
     * @param route where to send it
     * @param payload the HL7 query
     * @return the outcome, when it is known
     * @throws MessagingException ({@code INVALID_ARGUMENT}) if no {@link Builder#fromAsid(Asid) ASID} is set
     */
    public CompletableFuture<SendOutcome> sendSyncAsync(Route route, byte[] payload) {
        Objects.requireNonNull(route, "route");
        Asid asid = fromAsid.orElseThrow(() -> new MessagingException(MessagingException.Reason.INVALID_ARGUMENT,
                "no ASID: set SpineMessaging.builder().fromAsid(Asid) for synchronous requests (it goes in "
                        + "hl7:communicationFunctionSnd)"));
        String messageId = EbxmlRequest.newId();
        EncodedMessage encoded = Requests.syncSoap(messageId, route, asid, payload);
        return start(route, Workflow.SYNC, messageId, messageId, encoded,
                (r, id) -> SyncSoap.read(r.status(), r.contentType(), r.body(), id));
    }

    /** Starts a send that keeps only its outbound record (express, synchronous). */
    private CompletableFuture<SendOutcome> start(Route route, Workflow workflow, String messageId,
            String conversationId, EncodedMessage encoded,
            java.util.function.BiFunction<Transport.Result, String, SpineReply> parser) {
        return dispatcher.start(this, route, workflow, messageId, conversationId, encoded, parser);
    }

    void submit(Runnable task, Duration delay, SendTask send) {
        dispatcher.submit(task, delay, send);
    }

    SendEvents events() {
        return events;
    }

    boolean closed() {
        return closed;
    }

    Transport transport() {
        return transport;
    }

    Clock clock() {
        return clock;
    }

    int transportRetries() {
        return transportRetries;
    }

    Duration transportRetryDelay() {
        return transportRetryDelay;
    }

    /**
     * Stops the threads and closes the connections; sends still waiting complete as {@code CLOSED}.
     * Stored reliable messages not finished stay pending in the store, their leases released, for
     * another client (or this one, restarted) to deliver. A store this client opened by default is closed.
     */
    @Override
    public void close() {
        closed = true;
        stored.stopPolling();
        dispatcher.shutdown();
        stored.releaseLeases();
        transport.close();
        if (ownsStore) {
            store.close();
        }
    }

    /**
     * Builds a {@link SpineMessaging}. Required: {@link #tls} and {@link #fromPartyKey}. Defaults:
     * connect timeout 10 s, TLS handshake 10 s, response (each read) 30 s, whole exchange 60 s,
     * responses at most 1 MiB, 16 concurrent sends (threads and pooled connections), 3 transport
     * retries 100 ms apart, the system UTC clock, no route resolver, the store polled every second,
     * a lease of the whole exchange times the transport tries plus 60 s (3 min 0.3 s), no undelivered
     * listener, no send listener.
     * The store, where none is set: the default from spine-message-store if it is on the class path
     * (file-backed H2, durable), else building fails with what to do; an in-memory store only when
     * you set one ({@code store(new InMemoryMessageStore())}: messages are lost on restart).
     */
    public static final class Builder {
        private SpineTlsContext tls;
        private PartyKey fromPartyKey;
        private Asid fromAsid;
        private RouteResolver resolver;
        private MessageStore store;
        private Duration lease;
        private Duration pollInterval = Duration.ofSeconds(1);
        private Consumer<SendOutcome> undelivered = out -> { };
        private SendListener sendListener = event -> { };
        private Clock clock = Clock.systemUTC();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration handshakeTimeout = Duration.ofSeconds(10);
        private Duration responseTimeout = Duration.ofSeconds(30);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private int maxResponseBytes = 1024 * 1024;
        private int maxConcurrentSends = 16;
        private int transportRetries = 3;
        private Duration transportRetryDelay = Duration.ofMillis(100);

        private Builder() {
        }

        /**
         * The mutual TLS context (trust and this system's endpoint certificate).
         *
         * @param value the context
         * @return this builder
         */
        public Builder tls(SpineTlsContext value) {
            this.tls = Objects.requireNonNull(value, "tls");
            return this;
        }

        /**
         * This system's party key.
         *
         * @param value the party key
         * @return this builder
         */
        public Builder fromPartyKey(PartyKey value) {
            this.fromPartyKey = Objects.requireNonNull(value, "fromPartyKey");
            return this;
        }

        /**
         * This system's ASID (for synchronous SOAP).
         *
         * @param value the ASID
         * @return this builder
         */
        public Builder fromAsid(Asid value) {
            this.fromAsid = value;
            return this;
        }

        /**
         * How to resolve routes for {@code send(odsCode, interactionId, ...)}; {@code sdsClient::route}.
         *
         * @param value the resolver
         * @return this builder
         */
        public Builder routeResolver(RouteResolver value) {
            this.resolver = value;
            return this;
        }

        /**
         * Where message state is kept: a durable {@code JdbcMessageStore} (spine-message-store), or
         * {@link InMemoryMessageStore} where losing undelivered messages on restart is acceptable
         * (tests). Without it, the class path's default is opened (see {@link MessageStoreFactory}).
         *
         * @param value the store
         * @return this builder
         */
        public Builder store(MessageStore value) {
            this.store = Objects.requireNonNull(value, "store");
            return this;
        }

        /**
         * How long a claim on a stored message holds: another client takes a message over only
         * after this; it must cover a whole attempt (the exchange deadline times the transport tries).
         *
         * @param value at least the request timeout times (transport retries + 1)
         * @return this builder
         */
        public Builder lease(Duration value) {
            this.lease = Objects.requireNonNull(value, "lease");
            return this;
        }

        /**
         * How often the store is asked for due messages no live client holds.
         *
         * @param value 1 ms to 5 minutes
         * @return this builder
         */
        public Builder pollInterval(Duration value) {
            this.pollInterval = duration("pollInterval", value);
            return this;
        }

        /**
         * Told of every stored reliable message that ends undelivered (failed, refused, faulted,
         * expired), including those taken over from a client that died; called on a send thread.
         *
         * @param value the listener
         * @return this builder
         */
        public Builder undeliveredListener(Consumer<SendOutcome> value) {
            this.undelivered = Objects.requireNonNull(value, "undeliveredListener");
            return this;
        }

        /**
         * Told of every step of every send: the first post, each retry, and the end with the
         * outcome and the latency (see {@link SendListener}), with the workflow and interaction id;
         * for metrics. A listener that throws is logged and never breaks a send.
         *
         * @param value the listener
         * @return this builder
         */
        public Builder sendListener(SendListener value) {
            this.sendListener = Objects.requireNonNull(value, "sendListener");
            return this;
        }

        /**
         * The clock for timestamps and the persist-duration bound.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * The TCP connect timeout.
         *
         * @param value 1 ms to 5 minutes
         * @return this builder
         */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = duration("connectTimeout", value);
            return this;
        }

        /**
         * The TLS handshake timeout.
         *
         * @param value 1 ms to 5 minutes
         * @return this builder
         */
        public Builder handshakeTimeout(Duration value) {
            this.handshakeTimeout = duration("handshakeTimeout", value);
            return this;
        }

        /**
         * How long to wait for each read of the answer.
         *
         * @param value 1 ms to 5 minutes
         * @return this builder
         */
        public Builder responseTimeout(Duration value) {
            this.responseTimeout = duration("responseTimeout", value);
            return this;
        }

        /**
         * The deadline of one whole HTTP exchange, however slowly the server sends its bytes.
         *
         * @param value 1 ms to 5 minutes
         * @return this builder
         */
        public Builder requestTimeout(Duration value) {
            this.requestTimeout = duration("requestTimeout", value);
            return this;
        }

        /**
         * The largest answer read.
         *
         * @param value bytes, at least 1
         * @return this builder
         */
        public Builder maxResponseBytes(int value) {
            this.maxResponseBytes = positive("maxResponseBytes", value);
            return this;
        }

        /**
         * How many posts run at once (worker threads and pooled connections).
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder maxConcurrentSends(int value) {
            this.maxConcurrentSends = positive("maxConcurrentSends", value);
            return this;
        }

        /**
         * How many times a connection failure is retried (MHS: 3).
         *
         * @param value 0 or more
         * @return this builder
         */
        public Builder transportRetries(int value) {
            this.transportRetries = BuilderChecks.notNegative("transportRetries", value);
            return this;
        }

        /**
         * The wait before a transport retry (MHS: 100 ms).
         *
         * @param value 0 to 5 minutes
         * @return this builder
         */
        public Builder transportRetryDelay(Duration value) {
            this.transportRetryDelay = value.isZero() ? value : duration("transportRetryDelay", value);
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws MessagingException ({@code INVALID_ARGUMENT}) if the TLS context or party key is missing
         */
        public SpineMessaging build() {
            BuilderChecks.required(tls, fromPartyKey);
            BuilderChecks.lease(lease, requestTimeout, transportRetries);
            return new SpineMessaging(this);
        }

        private static Duration duration(String name, Duration value) {
            return BuilderChecks.duration(name, value);
        }

        private static int positive(String name, int value) {
            return BuilderChecks.positive(name, value);
        }
    }
}
