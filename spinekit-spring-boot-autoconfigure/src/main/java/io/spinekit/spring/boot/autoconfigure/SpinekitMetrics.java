package io.spinekit.spring.boot.autoconfigure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.spinekit.ldap.SdsCacheStats;
import io.spinekit.ldap.SdsClient;
import io.spinekit.tls.SpineTlsContext;
import java.time.Clock;
import java.time.Duration;
import java.util.function.ToDoubleFunction;

/**
 * The spinekit meters. Names and tags are part of the API (dashboards and alerts use them):
 * <ul>
 *   <li>{@code spinekit.tls.certificate.expiry}: gauge, days until the client certificate in use expires (negative once expired);</li>
 *   <li>{@code spinekit.sds.lookups}: timer, tags {@code backend}, {@code kind}, {@code outcome}, {@code cache};</li>
 *   <li>{@code spinekit.sds.cache.hits|misses|loads|stale|errors}: function counters, tag {@code backend};
 *       {@code spinekit.sds.cache.size}: gauge;</li>
 *   <li>{@code spinekit.messaging.messages}: counter, tags {@code outcome}, {@code workflow}, {@code interaction};</li>
 *   <li>{@code spinekit.messaging.send}: timer from the start of a send to its end (retries included), same tags.</li>
 * </ul>
 */
public final class SpinekitMetrics implements MeterBinder {
    private static final double SECONDS_PER_DAY = 86_400d;
    private final SpineTlsContext tls;
    private final SdsClient sds;
    private final SpinekitEvents events;
    private final Clock clock;

    /**
     * The meters of the given beans.
     *
     * @param tls the Spine TLS context
     * @param sds the SDS client, or {@code null} when none is configured
     * @param events the events of the auto-configured beans
     * @param clock the clock (certificate expiry)
     */
    public SpinekitMetrics(SpineTlsContext tls, SdsClient sds, SpinekitEvents events, Clock clock) {
        this.tls = tls;
        this.sds = sds;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("spinekit.tls.certificate.expiry", this, SpinekitMetrics::daysLeft).baseUnit("days")
                .description("Days until the Spine client certificate in use expires").strongReference(true)
                .register(registry);
        if (sds != null) {
            String backend = sds.backend();
            counter(registry, "hits", "Look-ups answered from a fresh cache entry", backend, SdsCacheStats::hits);
            counter(registry, "misses", "Look-ups that found no fresh entry", backend, SdsCacheStats::misses);
            counter(registry, "loads", "SDS searches completed", backend, SdsCacheStats::loads);
            counter(registry, "stale", "Look-ups answered with an expired entry while SDS was unreachable", backend,
                    SdsCacheStats::staleServes);
            counter(registry, "errors", "SDS searches that failed", backend, SdsCacheStats::errors);
            Gauge.builder("spinekit.sds.cache.size", sds, s -> s.cacheStats().size()).tag("backend", backend)
                    .description("Entries in the SDS look-up cache").register(registry);
        }
        events.addListener(new SpinekitEvents.Listener() {
            @Override
            public void lookup(String backend, String kind, String outcome, String cache, Duration elapsed) {
                Timer.builder("spinekit.sds.lookups").description("SDS look-ups")
                        .tags("backend", backend, "kind", kind, "outcome", outcome, "cache", cache).register(registry)
                        .record(elapsed);
            }

            @Override
            public void message(String outcome, String workflow, String interaction, Duration elapsed) {
                Counter.builder("spinekit.messaging.messages").description("Spine messages by outcome")
                        .tags("outcome", outcome, "workflow", workflow, "interaction", interaction)
                        .register(registry).increment();
                if (elapsed != null) {
                    Timer.builder("spinekit.messaging.send").description("Spine sends, start to end")
                            .tags("outcome", outcome, "workflow", workflow, "interaction", interaction)
                            .register(registry).record(elapsed);
                }
            }
        });
    }

    private void counter(MeterRegistry registry, String name, String description, String backend,
            ToDoubleFunction<SdsCacheStats> value) {
        FunctionCounter.builder("spinekit.sds.cache." + name, sds, s -> value.applyAsDouble(s.cacheStats()))
                .tag("backend", backend).description(description).register(registry);
    }

    private double daysLeft() {
        return tls.clientIdentity()
                .map(i -> (i.certificate().getNotAfter().toInstant().toEpochMilli() - clock.millis()) / 1000d / SECONDS_PER_DAY)
                .orElse(Double.NaN);
    }
}
