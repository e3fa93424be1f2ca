package io.spinekit.spring.boot.autoconfigure;

import io.spinekit.messaging.MessageStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the auto-configured beans observe, for metrics and health: route look-ups made through
 * {@link SpinekitRoutes} and message state changes seen by the message store the messaging beans
 * share. A bean; register a {@link Listener} to receive them (the Micrometer binding does).
 */
public final class SpinekitEvents {
    /** Receives events; implementations must be thread-safe and quick. */
    public interface Listener {
        /**
         * A route look-up finished.
         *
         * @param backend {@code ldap} or {@code fhir}
         * @param outcome {@code found}, {@code not_found}, {@code unavailable} or {@code error}
         * @param cache {@code hit}, {@code miss} or {@code stale}
         * @param elapsed how long it took
         */
        default void lookup(String backend, String outcome, String cache, Duration elapsed) {
        }

        /**
         * A message changed state.
         *
         * @param outcome {@code sent}, {@code retried}, {@code acknowledged}, {@code response},
         *     {@code message_error}, {@code soap_fault} or {@code failed}
         * @param workflow the workflow, lower case ({@code express}, {@code reliable}, ...)
         * @param interaction the interaction, {@code unknown} when the store does not say it
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

    void lookup(String backend, String outcome, String cache, Duration elapsed) {
        for (Listener l : listeners) {
            l.lookup(backend, outcome, cache, elapsed);
        }
    }

    void message(String outcome, MessageStore.Outbound record, Duration elapsed) {
        String workflow = record.workflow().name().toLowerCase(java.util.Locale.ROOT);
        for (Listener l : listeners) {
            l.message(outcome, workflow, MessageTracker.UNKNOWN_INTERACTION, elapsed);
        }
    }
}
