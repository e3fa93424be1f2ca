package io.spinekit.cli;

import io.spinekit.env.Asid;
import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.env.PartyKey;
import io.spinekit.ldap.Route;
import io.spinekit.ldap.SdsClient;
import io.spinekit.messaging.InboundHandler;
import io.spinekit.messaging.InboundMessage;
import io.spinekit.messaging.InboundServer;
import io.spinekit.messaging.MessageHeader;
import io.spinekit.messaging.MimePart;
import io.spinekit.messaging.OutboundMessage;
import io.spinekit.messaging.SendOutcome;
import io.spinekit.messaging.SpineMessaging;
import io.spinekit.messaging.SpineReply;
import io.spinekit.messaging.store.JdbcMessageStore;
import io.spinekit.testkit.FakeMhs;
import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.TestPki;
import io.spinekit.tls.SpineTlsContext;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The demo's message step: a reliable ebXML message to the SDS route through {@link SpineMessaging},
 * acknowledged by the testkit's {@link FakeMhs} (which checks it strictly), and the asynchronous
 * response the fake MHS posts back, as Spine does, received on the demo's own {@link InboundServer}
 * and correlated with the send. The message is accepted into the embedded durable store, a
 * {@link JdbcMessageStore} on an H2 file in the demo's working directory, as a real client's would
 * be (an in-memory store only when asked for). Closing it stops the client and the server and
 * closes the store.
 */
final class DemoMessaging implements AutoCloseable {
    /** The demo's own MHS: its party key and ASID (sender of the message, receiver of the response). */
    static final String DEMO_PARTY_KEY = "X99-123456";
    static final String DEMO_ASID = "200000000001";
    /** What the demo sends: a tiny HL7 payload with a multibyte character (no patient data). */
    static final String PAYLOAD = "<REPC_IN150016UK05 xmlns=\"urn:hl7-org:v3\"><name>Zoë (demo, no patient data)"
            + "</name></REPC_IN150016UK05>";
    /** The asynchronous response the fake MHS posts back: an HL7 application acknowledgement. */
    static final String RESPONSE_ACTION = "MCCI_IN010000UK13";
    static final byte[] RESPONSE = "<MCCI_IN010000UK13 xmlns=\"urn:hl7-org:v3\"/>".getBytes(StandardCharsets.UTF_8);

    private InboundServer inbound;
    private SpineMessaging messaging;
    private JdbcMessageStore store;

    /**
     * Sends through the route (resolved again from SDS, so from the cache) and awaits the response;
     * the store is an H2 file under {@code workDir}.
     */
    DemoCommand.StepResult<Void> send(TestPki pki, FakeMhs mhs, SdsClient sdsClient, Route route, SpineTlsContext tls,
            Path workDir) {
        // the demo's own MHS: an inbound server on loopback (its certificate names localhost, as the fake
        // MHS checks the host it posts to), sharing its message store with the sending client
        IssuedCertificate endpoint = pki.certificate("localhost").serverAuth().issue();
        SpineTlsContext inboundTls = SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate()))
                .clientIdentity(endpoint.privateKey(), endpoint.chain()).build();
        Path storeFile = workDir.resolve("message-store").resolve("messages");
        store = JdbcMessageStore.h2File(storeFile);
        InboundHandler handler = InboundHandler.builder().partyKey(PartyKey.of(DEMO_PARTY_KEY)).store(store).build();
        inbound = InboundServer.builder().tls(inboundTls).handler(handler)
                .address(InetAddress.getLoopbackAddress()).port(0).build().start();
        URI inboundUrl = URI.create("https://localhost:" + inbound.port() + "/");
        messaging = SpineMessaging.builder().tls(tls).fromPartyKey(PartyKey.of(DEMO_PARTY_KEY))
                .fromAsid(Asid.of(DEMO_ASID)).store(store).routeResolver(sdsClient::route)
                .connectTimeout(Duration.ofSeconds(5)).responseTimeout(Duration.ofSeconds(10)).build();
        String messageId = UUID.randomUUID().toString().toUpperCase(java.util.Locale.ROOT);
        CompletableFuture<InboundMessage> reply = handler.expectReply(messageId);
        mhs.expect(route.partyKey().toString(), route.cpaId());
        mhs.script(FakeMhs.Answer.ackThenRespond(inboundUrl, RESPONSE_ACTION, RESPONSE));

        SendOutcome out = messaging.send(OdsCode.of(DemoCommand.ODS), InteractionId.of(DemoCommand.INTERACTION),
                OutboundMessage.of(PAYLOAD.getBytes(StandardCharsets.UTF_8)).withMessageId(messageId));
        FakeMhs.Received got = mhs.received().get(mhs.received().size() - 1);
        if (out.outcome() != SendOutcome.Outcome.ACKNOWLEDGED) {
            throw new IllegalStateException("the MHS answered " + out.outcome() + " " + out.failureDetail()
                    + out.ebxmlErrors() + out.faultErrors());
        }
        InboundMessage in;
        try {
            in = reply.get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no asynchronous response to " + messageId + " within 10 s", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the asynchronous response failed: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the asynchronous response", e);
        }
        MessageHeader h = in.message().header();
        boolean correlated = h.refToMessageId().filter(messageId::equals).isPresent()
                && h.conversationId().equals(out.conversationId());
        if (!correlated) {
            throw new IllegalStateException("the response " + h.messageId() + " answers " + h.refToMessageId()
                    .orElse("nothing") + " in conversation " + h.conversationId() + ", not " + messageId);
        }
        String ack = out.reply().filter(r -> r instanceof SpineReply.Acknowledged)
                .map(r -> (SpineReply.Acknowledged) r)
                .map(a -> "HTTP " + a.status() + " eb:Acknowledgment" + a.header().map(x -> " " + x.messageId()
                        + " from " + x.fromPartyKey()).orElse("") + ", RefToMessageId "
                        + a.refToMessageId().orElse("-"))
                .orElse("-");
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("send", "ODS " + DemoCommand.ODS + ", " + route.interactionName() + " (route resolved from SDS) from "
                + DEMO_PARTY_KEY + " (ASID " + DEMO_ASID + ")");
        d.put("POST", route.endpoint() + ", workflow " + out.workflow() + " (AckRequested, DuplicateElimination, "
                + "SyncReply from the route's SDS attributes)");
        d.put("message id", messageId + " (conversation " + out.conversationId() + ")");
        d.put("MHS check", got.problems().isEmpty() ? "conforms (checked strictly against MESSAGING.md)"
                : String.join("; ", got.problems()));
        d.put("acknowledgement", out.outcome() + " after " + out.attempts() + " attempt(s): " + ack);
        d.put("inbound server", inboundUrl + " (the demo's own MHS: HTTPS, client certificate required, "
                + "party key " + DEMO_PARTY_KEY + ")");
        d.put("async response", h.action() + " " + h.messageId() + " from " + h.fromPartyKey() + ", "
                + in.message().payload().map(MimePart::size).orElse(0) + " bytes");
        d.put("correlated", "RefToMessageId " + h.refToMessageId().orElse("-") + " = the message sent; conversation "
                + h.conversationId() + " = the send's" + in.correlated().map(o -> "; store: " + o.workflow() + " "
                + o.status()).orElse(""));
        d.put("answered", "the inbound server acknowledged the response: HTTP " + awaitResponseStatus(mhs));
        d.put("store", "embedded durable store, H2 file " + storeFile + ".mv.db (" + store.description() + "): message "
                + messageId + " " + store.stored(messageId).map(m -> m.status() + " after " + m.attempts()
                + " attempt(s)").orElse("missing"));
        return DemoCommand.StepResult.of(null, d);
    }

    /** The inbound server's answer to the fake MHS's post (written just after the response is delivered). */
    private static String awaitResponseStatus(FakeMhs mhs) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (mhs.responseStatuses().isEmpty() && System.nanoTime() < until) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return mhs.responseStatuses().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        if (messaging != null) {
            messaging.close();
        }
        if (inbound != null) {
            inbound.close();
        }
        if (store != null) {
            store.close();
        }
    }
}
