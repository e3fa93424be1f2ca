package io.spinekit.messaging;

import io.spinekit.env.Asid;
import io.spinekit.env.PartyKey;
import io.spinekit.ldap.Route;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Builds the ebXML request of a send from the route's SDS attributes, and waits for outcomes. */
final class Requests {
    private Requests() {
    }

    /** Every header flag from the route, as the {@link Workflow} says where the route has none. */
    static EbxmlRequest ebxml(PartyKey from, Route route, Workflow workflow, Clock clock, OutboundMessage message) {
        EbxmlRequest.Builder b = EbxmlRequest.builder().from(from).to(route.partyKey()).cpaId(route.cpaId())
                .service(route.serviceName()).action(route.interactionName()).clock(clock)
                .duplicateElimination(workflow.duplicateElimination(route))
                .ackRequested(workflow.ackRequestedActor(route).orElse(null))
                .syncReply(workflow.syncReply(route)).payload(message.payload());
        message.messageId().ifPresent(b::messageId);
        message.conversationId().ifPresent(b::conversationId);
        message.refToMessageId().ifPresent(b::refToMessageId);
        message.attachments().forEach(b::attachment);
        message.externalAttachments().forEach(b::externalAttachment);
        return b.build();
    }

    /** Waits for an outcome, rethrowing a runtime failure as itself. */
    static SendOutcome join(CompletableFuture<SendOutcome> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** A synchronous SOAP request (MESSAGING.md section 5), at most Spine's size limit. */
    static EncodedMessage syncSoap(String messageId, Route route, Asid from, byte[] payload) {
        EncodedMessage encoded = SyncSoap.encode(messageId, route.serviceName(), route.interactionName(),
                route.asid().value(), from.value(), payload);
        if (encoded.bodyUnsafe().length > EbxmlCodec.SPINE_MAX_BYTES) {
            throw new MessagingException(MessagingException.Reason.TOO_LARGE, "synchronous request " + messageId
                    + " is " + encoded.bodyUnsafe().length + " bytes: at most " + EbxmlCodec.SPINE_MAX_BYTES);
        }
        return encoded;
    }

    /** The outcome of a send the resolver found no route for. */
    static SendOutcome noRoute(OutboundMessage message, String why) {
        return new SendOutcome(message.messageId().orElse(""), message.conversationId().orElse(""), Workflow.EXPRESS,
                SendOutcome.Outcome.FAILED, 0, Optional.empty(), List.of(), List.of(),
                Optional.of(SendOutcome.Failure.NO_ROUTE), why);
    }
}
