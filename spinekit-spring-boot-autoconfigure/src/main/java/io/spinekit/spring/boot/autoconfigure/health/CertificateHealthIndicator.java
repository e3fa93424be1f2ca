package io.spinekit.spring.boot.autoconfigure.health;

import io.spinekit.tls.ClientIdentity;
import io.spinekit.tls.SpineTlsContext;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code spinekitCertificate}: the Spine client certificate in use (after any reload). DOWN when it
 * has expired or is not yet valid; UP otherwise, with {@code warning} set when fewer days are left
 * than the threshold; UNKNOWN when the context presents no certificate. Details: subject, issuer,
 * serial, notBefore, notAfter, daysLeft, warningThresholdDays.
 */
public final class CertificateHealthIndicator extends AbstractHealthIndicator {
    private final SpineTlsContext tls;
    private final Duration warning;
    private final Clock clock;

    /**
     * An indicator.
     *
     * @param tls the Spine TLS context
     * @param warning how long before expiry to warn
     * @param clock the clock
     */
    public CertificateHealthIndicator(SpineTlsContext tls, Duration warning, Clock clock) {
        super("The Spine client certificate cannot be read");
        this.tls = Objects.requireNonNull(tls, "tls");
        this.warning = Objects.requireNonNull(warning, "warning");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Optional<ClientIdentity> identity = tls.clientIdentity();
        if (identity.isEmpty()) {
            builder.unknown().withDetail("reason", "the Spine TLS context presents no client certificate");
            return;
        }
        X509Certificate c = identity.get().certificate();
        Instant now = clock.instant();
        Instant notBefore = c.getNotBefore().toInstant();
        Instant notAfter = c.getNotAfter().toInstant();
        long daysLeft = Math.floorDiv(Duration.between(now, notAfter).toHours(), 24);
        builder.withDetail("subject", c.getSubjectX500Principal().getName())
                .withDetail("issuer", c.getIssuerX500Principal().getName())
                .withDetail("serial", c.getSerialNumber().toString(16))
                .withDetail("notBefore", notBefore.toString())
                .withDetail("notAfter", notAfter.toString())
                .withDetail("daysLeft", daysLeft)
                .withDetail("warningThresholdDays", warning.toDays());
        if (now.isBefore(notBefore)) {
            builder.down().withDetail("reason", "not yet valid: valid from " + notBefore);
        } else if (!now.isBefore(notAfter)) {
            builder.down().withDetail("reason", "expired on " + notAfter + ": renew it (spine tls csr) and install it");
        } else {
            builder.up();
            if (Duration.between(now, notAfter).compareTo(warning) < 0) {
                builder.withDetail("warning", "expires in " + daysLeft + " days, under the threshold of "
                        + warning.toDays() + ": renew it now");
            }
        }
    }
}
