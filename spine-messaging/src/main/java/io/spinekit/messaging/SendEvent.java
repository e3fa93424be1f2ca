package io.spinekit.messaging;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a send, as a {@link SendListener} is told it.
 *
 * @param kind what happened
 * @param messageId the MessageId (empty for a send that failed before one was known: no route)
 * @param workflow how it is sent
 * @param interactionId the interaction id, such as {@code urn:nhs:names:services:psis:REPC_IN150016UK05}:
 *     the route's; for a stored message taken over from another client, read from its {@code SOAPAction}
 *     ({@code service/interaction} as {@code service:interaction})
 * @param attempt the ebXML attempt (1 for the first; a transport retry stays within its attempt); 0 when
 *     nothing was posted
 * @param posts the HTTP posts made so far, transport retries included
 * @param latency {@link Kind#SENT}: from the send's start to its first post (time waiting for a send
 *     thread); {@link Kind#RETRYING}: how long the post that is retried took; {@link Kind#ENDED}:
 *     from the send's start (when it was accepted, for a stored message) to its end, retries included
 * @param outcome the outcome, for {@link Kind#ENDED} only
 */
public record SendEvent(Kind kind, String messageId, Workflow workflow, String interactionId, int attempt, int posts,
        Duration latency, Optional<SendOutcome> outcome) {

    /** What happened. */
    public enum Kind {
        /** The message's first post (by this client) is starting. */
        SENT,
        /** A post ended without an outcome and the message is posted again: a transport retry or a retriable fault. */
        RETRYING,
        /** The send ended: {@link SendEvent#outcome()} says how. */
        ENDED
    }

    /**
     * Checks the components.
     *
     * @param kind kind
     * @param messageId message id
     * @param workflow workflow
     * @param interactionId interaction id
     * @param attempt attempt
     * @param posts posts
     * @param latency latency, never negative
     * @param outcome outcome, present exactly for {@link Kind#ENDED}
     */
    public SendEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(interactionId, "interactionId");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(outcome, "outcome");
        if (latency.isNegative()) {
            latency = Duration.ZERO;
        }
        if (outcome.isPresent() != (kind == Kind.ENDED)) {
            throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, "a " + kind + " event "
                    + (outcome.isPresent() ? "has" : "lacks") + " an outcome: expected one exactly for ENDED");
        }
    }
}
