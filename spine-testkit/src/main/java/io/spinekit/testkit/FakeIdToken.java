package io.spinekit.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Mints one CIS2 ID token: realistic default claims, then changes, then an RS512 signature (or
 * another RSA algorithm, or another key). The public methods are {@link FakeCis.IdToken}'s; this
 * class keeps the minting out of the server. Not thread-safe.
 *
 * @param <T> the public builder type
 */
abstract class FakeIdToken<T extends FakeIdToken<T>> {
    private final JWTClaimsSet.Builder claims;
    private RSAKey key;
    private JWSAlgorithm algorithm = JWSAlgorithm.RS512;

    FakeIdToken(String issuer, String audience, RSAKey key) {
        this.claims = claims(issuer, audience);
        this.key = key;
    }

    abstract T self();

    /**
     * Sets or replaces a claim (null removes it).
     *
     * @param name the claim
     * @param value its value
     * @return this
     */
    public T claim(String name, Object value) {
        claims.claim(name, value);
        return self();
    }

    /**
     * Sets the issuer claim.
     *
     * @param issuer the issuer string
     * @return this
     */
    public T issuer(String issuer) {
        claims.issuer(issuer);
        return self();
    }

    /**
     * Sets the issue and expiry times.
     *
     * @param issuedAt {@code iat}
     * @param expiresAt {@code exp}
     * @return this
     */
    public T times(Instant issuedAt, Instant expiresAt) {
        claims.issueTime(Date.from(issuedAt)).expirationTime(Date.from(expiresAt));
        return self();
    }

    /**
     * Signs with another key (for example one the JWKS does not hold).
     *
     * @param other the key
     * @return this
     */
    public T signedWith(RSAKey other) {
        this.key = Objects.requireNonNull(other, "other");
        return self();
    }

    /**
     * Signs with another RSA algorithm.
     *
     * @param alg for example RS256
     * @return this
     */
    public T algorithm(JWSAlgorithm alg) {
        this.algorithm = Objects.requireNonNull(alg, "alg");
        return self();
    }

    /**
     * Signs the token.
     *
     * @return the compact JWS
     */
    public String sign() {
        return sign(claims.build(), key, algorithm);
    }

    /**
     * The default claims of an ID token: issuer, subject and {@code nhsid_useruid} {@code 900000000101},
     * two {@code nhsid_nrbac_roles}, {@code selected_roleid}, assurance levels 3, issued now and
     * expiring in 5 minutes.
     */
    private static JWTClaimsSet.Builder claims(String issuer, String audience) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("900000000101")
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString())
                .claim("auth_time", now.minus(Duration.ofMinutes(1)).getEpochSecond())
                .claim("name", "Example Alex Dr")
                .claim("nhsid_useruid", "900000000101")
                .claim("nhsid_nrbac_roles", List.of(
                        Map.of("person_orgid", "900000000401", "person_roleid", "900000000201",
                                "org_code", "X99", "role_code", "S9000:G9000:R9003",
                                "role_name", "\"Clinical\":\"Clinical Provision\":\"Example Clinician Access Role\""),
                        Map.of("person_orgid", "900000000402", "person_roleid", "900000000202",
                                "org_code", "X99001", "role_code", "S9080:G9440:R9110",
                                "role_name", "\"Admin & Clerical\":\"Admin\":\"Example Demographic Administrator\"")))
                .claim("selected_roleid", "900000000202")
                .claim("id_assurance_level", "3")
                .claim("authentication_assurance_level", "3");
    }

    /** Signs claims as a compact JWS of type JWT with the key's id in the header. */
    private static String sign(JWTClaimsSet claims, RSAKey key, JWSAlgorithm algorithm) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign test token", e);
        }
    }
}
