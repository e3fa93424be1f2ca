package io.spinekit.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.spinekit.cis.GasActivationResponse;
import io.spinekit.cis.GasMessage;
import io.spinekit.cis.GasService;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The GAS part of {@link FakeCis}: stubs for {@code /login/authactivate}, {@code /login/authvalidate}
 * and {@code /login/authlogout} that answer {@code gpOBJECT} messages of the expected service, and
 * HTTP 400 for anything else posted there.
 */
final class FakeGas {
    private FakeGas() {
    }

    /**
     * The default answers: 400 for anything that is not the expected GAS message, a random challenge
     * for activation, an acknowledgement for logout (validation is answered only once a test gives an
     * authentication response).
     */
    static void installDefaults(WireMockServer server, URI baseUrl) {
        for (String path : List.of(FakeCis.GAS_ACTIVATE_PATH, FakeCis.GAS_VALIDATE_PATH, FakeCis.GAS_LOGOUT_PATH)) {
            server.stubFor(post(urlPathEqualTo(path)).atPriority(10).willReturn(aResponse().withStatus(400)
                    .withHeader("Content-Type", "text/plain").withBody("not a GAS message for " + path)));
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String challenge = Base64.getEncoder().encodeToString(random);
        answer(server, baseUrl, FakeCis.GAS_ACTIVATE_PATH, GasService.ACTIVATION, 5, new GasActivationResponse(challenge,
                Base64.getEncoder().encodeToString(("fake-cis signature over " + challenge).getBytes(
                        StandardCharsets.US_ASCII))).toMessage());
        answer(server, baseUrl, FakeCis.GAS_LOGOUT_PATH, GasService.LOGOUT, 5,
                GasMessage.builder().service(GasService.LOGOUT).build());
    }

    /**
     * Answers {@code gpOBJECT} messages of a service posted to a path with a message whose DOCTYPE
     * names this server's {@code /login/dtd}, as GAS does.
     */
    static void answer(WireMockServer server, URI baseUrl, String path, GasService service, int priority,
            GasMessage answer) {
        server.stubFor(post(urlPathEqualTo(path)).atPriority(priority)
                .withRequestBody(containing("<gpOBJECT>"))
                .withRequestBody(containing("<gpPARAM name=\"service\">" + service.name() + "</gpPARAM>"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml; charset=UTF-8")
                        .withBody(answer.withDoctypeSystemId(baseUrl + "/login/dtd").toXml())));
    }
}
