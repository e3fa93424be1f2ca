package io.spinekit.env;

import io.spinekit.core.Text;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The scheduled maintenance slots of one environment, per service, in UK local time.
 *
 * <p>Services are Spine Core ({@code core}), Spine CIS ({@code cis}), e-RS ({@code ers}) and e-RS
 * sub-environments ({@code ers.dev1}, {@code ers.dev3}). They are accepted by those keys or by the
 * NHS pages' wording, case-insensitively: {@code "Spine Core"}, {@code "spine-cis"},
 * {@code "e-RS Dev3"}, {@code "dev3"}.
 *
 * <p>Weekly slots are certain. Slots that happen only "the week following the live e-RS release"
 * are {@linkplain MaintenanceWindow#conditional() conditional}: the catalog does not know the
 * release dates, so {@link #isUnderMaintenance(String, Instant)} never reports them and
 * {@link #state(String, Instant)} reports {@link State#POSSIBLY_IN_MAINTENANCE}. The NHS pages
 * also say to check the Forward Change Schedule for work outside these slots.
 */
public final class MaintenanceSchedule {
    /** What a service's slots say about one instant. */
    public enum State {
        /** Inside a weekly slot. */
        IN_MAINTENANCE,
        /** Inside a slot that happens only in the week following a live e-RS release. */
        POSSIBLY_IN_MAINTENANCE,
        /** Outside every slot. */
        NOT_IN_MAINTENANCE
    }

    /**
     * The slots of one service.
     *
     * @param service the service key, such as {@code core} or {@code ers.dev1}
     * @param displayName the service as the NHS pages name it, such as {@code "Spine Core"} or {@code "e-RS Dev1"}
     * @param windows its slots
     * @param fact the catalog fact they come from, with provenance
     */
    public record ServiceMaintenance(String service, String displayName, List<MaintenanceWindow> windows, Fact fact) {
        /**
         * Checks the parts.
         *
         * @param service the key
         * @param displayName the name
         * @param windows the slots
         * @param fact the fact
         */
        public ServiceMaintenance {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(fact, "fact");
            windows = List.copyOf(windows);
        }
    }

    private final String environment;
    private final List<ServiceMaintenance> services;

    MaintenanceSchedule(String environment, List<ServiceMaintenance> services) {
        this.environment = environment;
        this.services = List.copyOf(services);
    }

    /**
     * Every service with slots, in catalog order.
     *
     * @return the services; empty when nothing is published (live)
     */
    public List<ServiceMaintenance> services() {
        return services;
    }

    /**
     * One service's slots.
     *
     * @param service a service key or the pages' wording, such as {@code "Spine CIS"}
     * @return its slots, or empty when the environment has none for it
     */
    public Optional<ServiceMaintenance> service(String service) {
        String wanted = normalise(service);
        return services.stream()
                .filter(s -> normalise(s.service()).equals(wanted) || normalise(s.displayName()).equals(wanted)
                        || (s.service().startsWith("ers.") && s.service().substring(4).equals(wanted)))
                .findFirst();
    }

    /**
     * Whether a service is certainly in a maintenance slot (a weekly one) at an instant.
     *
     * @param service a service key or the pages' wording
     * @param at the instant
     * @return {@code true} inside a weekly slot; slots after a live e-RS release never count (see {@link #state})
     * @throws CatalogException when the environment has no slots for that service, listing those it has
     */
    public boolean isUnderMaintenance(String service, Instant at) {
        return state(service, at) == State.IN_MAINTENANCE;
    }

    /**
     * What a service's slots say about an instant.
     *
     * @param service a service key or the pages' wording
     * @param at the instant
     * @return in, possibly in (conditional slot) or not in maintenance
     * @throws CatalogException when the environment has no slots for that service
     */
    public State state(String service, Instant at) {
        State state = State.NOT_IN_MAINTENANCE;
        for (MaintenanceWindow w : require(service).windows()) {
            if (w.occurrenceAt(at).isPresent()) {
                if (!w.conditional()) {
                    return State.IN_MAINTENANCE;
                }
                state = State.POSSIBLY_IN_MAINTENANCE;
            }
        }
        return state;
    }

    /**
     * The slot in progress at an instant, or else the next to start, over all the service's slots;
     * a conditional slot (after a live e-RS release) is flagged {@link MaintenanceWindow.Occurrence#conditional()}.
     *
     * @param service a service key or the pages' wording
     * @param at the instant
     * @return the occurrence, start and end in London time
     * @throws CatalogException when the environment has no slots for that service
     */
    public MaintenanceWindow.Occurrence nextWindow(String service, Instant at) {
        return require(service).windows().stream().map(w -> w.nextAt(at))
                .min(Comparator.comparing((MaintenanceWindow.Occurrence o) -> o.start().toInstant())
                        .thenComparing(MaintenanceWindow.Occurrence::conditional))
                .orElseThrow();
    }

    /**
     * Like {@link #nextWindow(String, Instant)} but over weekly slots only.
     *
     * @param service a service key or the pages' wording
     * @param at the instant
     * @return the occurrence, or empty when the service has only conditional slots (e-RS)
     * @throws CatalogException when the environment has no slots for that service
     */
    public Optional<MaintenanceWindow.Occurrence> nextCertainWindow(String service, Instant at) {
        return require(service).windows().stream().filter(w -> !w.conditional()).map(w -> w.nextAt(at))
                .min(Comparator.comparing(o -> o.start().toInstant()));
    }

    /**
     * One service's slots, which must exist.
     *
     * @param service a service key or the pages' wording
     * @return its slots
     * @throws CatalogException naming the service and listing the environment's services
     */
    public ServiceMaintenance require(String service) {
        return service(service).orElseThrow(() -> new CatalogException("No maintenance slots for service " + Text.quote(service)
               + " in environment " + Text.quote(environment) + ": known services are "
                + (services.isEmpty() ? "none (nothing is published; supply maintenance.core, maintenance.cis or "
                        + "maintenance.ers with spinekit." + environment + ".maintenance.<service>)"
                        : services.stream().map(s -> s.displayName() + " (" + s.service() + ")").collect(Collectors.joining(", ")))));
    }

    private static String normalise(String s) {
        String t = s == null ? "" : s.toLowerCase(Locale.ROOT).replace("e-rs", "ers").replaceAll("[^a-z0-9]", "");
        return t.startsWith("spine") ? t.substring(5) : t;
    }
}
