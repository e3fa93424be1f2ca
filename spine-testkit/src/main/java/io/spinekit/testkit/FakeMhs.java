package io.spinekit.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.spinekit.messaging.EbxmlCodec;
import io.spinekit.messaging.EbxmlError;
import io.spinekit.env.PartyKey;
import io.spinekit.messaging.EbxmlMessage;
import io.spinekit.messaging.EbxmlRequest;
import io.spinekit.messaging.EncodedMessage;
import io.spinekit.messaging.FaultError;
import io.spinekit.messaging.MessagingException;
import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A fake Spine MHS that speaks ebXML: a real HTTPS server (the JDK's) on loopback that requires a
 * client certificate from a {@link TestPki}, checks every message strictly against the SDK's
 * messaging reference ({@link EbxmlChecker}) and answers on a script: an acknowledgement (the
 * default), an ebXML error list, a SOAP fault (retriable or not), another status, a delay, a
 * dropped connection, or an acknowledgement followed by an asynchronous response posted to the
 * sender's inbound server. A {@code text/xml} request is read as synchronous SOAP
 * ({@link SyncSoapChecker}) and answered with a SOAP response or fault. A message that breaks the reference is answered with an ebXML error list
 * whose description says what is wrong, so a test sees it in its outcome.
 *
 * <pre>{@code
 * try (FakeMhs mhs = FakeMhs.start(pki)) {
 *     mhs.script(FakeMhs.Answer.soapFault("206"), FakeMhs.Answer.ack());
 *     // send to mhs.endpoint("/reliablemessaging/reliablerequest") ...
 *     mhs.received();   // every request, decoded, with its problems
 * }
 * }</pre>
 */
public final class FakeMhs implements AutoCloseable {
    /** The largest body read: ST's refusal threshold, 5,242,880 bytes (MESSAGING.md section 7). */
    static final int MAX_BODY = 5_242_880;

    /** What to answer one request with. */
    public sealed interface Answer {
        /**
         * An {@code eb:Acknowledgment} with HTTP 202.
         *
         * @return the answer
         */
        static Answer ack() {
            return new Ack();
        }

        /**
         * An {@code eb:ErrorList} with HTTP 200 (Spine's "normally").
         *
         * @param errors the errors
         * @return the answer
         */
        static Answer nack(EbxmlError... errors) {
            return new Nack(List.of(errors));
        }

        /**
         * A SOAP fault with HTTP 500 and these {@code nasp:errorCode}s (206 "Routing delivery failure"
         * and 200, 208 are retriable; 201, 207, 300 are not).
         *
         * @param codes the codes
         * @return the answer
         */
        static Answer soapFault(String... codes) {
            return new Fault(Arrays.stream(codes).map(c -> FaultError.of(c, "fake fault " + c)).toList());
        }

        /**
         * Any status, content type and body.
         *
         * @param status the HTTP status
         * @param contentType the Content-Type
         * @param body the body
         * @return the answer
         */
        static Answer status(int status, String contentType, String body) {
            return new Raw(status, contentType, body.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Waits, then answers.
         *
         * @param delay how long
         * @param then the answer after the wait
         * @return the answer
         */
        static Answer delay(Duration delay, Answer then) {
            return new Delay(delay, then);
        }

        /**
         * Acknowledges (HTTP 202), then posts an asynchronous response to {@code inbound} as Spine
         * does: From and To swapped, the same CPAId and ConversationId, RefToMessageId the received
         * MessageId, AckRequested, DuplicateElimination and SyncReply, over mutual TLS with a client
         * certificate from the server's PKI.
         *
         * @param inbound the sender's inbound endpoint
         * @param action the response's {@code eb:Action}, such as {@code MCCI_IN010000UK13}
         * @param payload the response's HL7 payload
         * @return the answer
         */
        static Answer ackThenRespond(URI inbound, String action, byte[] payload) {
            return new Respond(inbound, action, payload.clone());
        }

        /**
         * For a synchronous SOAP request: HTTP 200 with Spine's envelope, {@code wsa:RelatesTo}
         * naming the request, and this Body content. A synchronous request with no scripted
         * answer gets {@code <hl7:retrievalQueryResponse/>}.
         *
         * @param bodyXml the Body's content
         * @return the answer
         */
        static Answer syncResponse(String bodyXml) {
            return new SyncAnswer(bodyXml);
        }

        /**
         * Reads the request, then closes the connection without an answer.
         *
         * @return the answer
         */
        static Answer drop() {
            return new Drop();
        }
    }

    record Ack() implements Answer {
    }

    record Nack(List<EbxmlError> errors) implements Answer {
    }

    record Fault(List<FaultError> errors) implements Answer {
    }

    record Raw(int status, String contentType, byte[] body) implements Answer {
    }

    record Delay(Duration delay, Answer then) implements Answer {
    }

    record Drop() implements Answer {
    }

    record SyncAnswer(String bodyXml) implements Answer {
    }

    record Respond(URI inbound, String action, byte[] payload) implements Answer {
    }

    /**
     * One request received.
     *
     * @param path the request path
     * @param headers the headers (first value of each, case-insensitive names)
     * @param body the body bytes
     * @param message the decoded message, if it could be decoded
     * @param problems what breaks the reference, empty for a conforming message
     */
    public record Received(String path, Map<String, String> headers, byte[] body, Optional<EbxmlMessage> message,
            List<String> problems) {
        /**
         * Copies.
         *
         * @param path path
         * @param headers headers
         * @param body body
         * @param message message
         * @param problems problems
         */
        public Received {
            TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            h.putAll(headers);
            headers = java.util.Collections.unmodifiableMap(h);
            body = body.clone();
            problems = List.copyOf(problems);
        }

        /**
         * The MessageId, if decoded.
         *
         * @return the id
         */
        public Optional<String> messageId() {
            return message.map(m -> m.header().messageId());
        }
    }

    private final HttpsServer server;
    private final ExecutorService threads;
    private final Deque<Answer> script = new ArrayDeque<>();
    // appended on every request: a synchronized list, not copy-on-write (which copied the whole
    // list on each add, quadratic in the requests a run makes); received() copies it (toArray is synchronized)
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final EbxmlChecker checker;
    private final Clock clock = Clock.systemUTC();

    private final List<Integer> responseStatuses = new CopyOnWriteArrayList<>();
    private final HttpClient responder;

    private FakeMhs(HttpsServer server, ExecutorService threads, EbxmlChecker checker, HttpClient responder) {
        this.server = server;
        this.threads = threads;
        this.checker = checker;
        this.responder = responder;
    }

    /**
     * Starts a server for host {@code localhost} that requires a client certificate from {@code pki}.
     *
     * @param pki issues the server certificate and is the only trusted client CA
     * @return a started server
     */
    public static FakeMhs start(TestPki pki) {
        return start(pki, pki.certificate("localhost").serverAuth().issue());
    }

    /**
     * Starts a server presenting the given certificate.
     *
     * @param pki the PKI whose root client certificates must chain to
     * @param serverCertificate the certificate presented
     * @return a started server
     */
    public static FakeMhs start(TestPki pki, IssuedCertificate serverCertificate) {
        try {
            SSLContext ctx = pki.sslContext(serverCertificate);
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            server.setHttpsConfigurator(new HttpsConfigurator(ctx) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters p = ctx.getDefaultSSLParameters();
                    p.setNeedClientAuth(true);
                    params.setSSLParameters(p);
                }
            });
            ExecutorService threads = Executors.newFixedThreadPool(16, r -> {
                Thread t = new Thread(r, "fake-mhs");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(threads);
            HttpClient responder = HttpClient.newBuilder()
                    .sslContext(pki.sslContext(pki.certificate("fake-mhs.localhost").clientAuth().issue()))
                    .connectTimeout(Duration.ofSeconds(5)).executor(threads).build();
            FakeMhs mhs = new FakeMhs(server, threads, new EbxmlChecker(), responder);
            server.createContext("/", mhs::handle);
            server.start();
            return mhs;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake MHS", e);
        }
    }

    /**
     * An endpoint URL on this server, {@code https://localhost:<port><path>}.
     *
     * @param path a path starting with {@code /}
     * @return the URL
     */
    public URI endpoint(String path) {
        return URI.create("https://localhost:" + port() + path);
    }

    /**
     * The port.
     *
     * @return the port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Queues answers for the next requests, in order; once they are used up every request is acknowledged.
     *
     * @param answers the answers
     * @return this server
     */
    public FakeMhs script(Answer... answers) {
        synchronized (script) {
            script.addAll(List.of(answers));
        }
        return this;
    }

    /**
     * Expects every message to be addressed to this party key and CPA id (otherwise it is a problem).
     *
     * @param partyKey the To party key
     * @param cpaId the CPA id
     * @return this server
     */
    public FakeMhs expect(String partyKey, String cpaId) {
        checker.expect(partyKey, cpaId);
        return this;
    }

    /**
     * Every request received so far, oldest first.
     *
     * @return the requests
     */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /**
     * The HTTP statuses the sender's inbound server answered the asynchronous responses with, in order.
     *
     * @return the statuses
     */
    public List<Integer> responseStatuses() {
        return List.copyOf(responseStatuses);
    }

    /** Forgets the requests received, the responses posted and the script. */
    public void reset() {
        received.clear();
        responseStatuses.clear();
        synchronized (script) {
            script.clear();
        }
    }

    private Answer next() {
        synchronized (script) {
            return script.isEmpty() ? new Ack() : script.poll();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.isEmpty() ? "" : v.get(0)));
            if (headers.getOrDefault("Content-Type", "").toLowerCase(java.util.Locale.ROOT).startsWith("text/xml")) {
                handleSync(exchange, headers, body);
                return;
            }
            List<String> problems = new ArrayList<>();
            Optional<EbxmlMessage> message = Optional.empty();
            if (body.length > MAX_BODY) {
                problems.add("the body is larger than " + MAX_BODY + " bytes");
            } else {
                try {
                    message = Optional.of(EbxmlCodec.decode(headers.get("Content-Type"), body, MAX_BODY));
                } catch (MessagingException e) {
                    problems.add(e.getMessage());
                }
            }
            problems.addAll(checker.check(exchange.getRequestMethod(), headers, body, message.orElse(null)));
            received.add(new Received(exchange.getRequestURI().getPath(), headers, body, message, problems));
            Answer answer = next();
            if (!problems.isEmpty() && message.isPresent()) {
                answer = new Nack(List.of(EbxmlError.of("ValueNotRecognized", "spinekit FakeMhs: "
                        + String.join("; ", problems))));
            } else if (!problems.isEmpty()) {
                answer = new Raw(500, "text/plain", ("spinekit FakeMhs: " + String.join("; ", problems))
                        .getBytes(StandardCharsets.UTF_8));
            }
            respond(exchange, answer, message.orElse(null));
        }
    }

    private void handleSync(HttpExchange exchange, Map<String, String> headers, byte[] body) throws IOException {
        SyncSoapChecker.Checked checked = SyncSoapChecker.check(headers, body);
        received.add(new Received(exchange.getRequestURI().getPath(), headers, body, Optional.empty(),
                checked.problems()));
        Answer answer = next();
        while (answer instanceof Delay d) {
            try {
                Thread.sleep(d.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            answer = d.then();
        }
        if (!checked.problems().isEmpty()) {
            answer = new Fault(List.of(FaultError.of("300", "spinekit FakeMhs: " + String.join("; ", checked.problems()))));
        }
        if (answer instanceof Drop) {
            return;
        } else if (answer instanceof Raw r) {
            send(exchange, r.status(), r.contentType(), r.body());
        } else if (answer instanceof Fault f) {
            send(exchange, 500, "text/xml", EbxmlCodec.soapFault(f.errors()).body());
        } else {
            String content = answer instanceof SyncAnswer a ? a.bodyXml() : "<hl7:retrievalQueryResponse/>";
            send(exchange, 200, "text/xml", SyncSoapChecker.response(checked.messageId().orElse(""), content));
        }
    }

    private void respond(HttpExchange exchange, Answer answer, EbxmlMessage message) throws IOException {
        if (answer instanceof Delay d) {
            try {
                Thread.sleep(d.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            respond(exchange, d.then(), message);
            return;
        }
        if (answer instanceof Drop) {
            return; // closing the exchange before any response header closes the connection
        }
        if (answer instanceof Raw r) {
            send(exchange, r.status(), r.contentType(), r.body());
            return;
        }
        if (message == null) {
            send(exchange, 500, "text/plain", "not an ebXML message".getBytes(StandardCharsets.UTF_8));
            return;
        }
        EncodedMessage out;
        int status;
        if (answer instanceof Respond r) {
            threads.execute(() -> postResponse(r, message));
        }
        if (answer instanceof Nack n) {
            out = EbxmlCodec.messageError(message.header(), n.errors(), clock.instant());
            status = 200;
        } else if (answer instanceof Fault f) {
            out = EbxmlCodec.soapFault(f.errors());
            status = 500;
        } else {
            out = EbxmlCodec.acknowledgment(message.header(), clock.instant());
            status = 202;
        }
        exchange.getResponseHeaders().set("SOAPAction", Objects.toString(out.headers().get("SOAPAction"), ""));
        send(exchange, status, out.contentType(), out.body());
    }

    private void postResponse(Respond r, EbxmlMessage to) {
        try {
            Thread.sleep(50); // after the acknowledgement has reached the sender
            EncodedMessage m = EbxmlCodec.encode(EbxmlRequest.builder().from(PartyKey.of(to.header().toPartyKey()))
                    .to(PartyKey.of(to.header().fromPartyKey())).cpaId(to.header().cpaId())
                    .conversationId(to.header().conversationId()).service(to.header().service()).action(r.action())
                    .refToMessageId(to.header().messageId()).duplicateElimination(true)
                    .ackRequested(EbxmlRequest.ACTOR_TO_PARTY_MSH).syncReply(true).payload(r.payload()).build());
            HttpRequest.Builder post = HttpRequest.newBuilder(r.inbound()).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(m.body()));
            m.headers().forEach(post::header);
            responseStatuses.add(responder.send(post.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            responseStatuses.add(-1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Stops the server at once and its threads. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
