package io.spinekit.cis;

import io.spinekit.core.Text;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Validates CIS2 ID tokens with Nimbus JOSE+JWT: the signature against the provider's JWKS, the
 * algorithm, the issuer, the audience, expiry and not-before (with clock skew), the nonce when one is
 * expected, and the NHS assurance levels.
 *
 * <pre>{@code
 * IdTokenValidator validator = client.idTokenValidator("my-client-id");   // discovery + JWKS over TLS
 * ValidatedIdToken token = validator.validate(idToken, expectedNonce);
 * String uid = token.nhs().nhsidUseruid().orElseThrow();
 * }</pre>
 *
 * <p>Defaults: asymmetric algorithms only ({@link #DEFAULT_ALGORITHMS}; never {@code none} or HMAC),
 * 60 s clock skew, {@code authentication_assurance_level} at least {@value #DEFAULT_MINIMUM_AUTHENTICATION_ASSURANCE_LEVEL}
 * (spinekit's default policy: smartcard-strength authentication; lower it with
 * {@link Builder#minimumAuthenticationAssuranceLevel(int)} when a service allows it), no identity
 * assurance minimum. When a token names a key the JWKS does not have, the JWKS is fetched again (at
 * most once per {@link Builder#jwksRefreshInterval(Duration)}), so key rotation works; after a failed
 * fetch, not again for {@link Builder#jwksFailureBackoff(Duration)}. A token whose key is known never
 * waits for another thread's refresh.
 *
 * <p>Thread-safe. Messages never contain the token.
 */
public final class IdTokenValidator {
    /** The signature algorithms accepted by default. */
    public static final Set<String> DEFAULT_ALGORITHMS = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
            "ES256", "ES384", "ES512");
    /** How long after a failed JWKS fetch no fetch is tried again, by default. */
    public static final Duration DEFAULT_JWKS_FAILURE_BACKOFF = Duration.ofSeconds(30);
    /** The default minimum {@code authentication_assurance_level}. */
    public static final int DEFAULT_MINIMUM_AUTHENTICATION_ASSURANCE_LEVEL = 3;

    private final Cis2Issuer issuer;
    private final String audience;
    private final int minAal;
    private final int minIal;
    private final DefaultJWTProcessor<SecurityContext> processor;

    private IdTokenValidator(Builder b, JWKSource<SecurityContext> keys) {
        this.issuer = b.issuer;
        this.audience = b.audience;
        this.minAal = b.minAal;
        this.minIal = b.minIal;
        Set<JWSAlgorithm> algs = new LinkedHashSet<>();
        for (String a : b.algorithms) {
            algs.add(JWSAlgorithm.parse(a));
        }
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(algs, keys));
        Clock c = b.clock;
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                new java.util.HashSet<>(Set.of(audience)), null,
                new java.util.HashSet<>(Set.of("sub", "iss", "aud", "exp", "iat")), null) {
            @Override
            protected Date currentTime() {
                return Date.from(c.instant());
            }
        };
        claims.setMaxClockSkew((int) b.clockSkew.toSeconds());
        p.setJWTClaimsSetVerifier(claims);
        this.processor = p;
    }

    /**
     * Starts a validator.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The issuer tokens must come from.
     *
     * @return the issuer
     */
    public Cis2Issuer issuer() {
        return issuer;
    }

    /**
     * The audience (client id) tokens must be for.
     *
     * @return the client id
     */
    public String audience() {
        return audience;
    }

    /**
     * Validates a token that need not carry a nonce.
     *
     * @param idToken the compact JWS
     * @return the validated token
     * @throws CisException (INVALID_TOKEN) saying which check failed
     */
    public ValidatedIdToken validate(String idToken) {
        return validate(idToken, null);
    }

    /**
     * Validates a token and its nonce.
     *
     * @param idToken the compact JWS
     * @param expectedNonce the nonce sent in the authorisation request, or null to not check it
     * @return the validated token
     * @throws CisException (INVALID_TOKEN) saying which check failed
     */
    public ValidatedIdToken validate(String idToken, String expectedNonce) {
        Objects.requireNonNull(idToken, "idToken");
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(idToken.strip());
        } catch (ParseException e) {
            throw invalid("it is not a signed JWT (compact JWS): " + e.getMessage());
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(jwt, null);
        } catch (BadJOSEException e) {
            throw invalid(e.getMessage());
        } catch (JOSEException e) {
            throw invalid("the signature could not be checked: " + e.getMessage());
        }
        if (!issuer.matches(claims.getIssuer())) {
            throw invalid("issuer " + Cis2Issuer.quoted(claims.getIssuer()) + " is not the expected issuer "
                    + Cis2Issuer.quoted(issuer.toString()));
        }
        List<String> aud = claims.getAudience();
        if (aud.size() > 1) {
            Object azp = claims.getClaim("azp");
            if (!audience.equals(azp)) {
                throw invalid("it has several audiences " + Text.quote(String.valueOf(aud)) + " and azp "
                        + Text.quote(azp == null ? null : azp.toString()) + " is not " + Text.quote(audience));
            }
        }
        Object nonce = claims.getClaim("nonce");
        if (expectedNonce != null && !expectedNonce.equals(nonce)) {
            throw invalid(nonce == null ? "it has no nonce, expected one" : "its nonce does not match the one sent");
        }
        NhsClaims nhs = NhsClaims.from(claims.getClaims());
        checkLevel("authentication_assurance_level", nhs.authenticationAssuranceLevel(), minAal);
        checkLevel("id_assurance_level", nhs.idAssuranceLevel(), minIal);
        Object authTime = claims.getClaim("auth_time");
        Optional<Instant> at = authTime instanceof Date d ? Optional.of(d.toInstant())
                : authTime instanceof Number n ? Optional.of(Instant.ofEpochSecond(n.longValue())) : Optional.empty();
        return new ValidatedIdToken(claims.getSubject(), claims.getIssuer(), aud, claims.getIssueTime().toInstant(),
                claims.getExpirationTime().toInstant(), at, Optional.ofNullable(nonce).map(Object::toString), nhs,
                claims.toJSONObject());
    }

    private static void checkLevel(String claim, Optional<Integer> actual, int minimum) {
        if (minimum <= 0) {
            return;
        }
        if (actual.isEmpty()) {
            throw invalid("it has no " + claim + ": at least " + minimum + " is required");
        }
        if (actual.get() < minimum) {
            throw invalid(claim + " is " + actual.get() + ": at least " + minimum + " is required");
        }
    }

    private static CisException invalid(String why) {
        return new CisException(CisException.Reason.INVALID_TOKEN, "ID token rejected: " + why);
    }

    /**
     * Keys from a JWKS document, fetched again when a token names an unknown key. The key set is read
     * without a lock, so a token whose key is known never waits for a refresh; only one refresh runs at a
     * time, and after a failed fetch no fetch is tried again until the failure backoff has passed (the
     * failure is reported meanwhile).
     */
    static final class RefreshingJwks implements JWKSource<SecurityContext> {
        private final Supplier<String> fetch;
        private final Duration minInterval;
        private final Duration failureBackoff;
        private final Clock clock;
        private final ReentrantLock refreshLock = new ReentrantLock();
        private volatile JWKSet current;
        /** Guarded by refreshLock. */
        private Instant lastAttempt;
        /** Guarded by refreshLock: the failure of the last fetch, null if it succeeded. */
        private RuntimeException lastFailure;

        RefreshingJwks(String initial, Supplier<String> fetch, Duration minInterval, Duration failureBackoff,
                Clock clock) {
            this.fetch = fetch;
            this.minInterval = minInterval;
            this.failureBackoff = failureBackoff;
            this.clock = clock;
            if (initial != null) {
                this.current = parse(initial);
                this.lastAttempt = clock.instant();
            }
        }

        @Override
        public List<JWK> get(JWKSelector selector, SecurityContext context) {
            JWKSet set = current;
            if (set != null) {
                List<JWK> found = selector.select(set);
                if (!found.isEmpty() || fetch == null) {
                    return found;
                }
            } else if (fetch == null) {
                throw new CisException(CisException.Reason.CONFIGURATION, "no JWKS given and no way to fetch one");
            }
            refreshLock.lock();
            try {
                refreshIfDue();
                set = current;
            } finally {
                refreshLock.unlock();
            }
            return set == null ? List.of() : selector.select(set);
        }

        /** Called with refreshLock held. */
        private void refreshIfDue() {
            Instant now = clock.instant();
            if (lastAttempt != null) {
                Instant next = lastAttempt.plus(lastFailure != null ? failureBackoff : minInterval);
                if (now.isBefore(next)) {
                    if (current == null && lastFailure != null) {
                        throw new CisException(lastFailure instanceof CisException c ? c.reason()
                                : CisException.Reason.IO, "the JWKS fetch failed at " + lastAttempt
                                + " and is not tried again before " + next + ": " + lastFailure.getMessage(),
                                lastFailure);
                    }
                    return;
                }
            }
            lastAttempt = now;
            try {
                current = parse(fetch.get());
                lastFailure = null;
            } catch (RuntimeException e) {
                lastFailure = e;
                throw e;
            }
        }

        static JWKSet parse(String json) {
            try {
                JWKSet set = JWKSet.parse(json);
                return set.toPublicJWKSet();
            } catch (ParseException e) {
                throw new CisException(CisException.Reason.INVALID_DISCOVERY, "JWKS is not a valid JWK set: "
                        + e.getMessage(), e);
            }
        }
    }

    /** Settings for an {@link IdTokenValidator}. Not thread-safe; the validator is. */
    public static final class Builder {
        private Cis2Issuer issuer;
        private String audience;
        private String jwks;
        private Supplier<String> jwksSource;
        private Set<String> algorithms = DEFAULT_ALGORITHMS;
        private Clock clock = Clock.systemUTC();
        private Duration clockSkew = Duration.ofSeconds(60);
        private Duration refreshInterval = Duration.ofSeconds(60);
        private Duration failureBackoff = DEFAULT_JWKS_FAILURE_BACKOFF;
        private int minAal = DEFAULT_MINIMUM_AUTHENTICATION_ASSURANCE_LEVEL;
        private int minIal;

        private Builder() {
        }

        /**
         * The issuer (required): usually {@code discovery.cis2Issuer()}.
         *
         * @param issuer the issuer
         * @return this
         */
        public Builder issuer(Cis2Issuer issuer) {
            this.issuer = Objects.requireNonNull(issuer, "issuer");
            return this;
        }

        /**
         * The audience (required): your client id registered with CIS2.
         *
         * @param clientId the client id
         * @return this
         */
        public Builder audience(String clientId) {
            Objects.requireNonNull(clientId, "clientId");
            if (clientId.isBlank()) {
                throw new CisException(CisException.Reason.CONFIGURATION, "audience (client id) is empty");
            }
            this.audience = clientId;
            return this;
        }

        /**
         * A fixed JWKS document.
         *
         * @param json the JWK set JSON
         * @return this
         */
        public Builder jwks(String json) {
            this.jwks = Objects.requireNonNull(json, "json");
            return this;
        }

        /**
         * Where to fetch the JWKS from (first use, and again when a token names an unknown key).
         *
         * @param source returns the JWK set JSON
         * @return this
         */
        public Builder jwksSource(Supplier<String> source) {
            this.jwksSource = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * The accepted signature algorithms (default {@link #DEFAULT_ALGORITHMS}); {@code none} and HMAC
         * algorithms are refused.
         *
         * @param names JWS algorithm names such as RS256
         * @return this
         */
        public Builder algorithms(Collection<String> names) {
            Set<String> set = new LinkedHashSet<>();
            for (String n : names) {
                if (!DEFAULT_ALGORITHMS.contains(n)) {
                    throw new CisException(CisException.Reason.CONFIGURATION, "signature algorithm " + Text.quote(n)
                            + " is not accepted: expected some of " + DEFAULT_ALGORITHMS);
                }
                set.add(n);
            }
            if (set.isEmpty()) {
                throw new CisException(CisException.Reason.CONFIGURATION, "no signature algorithm given");
            }
            this.algorithms = Set.copyOf(set);
            return this;
        }

        /**
         * The clock (default system UTC).
         *
         * @param clock the clock
         * @return this
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The clock skew allowed on {@code exp} and {@code nbf} (default 60 s, at most 5 minutes).
         *
         * @param skew the skew
         * @return this
         */
        public Builder clockSkew(Duration skew) {
            if (skew.isNegative() || skew.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new CisException(CisException.Reason.CONFIGURATION, "clock skew " + skew
                        + " is out of range: expected between 0 and 5 minutes");
            }
            this.clockSkew = skew;
            return this;
        }

        /**
         * How soon the JWKS may be fetched again after the last fetch (default 60 s).
         *
         * @param interval the interval
         * @return this
         */
        public Builder jwksRefreshInterval(Duration interval) {
            this.refreshInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * How long after a failed JWKS fetch no fetch is tried again (default
         * {@link IdTokenValidator#DEFAULT_JWKS_FAILURE_BACKOFF}, 30 s): meanwhile a validation that needs
         * the JWKS fails at once with the last failure, so a JWKS that keeps failing is not fetched once per
         * validation. Measured on the builder's clock.
         *
         * @param backoff the backoff, zero or more
         * @return this
         */
        public Builder jwksFailureBackoff(Duration backoff) {
            Objects.requireNonNull(backoff, "backoff");
            if (backoff.isNegative()) {
                throw new CisException(CisException.Reason.CONFIGURATION, "JWKS failure backoff " + backoff
                        + " is negative");
            }
            this.failureBackoff = backoff;
            return this;
        }

        /**
         * The minimum {@code authentication_assurance_level} (default 3); 0 disables the check.
         *
         * @param level the minimum
         * @return this
         */
        public Builder minimumAuthenticationAssuranceLevel(int level) {
            this.minAal = level;
            return this;
        }

        /**
         * The minimum {@code id_assurance_level} (default 0: not checked).
         *
         * @param level the minimum
         * @return this
         */
        public Builder minimumIdAssuranceLevel(int level) {
            this.minIal = level;
            return this;
        }

        /**
         * Builds the validator.
         *
         * @return the validator
         * @throws CisException (CONFIGURATION) when the issuer, audience or keys are missing
         */
        public IdTokenValidator build() {
            if (issuer == null) {
                throw new CisException(CisException.Reason.CONFIGURATION, "IdTokenValidator needs issuer(...)");
            }
            if (audience == null) {
                throw new CisException(CisException.Reason.CONFIGURATION,
                        "IdTokenValidator needs audience(clientId)");
            }
            if (jwks == null && jwksSource == null) {
                throw new CisException(CisException.Reason.CONFIGURATION,
                        "IdTokenValidator needs jwks(json) or jwksSource(...)");
            }
            return new IdTokenValidator(this, new RefreshingJwks(jwks, jwksSource, refreshInterval, failureBackoff, clock));
        }
    }
}
