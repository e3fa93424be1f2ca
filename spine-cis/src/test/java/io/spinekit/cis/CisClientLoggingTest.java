package io.spinekit.cis;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.spinekit.tls.SpineTlsContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SSO ticket never reaches spinekit's log output, at TRACE, on success and on every failure path.
 * spinekit's loggers run at TRACE in this module's tests (see the surefire configuration); the
 * server is a real HTTPS WireMock with a key pair made by the JDK's keytool (this module cannot use
 * the testkit's PKI).
 */
class CisClientLoggingTest {
    private static final SsoTicket TICKET = SsoTicket.of("AQIC5wM2LY4SfczLogCanaryTicket=@AAJTSQACMDE=#");
    private static LoopbackHttps https;
    private static WireMockServer server;
    private static SpineTlsContext tls;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        https = LoopbackHttps.start(dir);
        server = https.server;
        tls = https.tls;
    }

    @AfterAll
    static void stop() {
        https.close();
    }

    private static CisClient client() {
        // The fixture's validity window is fixed; the success case must really succeed.
        RoleAssertionParser parser = RoleAssertionParser.builder()
                .clock(java.time.Clock.fixed(java.time.Instant.parse("2025-03-14T10:00:00Z"), java.time.ZoneOffset.UTC))
                .build();
        return CisClient.builder().responseTimeout(Duration.ofMillis(500)).spineTls(tls).parser(parser).urls(CisUrls.builder("log-test")
                .url(CisUrls.ROLE_ASSERTION, java.net.URI.create("https://localhost:" + server.httpsPort()
                        + "/saml/RoleAssertion")).build()).build();
    }

    private static String captureStdErr(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void ticketIsNeverLoggedOnSuccessOrFailure() {
        String success = SamlDocs.fixtureText("role-assertion-success.xml");
        String log = captureStdErr(() -> {
            try (CisClient client = client()) {
                for (int status : new int[] {200, 500, 302}) {
                    server.resetAll();
                    server.stubFor(get(urlPathEqualTo("/saml/RoleAssertion")).willReturn(aResponse().withStatus(status)
                            .withHeader("Location", "https://elsewhere.example/?token=" + TICKET.urlEncoded())
                            .withBody(status == 200 ? success : "error for " + TICKET.reveal())));
                    if (status == 200) {
                        assertThat(client.roleAssertion(TICKET).userUid()).isNotEmpty();
                    } else {
                        CisException e = assertThrows(CisException.class, () -> client.roleAssertion(TICKET));
                        assertThat(e.reason()).isEqualTo(CisException.Reason.HTTP_STATUS);
                        assertThat(e.getMessage()).doesNotContain(TICKET.reveal()).doesNotContain(TICKET.urlEncoded());
                    }
                }
                server.resetAll();
                server.stubFor(get(urlPathEqualTo("/saml/RoleAssertion")).willReturn(aResponse().withStatus(200)
                        .withBody(success).withFixedDelay(3000)));
                CisException timeout = assertThrows(CisException.class, () -> client.roleAssertion(TICKET));
                assertThat(timeout.reason()).isEqualTo(CisException.Reason.TIMEOUT);
            }
        });

        assertThat(log).contains("GET https://localhost:" + server.httpsPort() + "/saml/RoleAssertion (role assertion, "
                + "attempt 1)");
        assertThat(log).doesNotContain(TICKET.reveal()).doesNotContain(TICKET.urlEncoded()).doesNotContain("LogCanary");
    }
}
