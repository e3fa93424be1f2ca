package io.spinekit.it.cis;

import io.spinekit.cis.CisClient;
import io.spinekit.cis.CisUrls;
import io.spinekit.cis.GasActivationRequest;
import io.spinekit.cis.GasActivationResponse;
import io.spinekit.cis.GasAuthenticationRequest;
import io.spinekit.cis.GasAuthenticationResponse;
import io.spinekit.cis.GasLogoutRequest;
import io.spinekit.cis.GasMessage;
import io.spinekit.cis.GasRole;
import io.spinekit.cis.GasService;
import io.spinekit.cis.RoleAssertion;
import io.spinekit.cis.SsoTicket;
import static org.assertj.core.api.Assertions.assertThat;

import io.spinekit.testkit.FakeCis;
import io.spinekit.testkit.FakeCisExtension;
import io.spinekit.tls.SpineTlsContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The legacy smartcard flow against FakeCis: the Identity Agent's GAS exchange (activate, validate),
 * the role selection URL, the server's role assertion request, and logout. Messages are written and
 * read with spinekit's GAS types on both sides.
 */
class SmartcardFlowTest {
    /** One fake per class over mutual TLS, as the Identity Agent and the server reach GAS and sbapi. */
    @RegisterExtension
    static final FakeCisExtension CIS = FakeCisExtension.mutualTls();
    private static FakeCis cis;
    private static SpineTlsContext tls;
    private static HttpClient http;

    @BeforeAll
    static void start(FakeCis fake, SpineTlsContext clientTls) {
        cis = fake;
        tls = clientTls;
        http = tls.jdkHttpClientBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpResponse<String> post(URI url, GasMessage message) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(message.toXml())).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void identityAgentExchangeThenRoleAssertionThenLogout() throws Exception {
        CisUrls urls = CisUrls.of(cis.profile("local-mock"));
        SsoTicket ticket = SsoTicket.of("AQIC5wM2LY4SfczFlowTest" + System.nanoTime() + "=@AAJTSQACMDE=#");
        RoleAssertion assertion = FakeCis.sampleAssertion(Instant.now());
        List<GasRole> roles = List.of(
                GasRole.of(0, "900000000201", "X99", "EXAMPLE FIXTURE NHS TRUST",
                        "\"Clinical\":\"Clinical Provision\":\"Example Clinician Access Role\""),
                GasRole.of(1, "900000000202", "X99001", "EXAMPLE FIXTURE SURGERY",
                        "\"Admin & Clerical\":\"Admin\":\"Example Demographic Administrator\""));
        cis.givenAuthentication(new GasAuthenticationResponse(ticket, Optional.of("Example Alex Dr"),
                Optional.of(urls.gasLogoutUrl()), Optional.of(Duration.ofMinutes(10)), Optional.of(Duration.ofMinutes(10)),
                roles));
        cis.givenAssertion(ticket, assertion);

        HttpResponse<String> activated = post(urls.gasActivateUrl(),
                new GasActivationRequest("3", "NHST", "FlowTest01", "dev01,ClientIP=127.0.0.1").toMessage());
        assertThat(activated.statusCode()).isEqualTo(200);
        GasActivationResponse challenge = GasActivationResponse.from(GasMessage.parse(activated.body()));

        GasAuthenticationRequest validate = new GasAuthenticationRequest("3", "NHST", "FlowTest01",
                "dev01,ClientIP=127.0.0.1", challenge.challenge(), challenge.signature(), "900000000101", "p11",
                "c2lnbmVkLWJ5LWEtdGVzdA==", "0");
        HttpResponse<String> validated = post(urls.gasValidateUrl(), validate.toMessage());
        assertThat(validated.statusCode()).isEqualTo(200);
        GasMessage answer = GasMessage.parse(validated.body());
        GasAuthenticationResponse auth = GasAuthenticationResponse.from(answer);
        assertThat(answer.doctypeSystemId()).contains(cis.baseUrl() + "/login/dtd");
        assertThat(auth.ticket()).isEqualTo(ticket);
        assertThat(auth.roles()).isEqualTo(roles);
        assertThat(GasAuthenticationRequest.from(GasMessage.parse(cis.gasRequests(FakeCis.GAS_VALIDATE_PATH).get(0))))
                .isEqualTo(validate);

        GasRole chosen = auth.role("900000000202").orElseThrow();
        assertThat(urls.roleSelectionUrl(auth.ticket(), chosen.id()).toString()).startsWith(
                cis.baseUrl() + "/saml/RoleSelectionGP.jsp?token=AQIC5wM2LY4SfczFlowTest").endsWith(
                "%3D%40AAJTSQACMDE%3D%23&selectedRoleUid=900000000202");

        try (CisClient client = CisClient.builder().urls(urls).spineTls(tls).build()) {
            RoleAssertion a = client.roleAssertion(auth.ticket());
            assertThat(a).isEqualTo(assertion);
            assertThat(a.selectedRole().orElseThrow().uniqueIdentifier()).isEqualTo(chosen.id());
            assertThat(a.selectedRole().orElseThrow().orgCode()).isEqualTo(chosen.orgCode());
        }

        HttpResponse<String> loggedOut = post(auth.logoutUrl().orElseThrow(),
                new GasLogoutRequest(auth.ticket(), "FlowTest01", "dev01,ClientIP=127.0.0.1", "900000000101").toMessage());
        assertThat(loggedOut.statusCode()).isEqualTo(200);
        assertThat(GasMessage.parse(loggedOut.body()).service()).contains(GasService.LOGOUT);
        assertThat(GasLogoutRequest.from(GasMessage.parse(cis.gasRequests(FakeCis.GAS_LOGOUT_PATH).get(0))).ticket())
                .isEqualTo(ticket);
    }

    @Test
    void somethingOtherThanTheExpectedGasMessageGetsBadRequest() throws Exception {
        CisUrls urls = cis.urls();
        HttpResponse<String> wrongService = post(urls.gasValidateUrl(),
                new GasActivationRequest("3", "NHST", "s", "d").toMessage());

        assertThat(wrongService.statusCode()).isEqualTo(400);
        assertThat(wrongService.body()).isEqualTo("not a GAS message for /login/authvalidate");
    }
}
