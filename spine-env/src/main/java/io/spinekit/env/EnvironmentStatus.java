package io.spinekit.env;

import io.spinekit.core.Text;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether an environment is in service, with the notice that says otherwise.
 *
 * <p>An environment without a status fact is reported {@link State#ACTIVE} with no notice and no
 * provenance: the catalog knows of no notice, which is not the same as a published promise.
 *
 * @param state active, decommissioning or decommissioned
 * @param date the date the notice takes effect, if published
 * @param notice the notice text, if any
 * @param provenance where the status comes from; empty when no notice is known
 */
public record EnvironmentStatus(State state, Optional<LocalDate> date, Optional<String> notice,
                                Optional<Provenance> provenance) {
    /** The states an environment can be in. */
    public enum State {
        /** In service; no decommissioning notice known. */
        ACTIVE,
        /** In service, with a published decommissioning date. */
        DECOMMISSIONING,
        /** No longer in service. */
        DECOMMISSIONED;

        /**
         * Parses a state case-insensitively.
         *
         * @param text for example {@code "decommissioning"}
         * @return the state
         * @throws CatalogException naming the value and the known states
         */
        public static State parse(String text) {
            for (State s : values()) {
                if (s.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                    return s;
                }
            }
            throw new CatalogException("unknown status " + Text.quote(text) + ": expected one of active, decommissioning, decommissioned");
        }

        /**
         * The lower-case form used in the catalog.
         *
         * @return for example {@code "decommissioning"}
         */
        public String token() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Checks the parts.
     *
     * @param state the state
     * @param date the effective date
     * @param notice the notice
     * @param provenance the provenance
     */
    public EnvironmentStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(provenance, "provenance");
    }
}
