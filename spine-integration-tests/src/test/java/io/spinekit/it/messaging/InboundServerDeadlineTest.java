package io.spinekit.it.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.env.PartyKey;
import io.spinekit.messaging.InMemoryMessageStore;
import io.spinekit.messaging.InboundHandler;
import io.spinekit.messaging.InboundServer;
import io.spinekit.messaging.MessagingException;
import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.TestPki;
import io.spinekit.tls.SpineTlsContext;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The inbound server's request deadline, over real sockets: a client that stalls in the TLS
 * handshake, in its headers or in its body is cut off, so it cannot hold the server's only worker.
 */
class InboundServerDeadlineTest {
    static TestPki pki;
    static IssuedCertificate spineClient;
    static SpineTlsContext tls;
    InboundServer server;

    @BeforeAll
    static void pki() {
        pki = TestPki.create("Deadline");
        IssuedCertificate serverCert = pki.certificate("localhost").serverAuth().issue();
        spineClient = pki.certificate("spine.example.nhs.uk").clientAuth().issue();
        tls = SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate()))
                .clientIdentity(serverCert.privateKey(), serverCert.chain()).build();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private InboundServer oneWorker(Duration requestTimeout) {
        InboundHandler handler = InboundHandler.builder().partyKey(PartyKey.of("X99-123456"))
                .store(new InMemoryMessageStore()).build();
        server = InboundServer.builder().tls(tls).handler(handler).address(InetAddress.getLoopbackAddress()).port(0)
                .threads(1).requestTimeout(requestTimeout).gracePeriod(Duration.ZERO).build().start();
        return server;
    }

    /** A well-behaved request: any HTTP answer (the body is not ebXML) shows the worker was free. */
    private int wellBehavedPost() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(pki.sslContext(spineClient))
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest r = HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + "/"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<not-ebxml/>")).build();
        return client.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Reads until the server closes the connection; the stalled client must not wait forever. */
    private static void assertClosedByServer(Socket s) throws Exception {
        s.setSoTimeout(15_000);
        InputStream in = s.getInputStream();
        try {
            while (in.read() >= 0) {
                // a partial answer, if any, then the end
            }
        } catch (java.net.SocketException | javax.net.ssl.SSLException e) {
            // reset or closed: cut off too
        }
    }

    @Test
    void aClientStalledInTheTlsHandshakeIsCutOffAndTheWorkerServesTheNext() throws Exception {
        oneWorker(Duration.ofMillis(800));
        try (Socket stalled = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            // the first byte of a TLS handshake record, then nothing: the worker waits in the handshake
            stalled.getOutputStream().write(0x16);
            stalled.getOutputStream().flush();
            Thread.sleep(200);

            assertThat(wellBehavedPost()).isBetween(200, 599);
            assertClosedByServer(stalled);
        }
    }

    @Test
    void aClientTricklingItsBodyIsCutOffAndTheWorkerServesTheNext() throws Exception {
        oneWorker(Duration.ofMillis(800));
        try (SSLSocket stalled = (SSLSocket) pki.sslContext(spineClient).getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), server.port())) {
            stalled.startHandshake();
            OutputStream out = stalled.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/xml\r\nContent-Length: 100000\r\n\r\n<a>")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(200);

            assertThat(wellBehavedPost()).isBetween(200, 599);
            assertClosedByServer(stalled);
        }
    }

    @Test
    void aRequestTimeoutOutsideItsRangeIsRefusedNamingTheValue() {
        assertThatThrownBy(() -> InboundServer.builder().requestTimeout(Duration.ZERO))
                .isInstanceOf(MessagingException.class).hasMessageContaining("\"PT0S\"")
                .hasMessageContaining("expected from 1 ms to 1 hour");
    }

    @Test
    void aBusyPortIsAMessagingExceptionNamingTheAddress() {
        oneWorker(Duration.ofSeconds(5));
        assertThatThrownBy(() -> InboundServer.builder().tls(tls)
                .handler(InboundHandler.builder().partyKey(PartyKey.of("X99-123456")).store(new InMemoryMessageStore()).build())
                .address(InetAddress.getLoopbackAddress()).port(server.port()).build())
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("cannot listen on \"127.0.0.1:" + server.port() + "\"");
    }
}
