package io.spinekit.cis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Cis2IssuerTest {
    private static final String INT = "https://am.nhsint.auth-ptl.cis2.spineservices.nhs.uk/openam/oauth2/realms/root/"
            + "realms/NHSIdentity/realms/Healthcare";
    private static final String INT_443 = "https://am.nhsint.auth-ptl.cis2.spineservices.nhs.uk:443/openam/oauth2/"
            + "realms/root/realms/NHSIdentity/realms/Healthcare";

    @Test
    void explicitDefaultPortAndHostCaseAreTheSameIssuer() {
        Cis2Issuer issuer = Cis2Issuer.of(INT);

        assertThat(issuer.matches(INT_443)).isTrue();
        assertThat(Cis2Issuer.of(INT_443).matches(INT)).isTrue();
        assertThat(issuer.matches(INT.replace("am.nhsint", "AM.NHSINT"))).isTrue();
        assertThat(Cis2Issuer.same(INT, INT_443)).isTrue();
    }

    @Test
    void anythingElseIsAnotherIssuer() {
        Cis2Issuer issuer = Cis2Issuer.of(INT);

        assertThat(issuer.matches(INT.replace(":", ":").replace("cis2.spineservices.nhs.uk",
                "cis2.spineservices.nhs.uk:8443"))).isFalse();
        assertThat(issuer.matches(INT + "/")).isFalse();
        assertThat(issuer.matches(INT.replace("Healthcare", "healthcare"))).isFalse();
        assertThat(issuer.matches(INT.replace("https:", "http:"))).isFalse();
        assertThat(issuer.matches(INT.replace("nhsint", "nhsdev"))).isFalse();
        assertThat(issuer.matches(null)).isFalse();
        assertThat(issuer.matches("not a url ::")).isFalse();
        assertThat(Cis2Issuer.same(null, INT)).isFalse();
    }

    @Test
    void anIssuerWithAFragmentOrQueryNeverMatches() {
        Cis2Issuer issuer = Cis2Issuer.of(INT);

        assertThat(issuer.matches(INT + "#fragment")).isFalse();
        assertThat(issuer.matches(INT + "#")).isFalse();
        assertThat(issuer.matches(INT + "?realm=other")).isFalse();
        assertThat(Cis2Issuer.same(INT, INT + "#fragment")).isFalse();
        assertThat(Cis2Issuer.same(INT + "#a", INT + "#a")).isFalse();
        assertThat(Cis2Issuer.same(INT + "?x=1", INT + "?x=1")).isFalse();
    }

    @Test
    void discoveryUrlAppendsTheWellKnownPathOnce() {
        assertThat(Cis2Issuer.of(INT).discoveryUrl()).hasToString(INT + "/.well-known/openid-configuration");
        assertThat(Cis2Issuer.of(INT + "/").discoveryUrl()).hasToString(INT + "/.well-known/openid-configuration");
    }

    @Test
    void onlyHttpsUrlsWithoutQueryOrFragmentAreIssuers() {
        assertThatThrownBy(() -> Cis2Issuer.of("http://am.example/realm")).isInstanceOf(CisException.class)
                .hasMessageStartingWith("CIS2 issuer \"http://am.example/realm\" is not an absolute https URL");
        assertThatThrownBy(() -> Cis2Issuer.of("https://am.example/realm?x=1")).isInstanceOf(CisException.class)
                .hasMessageContaining("has a query or fragment");
        assertThatThrownBy(() -> Cis2Issuer.of("https://bad host/")).isInstanceOf(CisException.class)
                .hasMessageContaining("is not a valid URL");
    }
}
