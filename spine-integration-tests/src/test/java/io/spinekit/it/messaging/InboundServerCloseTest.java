package io.spinekit.it.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spinekit.env.PartyKey;
import io.spinekit.messaging.EbxmlCodec;
import io.spinekit.messaging.EbxmlRequest;
import io.spinekit.messaging.EncodedMessage;
import io.spinekit.messaging.InboundHandler;
import io.spinekit.messaging.InboundServer;
import io.spinekit.messaging.MessagingException;
import io.spinekit.messaging.SpineReply;
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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link InboundServer#close()} with a real request in flight: stops accepting, lets it finish within
 * the grace period, and stops hard after it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InboundServerCloseTest {
    static final PartyKey US = PartyKey.of("X99-123456");
    static TestPki pki;
    static SpineTlsContext tls;
    static HttpClient spine;
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeAll
    static void pki() {
        pki = TestPki.create("InboundClose");
        IssuedCertificate serverCert = pki.certificate("localhost").serverAuth().issue();
        tls = SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate()))
                .clientIdentity(serverCert.privateKey(), serverCert.chain()).build();
        spine = HttpClient.newBuilder().sslContext(pki.sslContext(pki.certificate("spine.example.nhs.uk").clientAuth()
                .issue())).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void unblock() {
        release.countDown();
    }

    /** A server whose listener holds each message until {@link #release} opens. */
    private InboundServer slowServer(Duration grace) {
        InboundHandler handler = InboundHandler.builder().partyKey(US).listener(m -> {
            if (!m.conversationId().equals("SLOW")) {
                return;
            }
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }).build();
        return InboundServer.builder().tls(tls).handler(handler).address(InetAddress.getLoopbackAddress()).port(0)
                .gracePeriod(grace).build().start();
    }

    private static CompletableFuture<HttpResponse<byte[]>> post(int port, EncodedMessage m) {
        return post(spine, port, m);
    }

    private static CompletableFuture<HttpResponse<byte[]>> post(HttpClient client, int port, EncodedMessage m) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/inbound"))
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofByteArray(m.body()));
        m.headers().forEach(r::header);
        return client.sendAsync(r.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static EncodedMessage message() {
        return message("SLOW");
    }

    private static EncodedMessage message(String conversationId) {
        return EbxmlCodec.encode(EbxmlRequest.builder().from(PartyKey.of("YES-0000806")).to(US).cpaId("S1001A1630")
                .conversationId(conversationId)
                .service("urn:nhs:names:services:psis").action("REPC_IN150016UK05").duplicateElimination(true)
                .ackRequested(EbxmlRequest.ACTOR_TO_PARTY_MSH).syncReply(true)
                .payload("<response xmlns=\"urn:hl7-org:v3\"/>".getBytes(StandardCharsets.UTF_8)).build());
    }

    @Test
    void anExchangeInFlightFinishesWithinTheGraceAndNewConnectionsAreRefused() throws Exception {
        InboundServer server = slowServer(Duration.ofSeconds(20));
        int port = server.port();
        EncodedMessage m = message();
        CompletableFuture<HttpResponse<byte[]>> inFlight = post(port, m);
        assertThat(entered.await(10, TimeUnit.SECONDS)).as("the listener has the message").isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
        awaitRefused(port);
        assertThat(closing).as("close waits for the exchange in flight").isNotDone();
        release.countDown();
        closing.get(20, TimeUnit.SECONDS);

        HttpResponse<byte[]> r = inFlight.get(20, TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(200);
        SpineReply reply = EbxmlCodec.parseReply(200, r.headers().firstValue("Content-Type").orElse(""), r.body());
        assertThat(reply).isInstanceOfSatisfying(SpineReply.Acknowledged.class, a -> assertThat(a.refToMessageId())
                .contains(EbxmlCodec.decode(m.contentType(), m.body()).header().messageId()));
    }

    @Test
    void aNewRequestOnAnOpenConnectionDuringTheGraceIsAnswered503() throws Exception {
        InboundServer server = slowServer(Duration.ofSeconds(20));
        int port = server.port();
        HttpClient keepAlive = HttpClient.newBuilder().sslContext(pki.sslContext(pki.certificate("spine2.example.nhs.uk")
                .clientAuth().issue())).connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1)
                .build();
        assertThat(post(keepAlive, port, message("QUICK")).get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        CompletableFuture<HttpResponse<byte[]>> inFlight = post(port, message());
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
        awaitRefused(port);
        HttpResponse<byte[]> late = post(keepAlive, port, message("LATE")).get(20, TimeUnit.SECONDS);
        release.countDown();
        closing.get(20, TimeUnit.SECONDS);

        assertThat(late.statusCode()).as("taken on the connection kept alive, after close began").isEqualTo(503);
        assertThat(inFlight.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void anExchangeThatOutlastsTheGraceIsCutOff() throws Exception {
        InboundServer server = slowServer(Duration.ofMillis(200));
        int port = server.port();
        CompletableFuture<HttpResponse<byte[]>> inFlight = post(port, message());
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        server.close();

        assertThat(release.getCount()).as("the listener is still holding the message").isEqualTo(1);
        ExecutionException e = assertThrows(ExecutionException.class, () -> inFlight.get(20, TimeUnit.SECONDS));
        assertThat(e.getCause()).isInstanceOf(IOException.class);
        assertThrows(ExecutionException.class, () -> post(port, message()).get(20, TimeUnit.SECONDS));
    }

    @Test
    void closeWithNothingInFlightAndTwiceIsFine() {
        InboundServer server = slowServer(Duration.ofSeconds(2));
        int port = server.port();
        server.close();
        server.close();
        assertThrows(ExecutionException.class, () -> post(port, message()).get(20, TimeUnit.SECONDS));
    }

    @Test
    void portIsStillThePortItWasBoundToAfterClose() {
        InboundServer server = slowServer(Duration.ofSeconds(2));
        int port = server.port();

        server.close();

        assertThat(port).isPositive();
        assertThat(server.port()).isEqualTo(port);
    }

    @Test
    void aNegativeGraceIsBadInputNamingTheValue() {
        MessagingException e = assertThrows(MessagingException.class,
                () -> InboundServer.builder().gracePeriod(Duration.ofSeconds(-1)));
        assertThat(e.getMessage()).contains("gracePeriod is \"PT-1S\"");
    }

    /** Waits until the listening socket is closed: a new connection is refused. */
    private static void awaitRefused(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (java.net.Socket s = new java.net.Socket()) {
                s.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            } catch (IOException refused) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("port " + port + " still accepts connections during close");
    }
}
