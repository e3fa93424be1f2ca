package io.spinekit.messaging;

import io.spinekit.core.Text;
import io.spinekit.env.PartyKey;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Handles what Spine posts back (asynchronous responses, acknowledgements, unsolicited
 * forward-reliable messages), framework-neutral: any server calls
 * {@link #handle(Map, InputStream)} with the request headers and body and writes the
 * {@link InboundResponse} back. {@link InboundServer} is a ready one. Thread-safe.
 *
 * <p>What it does (MESSAGING.md section 6):
 * <ul>
 *   <li>parses the message (bounded; a body that cannot be parsed is answered 500 with a SOAP
 *       fault, code 201 "message is not well formed": ST answers 500, the fault form is inferred);</li>
 *   <li>a To party key other than ours is answered with an ebXML error list, HTTP 200, as MHS does
 *       ({@code ValueNotRecognized}, MHS's text {@code 501314:Invalid To Party Type attribute});</li>
 *   <li>an {@code Acknowledgment} or {@code MessageError} for a message we sent (multipart, or a
 *       bare {@code text/xml} envelope) updates its record in the store and is answered 200 with an
 *       empty body (acknowledgements are not acknowledged; the empty answer is inferred);</li>
 *   <li>any other message is delivered to the listener once per MessageId within the persist
 *       duration (a duplicate is acknowledged again but not redelivered, as SpineTools does; MHS
 *       has no inbound duplicate elimination), correlated by RefToMessageId with the store and with
 *       {@link #expectReply(String)}, and acknowledged in the HTTP response, status 200 (MHS acks
 *       always, regardless of AckRequested). If the listener throws, the answer is 500 without an
 *       acknowledgement and the receipt is forgotten, so the sender's retry is delivered.</li>
 * </ul>
 */
public final class InboundHandler {
    private final String partyKey;
    private final MessageStore store;
    private final Clock clock;
    private final Duration persistDuration;
    private final int maxBytes;
    private final Consumer<InboundMessage> listener;
    private final Map<String, CompletableFuture<InboundMessage>> waiting = new ConcurrentHashMap<>();

    private InboundHandler(Builder b) {
        this.partyKey = b.partyKey.value();
        this.store = b.store;
        this.clock = b.clock;
        this.persistDuration = b.persistDuration;
        this.maxBytes = b.maxBytes;
        this.listener = b.listener;
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
     * A future completed by the first message whose RefToMessageId is {@code messageId}: the
     * asynchronous response to a message this system sent.
     *
     * @param messageId the MessageId sent
     * @return the future
     */
    public CompletableFuture<InboundMessage> expectReply(String messageId) {
        return waiting.computeIfAbsent(messageId, id -> new CompletableFuture<>());
    }

    /** The largest body taken, in bytes (the server reads at most one more). */
    int maxBytes() {
        return maxBytes;
    }

    /**
     * Handles one POST.
     *
     * @param headers the request headers (names in any case)
     * @param body the body stream (read at most {@code maxBytes + 1} bytes; not closed)
     * @return what to answer
     */
    public InboundResponse handle(Map<String, String> headers, InputStream body) {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        EbxmlMessage message;
        try {
            if (EbxmlReader.mediaType(h.get("Content-Type")).equals("text/xml")) {
                return signal(EbxmlCodec.readBounded(body, maxBytes));
            }
            message = EbxmlCodec.decode(h.get("Content-Type"), body, maxBytes);
        } catch (MessagingException e) {
            return InboundResponse.of(500, EbxmlCodec.soapFault(List.of(new FaultError(
                    Optional.of("urn:nhs:names:error:tms"), "201", Optional.of("Error"), Optional.empty(),
                    Optional.of("message is not well formed: " + e.getMessage())))));
        } catch (UncheckedIOException e) {
            return new InboundResponse(500, Map.of(), new byte[0]);
        }
        MessageHeader header = message.header();
        Instant now = clock.instant();
        if (!header.toPartyKey().equalsIgnoreCase(partyKey)) {
            return InboundResponse.of(200, EbxmlCodec.messageError(header, List.of(EbxmlError.of("ValueNotRecognized",
                    "501314:Invalid To Party Type attribute: the To party key " + Text.quote(header.toPartyKey())
                            + " is not this MHS's " + partyKey)), now));
        }
        Optional<MessageStore.Outbound> correlated = header.refToMessageId().flatMap(store::outbound);
        if (header.service().equals(Names.EBXML_SERVICE)
                && (header.action().equals(Names.ACTION_ACK) || header.action().equals(Names.ACTION_ERROR))) {
            correlated.ifPresent(o -> store.save(o.with(o.attempts(), header.action().equals(Names.ACTION_ACK)
                    ? MessageStore.Status.ACKNOWLEDGED : MessageStore.Status.NACKED)));
            return new InboundResponse(200, Map.of(), new byte[0]);
        }
        if (store.firstReceipt(header.messageId(), now, now.plus(persistDuration))) {
            InboundMessage inbound = new InboundMessage(message, correlated);
            try {
                listener.accept(inbound);
            } catch (RuntimeException e) {
                store.forgetReceipt(header.messageId());
                return new InboundResponse(500, Map.of(), new byte[0]);
            }
            header.refToMessageId().map(waiting::remove).ifPresent(f -> f.complete(inbound));
        }
        return InboundResponse.of(200, EbxmlCodec.acknowledgment(header, now));
    }

    /** A bare SOAP envelope: an asynchronous acknowledgement or message error for a message we sent. */
    private InboundResponse signal(byte[] body) {
        Envelope e = Envelope.read(EbxmlReader.xml(body, "ebXML signal"));
        if (e.header().isEmpty() || (e.acknowledged().isEmpty() && e.errorList().isEmpty())) {
            throw new MessagingException(MessagingException.Reason.MALFORMED_XML, "a text/xml body is neither an "
                    + "acknowledgement nor a message error: expected multipart/related for other messages");
        }
        MessageHeader header = e.header().get();
        boolean ack = e.acknowledged().isPresent();
        String ref = ack ? e.acknowledged().get() : header.refToMessageId().orElse("");
        store.outbound(ref).ifPresent(o -> store.save(o.with(o.attempts(), ack ? MessageStore.Status.ACKNOWLEDGED
                : MessageStore.Status.NACKED)));
        return new InboundResponse(200, Map.of(), new byte[0]);
    }

    /**
     * Builds an {@link InboundHandler}. Required: {@link #partyKey}. Defaults: an
     * {@link InMemoryMessageStore} (received MessageIds forgotten on restart and not shared between
     * instances: pass the client's durable store to {@link #store} to keep and share them), the
     * system UTC clock, duplicates remembered for 3,600 s
     * (SpineTools's default persist duration), bodies of at most 5,242,880 bytes (SpineTools's
     * limit), a listener that ignores messages.
     */
    public static final class Builder {
        private PartyKey partyKey;
        private MessageStore store = new InMemoryMessageStore();
        private Clock clock = Clock.systemUTC();
        private Duration persistDuration = Duration.ofSeconds(3600);
        private int maxBytes = 5_242_880;
        private Consumer<InboundMessage> listener = m -> { };

        private Builder() {
        }

        /**
         * This MHS's party key: messages to another are refused.
         *
         * @param value the party key
         * @return this builder
         */
        public Builder partyKey(PartyKey value) {
            this.partyKey = Objects.requireNonNull(value, "partyKey");
            return this;
        }

        /**
         * The store, shared with the {@link SpineMessaging} client to correlate replies with sends.
         *
         * @param value the store
         * @return this builder
         */
        public Builder store(MessageStore value) {
            this.store = Objects.requireNonNull(value, "store");
            return this;
        }

        /**
         * The clock.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * How long a received MessageId is remembered for duplicate elimination.
         *
         * @param value a positive duration
         * @return this builder
         */
        public Builder persistDuration(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, "persistDuration is "
                        + Text.quote(value.toString()) + ": expected a positive duration");
            }
            this.persistDuration = value;
            return this;
        }

        /**
         * The largest body read.
         *
         * @param value bytes, at least 1
         * @return this builder
         */
        public Builder maxBytes(int value) {
            if (value < 1) {
                throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, "maxBytes is " + value
                        + ": expected at least 1");
            }
            this.maxBytes = value;
            return this;
        }

        /**
         * Receives each new message once, on the server's thread (hand long work to your own executor).
         *
         * @param value the listener
         * @return this builder
         */
        public Builder listener(Consumer<InboundMessage> value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /**
         * Builds the handler.
         *
         * @return the handler
         * @throws MessagingException ({@code INVALID_ARGUMENT}) without a party key
         */
        public InboundHandler build() {
            if (partyKey == null) {
                throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, "no party key: set "
                        + "partyKey(PartyKey) to this MHS's party key, so messages to others are refused");
            }
            return new InboundHandler(this);
        }
    }
}
