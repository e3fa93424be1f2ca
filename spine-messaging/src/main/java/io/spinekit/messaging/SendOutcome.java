package io.spinekit.messaging;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a send, never {@code null} and never an exception for an answer Spine gave.
 *
 * @param messageId the MessageId sent (the same on every attempt)
 * @param conversationId the ConversationId sent
 * @param workflow how it was sent
 * @param outcome what happened
 * @param attempts HTTP requests made, transport retries included (what the receiving MHS saw at most)
 * @param reply the last reply parsed, if any
 * @param ebxmlErrors the {@code eb:ErrorList} entries of a {@link Outcome#MESSAGE_ERROR}
 * @param faultErrors the {@code nasp:errorList} entries of a {@link Outcome#SOAP_FAULT}
 * @param failure why a {@link Outcome#FAILED} send failed
 * @param failureDetail a sentence saying what failed, naming the endpoint (empty unless failed)
 */
public record SendOutcome(String messageId, String conversationId, Workflow workflow, Outcome outcome, int attempts,
        Optional<SpineReply> reply, List<EbxmlError> ebxmlErrors, List<FaultError> faultErrors,
        Optional<Failure> failure, String failureDetail) {

    /** What happened. */
    public enum Outcome {
        /** Spine (or the receiving MHS) acknowledged the message: {@code eb:Acknowledgment} or 202. */
        ACKNOWLEDGED,
        /** An {@code eb:ErrorList} came back: the message was refused. Never retried. */
        MESSAGE_ERROR,
        /** A SOAP fault came back (after any retries it allowed). */
        SOAP_FAULT,
        /** A synchronous response body came back. */
        RESPONSE,
        /** No usable answer: see {@link SendOutcome#failure()}. */
        FAILED
    }

    /** Why a send failed. */
    public enum Failure {
        /** The connection could not be made or was dropped before an answer, after the transport retries. */
        CONNECTION_FAILED,
        /** The TLS handshake failed (untrusted server, refused client certificate). Never retried. */
        TLS_FAILED,
        /** No complete answer within the response or request timeout. Not retried: the message may have arrived. */
        TIMEOUT,
        /** The answer was neither an acknowledgement, an error list nor a SOAP fault. */
        UNEXPECTED_RESPONSE,
        /** The answer claimed to be XML or MIME but could not be read (or was hostile). */
        INVALID_RESPONSE,
        /** The answer was larger than the response limit. */
        RESPONSE_TOO_LARGE,
        /** No route: the resolver found none for the organisation and interaction. */
        NO_ROUTE,
        /** The client was closed before the send finished. */
        CLOSED,
        /** A stored reliable message reached its deadline (accepted + persist duration) undelivered. */
        EXPIRED
    }

    /**
     * Copies.
     *
     * @param messageId message id
     * @param conversationId conversation id
     * @param workflow workflow
     * @param outcome outcome
     * @param attempts attempts
     * @param reply last reply
     * @param ebxmlErrors ebXML errors
     * @param faultErrors fault errors
     * @param failure failure
     * @param failureDetail failure detail
     */
    public SendOutcome {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reply, "reply");
        ebxmlErrors = List.copyOf(ebxmlErrors);
        faultErrors = List.copyOf(faultErrors);
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(failureDetail, "failureDetail");
    }

    /**
     * The synchronous response body, for a {@link Outcome#RESPONSE}.
     *
     * @return the content of the response's SOAP Body
     */
    public Optional<byte[]> responseBody() {
        return reply.filter(r -> r instanceof SpineReply.SyncResponse).map(r -> ((SpineReply.SyncResponse) r).body());
    }

    /**
     * Whether the message was acknowledged or answered.
     *
     * @return {@code true} for {@link Outcome#ACKNOWLEDGED} and {@link Outcome#RESPONSE}
     */
    public boolean succeeded() {
        return outcome == Outcome.ACKNOWLEDGED || outcome == Outcome.RESPONSE;
    }
}
