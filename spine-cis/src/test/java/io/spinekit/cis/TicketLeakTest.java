package io.spinekit.cis;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that echoes the SSO ticket near the point where a message is cut must not leak any part
 * of it: the ticket is echoed at every offset around each cut (the body excerpt of an HTTP error,
 * a redirect's Location, a SAML StatusMessage), over a real HTTPS server on loopback, and no run of
 * 8 of the ticket's characters may appear in any message of the exception chain.
 */
class TicketLeakTest {
    private static final String RAW = "AQIC5wM2LY4SfczLeakCanary0123456789abcdefghijkl=@AAJTSQACMDE=#";
    private static final SsoTicket TICKET = SsoTicket.of(RAW);
    private static LoopbackHttps https;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        https = LoopbackHttps.start(dir);
    }

    @AfterAll
    static void stop() {
        https.close();
    }

    private static CisClient client() {
        RoleAssertionParser parser = RoleAssertionParser.builder()
                .clock(Clock.fixed(Instant.parse("2025-03-14T10:00:00Z"), ZoneOffset.UTC)).build();
        return CisClient.builder().spineTls(https.tls).parser(parser).urls(CisUrls.builder("leak-test")
                .url(CisUrls.ROLE_ASSERTION, https.url("/saml/RoleAssertion")).build()).build();
    }

    /** Every 8-character run of the ticket, raw and URL-encoded, that appears in the chain's messages. */
    static List<String> leaks(Throwable e, String... secrets) {
        List<String> found = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = t.getMessage() + "\n" + t;
            for (String secret : secrets) {
                for (int i = 0; i + 8 <= secret.length(); i++) {
                    String run = secret.substring(i, i + 8);
                    if (text.contains(run)) {
                        found.add(run + " in: " + t);
                    }
                }
            }
        }
        return found;
    }

    private static List<String> leaksFor(CisClient client, int status, String location, String body) {
        https.server.resetAll();
        var response = aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(body);
        if (location != null) {
            response = response.withHeader("Location", location);
        }
        https.server.stubFor(get(urlPathEqualTo("/saml/RoleAssertion")).willReturn(response));
        CisException e = assertThrows(CisException.class, () -> client.roleAssertion(TICKET));
        return leaks(e, RAW, TICKET.urlEncoded());
    }

    @Test
    void anHttpErrorBodyEchoingTheTicketAtAnyOffsetLeaksNoPartOfIt() {
        List<String> leaks = new ArrayList<>();
        try (CisClient client = client()) {
            for (int offset = 100; offset <= 240; offset++) {
                leaks.addAll(leaksFor(client, 500, null, "x".repeat(offset) + RAW + " and more"));
                leaks.addAll(leaksFor(client, 500, null, "y".repeat(offset) + TICKET.urlEncoded() + " and more"));
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void aRedirectEchoingTheTicketAtAnyOffsetLeaksNoPartOfIt() {
        List<String> leaks = new ArrayList<>();
        try (CisClient client = client()) {
            for (int offset = 100; offset <= 200; offset++) {
                leaks.addAll(leaksFor(client, 302, "https://elsewhere.example/" + "p".repeat(offset) + "?token="
                        + TICKET.urlEncoded(), ""));
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void aStatusMessageEchoingTheTicketAtAnyOffsetLeaksNoPartOfIt() {
        List<String> leaks = new ArrayList<>();
        try (CisClient client = client()) {
            for (int offset = 150; offset <= 240; offset++) {
                String status = "<samlp:Status><samlp:StatusCode Value=\"samlp:Requester\"/><samlp:StatusMessage>"
                        + "z".repeat(offset) + RAW + " tail</samlp:StatusMessage></samlp:Status>";
                leaks.addAll(leaksFor(client, 200, null, SamlDocs.response(status, "2025-03-14T09:59:00Z",
                        "2025-03-14T10:03:00Z", SamlDocs.person())));
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void theParserRedactsTheTicketItIsGivenBeforeCutting() {
        RoleAssertionParser parser = RoleAssertionParser.builder().checkValidity(false).build();
        List<String> leaks = new ArrayList<>();
        for (int offset = 150; offset <= 240; offset++) {
            String status = "<samlp:Status><samlp:StatusCode Value=\"samlp:Requester\"/><samlp:StatusMessage>"
                    + "z".repeat(offset) + RAW + " tail</samlp:StatusMessage></samlp:Status>";
            String body = SamlDocs.response(status, null, null, SamlDocs.person());
            CisException e = assertThrows(CisException.class, () -> parser.parse(body, TICKET));
            assertThat(e.reason()).isEqualTo(CisException.Reason.FAILED_STATUS);
            leaks.addAll(leaks(e, RAW));
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void redactRemovesEveryLongRunOfTheTicket() {
        String text = "a" + RAW.substring(3, 20) + "b" + RAW.substring(RAW.length() - 9) + "c"
                + TICKET.urlEncoded().substring(10, 30) + "d" + RAW.substring(0, 7);
        String redacted = TICKET.redact(text);

        assertThat(leaks(new CisException(CisException.Reason.IO, redacted), RAW, TICKET.urlEncoded())).isEmpty();
        assertThat(redacted).startsWith("a").contains("b", "c", "d").endsWith(RAW.substring(0, 7));
        assertThat(TICKET.appearsIn(text)).isTrue();
        assertThat(TICKET.appearsIn("nothing of it here")).isFalse();
    }
}
