package io.spinekit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.spinekit.core.BoundedFiles;
import io.spinekit.core.Text;
import io.spinekit.env.Asid;
import io.spinekit.env.EnvironmentProfile;
import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.env.PartyKey;
import io.spinekit.env.SpineCatalog;
import io.spinekit.ldap.Route;
import io.spinekit.ldap.RouteRequest;
import io.spinekit.ldap.RouteResult;
import io.spinekit.ldap.SdsClient;
import io.spinekit.messaging.Attachment;
import io.spinekit.messaging.EbxmlCodec;
import io.spinekit.messaging.EbxmlMessage;
import io.spinekit.messaging.InboundHandler;
import io.spinekit.messaging.InboundMessage;
import io.spinekit.messaging.InboundServer;
import io.spinekit.messaging.InMemoryMessageStore;
import io.spinekit.messaging.MessageStore;
import io.spinekit.messaging.MimePart;
import io.spinekit.messaging.OutboundMessage;
import io.spinekit.messaging.SendOutcome;
import io.spinekit.messaging.SpineMessaging;
import io.spinekit.messaging.Workflow;
import io.spinekit.messaging.store.JdbcMessageStore;
import io.spinekit.tls.SpineTlsContext;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spine messaging}: send an ebXML (or synchronous SOAP) message to an organisation, resolved
 * through SDS, and run an inbound server that prints what it receives; with a durable store
 * ({@code --store}), list what waits ({@code pending}) and deliver it ({@code drain}). Exit 0 when
 * the message was acknowledged or answered (or accepted, with {@code --no-wait}), 1 otherwise, 2 for
 * bad input, 3 when SDS has no route.
 */
@Command(name = "messaging", mixinStandardHelpOptions = true,
        description = "Spine messaging: send an interaction to an organisation (route from SDS), receive messages.",
        subcommands = {MessagingCommand.Send.class, MessagingCommand.Receive.class, StoreCommands.Pending.class,
                StoreCommands.Drain.class})
final class MessagingCommand {
    /** The default deadline of one HTTP exchange with the MHS (the TimeoutOption's documented default). */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private MessagingCommand() {
    }

    /** {@code spine messaging send}. */
    @Command(name = "send", mixinStandardHelpOptions = true,
            description = "Resolve the route from SDS, send the payload (and attachments) with the workflow the route "
                    + "implies, print the outcome. Exit 0 on ACKNOWLEDGED or RESPONSE (or ACCEPTED with --no-wait), 1 "
                    + "otherwise, 3 when SDS has no route.")
    static final class Send implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        /** The SDS options of {@code spine sds route}: --env, --ldap-url, TLS, --plain-ldap, --timeout-ms, --json. */
        @Mixin
        SdsCommand.Connection connection;

        @Mixin
        TimeoutOption timeout;

        @Option(names = "--ods", required = true, paramLabel = "ODS", description = "Receiving organisation's ODS code.")
        String ods;

        @Option(names = "--interaction", required = true, paramLabel = "ID",
                description = "Interaction id, such as urn:nhs:names:services:psis:REPC_IN150016UK05.")
        String interaction;

        @Option(names = "--payload", required = true, paramLabel = "FILE",
                description = "The HL7 payload (XML), at most " + EbxmlCodec.SPINE_MAX_BYTES + " bytes.")
        Path payload;

        @Option(names = "--attachment", paramLabel = "FILE",
                description = "An attachment sent inline (base64; content type from the file extension); repeatable.")
        List<Path> attachments = new ArrayList<>();

        @Option(names = "--conversation-id", paramLabel = "ID", description = "ConversationId (default: a new UUID).")
        String conversationId;

        @Option(names = "--from-party-key", required = true, paramLabel = "PK", description = "Your MHS's party key.")
        String fromPartyKey;

        @Option(names = "--from-asid", required = true, paramLabel = "ASID", description = "Your ASID (12 digits).")
        String fromAsid;

        @Option(names = "--store", paramLabel = "JDBC_URL",
                description = "Durable message store (jdbc:postgresql://HOST/DB?user=U or jdbc:h2:file:PATH): a reliable "
                        + "message is committed there before it is sent, and `spine messaging drain` delivers what this "
                        + "command left. Without it, the message is kept in memory and lost if the command stops.")
        String store;

        @Option(names = "--no-wait",
                description = "With --store: print ACCEPTED (exit 0) once a reliable message is stored, without waiting "
                        + "for its retries (its first attempt gets the few seconds the client takes to close).")
        boolean noWait;

        @Option(names = "--sync",
                description = "Synchronous SOAP request (for synchronous interactions): prints the response body.")
        boolean sync;

        @Override
        public Integer call() {
            InteractionId interactionId = InteractionId.of(interaction);
            OdsCode odsCode = OdsCode.of(ods);
            PartyKey from = PartyKey.of(fromPartyKey);
            Asid asid = Asid.of(fromAsid);
            byte[] hl7 = BoundedFiles.read(payload, EbxmlCodec.SPINE_MAX_BYTES, "payload (--payload)");
            List<Attachment> parts = new ArrayList<>();
            for (Path file : attachments) {
                byte[] content = BoundedFiles.read(file, Attachment.MAX_BYTES, "attachment (--attachment)");
                String name = String.valueOf(file.getFileName());
                parts.add(Cli.input("(--attachment)", () -> Attachment.of(contentType(name), content, name)));
            }
            if (sync && !parts.isEmpty()) {
                throw CliException.usage("--sync sends a synchronous SOAP request, which has no attachments: "
                        + "remove --attachment or --sync");
            }
            OutboundMessage message = OutboundMessage.of(hl7).withAttachments(parts);
            if (conversationId != null) {
                message = message.withConversationId(conversationId);
            }
            if (noWait && store == null) {
                throw CliException.usage("--no-wait needs --store JDBC_URL: a message kept in memory would be lost "
                        + "when the command exits");
            }
            EnvironmentProfile profile = Cli.input("", () -> SpineCatalog.load().profile(connection.env));
            SpineTlsContext tls = Cli.input(ClientTlsOptions.HINT,
                    () -> connection.tlsOptions.builder(profile).orElseThrow().build());
            Duration deadline = timeout.orElse(DEFAULT_TIMEOUT);
            AtomicReference<Route> used = new AtomicReference<>();
            try (SdsClient sds = connection.client();
                 MessageStore messages = store == null ? new InMemoryMessageStore() : JdbcMessageStore.open(store);
                 SpineMessaging messaging = Cli.input("", () -> SpineMessaging.builder().tls(tls).fromPartyKey(from)
                         .fromAsid(asid).responseTimeout(deadline).requestTimeout(deadline).store(messages)
                         .routeResolver(request -> {
                             RouteResult r = sds.route(request);
                             if (r instanceof RouteResult.Found f) {
                                 used.set(f.route());
                             }
                             return r;
                         }).build())) {
                SendOutcome out;
                if (sync) {
                    RouteResult r = sds.route(RouteRequest.of(odsCode, interactionId));
                    if (r instanceof RouteResult.NotFound n) {
                        return noRoute(n.message(), n.reason().name());
                    }
                    used.set(((RouteResult.Found) r).route());
                    out = messaging.sendSync(used.get(), hl7);
                } else if (noWait) {
                    RouteResult r = sds.route(Workflow.routeRequest(odsCode, interactionId));
                    if (r instanceof RouteResult.NotFound n) {
                        return noRoute(n.message(), n.reason().name());
                    }
                    used.set(((RouteResult.Found) r).route());
                    Workflow workflow = Workflow.of(used.get());
                    if (workflow == Workflow.RELIABLE || workflow == Workflow.FORWARD_RELIABLE) {
                        String id = message.messageId().orElseGet(StoreCommands::newId);
                        String conversation = message.conversationId().orElseGet(StoreCommands::newId);
                        messaging.sendAsync(used.get(), message.withMessageId(id).withConversationId(conversation));
                        // sendAsync returned: the message is committed to the store (accepted)
                        SendPrinter.accepted(spec, connection.json, id, conversation, workflow, used.get(), messages);
                        return Cli.OK;
                    }
                    out = messaging.send(used.get(), message); // express: nothing to leave pending
                } else {
                    out = messaging.send(odsCode, interactionId, message);
                }
                if (out.failure().filter(f -> f == SendOutcome.Failure.NO_ROUTE).isPresent()) {
                    return noRoute(out.failureDetail(), "NO_ROUTE");
                }
                SendPrinter.outcome(spec, connection.json, out, used.get());
                return out.succeeded() ? Cli.OK : Cli.FAILURE;
            }
        }

        private int noRoute(String why, String reason) {
            SendPrinter.noRoute(spec, connection.json, why, reason);
            return Cli.NOT_FOUND;
        }
    }

    /**
     * The content type of an attachment from its file name's extension: one of the types the EIS
     * allows ({@link Attachment#ALLOWED_TYPES}), {@code application/octet-stream} for any other.
     */
    static String contentType(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        String ext = lower.contains(".") ? lower.substring(lower.lastIndexOf('.') + 1) : "";
        return switch (ext) {
            case "txt" -> "text/plain";
            case "htm", "html" -> "text/html";
            case "pdf" -> "application/pdf";
            case "xml" -> "application/xml";
            case "rtf" -> "text/rtf";
            case "au", "snd" -> "audio/basic";
            case "mp3" -> "audio/mpeg";
            case "png" -> "image/png";
            case "gif" -> "image/gif";
            case "jpg", "jpeg" -> "image/jpeg";
            case "tif", "tiff" -> "image/tiff";
            case "mpg", "mpeg" -> "video/mpeg";
            case "doc" -> "application/msword";
            default -> "application/octet-stream";
        };
    }

    /** {@code spine messaging receive}. */
    @Command(name = "receive", mixinStandardHelpOptions = true,
            description = "Run an inbound server (HTTPS, client certificates required) and print each message received, "
                    + "until interrupted. Each is acknowledged; duplicates are acknowledged and not printed again.")
    static final class Receive extends JsonOption implements Callable<Integer> {
        /** The most messages waiting to be printed; beyond it a message is refused (HTTP 500) so Spine resends it. */
        static final int QUEUE = 1000;

        @Spec
        CommandSpec spec;

        @Option(names = "--port", required = true, paramLabel = "P", converter = Bounded.Port.class,
                description = "Port to listen on, " + Bounded.Port.RANGE + ".")
        int port;

        @Option(names = "--address", paramLabel = "HOST", description = "Address to listen on (default: all).")
        String address;

        @Option(names = "--party-key", required = true, paramLabel = "PK",
                description = "Your MHS's party key: messages to another are refused with an ebXML error.")
        String partyKey;

        @Mixin
        ClientTlsOptions tlsOptions;

        @Option(names = "--request-timeout", paramLabel = "SECONDS", defaultValue = "30",
                converter = Bounded.Seconds.class, description = "How long one request may take to arrive (TLS "
                        + "handshake, headers, body) and its answer to be written; a stalled client is cut off after it, "
                        + Bounded.Seconds.RANGE + " (default ${DEFAULT-VALUE}).")
        java.time.Duration requestTimeout;

        @Option(names = "--max-messages", hidden = true, paramLabel = "N",
                description = "Exit after printing N messages (for tests).")
        int maxMessages;

        @Override
        public Integer call() {
            tlsOptions.requireUsable();
            if (tlsOptions.trust == null || tlsOptions.cert == null) {
                throw CliException.usage("receive needs --trust PEM (the CA certificates Spine's client certificate "
                        + "chains to) and --cert and --key (your endpoint certificate)");
            }
            PartyKey us = PartyKey.of(partyKey);
            InetAddress bind = address == null ? null : Cli.input("(--address)", () -> {
                try {
                    return InetAddress.getByName(address);
                } catch (UnknownHostException e) {
                    throw new IllegalArgumentException("unknown address " + Text.quote(address), e);
                }
            });
            SpineTlsContext tls = Cli.input(ClientTlsOptions.HINT, () -> tlsOptions.builder(null).orElseThrow().build());
            BlockingQueue<InboundMessage> queue = new ArrayBlockingQueue<>(QUEUE);
            InboundHandler handler = InboundHandler.builder().partyKey(us).listener(m -> {
                if (!queue.offer(m)) {
                    throw new IllegalStateException("too many messages waiting to be printed");
                }
            }).build();
            InboundServer.Builder b = InboundServer.builder().tls(tls).handler(handler).port(port)
                    .requestTimeout(requestTimeout);
            if (bind != null) {
                b.address(bind);
            }
            try (InboundServer server = Cli.input("(--port, --address)", () -> {
                try {
                    return b.build().start();
                } catch (java.io.UncheckedIOException e) {
                    throw new IllegalArgumentException(e.getMessage() + ": " + e.getCause().getMessage(), e);
                }
            })) {
                Cli.err(spec).println("Listening on port " + server.port() + " for party key " + us
                        + " (client certificates required); Ctrl-C to stop");
                Cli.err(spec).flush();
                int printed = 0;
                try {
                    while (maxMessages <= 0 || printed < maxMessages) {
                        InboundMessage m = queue.poll(1, TimeUnit.SECONDS);
                        if (m != null) {
                            print(m);
                            printed++;
                        }
                    }
                    // the listener runs before the server writes the acknowledgement: closing the server lets
                    // that exchange finish within its grace period
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Cli.OK;
            }
        }

        private void print(InboundMessage in) {
            EbxmlMessage m = in.message();
            if (json) {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("messageId", m.header().messageId());
                j.put("conversationId", m.header().conversationId());
                j.put("refToMessageId", m.header().refToMessageId().orElse(null));
                j.put("from", m.header().fromPartyKey());
                j.put("to", m.header().toPartyKey());
                j.put("cpaId", m.header().cpaId());
                j.put("service", m.header().service());
                j.put("action", m.header().action());
                j.put("timestamp", m.header().timestamp());
                j.put("ackRequested", m.ackRequested());
                j.put("duplicateElimination", m.header().duplicateElimination());
                j.put("payload", m.payload().map(MimePart::text).orElse(null));
                j.put("attachments", m.attachments().stream().map(p -> {
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("contentId", p.contentId().orElse(null));
                    a.put("contentType", p.contentType());
                    a.put("bytes", p.size());
                    return a;
                }).toList());
                try {
                    // one compact JSON document per line, so a reader can take each message as it comes
                    Cli.out(spec).println(Cli.JSON.writer().without(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(j));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("cannot write JSON for a received message", e);
                }
            } else {
                PrintWriter w = Cli.out(spec);
                w.println("Message " + m.header().messageId() + " (conversation " + m.header().conversationId() + ")"
                        + m.header().refToMessageId().map(r -> " answering " + r).orElse(""));
                w.println("  " + m.header().soapAction() + " from " + m.header().fromPartyKey() + " to "
                        + m.header().toPartyKey() + ", " + m.attachments().size() + " attachment(s)");
                m.payload().ifPresent(p -> w.println(p.text()));
            }
            Cli.out(spec).flush();
        }
    }
}
