package io.spinekit.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the auto-configured beans observe, for metrics and health: every look-up of the
 * auto-configured {@code SdsClient} (its look-up listener) and every step of every send of the
 * auto-configured {@code SpineMessaging} (its send listener, through {@link MessageTracker}). A
 * bean; register a {@link Listener} to receive them (the Micrometer binding does). Values are
 * plain lower-case strings, so this class needs neither spine-ldap nor spine-messaging.
 */
public final class SpinekitEvents {
    /** Receives events; implementations must be thread-safe and quick. */
    public interface Listener {
        /**
         * An SDS look-up finished.
         *
         * @param backend {@code ldap} or {@code fhir}
         * @param kind {@code route}, {@code mhs_records}, {@code accredited_systems},
         *     {@code accredited_system} or {@code organisation}
         * @param outcome {@code found}, {@code not_found}, {@code unavailable} or {@code error}
         * @param cache {@code hit}, {@code miss} or {@code stale}
         * @param elapsed how long it took
         */
        default void lookup(String backend, String kind, String outcome, String cache, Duration elapsed) {
        }

        /**
         * A message changed state.
         *
         * @param outcome {@code sent}, {@code retried}, {@code acknowledged}, {@code response},
         *     {@code message_error}, {@code soap_fault} or {@code failed}
         * @param workflow the workflow, lower case ({@code express}, {@code reliable}, ...)
         * @param interaction the interaction id, such as {@code urn:nhs:names:services:psis:REPC_IN150016UK05}
         * @param elapsed for an ending outcome, the time since the send started; otherwise {@code null}
         */
        default void message(String outcome, String workflow, String interaction, Duration elapsed) {
        }
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /** No listeners yet. */
    public SpinekitEvents() {
    }

    /**
     * Adds a listener.
     *
     * @param listener the listener
     */
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /**
     * Reports an SDS look-up to every listener (the auto-configured {@code SdsClient}'s look-up
     * listener calls it; call it from your own {@code SdsClient}'s to keep the meters).
     *
     * @param backend {@code ldap} or {@code fhir}
     * @param kind the kind, lower case (see {@link Listener#lookup})
     * @param outcome the outcome, lower case
     * @param cache {@code hit}, {@code miss} or {@code stale}
     * @param elapsed how long it took
     */
    public void lookup(String backend, String kind, String outcome, String cache, Duration elapsed) {
        for (Listener l : listeners) {
            l.lookup(backend, kind, outcome, cache, elapsed);
        }
    }

    /**
     * Reports a message event to every listener ({@link MessageTracker} calls it).
     *
     * @param outcome the outcome (see {@link Listener#message})
     * @param workflow the workflow, lower case
     * @param interaction the interaction id
     * @param elapsed for an ending outcome, the time since the send started; otherwise {@code null}
     */
    public void message(String outcome, String workflow, String interaction, Duration elapsed) {
        for (Listener l : listeners) {
            l.message(outcome, workflow, interaction, elapsed);
        }
    }
}
