package io.spinekit.messaging;

/**
 * Told what each send does, for metrics and logs: set with
 * {@link SpineMessaging.Builder#sendListener(SendListener)}. Called on the client's send threads
 * (or the caller's, for a send that fails before it is posted), so it must be thread-safe and
 * quick; an exception it throws is caught and logged (SLF4J, logger
 * {@code io.spinekit.messaging.SendListener}) and never changes the send.
 *
 * <p>For each message this client runs, in order: one {@link SendEvent.Kind#SENT} as its first
 * post starts, one {@link SendEvent.Kind#RETRYING} for every post that is followed by another
 * (a transport retry or a retriable SOAP fault), and one {@link SendEvent.Kind#ENDED} with the
 * {@link SendOutcome}. A send that ends before it is posted (no route, the client closed) and a
 * stored message found past its deadline give only the {@code ENDED} event. A stored reliable
 * message another client started and this one took over gives this client's events from the
 * attempt it resumed at.
 *
 * <pre>{@code
 * SpineMessaging.builder()...sendListener(e -> {
 *     if (e.kind() == SendEvent.Kind.ENDED) {
 *         log.info("{} {} {} after {}", e.interactionId(), e.workflow(), e.outcome().orElseThrow().outcome(),
 *                 e.latency());
 *     }
 * })
 * }</pre>
 */
@FunctionalInterface
public interface SendListener {
    /**
     * Something happened to a send.
     *
     * @param event what
     */
    void onEvent(SendEvent event);
}
