package io.spinekit.spring.boot.autoconfigure.health;

import io.spinekit.ldap.SdsCacheStats;
import io.spinekit.ldap.SdsCheck;
import io.spinekit.ldap.SdsClient;
import io.spinekit.ldap.fhir.SdsFhir;
import io.spinekit.tls.ConnectionCheck;
import io.spinekit.tls.SpineTlsContext;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@code spinekitSds}: whether SDS answers. LDAP: an anonymous bind and a read of the root DSE of
 * the first server ({@link SdsCheck}, as {@code spine doctor}); FHIR: DNS, TCP and a TLS handshake
 * with the API's host under the JDK's public trust (no API call, so no API key use and no rate
 * limit). Each check has a total deadline, and its result is reused for a while so a health probe
 * cannot hammer SDS. Details: backend, server, the check's detail and elapsed time, the cache counters.
 */
public final class SdsHealthIndicator implements HealthIndicator {
    private final SdsClient sds;
    private final SpineTlsContext tls;
    private final Duration timeout;
    private final Duration cacheFor;
    private final LongSupplier nanoTime;
    private Health last;
    private long lastAt;

    /**
     * An indicator.
     *
     * @param sds the client (its back-end and servers)
     * @param tls the Spine TLS context (LDAPS)
     * @param timeout the most one check may take
     * @param cacheFor how long a result is reused
     * @param nanoTime the monotonic clock
     */
    public SdsHealthIndicator(SdsClient sds, SpineTlsContext tls, Duration timeout, Duration cacheFor,
            LongSupplier nanoTime) {
        this.sds = Objects.requireNonNull(sds, "sds");
        this.tls = Objects.requireNonNull(tls, "tls");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.cacheFor = Objects.requireNonNull(cacheFor, "cacheFor");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    @Override
    public synchronized Health health() {
        long now = nanoTime.getAsLong();
        if (last != null && now - lastAt < cacheFor.toNanos()) {
            return last;
        }
        last = check();
        lastAt = nanoTime.getAsLong();
        return last;
    }

    private Health check() {
        List<String> servers = sds.servers();
        String server = servers.isEmpty() ? "" : servers.get(0);
        ConnectionCheck.Step step;
        if ("fhir".equals(sds.backend())) {
            URI u = URI.create(server);
            int port = u.getPort() == -1 ? 443 : u.getPort();
            List<ConnectionCheck.Step> steps = ConnectionCheck.check(SdsFhir.publicTrust(), u.getHost(), port, timeout);
            step = steps.stream().filter(s -> s.outcome() != ConnectionCheck.Outcome.OK).findFirst()
                    .orElse(steps.get(steps.size() - 1));
        } else {
            step = SdsCheck.check(server, tls, timeout);
        }
        SdsCacheStats stats = sds.cacheStats();
        Health.Builder b = new Health.Builder(step.outcome() == ConnectionCheck.Outcome.OK ? Status.UP : Status.DOWN)
                .withDetail("backend", sds.backend())
                .withDetail("server", server)
                .withDetail("check", step.name())
                .withDetail("detail", step.detail())
                .withDetail("elapsedMs", step.elapsed().toMillis())
                .withDetail("cache", java.util.Map.of("hits", stats.hits(), "misses", stats.misses(),
                        "staleServes", stats.staleServes(), "errors", stats.errors(), "size", stats.size()));
        step.fix().ifPresent(f -> b.withDetail("fix", f));
        step.failure().ifPresent(f -> b.withDetail("failure", f.name()));
        return b.build();
    }
}
