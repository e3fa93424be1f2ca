package io.spinekit.it.cis;

import io.spinekit.cis.Cis2Issuer;
import io.spinekit.cis.CisClient;
import io.spinekit.cis.CisException;
import io.spinekit.cis.IdTokenValidator;
import io.spinekit.cis.NhsClaims;
import io.spinekit.cis.NrbacRole;
import io.spinekit.cis.OidcDiscovery;
import io.spinekit.cis.ValidatedIdToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JWSAlgorithm;
import io.spinekit.testkit.FakeCis;
import io.spinekit.testkit.FakeCisExtension;
import io.spinekit.testpki.TestPki;
import io.spinekit.tls.SpineTlsContext;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CIS2 discovery and ID token validation against FakeCis (no client certificate, as CIS2 is internet-facing). */
class CisClientCis2Test {
    private static final String CLIENT_ID = "spinekit-test-client";
    /** One fake per class that asks for no client certificate, reset after each test. */
    @RegisterExtension
    static final FakeCisExtension CIS = FakeCisExtension.serverTlsOnly();
    private static FakeCis cis;
    private static SpineTlsContext publicTls;

    @BeforeAll
    static void start(FakeCis fake, TestPki pki) {
        cis = fake;
        publicTls = SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate())).build();
    }

    private static CisClient client() {
        return CisClient.builder().profile(cis.profile("local-mock")).cis2Tls(publicTls).build();
    }

    private static CisException rejected(IdTokenValidator v, String token) {
        return assertThrows(CisException.class, () -> v.validate(token));
    }

    @Test
    void fetchesAndParsesTheDiscoveryDocument() {
        int before = cis.requestsTo(FakeCis.ISSUER_PATH + "/.well-known/openid-configuration");
        try (CisClient client = client()) {
            OidcDiscovery d = client.discovery();

            String iss = cis.issuer().toString();
            assertThat(d).isEqualTo(new OidcDiscovery(iss, URI.create(iss + "/authorize"),
                    Optional.of(URI.create(iss + "/access_token")), Optional.of(URI.create(iss + "/userinfo")),
                    Optional.of(URI.create(iss + "/connect/endSession")),
                    URI.create(cis.baseUrl() + FakeCis.JWKS_PATH),
                    List.of("openid", "profile", "email", "nhsperson", "associatedorgs", "nationalrbacaccess",
                            "professionalmemberships", "organisationalmemberships", "selectedrole"),
                    List.of("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "name", "nhsid_useruid",
                            "nhsid_nrbac_roles", "selected_roleid", "id_assurance_level",
                            "authentication_assurance_level"),
                    List.of("code"), List.of("authorization_code", "refresh_token"), List.of("RS512", "RS256"),
                    List.of("client_secret_post", "private_key_jwt")));
            assertThat(d.supportsScope("nationalrbacaccess")).isTrue();
        }
        assertThat(cis.requestsTo(FakeCis.ISSUER_PATH + "/.well-known/openid-configuration")).isEqualTo(before + 1);
    }

    @Test
    void discoveryNamingAnotherIssuerIsRefused() {
        Map<String, Object> doc = cis.defaultDiscovery();
        doc.put("issuer", "https://am.nhsint.auth-ptl.cis2.spineservices.nhs.uk/openam/oauth2/realms/root/realms/"
                + "NHSIdentity/realms/Healthcare");
        cis.givenDiscovery(doc);
        try (CisClient client = client()) {
            assertThatThrownBy(client::discovery).isInstanceOfSatisfying(CisException.class,
                    e -> assertThat(e.reason()).isEqualTo(CisException.Reason.INVALID_DISCOVERY))
                    .hasMessageContaining("names issuer \"https://am.nhsint.auth-ptl");
        } finally {
            cis.givenDiscovery(cis.defaultDiscovery());
        }
    }

    @Test
    void validatesASignedIdTokenAndReadsTheNhsClaims() {
        try (CisClient client = client()) {
            IdTokenValidator v = client.idTokenValidator(CLIENT_ID);
            String token = cis.idToken(CLIENT_ID).claim("nonce", "n-123").sign();

            ValidatedIdToken t = v.validate(token, "n-123");

            assertThat(t.subject()).isEqualTo("900000000101");
            assertThat(t.issuer()).isEqualTo(cis.issuer().toString());
            assertThat(t.audience()).containsExactly(CLIENT_ID);
            assertThat(t.nonce()).contains("n-123");
            assertThat(t.nhs()).isEqualTo(new NhsClaims(Optional.of("900000000101"), List.of(
                    new NrbacRole("900000000201", Optional.of("900000000401"), Optional.of("X99"),
                            Optional.of("S9000:G9000:R9003"),
                            Optional.of("\"Clinical\":\"Clinical Provision\":\"Example Clinician Access Role\"")),
                    new NrbacRole("900000000202", Optional.of("900000000402"), Optional.of("X99001"),
                            Optional.of("S9080:G9440:R9110"),
                            Optional.of("\"Admin & Clerical\":\"Admin\":\"Example Demographic Administrator\""))),
                    Optional.of("900000000202"), Optional.of(3), Optional.of(3)));
            assertThat(t.nhs().selectedRole().map(NrbacRole::orgCode)).contains(Optional.of("X99001"));
            assertThat(t.claims()).containsEntry("name", "Example Alex Dr");
        }
    }

    @Test
    void tokenIssuerWithAnExplicitDefaultPortIsTheSameIssuer() {
        // CIS2 tokens carry host:443 while discovery may not; the fake's random port stands in for that here.
        Cis2Issuer withoutPort = Cis2Issuer.of("https://am.example.nhs.uk/openam/oauth2/realms/root/realms/NHSIdentity");
        assertThat(withoutPort.matches("https://am.example.nhs.uk:443/openam/oauth2/realms/root/realms/NHSIdentity"))
                .isTrue();

        try (CisClient client = client()) {
            IdTokenValidator v = client.idTokenValidator(CLIENT_ID);
            String upperCaseHost = cis.issuer().toString().replace("localhost", "LOCALHOST");
            assertThat(v.validate(cis.idToken(CLIENT_ID).issuer(upperCaseHost).sign()).issuer())
                    .isEqualTo(upperCaseHost);
        }
    }

    @Test
    void tokensThatFailAnyCheckAreRejectedWithTheReason() {
        try (CisClient client = client()) {
            IdTokenValidator v = client.idTokenValidator(CLIENT_ID);
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

            assertThat(rejected(v, cis.idToken(CLIENT_ID).signedWith(FakeCis.newKey()).sign()).getMessage())
                    .startsWith("ID token rejected: Signed JWT rejected");
            assertThat(rejected(v, cis.idToken("someone-else").sign()).getMessage())
                    .startsWith("ID token rejected: JWT audience rejected");
            assertThat(rejected(v, cis.idToken(CLIENT_ID).times(now.minus(Duration.ofHours(2)),
                    now.minus(Duration.ofHours(1))).sign()).getMessage()).isEqualTo("ID token rejected: Expired JWT");
            assertThat(rejected(v, cis.idToken(CLIENT_ID).issuer("https://evil.example/openam").sign()).getMessage())
                    .isEqualTo("ID token rejected: issuer \"https://evil.example/openam\" is not the expected issuer \""
                            + cis.issuer() + "\"");
            assertThat(rejected(v, cis.idToken(CLIENT_ID).claim("authentication_assurance_level", "2").sign())
                    .getMessage()).isEqualTo("ID token rejected: authentication_assurance_level is 2: at least 3 is required");
            assertThat(rejected(v, cis.idToken(CLIENT_ID).claim("authentication_assurance_level", null).sign())
                    .getMessage()).isEqualTo("ID token rejected: it has no authentication_assurance_level: at least 3 "
                            + "is required");
            assertThat(rejected(v, "not.a.jwt").reason()).isEqualTo(CisException.Reason.INVALID_TOKEN);
            assertThatThrownBy(() -> v.validate(cis.idToken(CLIENT_ID).sign(), "expected-nonce"))
                    .hasMessage("ID token rejected: it has no nonce, expected one");
        }
    }

    @Test
    void algorithmsAreLimitedToWhatTheProviderAdvertises() {
        try (CisClient client = client()) {
            IdTokenValidator v = client.idTokenValidator(CLIENT_ID);

            assertThat(v.validate(cis.idToken(CLIENT_ID).algorithm(JWSAlgorithm.RS256).sign()).subject())
                    .isEqualTo("900000000101");
            assertThat(rejected(v, cis.idToken(CLIENT_ID).algorithm(JWSAlgorithm.PS256).sign()).getMessage())
                    .startsWith("ID token rejected: Signed JWT rejected: Another algorithm expected");
        }
    }

    @Test
    void keyRotationIsFollowedByFetchingTheJwksAgain() {
        try (CisClient client = client()) {
            OidcDiscovery d = client.discovery();
            IdTokenValidator v = client.idTokenValidatorBuilder(d).audience(CLIENT_ID)
                    .jwksRefreshInterval(Duration.ZERO).build();
            assertThat(v.validate(cis.idToken(CLIENT_ID).sign()).subject()).isEqualTo("900000000101");
            int fetches = cis.requestsTo(FakeCis.JWKS_PATH);

            cis.rotateSigningKey();
            assertThat(v.validate(cis.idToken(CLIENT_ID).sign()).subject()).isEqualTo("900000000101");

            assertThat(cis.requestsTo(FakeCis.JWKS_PATH)).isEqualTo(fetches + 1);
        }
    }
}
