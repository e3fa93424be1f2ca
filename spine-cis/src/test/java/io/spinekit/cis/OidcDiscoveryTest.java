package io.spinekit.cis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OidcDiscoveryTest {
    private static final String ISS = "https://am.nhsint.auth-ptl.cis2.spineservices.nhs.uk:443/openam/oauth2/realms/"
            + "root/realms/NHSIdentity/realms/Healthcare";

    private static String doc(String extra) {
        return "{\"issuer\":\"" + ISS + "\",\"authorization_endpoint\":\"" + ISS + "/authorize\","
                + "\"jwks_uri\":\"" + ISS + "/connect/jwk_uri\"" + extra + "}";
    }

    @Test
    void readsTheFieldsAndKeepsTheIssuerAsPublished() {
        OidcDiscovery d = OidcDiscovery.parse(doc(",\"token_endpoint\":\"" + ISS + "/access_token\","
                + "\"scopes_supported\":[\"openid\",\"nationalrbacaccess\",\"selectedrole\"],"
                + "\"claims_supported\":[\"nhsid_useruid\",\"nhsid_nrbac_roles\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS512\"],\"unknown_field\":{\"x\":1}"));

        assertThat(d).isEqualTo(new OidcDiscovery(ISS, URI.create(ISS + "/authorize"),
                Optional.of(URI.create(ISS + "/access_token")), Optional.empty(), Optional.empty(),
                URI.create(ISS + "/connect/jwk_uri"), List.of("openid", "nationalrbacaccess", "selectedrole"),
                List.of("nhsid_useruid", "nhsid_nrbac_roles"), List.of(), List.of(), List.of("RS512"), List.of()));
        assertThat(d.cis2Issuer().matches(ISS.replace(":443", ""))).isTrue();
        assertThat(d.supportsScope("selectedrole")).isTrue();
        assertThat(d.supportsScope("email")).isFalse();
    }

    @Test
    void missingOrMistypedRequiredFieldsAreClearErrors() {
        assertThatThrownBy(() -> OidcDiscovery.parse("{\"issuer\":\"" + ISS + "\",\"authorization_endpoint\":\""
                + ISS + "/a\"}")).isInstanceOfSatisfying(CisException.class,
                        e -> assertThat(e.reason()).isEqualTo(CisException.Reason.INVALID_DISCOVERY))
                .hasMessage("CIS2 discovery document has no jwks_uri: an OpenID provider must publish it");
        assertThatThrownBy(() -> OidcDiscovery.parse(doc(",\"userinfo_endpoint\":\"http://plain/userinfo\"")))
                .hasMessage("CIS2 discovery document field userinfo_endpoint \"http://plain/userinfo\" is not an https URL");
        assertThatThrownBy(() -> OidcDiscovery.parse(doc(",\"scopes_supported\":\"openid\"")))
                .hasMessage("CIS2 discovery document field scopes_supported is not an array of strings");
        assertThatThrownBy(() -> OidcDiscovery.parse(doc(",\"claims_supported\":[1]")))
                .hasMessage("CIS2 discovery document field claims_supported contains a non-string value");
        assertThatThrownBy(() -> OidcDiscovery.parse("{\"issuer\":7}"))
                .hasMessage("CIS2 discovery document field issuer is not a non-empty string");
        assertThatThrownBy(() -> OidcDiscovery.parse("[]")).hasMessage("CIS2 discovery document is not a JSON object");
        assertThatThrownBy(() -> OidcDiscovery.parse("<html>")).hasMessageStartingWith(
                "CIS2 discovery document is not valid JSON");
    }
}
