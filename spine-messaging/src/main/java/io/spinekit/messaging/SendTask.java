package io.spinekit.messaging;

import io.spinekit.ldap.Route;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/** One send in progress: its attempts (ebXML retries and transport retries) and its future. */
final class SendTask {
    final SpineMessaging client;
    final BiFunction<Transport.Result, MessageHeader, SpineReply> parser;
    final Route route;
    final Workflow workflow;
    final MessageHeader header;
    final EncodedMessage encoded;
    final int maxAttempts;
    final Duration interval;
    final Optional<Instant> expiry;
    final MessageStore.Outbound record;
    final CompletableFuture<SendOutcome> future = new CompletableFuture<>();
    volatile int posts;

    SendTask(SpineMessaging client, Route route, Workflow workflow, MessageHeader header, EncodedMessage encoded,
            int maxAttempts, Duration interval, Optional<Instant> expiry, MessageStore.Outbound record,
            BiFunction<Transport.Result, MessageHeader, SpineReply> parser) {
        this.client = client;
        this.parser = parser;
        this.route = route;
        this.workflow = workflow;
        this.header = header;
        this.encoded = encoded;
        this.maxAttempts = maxAttempts;
        this.interval = interval;
        this.expiry = expiry;
        this.record = record;
    }

    /** One ebXML attempt; {@code transportTry} counts the connection retries within it. */
    void attempt(int attempt, int transportTry) {
        try {
            tryOnce(attempt, transportTry);
        } catch (RuntimeException | Error e) {
            // never leave the caller's future pending: an unexpected failure completes it exceptionally
            client.store().save(record.with(posts, MessageStore.Status.FAILED));
            future.completeExceptionally(e);
        }
    }

    private void tryOnce(int attempt, int transportTry) {
        if (client.closed()) {
            future.complete(failed(posts, SendOutcome.Failure.CLOSED, "the client was closed before the send "
                    + "finished"));
            return;
        }
        posts++;
        Transport.Result r = client.transport().post(route.endpoint(), encoded.headers(), encoded.bodyUnsafe());
        client.store().save(record.with(posts, MessageStore.Status.PENDING));
        if (r.failed()) {
            if (r.connectionFailure() && transportTry < client.transportRetries()) {
                client.submit(() -> attempt(attempt, transportTry + 1), client.transportRetryDelay(), this);
                return;
            }
            String tries = r.connectionFailure() && client.transportRetries() > 0 ? " (after " + (transportTry + 1)
                    + " tries)" : "";
            future.complete(failed(posts, r.failure(), r.detail() + tries));
            return;
        }
        SpineReply reply;
        try {
            reply = parser.apply(r, header);
        } catch (MessagingException e) {
            future.complete(failed(posts, SendOutcome.Failure.INVALID_RESPONSE, "the answer from "
                    + Transport.where(route.endpoint()) + " (HTTP " + r.status() + ") could not be read: "
                    + e.getMessage()));
            return;
        }
        if (reply instanceof SpineReply.SoapFault fault && fault.retriable() && workflow.reliable()
                && attempt < maxAttempts && withinPersistDuration()) {
            client.submit(() -> attempt(attempt + 1, 0), interval, this);
            return;
        }
        future.complete(outcome(reply));
    }

    private boolean withinPersistDuration() {
        return expiry.map(e -> !client.clock().instant().plus(interval).isAfter(e)).orElse(true);
    }

    SendOutcome outcome(SpineReply reply) {
        if (reply instanceof SpineReply.SyncResponse) {
            return finish(SendOutcome.Outcome.RESPONSE, MessageStore.Status.RESPONDED, reply, List.of(), List.of(),
                    null, "");
        }
        if (reply instanceof SpineReply.Acknowledged) {
            return finish(SendOutcome.Outcome.ACKNOWLEDGED, MessageStore.Status.ACKNOWLEDGED, reply, List.of(),
                    List.of(), null, "");
        }
        if (reply instanceof SpineReply.MessageError e) {
            return finish(SendOutcome.Outcome.MESSAGE_ERROR, MessageStore.Status.NACKED, reply, e.errors(),
                    List.of(), null, "");
        }
        if (reply instanceof SpineReply.SoapFault f) {
            return finish(SendOutcome.Outcome.SOAP_FAULT, MessageStore.Status.FAULTED, reply, List.of(), f.errors(),
                    null, "");
        }
        SpineReply.Unexpected u = (SpineReply.Unexpected) reply;
        return finish(SendOutcome.Outcome.FAILED, MessageStore.Status.FAILED, reply, List.of(), List.of(),
                SendOutcome.Failure.UNEXPECTED_RESPONSE, Transport.where(route.endpoint()) + " answered HTTP "
                        + u.status() + " with " + u.detail() + ": expected " + (workflow == Workflow.SYNC
                        ? "a SOAP response" : "an ebXML acknowledgement, error list or SOAP fault"));
    }

    SendOutcome failed(int attempts, SendOutcome.Failure failure, String detail) {
        posts = attempts;
        return finish(SendOutcome.Outcome.FAILED, MessageStore.Status.FAILED, null, List.of(), List.of(), failure,
                detail);
    }

    private SendOutcome finish(SendOutcome.Outcome outcome, MessageStore.Status status, SpineReply reply,
            List<EbxmlError> errors, List<FaultError> faults, SendOutcome.Failure failure, String detail) {
        client.store().save(record.with(posts, status));
        return new SendOutcome(header.messageId(), header.conversationId(), workflow, outcome, posts,
                Optional.ofNullable(reply), errors, faults, Optional.ofNullable(failure), detail);
    }
}
