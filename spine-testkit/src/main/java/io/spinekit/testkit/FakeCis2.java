package io.spinekit.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.spinekit.cis.Cis2Issuer;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The CIS2 part of {@link FakeCis}: the discovery document and the JWKS it serves, and its signing
 * keys (ID tokens: {@link FakeIdToken}). Made-up values in the shape CIS2 documents.
 */
final class FakeCis2 {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeCis2() {
    }

    /** The discovery document for an issuer served at {@code baseUrl}. */
    static Map<String, Object> discovery(String iss, URI baseUrl) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuer", iss);
        d.put("authorization_endpoint", iss + "/authorize");
        d.put("token_endpoint", iss + "/access_token");
        d.put("userinfo_endpoint", iss + "/userinfo");
        d.put("end_session_endpoint", iss + "/connect/endSession");
        d.put("jwks_uri", baseUrl + FakeCis.JWKS_PATH);
        d.put("scopes_supported", List.of("openid", "profile", "email", "nhsperson", "associatedorgs",
                "nationalrbacaccess", "professionalmemberships", "organisationalmemberships", "selectedrole"));
        d.put("claims_supported", List.of("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "name",
                "nhsid_useruid", "nhsid_nrbac_roles", "selected_roleid", "id_assurance_level",
                "authentication_assurance_level"));
        d.put("response_types_supported", List.of("code"));
        d.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        d.put("id_token_signing_alg_values_supported", List.of("RS512", "RS256"));
        d.put("token_endpoint_auth_methods_supported", List.of("client_secret_post", "private_key_jwt"));
        return d;
    }

    /** Serves a discovery document at the issuer's {@code /.well-known/openid-configuration}. */
    static void serveDiscovery(WireMockServer server, Map<String, Object> document) {
        try {
            server.stubFor(get(urlPathEqualTo(FakeCis.ISSUER_PATH + Cis2Issuer.DISCOVERY_PATH)).willReturn(aResponse()
                    .withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody(JSON.writeValueAsString(document))));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write discovery document", e);
        }
    }

    /** Serves a JWKS holding the public part of one key only, at {@link FakeCis#JWKS_PATH}. */
    static void serveJwks(WireMockServer server, RSAKey key) {
        server.stubFor(get(urlPathEqualTo(FakeCis.JWKS_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(new JWKSet(key.toPublicJWK()).toString())));
    }

    /** A new RSA 2048 signing key with a random key id. */
    static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("fake-cis-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate RSA key", e);
        }
    }
}
