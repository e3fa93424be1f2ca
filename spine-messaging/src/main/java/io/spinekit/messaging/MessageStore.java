package io.spinekit.messaging;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the client keeps the state of its messages: one record per outbound MessageId (as MHS keeps
 * one work description per MessageId, MESSAGING.md section 5) and the MessageIds received, for
 * duplicate elimination. Implementations must be thread-safe. {@link InMemoryMessageStore} is the
 * one this module ships; nothing in it survives a restart (a durable store is a separate piece).
 */
public interface MessageStore {

    /** The state of an outbound message. */
    enum Status {
        /** Being sent, or waiting for a retry. */
        PENDING,
        /** Acknowledged. */
        ACKNOWLEDGED,
        /** Answered synchronously. */
        RESPONDED,
        /** Refused with an ebXML error list. */
        NACKED,
        /** Ended with a SOAP fault. */
        FAULTED,
        /** Failed without a usable answer. */
        FAILED
    }

    /**
     * One outbound message.
     *
     * @param messageId its MessageId
     * @param conversationId its ConversationId
     * @param workflow how it is sent
     * @param created when the send started
     * @param attempts HTTP requests made so far
     * @param status its state
     */
    record Outbound(String messageId, String conversationId, Workflow workflow, Instant created, int attempts,
            Status status) {
        /**
         * Checks that no component is {@code null}.
         *
         * @param messageId message id
         * @param conversationId conversation id
         * @param workflow workflow
         * @param created created
         * @param attempts attempts
         * @param status status
         */
        public Outbound {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(conversationId, "conversationId");
            Objects.requireNonNull(workflow, "workflow");
            Objects.requireNonNull(created, "created");
            Objects.requireNonNull(status, "status");
        }

        /**
         * A copy with another state.
         *
         * @param attemptsSoFar attempts
         * @param newStatus status
         * @return a new record
         */
        public Outbound with(int attemptsSoFar, Status newStatus) {
            return new Outbound(messageId, conversationId, workflow, created, attemptsSoFar, newStatus);
        }
    }

    /**
     * Saves (inserts or replaces) an outbound record.
     *
     * @param record the record
     */
    void save(Outbound record);

    /**
     * An outbound record by MessageId.
     *
     * @param messageId the id
     * @return the record, if known
     */
    Optional<Outbound> outbound(String messageId);

    /**
     * Records that a message was received, unless it already was within its window.
     *
     * @param messageId the received MessageId
     * @param now the time now
     * @param keepUntil until when to remember it (the persist duration)
     * @return {@code true} the first time, {@code false} for a duplicate still remembered
     */
    boolean firstReceipt(String messageId, Instant now, Instant keepUntil);

    /**
     * Forgets a receipt, so the next delivery of that MessageId counts as the first (used when the
     * listener failed and the message was not acknowledged).
     *
     * @param messageId the received MessageId
     */
    void forgetReceipt(String messageId);
}
