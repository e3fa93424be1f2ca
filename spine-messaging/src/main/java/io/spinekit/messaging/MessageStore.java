package io.spinekit.messaging;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where the client keeps the state of its messages: one record per outbound MessageId (as MHS keeps
 * one work description per MessageId, MESSAGING.md section 5) and the MessageIds received, for
 * duplicate elimination. Implementations must be thread-safe. {@link InMemoryMessageStore} is the
 * one this module ships; nothing in it survives a restart. The durable one (PostgreSQL, H2 in file
 * mode) is {@code io.spinekit.messaging.store.JdbcMessageStore} in spine-message-store.
 *
 * <p>Reliable messages are kept as {@link Stored} rows the sender runs from: {@link #accept} commits
 * one (a send is "accepted" only once it returns), {@link #claim} hands due rows to one sender at a
 * time under a lease (a sender that dies loses its lease when it runs out, and another sender retries
 * with the same MessageId), {@link #retryAt} and {@link #finish} end an attempt. A store that cannot
 * be reached throws {@link MessagingException} with {@link MessagingException.Reason#STORE_UNAVAILABLE};
 * nothing is half-written.
 */
public interface MessageStore extends AutoCloseable {

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

    /**
     * A reliable message as stored: the bytes as sent, where they go, and its retry state.
     *
     * @param messageId its MessageId (the same on every attempt)
     * @param conversationId its ConversationId
     * @param refToMessageId the message it answers, if any (for correlation)
     * @param workflow how it is sent
     * @param endpoint the MHS endpoint it is posted to (the route's)
     * @param headers the HTTP headers it is posted with ({@code Content-Type}, {@code SOAPAction})
     * @param body the encoded message, byte for byte as posted
     * @param created when it was accepted
     * @param deadline accepted + the route's persist duration: no attempt starts after it
     * @param maxAttempts attempts allowed (1 + the route's retries)
     * @param retryInterval the wait after a retriable fault (the route's retry interval)
     * @param attempts ebXML attempts made so far (what {@code maxAttempts} bounds)
     * @param posts HTTP posts made so far (transport retries included; what outcomes report)
     * @param nextAttempt when it is next due
     * @param status its state ({@link Status#PENDING} until it ends)
     * @param lastError why the last attempt did not end it, or why it failed ({@code ""} when none)
     */
    record Stored(String messageId, String conversationId, Optional<String> refToMessageId, Workflow workflow,
            URI endpoint, Map<String, String> headers, byte[] body, Instant created, Optional<Instant> deadline,
            int maxAttempts, Duration retryInterval, int attempts, int posts, Instant nextAttempt, Status status,
            String lastError) {
        /**
         * Checks and copies; times are kept to the millisecond (as every store keeps them).
         *
         * @param messageId message id
         * @param conversationId conversation id
         * @param refToMessageId ref to message id
         * @param workflow workflow
         * @param endpoint endpoint
         * @param headers headers
         * @param body body
         * @param created created
         * @param deadline deadline
         * @param maxAttempts max attempts
         * @param retryInterval retry interval
         * @param attempts attempts
         * @param posts posts
         * @param nextAttempt next attempt
         * @param status status
         * @param lastError last error
         */
        public Stored {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(conversationId, "conversationId");
            Objects.requireNonNull(refToMessageId, "refToMessageId");
            Objects.requireNonNull(workflow, "workflow");
            Objects.requireNonNull(endpoint, "endpoint");
            headers = Map.copyOf(headers);
            body = Objects.requireNonNull(body, "body").clone();
            created = Objects.requireNonNull(created, "created").truncatedTo(ChronoUnit.MILLIS);
            deadline = Objects.requireNonNull(deadline, "deadline").map(d -> d.truncatedTo(ChronoUnit.MILLIS));
            Objects.requireNonNull(retryInterval, "retryInterval");
            nextAttempt = Objects.requireNonNull(nextAttempt, "nextAttempt").truncatedTo(ChronoUnit.MILLIS);
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(lastError, "lastError");
        }

        /**
         * A copy of the bytes.
         *
         * @return the body
         */
        @Override
        public byte[] body() {
            return body.clone();
        }

        byte[] bodyUnsafe() {
            return body;
        }

        /**
         * The outbound record of this message.
         *
         * @return its id, conversation, workflow, created, attempts and status
         */
        public Outbound outbound() {
            return new Outbound(messageId, conversationId, workflow, created, posts, status);
        }

        /**
         * A copy with another retry state.
         *
         * @param attemptsSoFar ebXML attempts
         * @param postsSoFar HTTP posts
         * @param next when next due
         * @param newStatus status
         * @param error the last error
         * @return a new record
         */
        public Stored with(int attemptsSoFar, int postsSoFar, Instant next, Status newStatus, String error) {
            return new Stored(messageId, conversationId, refToMessageId, workflow, endpoint, headers, body, created,
                    deadline, maxAttempts, retryInterval, attemptsSoFar, postsSoFar, next, newStatus, error);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Stored s && messageId.equals(s.messageId) && conversationId.equals(s.conversationId)
                    && refToMessageId.equals(s.refToMessageId) && workflow == s.workflow
                    && endpoint.equals(s.endpoint) && headers.equals(s.headers) && Arrays.equals(body, s.body)
                    && created.equals(s.created) && deadline.equals(s.deadline) && maxAttempts == s.maxAttempts
                    && retryInterval.equals(s.retryInterval) && attempts == s.attempts
                    && posts == s.posts && nextAttempt.equals(s.nextAttempt) && status == s.status
                    && lastError.equals(s.lastError);
        }

        @Override
        public int hashCode() {
            return Objects.hash(messageId, attempts, status);
        }

        /**
         * Everything but the body's content.
         *
         * @return a description
         */
        @Override
        public String toString() {
            return "Stored[" + messageId + ", " + workflow + ", " + status + ", attempts " + attempts + "/"
                    + maxAttempts + ", next " + nextAttempt + ", deadline " + deadline.map(Instant::toString)
                    .orElse("none") + ", " + body.length + " bytes to " + endpoint + "]";
        }
    }

    /**
     * Commits a reliable message before the send reports it accepted. With {@code owner}, the row
     * is leased to that sender until {@code leaseUntil} (so it can make the first attempt at once);
     * without, it is due at {@link Stored#nextAttempt()} for any sender.
     *
     * @param message the message, {@link Status#PENDING}
     * @param owner the sender that makes the first attempt, if any
     * @param leaseUntil until when that sender holds it
     * @throws MessagingException {@code INVALID_ARGUMENT} if the MessageId is already stored;
     *     {@code STORE_UNAVAILABLE} if the store cannot be reached (nothing is stored)
     */
    void accept(Stored message, Optional<String> owner, Instant leaseUntil);

    /**
     * Claims up to {@code max} due messages for {@code owner}: {@link Status#PENDING}, due by
     * {@code now}, and not leased (or leased by a sender whose lease ran out). Each is leased to
     * {@code owner} until {@code now + lease}; no other claim returns it meanwhile.
     *
     * @param owner the sender claiming
     * @param now the time now
     * @param lease how long the claim holds
     * @param max the most messages returned
     * @return the claimed messages, earliest due first
     */
    List<Stored> claim(String owner, Instant now, Duration lease, int max);

    /**
     * Ends an attempt that will be retried: records the attempts and the error and makes the
     * message due at {@code next}, still leased to {@code owner} until {@code leaseUntil} (the
     * sender retries it itself; if it dies, another takes it once the lease runs out).
     *
     * @param messageId the message
     * @param owner the sender that holds it
     * @param attempts ebXML attempts made so far
     * @param posts HTTP posts made so far
     * @param next when it is next due
     * @param leaseUntil until when {@code owner} keeps it (after {@code next})
     * @param error why this attempt did not end it
     * @return {@code false} if the message is no longer {@link Status#PENDING} or leased to {@code owner}
     */
    boolean retryAt(String messageId, String owner, int attempts, int posts, Instant next, Instant leaseUntil,
            String error);

    /**
     * Ends a message: records its final state. Only a {@link Status#PENDING} message changes (a
     * final state is final, whoever wrote it).
     *
     * @param messageId the message
     * @param attempts ebXML attempts made
     * @param posts HTTP posts made
     * @param status its final state
     * @param error why it failed ({@code ""} when it did not)
     * @param now the time now (for the retention)
     * @return {@code false} if it had already ended or is not stored
     */
    boolean finish(String messageId, int attempts, int posts, Status status, String error, Instant now);

    /**
     * Releases every lease {@code owner} holds on {@link Status#PENDING} messages, so other senders
     * may take them at once (a sender closing cleanly).
     *
     * @param owner the sender
     * @return how many were released
     */
    int release(String owner);

    /**
     * A stored reliable message by MessageId.
     *
     * @param messageId the id
     * @return the message, if stored
     */
    Optional<Stored> stored(String messageId);

    /**
     * The stored reliable messages in the given states, earliest created first.
     *
     * @param statuses the states wanted
     * @param max the most returned
     * @return the messages
     */
    List<Stored> list(Set<Status> statuses, int max);

    /**
     * Housekeeping: deletes messages that ended before {@code endedBefore} and receipts whose
     * duplicate-elimination window closed before {@code now}.
     *
     * @param endedBefore messages ended before this are deleted
     * @param now receipts remembered until before this are deleted
     * @return how many rows were deleted
     */
    int purge(Instant endedBefore, Instant now);

    /** Releases the store's resources (a connection pool); the in-memory store has none. */
    @Override
    default void close() {
    }
}
