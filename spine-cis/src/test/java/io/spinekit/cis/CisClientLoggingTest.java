package io.spinekit.cis;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.spinekit.tls.SpineTlsContext;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    private static WireMockServer server;
    private static SpineTlsContext tls;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        Path store = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        X509Certificate cert = (X509Certificate) ks.getCertificate("server");
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").httpDisabled(true)
                .dynamicHttpsPort().keystorePath(store.toString()).keystoreType("PKCS12").keystorePassword("changeit")
                .keyManagerPassword("changeit").http2TlsDisabled(true));
        server.start();
        tls = SpineTlsContext.builder().trustCertificates(List.of(cert)).build();
    }

    @AfterAll
    static void stop() {
        server.stop();
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
