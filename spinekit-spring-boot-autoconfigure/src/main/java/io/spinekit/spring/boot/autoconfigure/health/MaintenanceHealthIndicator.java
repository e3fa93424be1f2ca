package io.spinekit.spring.boot.autoconfigure.health;

import io.spinekit.env.EnvironmentProfile;
import io.spinekit.env.MaintenanceSchedule;
import io.spinekit.env.MaintenanceWindow;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code spinekitMaintenance}: the environment's published maintenance windows (Europe/London). Always
 * UP when the environment publishes windows, UNKNOWN when it publishes none: Spine being in a
 * maintenance slot is not this application being unhealthy, so it never takes the application DOWN.
 * Details per service: state ({@code IN_MAINTENANCE}, {@code POSSIBLY_IN_MAINTENANCE},
 * {@code NOT_IN_MAINTENANCE}), openNow, and the next window's start, end and whether it is conditional.
 */
public final class MaintenanceHealthIndicator extends AbstractHealthIndicator {
    private final EnvironmentProfile profile;
    private final Clock clock;

    /**
     * An indicator.
     *
     * @param profile the environment
     * @param clock the clock
     */
    public MaintenanceHealthIndicator(EnvironmentProfile profile, Clock clock) {
        super("The maintenance schedule cannot be read");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        MaintenanceSchedule schedule = profile.maintenance();
        Instant now = clock.instant();
        builder.withDetail("environment", profile.name());
        if (schedule.services().isEmpty()) {
            builder.unknown().withDetail("reason", "the environment publishes no maintenance windows");
            return;
        }
        boolean any = false;
        for (MaintenanceSchedule.ServiceMaintenance s : schedule.services()) {
            Map<String, Object> d = new LinkedHashMap<>();
            MaintenanceSchedule.State state = schedule.state(s.service(), now);
            d.put("service", s.displayName());
            d.put("state", state.name());
            d.put("openNow", state == MaintenanceSchedule.State.IN_MAINTENANCE);
            any |= state == MaintenanceSchedule.State.IN_MAINTENANCE;
            if (!s.windows().isEmpty()) {
                MaintenanceWindow.Occurrence next = schedule.nextWindow(s.service(), now);
                d.put("nextStart", next.start().toOffsetDateTime().toString());
                d.put("nextEnd", next.end().toOffsetDateTime().toString());
                d.put("nextConditional", next.conditional());
            }
            builder.withDetail(s.service(), d);
        }
        builder.up().withDetail("inMaintenance", any);
    }
}
