package io.spinekit.benchmarks.messaging;

import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.env.PartyKey;
import io.spinekit.ldap.Route;
import io.spinekit.ldap.RouteResult;
import io.spinekit.ldap.SdsClient;
import io.spinekit.messaging.OutboundMessage;
import io.spinekit.messaging.SendOutcome;
import io.spinekit.messaging.InMemoryMessageStore;
import io.spinekit.messaging.SpineMessaging;
import io.spinekit.testkit.EmbeddedSds;
import io.spinekit.testkit.FakeMhs;
import io.spinekit.testpki.TestPki;
import io.spinekit.tls.SpineTlsContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Reliable send to {@link FakeMhs} over pooled mutual TLS on loopback, 16 concurrent senders:
 * {@link SpineMessaging#send} (route from an {@link EmbeddedSds}, ebXML built, posted, the
 * acknowledgement parsed, the store updated) side by side with a plain HttpClient 5 POST of the
 * same bytes (one message captured at setup) to the same server with the same pooled mutual TLS
 * ({@link SpineTlsContext#httpClientTlsStrategy()}, 16 connections). Throughput and sampled time
 * (p99). The fake runs in the same JVM: it decodes and checks every message and answers with an
 * acknowledgement, so both sides pay for it; compare them as a ratio.
 *
 * <p>The fork sets {@code sun.net.httpserver.nodelay=true} (JDK {@code HttpServer} sockets with
 * {@code TCP_NODELAY}; the fake writes headers and body separately). The plain client has
 * {@code disableConnectionState()}: HttpClient 5 otherwise tags a mutual-TLS connection with the
 * client's principal and never leases it again to a request without that state, so every request
 * opens a new connection and pays a full handshake (about 200 a second here instead of thousands).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(16)
@Fork(value = 1, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
public class ReliableSendBenchmark {
    private static final String ODS = "X26";
    private static final String INTERACTION = "urn:nhs:names:services:psis:REPC_IN150016UK05";

    private TestPki pki;
    private EmbeddedSds sds;
    private FakeMhs mhs;
    private SdsClient sdsClient;
    private SpineMessaging messaging;
    private CloseableHttpClient plain;
    private Route route;
    private byte[] payload;
    private byte[] body;
    private Map<String, String> headers;

    /** Starts the SDS and the fake MHS, resolves the route and captures one message's bytes. */
    @Setup(Level.Trial)
    public void setUp() {
        pki = TestPki.create();
        sds = EmbeddedSds.builder().pki(pki).start();
        mhs = FakeMhs.start(pki).expect(ODS + "-823848", "S20001A000182");
        sds.addMhs(EmbeddedSds.mhs(ODS, INTERACTION).partyKey(ODS + "-823848")
                .endpoint(mhs.endpoint("/reliablemessaging/reliablerequest").toString()).fqdn("localhost")
                .cpaId("S20001A000182").names("urn:nhs:names:services:psis", "REPC_IN150016UK05")
                .reliability("PT5M", "2", "PT0.1S")
                .messaging("always", "always", "MSHSignalsOnly", "urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH"));
        sds.addAccreditedSystem(EmbeddedSds.accreditedSystem("918999198738", ODS).partyKey(ODS + "-823848")
                .interactions(INTERACTION));
        sdsClient = sds.clientBuilder().build();
        RouteResult found = sdsClient.route(OdsCode.of(ODS), InteractionId.of(INTERACTION));
        route = ((RouteResult.Found) found).route();
        SpineTlsContext tls = sds.tlsContext();
        // in memory, as measured for issue 11 (StoreThroughput measures the durable stores)
        messaging = SpineMessaging.builder().tls(tls).fromPartyKey(PartyKey.of("X99-123456"))
                .store(new InMemoryMessageStore())
                .connectTimeout(Duration.ofSeconds(5)).handshakeTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(10)).maxConcurrentSends(16).build();
        plain = HttpClients.custom().setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(tls.httpClientTlsStrategy()).setMaxConnTotal(16).setMaxConnPerRoute(16).build())
                .disableConnectionState().build();
        StringBuilder hl7 = new StringBuilder("<REPC_IN150016UK05 xmlns=\"urn:hl7-org:v3\">");
        while (hl7.length() < 8 * 1024 - 40) {
            hl7.append("<observation code=\"1234\">Zoë Ünïcode &amp; 😀</observation>");
        }
        payload = hl7.append("</REPC_IN150016UK05>").toString().getBytes(StandardCharsets.UTF_8);
        SendOutcome first = messaging.send(route, OutboundMessage.of(payload));
        if (first.outcome() != SendOutcome.Outcome.ACKNOWLEDGED) {
            throw new IllegalStateException("the fake MHS did not acknowledge: " + first);
        }
        FakeMhs.Received r = mhs.received().get(0);
        body = r.body();
        headers = Map.of("Content-Type", r.headers().get("Content-Type"), "SOAPAction", r.headers().get("SOAPAction"));
    }

    /** The fake keeps every request: forget them between iterations. */
    @Setup(Level.Iteration)
    public void forget() {
        mhs.reset();
    }

    /** Stops everything. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        messaging.close();
        plain.close();
        sdsClient.close();
        mhs.close();
        sds.close();
    }

    /**
     * One reliable send, acknowledged.
     *
     * @return the outcome
     */
    @Benchmark
    public SendOutcome spineMessagingReliableSend() {
        SendOutcome out = messaging.send(route, OutboundMessage.of(payload));
        if (out.outcome() != SendOutcome.Outcome.ACKNOWLEDGED) {
            throw new IllegalStateException("not acknowledged: " + out);
        }
        return out;
    }

    /**
     * A plain HttpClient 5 POST of the same bytes (the same message id each time), response read.
     *
     * @return the status
     * @throws IOException on failure
     */
    @Benchmark
    public int plainHttpClientPost() throws IOException {
        HttpPost post = new HttpPost(route.endpoint());
        post.setHeader("SOAPAction", headers.get("SOAPAction"));
        post.setEntity(new ByteArrayEntity(body, ContentType.parseLenient(headers.get("Content-Type"))));
        return plain.execute(post, response -> {
            EntityUtils.consume(response.getEntity());
            if (response.getCode() != 202) {
                throw new IllegalStateException("HTTP " + response.getCode());
            }
            return response.getCode();
        });
    }
}
