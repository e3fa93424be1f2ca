package io.spinekit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.env.PartyKey;
import io.spinekit.messaging.EbxmlCodec;
import io.spinekit.messaging.EbxmlRequest;
import io.spinekit.messaging.EncodedMessage;
import io.spinekit.messaging.SpineReply;
import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.TestPki;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link FakeMhs} over real mutual TLS: what it accepts, what it refuses, and what it records. */
class FakeMhsTest {
    private static final TestPki PKI = TestPki.create("FakeMhs");
    private static FakeMhs mhs;

    @BeforeAll
    static void start() {
        mhs = FakeMhs.start(PKI).expect("YES-0000806", "S1001A1630");
    }

    @AfterAll
    static void stop() {
        mhs.close();
    }

    @BeforeEach
    void reset() {
        mhs.reset();
    }

    private static HttpClient client(IssuedCertificate identity) {
        return HttpClient.newBuilder().sslContext(PKI.sslContext(identity)).connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    private static HttpResponse<byte[]> post(String cpaId) throws IOException, InterruptedException {
        EncodedMessage m = EbxmlCodec.encode(EbxmlRequest.builder().from(PartyKey.of("X99-123456"))
                .to(PartyKey.of("YES-0000806")).cpaId(cpaId).service("urn:nhs:names:services:psis")
                .action("REPC_IN150016UK05").duplicateElimination(true).ackRequested(EbxmlRequest.ACTOR_TO_PARTY_MSH)
                .syncReply(true).payload("<REPC_IN150016UK05 xmlns=\"urn:hl7-org:v3\"/>".getBytes(StandardCharsets.UTF_8))
                .build());
        HttpRequest.Builder r = HttpRequest.newBuilder(mhs.endpoint("/reliablemessaging/reliablerequest"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofByteArray(m.body()));
        m.headers().forEach(r::header);
        return client(PKI.certificate("client.supplier.example").clientAuth().issue()).send(r.build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aConformingMessageIsAcknowledgedAndRecorded() throws Exception {
        HttpResponse<byte[]> r = post("S1001A1630");

        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(EbxmlCodec.parseReply(202, r.headers().firstValue("Content-Type").orElse(""), r.body()))
                .isInstanceOf(SpineReply.Acknowledged.class);
        assertThat(mhs.received()).singleElement().satisfies(got -> {
            assertThat(got.path()).isEqualTo("/reliablemessaging/reliablerequest");
            assertThat(got.problems()).isEmpty();
            assertThat(got.headers()).containsEntry("SOAPAction", "urn:nhs:names:services:psis/REPC_IN150016UK05");
        });
    }

    @Test
    void aMessageBreakingTheExpectationsIsNackedSayingWhatIsWrong() throws Exception {
        HttpResponse<byte[]> r = post("S9999");

        SpineReply reply = EbxmlCodec.parseReply(r.statusCode(), "text/xml", r.body());
        assertThat(reply).isInstanceOfSatisfying(SpineReply.MessageError.class, e -> assertThat(e.errors())
                .singleElement().satisfies(err -> assertThat(err.description().orElseThrow())
                        .contains("CPAId S9999: expected S1001A1630")));
        assertThat(mhs.received()).singleElement().satisfies(got -> assertThat(got.problems())
                .containsExactly("CPAId S9999: expected S1001A1630"));
    }

    @Test
    void aClientWithoutACertificateOrFromAnotherCaIsRefused() {
        HttpRequest request = HttpRequest.newBuilder(mhs.endpoint("/sync-service"))
                .POST(HttpRequest.BodyPublishers.ofString("<hello/>")).build();
        assertThatThrownBy(() -> client(null).send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        IssuedCertificate stranger = TestPki.create("Other").certificate("stranger.example").clientAuth().issue();
        HttpClient other = HttpClient.newBuilder().sslContext(TestPki.sslContext(stranger, PKI.trustStore()))
                .version(HttpClient.Version.HTTP_1_1).build();
        assertThatThrownBy(() -> other.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        assertThat(mhs.received()).isEmpty();
    }
}
