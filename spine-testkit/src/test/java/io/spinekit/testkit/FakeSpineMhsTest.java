package io.spinekit.testkit;

import io.spinekit.testpki.TestPki;
import io.spinekit.testpki.IssuedCertificate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FakeSpineMhsTest {
    private static final TestPki PKI = TestPki.create();
    private static FakeSpineMhs mhs;

    @BeforeAll
    static void start() {
        mhs = FakeSpineMhs.start(PKI);
    }

    @AfterAll
    static void stop() {
        mhs.close();
    }

    private static HttpClient client(IssuedCertificate identity) {
        return HttpClient.newBuilder()
                .sslContext(PKI.sslContext(identity))
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Test
    void acceptsMessageOverMutualTlsAndRecordsIt() throws Exception {
        IssuedCertificate client = PKI.certificate("client.supplier.example").clientAuth().issue();
        HttpResponse<String> response = client(client).send(HttpRequest.newBuilder(mhs.endpoint("/reliablemessaging/reliablerequest"))
                .header("SOAPAction", "urn:nhs:names:services:psis/REPC_IN150016UK05")
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<hello/>"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).contains("status=\"accepted\"");
        assertThat(mhs.received()).anySatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/reliablemessaging/reliablerequest");
            assertThat(r.body()).isEqualTo("<hello/>");
            assertThat(r.headers()).containsEntry("SOAPAction", "urn:nhs:names:services:psis/REPC_IN150016UK05");
        });
    }

    @Test
    void rejectsClientWithoutCertificate() {
        HttpRequest request = HttpRequest.newBuilder(mhs.endpoint("/sync-service")).GET().build();
        assertThatThrownBy(() -> client(null).send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOfAny(SSLHandshakeException.class, IOException.class);
    }

    @Test
    void rejectsClientCertificateFromAnotherCa() {
        TestPki other = TestPki.create("Other");
        IssuedCertificate stranger = other.certificate("stranger.example").clientAuth().issue();
        HttpClient client = HttpClient.newBuilder()
                .sslContext(TestPki.sslContext(stranger, PKI.trustStore()))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        HttpRequest request = HttpRequest.newBuilder(mhs.endpoint("/sync-service")).GET().build();
        assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }
}
