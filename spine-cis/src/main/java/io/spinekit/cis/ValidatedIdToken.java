package io.spinekit.cis;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A CIS2 ID token that passed {@link IdTokenValidator}: its standard claims, the NHS claims and all
 * claims as JSON values. It does not hold the token itself.
 *
 * @param subject {@code sub}
 * @param issuer {@code iss} exactly as in the token (it may carry an explicit {@code :443})
 * @param audience {@code aud}
 * @param issuedAt {@code iat}
 * @param expiresAt {@code exp}
 * @param authTime {@code auth_time}, when present
 * @param nonce {@code nonce}, when present
 * @param nhs the NHS claims ({@code nhsid_useruid}, {@code nhsid_nrbac_roles}, {@code selected_roleid}, assurance levels)
 * @param claims every claim, as JSON values (times as epoch seconds)
 */
public record ValidatedIdToken(String subject, String issuer, List<String> audience, Instant issuedAt,
        Instant expiresAt, Optional<Instant> authTime, Optional<String> nonce, NhsClaims nhs,
        Map<String, Object> claims) {
    /**
     * Checks and copies.
     *
     * @param subject subject
     * @param issuer issuer
     * @param audience audience
     * @param issuedAt issued at
     * @param expiresAt expiry
     * @param authTime authentication time
     * @param nonce nonce
     * @param nhs NHS claims
     * @param claims all claims
     */
    public ValidatedIdToken {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        audience = List.copyOf(audience);
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(authTime, "authTime");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(nhs, "nhs");
        claims = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(claims));
    }
}
