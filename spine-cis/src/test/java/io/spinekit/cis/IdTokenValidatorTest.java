package io.spinekit.cis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Validation rules with a fixed clock and a static JWKS (no network). */
class IdTokenValidatorTest {
    private static final Instant NOW = Instant.parse("2025-03-14T10:00:00Z");
    private static final String ISS = "https://am.nhsint.auth-ptl.cis2.spineservices.nhs.uk/openam/oauth2/realms/root/"
            + "realms/NHSIdentity/realms/Healthcare";
    private static RSAKey key;

    @BeforeAll
    static void keys() throws JOSEException {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
    }

    private static IdTokenValidator validator(Instant now) {
        return IdTokenValidator.builder().issuer(Cis2Issuer.of(ISS)).audience("client")
                .jwks(new JWKSet(key.toPublicJWK()).toString()).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(ISS.replace(".nhs.uk/", ".nhs.uk:443/")).subject("u1").audience("client")
                .issueTime(Date.from(NOW.minusSeconds(10))).expirationTime(Date.from(NOW.plusSeconds(300)))
                .claim("authentication_assurance_level", "3");
    }

    private static String sign(JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String rejection(IdTokenValidator v, String token) {
        CisException e = assertThrows(CisException.class, () -> v.validate(token));
        assertThat(e.reason()).isEqualTo(CisException.Reason.INVALID_TOKEN);
        assertThat(e.getMessage()).doesNotContain(token);
        return e.getMessage();
    }

    @Test
    void acceptsAValidTokenWhoseIssuerCarriesAnExplicit443() throws JOSEException {
        ValidatedIdToken t = validator(NOW).validate(sign(claims().build()));

        assertThat(t.subject()).isEqualTo("u1");
        assertThat(t.issuer()).contains(":443/");
        assertThat(t.expiresAt()).isEqualTo(NOW.plusSeconds(300));
        assertThat(t.nhs().authenticationAssuranceLevel()).contains(3);
    }

    @Test
    void expiryAndNotBeforeUseTheConfiguredClockWithSkew() throws JOSEException {
        String token = sign(claims().build());

        assertThat(validator(NOW.plusSeconds(300 + 59)).validate(token).subject()).isEqualTo("u1");
        assertThat(rejection(validator(NOW.plusSeconds(300 + 61)), token)).isEqualTo("ID token rejected: Expired JWT");
        String future = sign(claims().notBeforeTime(Date.from(NOW.plusSeconds(120))).build());
        assertThat(rejection(validator(NOW), future)).isEqualTo("ID token rejected: JWT before use time");
    }

    @Test
    void unsignedAndHmacTokensAreRejected() throws JOSEException {
        String plain = new PlainJWT(new PlainHeader(), claims().build()).serialize();
        assertThat(rejection(validator(NOW), plain)).startsWith("ID token rejected: it is not a signed JWT");

        // Algorithm confusion: HS256 keyed with the public key's bytes must not verify.
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims().build());
        hmac.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));
        assertThat(rejection(validator(NOW), hmac.serialize()))
                .startsWith("ID token rejected: Signed JWT rejected: Another algorithm expected");
        assertThatThrownBy(() -> IdTokenValidator.builder().algorithms(List.of("HS256")))
                .isInstanceOf(CisException.class).hasMessageStartingWith("signature algorithm \"HS256\" is not accepted");
    }

    @Test
    void severalAudiencesNeedAnAuthorisedPartyThatIsUs() throws JOSEException {
        String noAzp = sign(claims().audience(List.of("client", "other")).build());
        String azp = sign(claims().audience(List.of("client", "other")).claim("azp", "client").build());

        assertThat(rejection(validator(NOW), noAzp)).isEqualTo(
                "ID token rejected: it has several audiences \"[client, other]\" and azp null is not \"client\"");
        assertThat(validator(NOW).validate(azp).audience()).containsExactly("client", "other");
    }

    @Test
    void assuranceMinimumsAreConfigurable() throws JOSEException {
        String aal2 = sign(claims().claim("authentication_assurance_level", "2").claim("id_assurance_level", 1).build());
        IdTokenValidator lenient = IdTokenValidator.builder().issuer(Cis2Issuer.of(ISS)).audience("client")
                .jwks(new JWKSet(key.toPublicJWK()).toString()).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .minimumAuthenticationAssuranceLevel(2).minimumIdAssuranceLevel(2).build();

        assertThat(rejection(validator(NOW), aal2))
                .isEqualTo("ID token rejected: authentication_assurance_level is 2: at least 3 is required");
        assertThat(rejection(lenient, aal2)).isEqualTo("ID token rejected: id_assurance_level is 1: at least 2 is required");
    }

    @Test
    void unknownKeyIdFetchesTheJwksAgainAtMostOncePerInterval() throws JOSEException {
        RSAKey rotated = new RSAKeyGenerator(2048).keyID("k2").generate();
        AtomicInteger fetches = new AtomicInteger();
        IdTokenValidator v = IdTokenValidator.builder().issuer(Cis2Issuer.of(ISS)).audience("client")
                .jwksSource(() -> {
                    fetches.incrementAndGet();
                    return new JWKSet(List.of(key.toPublicJWK(), rotated.toPublicJWK())).toString();
                })
                .jwksRefreshInterval(Duration.ofMinutes(1)).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        SignedJWT byUnknown = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k3").build(),
                claims().build());
        byUnknown.sign(new RSASSASigner(rotated));

        assertThat(v.validate(sign(claims().build())).subject()).isEqualTo("u1");
        assertThat(fetches).hasValue(1);
        assertThat(rejection(v, byUnknown.serialize())).startsWith("ID token rejected: Signed JWT rejected");
        assertThat(fetches).hasValue(1);
    }

    @Test
    void aForeignIssuerIsQuotedEscapedAndCutInTheMessage() throws JOSEException {
        String hostile = "https://evil.example/\nINFO forged log line " + "x".repeat(100_000);

        String message = rejection(validator(NOW), sign(claims().issuer(hostile).build()));

        assertThat(message).startsWith("ID token rejected: issuer \"https://evil.example/\\nINFO forged log line ")
                .doesNotContain("\n").contains("(cut: ").hasSizeLessThan(600)
                .endsWith(" is not the expected issuer \"" + ISS + "\"");
    }

    @Test
    void builderNeedsIssuerAudienceAndKeys() {
        assertThatThrownBy(() -> IdTokenValidator.builder().audience("c").jwks("{\"keys\":[]}").build())
                .hasMessage("IdTokenValidator needs issuer(...)");
        assertThatThrownBy(() -> IdTokenValidator.builder().issuer(Cis2Issuer.of(ISS)).jwks("{\"keys\":[]}").build())
                .hasMessage("IdTokenValidator needs audience(clientId)");
        assertThatThrownBy(() -> IdTokenValidator.builder().issuer(Cis2Issuer.of(ISS)).audience("c").build())
                .hasMessage("IdTokenValidator needs jwks(json) or jwksSource(...)");
        assertThatThrownBy(() -> IdTokenValidator.builder().issuer(Cis2Issuer.of(ISS)).audience("c").jwks("nope")
                .build()).isInstanceOfSatisfying(CisException.class, e -> assertThat(e.reason())
                        .isEqualTo(CisException.Reason.INVALID_DISCOVERY));
    }
}
