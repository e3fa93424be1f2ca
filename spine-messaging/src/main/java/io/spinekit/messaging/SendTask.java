package io.spinekit.messaging;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * One send in progress: its attempts (ebXML retries and transport retries) and its future. A
 * reliable message runs from its {@link MessageStore.Stored} row ({@code stored} set): each retry
 * and the end are written to the store through the {@link StoredSender}; the others keep only
 * their {@link MessageStore.Outbound} record.
 */
final class SendTask {
    final SpineMessaging client;
    final BiFunction<Transport.Result, String, SpineReply> parser;
    final URI endpoint;
    final Workflow workflow;
    final String messageId;
    final String conversationId;
    final String interactionId;
    final Map<String, String> headers;
    final byte[] body;
    final int maxAttempts;
    final Duration interval;
    final Optional<Instant> expiry;
    final MessageStore.Outbound record;
    final StoredSender sender;
    final CompletableFuture<SendOutcome> future;
    volatile int posts;
    private volatile boolean started;

    SendTask(SpineMessaging client, URI endpoint, Workflow workflow, String messageId, String conversationId,
            String interactionId, EncodedMessage encoded, int maxAttempts, Duration interval, Optional<Instant> expiry,
            MessageStore.Outbound record, BiFunction<Transport.Result, String, SpineReply> parser) {
        this.client = client;
        this.parser = parser;
        this.endpoint = endpoint;
        this.workflow = workflow;
        this.messageId = messageId;
        this.conversationId = conversationId;
        this.interactionId = interactionId;
        this.headers = encoded.headers();
        this.body = encoded.bodyUnsafe();
        this.maxAttempts = maxAttempts;
        this.interval = interval;
        this.expiry = expiry;
        this.record = record;
        this.sender = null;
        this.future = new CompletableFuture<>();
    }

    /**
     * A task for a stored reliable message, resumed after {@code stored.attempts()} attempts; the
     * interaction is the route's when known, else read from the stored {@code SOAPAction}.
     */
    SendTask(SpineMessaging client, StoredSender sender, MessageStore.Stored stored, String interactionId,
            CompletableFuture<SendOutcome> future) {
        this.client = client;
        this.parser = (r, id) -> EbxmlCodec.parseReply(r.status(), r.contentType(), r.body());
        this.endpoint = stored.endpoint();
        this.workflow = stored.workflow();
        this.messageId = stored.messageId();
        this.conversationId = stored.conversationId();
        this.interactionId = interactionId != null ? interactionId : SendEvents.interactionOf(stored.headers());
        this.headers = stored.headers();
        this.body = stored.bodyUnsafe();
        this.maxAttempts = stored.maxAttempts();
        this.interval = stored.retryInterval();
        this.expiry = stored.deadline();
        this.record = stored.outbound();
        this.sender = sender;
        this.future = future;
        this.posts = stored.posts();
    }

    /** One ebXML attempt; {@code transportTry} counts the connection retries within it. */
    void attempt(int attempt, int transportTry) {
        try {
            tryOnce(attempt, transportTry);
        } catch (RuntimeException | Error e) {
            // never leave the caller's future pending: an unexpected failure completes it exceptionally
            end(attempt, MessageStore.Status.FAILED, "unexpected failure: " + e);
            client.events().ended(interactionId, attempt, record.created(), new SendOutcome(messageId, conversationId,
                    workflow, SendOutcome.Outcome.FAILED, posts, Optional.empty(), List.of(), List.of(),
                    Optional.empty(), "unexpected failure: " + e));
            future.completeExceptionally(e);
        }
    }

    private void tryOnce(int attempt, int transportTry) {
        if (client.closed()) {
            complete(attempt, failed(attempt, posts, SendOutcome.Failure.CLOSED, "the client was closed before the "
                    + "send finished"));
            return;
        }
        if (!started) {
            started = true;
            client.events().sent(this, attempt);
        }
        long postStart = System.nanoTime();
        posts++;
        Transport.Result r = client.transport().post(endpoint, headers, body);
        if (sender == null) {
            client.store().save(record.with(posts, MessageStore.Status.PENDING));
        }
        if (r.failed()) {
            if (r.connectionFailure() && transportTry < client.transportRetries()) {
                client.events().retrying(this, attempt, Duration.ofNanos(System.nanoTime() - postStart));
                client.submit(() -> attempt(attempt, transportTry + 1), client.transportRetryDelay(), this);
                return;
            }
            String tries = r.connectionFailure() && client.transportRetries() > 0 ? " (after " + (transportTry + 1)
                    + " tries)" : "";
            complete(attempt, failed(attempt, posts, r.failure(), r.detail() + tries));
            return;
        }
        SpineReply reply;
        try {
            reply = parser.apply(r, messageId);
        } catch (MessagingException e) {
            complete(attempt, failed(attempt, posts, SendOutcome.Failure.INVALID_RESPONSE, "the answer from "
                    + Transport.where(endpoint) + " (HTTP " + r.status() + ") could not be read: " + e.getMessage()));
            return;
        }
        if (reply instanceof SpineReply.SoapFault fault && fault.retriable() && workflow.reliable()
                && attempt < maxAttempts && withinPersistDuration()) {
            if (sender != null) {
                sender.retrying(this, attempt, "SOAP fault " + fault.errors().stream().map(FaultError::errorCode)
                        .toList() + " (retriable) at attempt " + attempt);
            }
            client.events().retrying(this, attempt, Duration.ofNanos(System.nanoTime() - postStart));
            client.submit(() -> attempt(attempt + 1, 0), interval, this);
            return;
        }
        complete(attempt, outcome(attempt, reply));
    }

    private boolean withinPersistDuration() {
        return expiry.map(e -> !client.clock().instant().plus(interval).isAfter(e)).orElse(true);
    }

    /** Ends the send: the stored sender and the listener are told, then the caller's future completes. */
    void complete(int attempt, SendOutcome out) {
        if (sender != null) {
            sender.ended(out);
        }
        client.events().ended(interactionId, attempt, record.created(), out);
        future.complete(out);
    }

    SendOutcome outcome(int attempt, SpineReply reply) {
        if (reply instanceof SpineReply.SyncResponse) {
            return finish(attempt, SendOutcome.Outcome.RESPONSE, MessageStore.Status.RESPONDED, reply, List.of(),
                    List.of(), null, "");
        }
        if (reply instanceof SpineReply.Acknowledged) {
            return finish(attempt, SendOutcome.Outcome.ACKNOWLEDGED, MessageStore.Status.ACKNOWLEDGED, reply,
                    List.of(), List.of(), null, "");
        }
        if (reply instanceof SpineReply.MessageError e) {
            return finish(attempt, SendOutcome.Outcome.MESSAGE_ERROR, MessageStore.Status.NACKED, reply, e.errors(),
                    List.of(), null, "");
        }
        if (reply instanceof SpineReply.SoapFault f) {
            return finish(attempt, SendOutcome.Outcome.SOAP_FAULT, MessageStore.Status.FAULTED, reply, List.of(),
                    f.errors(), null, "");
        }
        SpineReply.Unexpected u = (SpineReply.Unexpected) reply;
        return finish(attempt, SendOutcome.Outcome.FAILED, MessageStore.Status.FAILED, reply, List.of(), List.of(),
                SendOutcome.Failure.UNEXPECTED_RESPONSE, Transport.where(endpoint) + " answered HTTP "
                        + u.status() + " with " + u.detail() + ": expected " + (workflow == Workflow.SYNC
                        ? "a SOAP response" : "an ebXML acknowledgement, error list or SOAP fault"));
    }

    SendOutcome failed(int attempt, int attempts, SendOutcome.Failure failure, String detail) {
        posts = attempts;
        return finish(attempt, SendOutcome.Outcome.FAILED, MessageStore.Status.FAILED, null, List.of(), List.of(),
                failure, detail);
    }

    private SendOutcome finish(int attempt, SendOutcome.Outcome outcome, MessageStore.Status status, SpineReply reply,
            List<EbxmlError> errors, List<FaultError> faults, SendOutcome.Failure failure, String detail) {
        if (sender == null || failure != SendOutcome.Failure.CLOSED) {
            end(attempt, status, describe(detail, errors, faults)); // a closed client leaves a stored message pending
        }
        return new SendOutcome(messageId, conversationId, workflow, outcome, posts, Optional.ofNullable(reply), errors,
                faults, Optional.ofNullable(failure), detail);
    }

    private void end(int attempt, MessageStore.Status status, String detail) {
        if (sender == null) {
            client.store().save(record.with(posts, status));
        } else {
            sender.finish(this, attempt, status, detail);
        }
    }

    private static String describe(String detail, List<EbxmlError> errors, List<FaultError> faults) {
        if (!detail.isEmpty()) {
            return detail;
        }
        if (!errors.isEmpty()) {
            return "ebXML errors " + errors.stream().map(e -> e.errorCode() + e.description().map(d -> " " + d)
                    .orElse("")).toList();
        }
        return faults.isEmpty() ? "" : "SOAP fault " + faults.stream().map(f -> f.errorCode() + f.description()
                .map(d -> " " + d).orElse("")).toList();
    }
}
