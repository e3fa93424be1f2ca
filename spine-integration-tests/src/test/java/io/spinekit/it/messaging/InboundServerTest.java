package io.spinekit.it.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spinekit.env.PartyKey;
import io.spinekit.messaging.EbxmlCodec;
import io.spinekit.messaging.EbxmlRequest;
import io.spinekit.messaging.EncodedMessage;
import io.spinekit.messaging.InMemoryMessageStore;
import io.spinekit.messaging.InboundHandler;
import io.spinekit.messaging.InboundMessage;
import io.spinekit.messaging.InboundServer;
import io.spinekit.messaging.MessageStore;
import io.spinekit.messaging.SpineReply;
import io.spinekit.messaging.Workflow;
import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.TestPki;
import io.spinekit.tls.SpineTlsContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The inbound handler behind the embedded HTTPS server, over real mutual TLS. */
class InboundServerTest {
    static final PartyKey US = PartyKey.of("X99-123456");
    static TestPki pki;
    static IssuedCertificate spineClient;
    static MessageStore store;
    static final List<InboundMessage> delivered = new CopyOnWriteArrayList<>();
    static InboundHandler handler;
    static InboundServer server;

    @BeforeAll
    static void start() {
        pki = TestPki.create("Inbound");
        IssuedCertificate serverCert = pki.certificate("localhost").serverAuth().issue();
        spineClient = pki.certificate("spine.example.nhs.uk").clientAuth().issue();
        SpineTlsContext tls = SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate()))
                .clientIdentity(serverCert.privateKey(), serverCert.chain()).build();
        store = new InMemoryMessageStore();
        handler = InboundHandler.builder().partyKey(US).store(store).listener(delivered::add).build();
        server = InboundServer.builder().tls(tls).handler(handler).address(InetAddress.getLoopbackAddress()).port(0)
                .threads(4).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void clear() {
        delivered.clear();
    }

    private static HttpResponse<byte[]> post(HttpClient client, EncodedMessage m) throws IOException,
            InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + "/inbound"))
                .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofByteArray(m.body()));
        m.headers().forEach(r::header);
        return client.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpClient spine() {
        return HttpClient.newBuilder().sslContext(pki.sslContext(spineClient)).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static EncodedMessage message(String to, String refTo) {
        EbxmlRequest.Builder b = EbxmlRequest.builder().from(PartyKey.of("YES-0000806")).to(PartyKey.of(to))
                .cpaId("S1001A1630").service("urn:nhs:names:services:psis").action("REPC_IN150016UK05")
                .duplicateElimination(true).ackRequested(EbxmlRequest.ACTOR_TO_PARTY_MSH).syncReply(true)
                .payload("<response xmlns=\"urn:hl7-org:v3\">ünïcode</response>".getBytes(StandardCharsets.UTF_8));
        if (refTo != null) {
            b.refToMessageId(refTo);
        }
        return EbxmlCodec.encode(b.build());
    }

    @Test
    void aDuplicateIsAcknowledgedTwiceAndDeliveredOnce() throws Exception {
        EncodedMessage m = message("X99-123456", null);
        HttpClient client = spine();

        HttpResponse<byte[]> first = post(client, m);
        HttpResponse<byte[]> second = post(client, m);

        for (HttpResponse<byte[]> r : List.of(first, second)) {
            assertThat(r.statusCode()).isEqualTo(200);
            SpineReply reply = EbxmlCodec.parseReply(r.statusCode(), r.headers().firstValue("Content-Type")
                    .orElse(""), r.body());
            assertThat(reply).isInstanceOfSatisfying(SpineReply.Acknowledged.class, a -> {
                assertThat(a.refToMessageId()).contains(EbxmlCodec.decode(m.contentType(), m.body()).header()
                        .messageId());
                assertThat(a.header().orElseThrow().fromPartyKey()).isEqualTo("X99-123456");
            });
        }
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0).message().payload().orElseThrow().text())
                .isEqualTo("<response xmlns=\"urn:hl7-org:v3\">ünïcode</response>");
    }

    @Test
    void aMessageForAnotherPartyKeyIsNacked() throws Exception {
        HttpResponse<byte[]> r = post(spine(), message("X26-823848", null));

        assertThat(r.statusCode()).isEqualTo(200);
        SpineReply reply = EbxmlCodec.parseReply(200, "text/xml", r.body());
        assertThat(reply).isInstanceOfSatisfying(SpineReply.MessageError.class, e -> assertThat(e.errors())
                .singleElement().satisfies(err -> {
                    assertThat(err.errorCode()).isEqualTo("ValueNotRecognized");
                    assertThat(err.description().orElseThrow()).startsWith("501314:Invalid To Party Type attribute")
                            .contains("\"X26-823848\"");
                }));
        assertThat(delivered).isEmpty();
    }

    @Test
    void aReplyIsCorrelatedWithTheSendByRefToMessageId() throws Exception {
        String sent = "0A1B2C3D-0000-4000-8000-0000000000AA";
        store.save(new MessageStore.Outbound(sent, "CONV", Workflow.RELIABLE, Instant.now(), 1,
                MessageStore.Status.ACKNOWLEDGED));
        CompletableFuture<InboundMessage> reply = handler.expectReply(sent);

        post(spine(), message("X99-123456", sent));

        InboundMessage m = reply.get(5, TimeUnit.SECONDS);
        assertThat(m.correlated()).get().extracting(MessageStore.Outbound::conversationId).isEqualTo("CONV");
        assertThat(m.correlationMessageId()).isEqualTo(sent);
        assertThat(delivered).containsExactly(m);
    }

    @Test
    void garbageIsASoapFaultAndAClientWithoutACertificateIsRefused() throws Exception {
        HttpRequest bad = HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + "/"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")).build();
        HttpResponse<byte[]> r = spine().send(bad, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(500);
        SpineReply.SoapFault fault = (SpineReply.SoapFault) EbxmlCodec.parseReply(500, "text/xml", r.body());
        assertThat(fault.errors()).singleElement().satisfies(e -> {
            assertThat(e.errorCode()).isEqualTo("201");
            assertThat(e.description().orElseThrow()).contains("is not multipart/related");
        });

        HttpClient anonymous = HttpClient.newBuilder().sslContext(pki.sslContext(null)).build();
        assertThrows(IOException.class, () -> anonymous.send(bad, HttpResponse.BodyHandlers.ofByteArray()));
        assertThat(delivered).isEmpty();
    }
}
