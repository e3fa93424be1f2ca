package io.spinekit.messaging.store;

import io.spinekit.env.PartyKey;
import io.spinekit.ldap.Route;
import io.spinekit.messaging.EbxmlCodec;
import io.spinekit.messaging.EbxmlRequest;
import io.spinekit.messaging.EncodedMessage;
import io.spinekit.messaging.MessageStore;
import io.spinekit.messaging.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Reliable ebXML messages encoded as the client would, ready to put in a store with no sender holding them. */
final class ReadyMessages {
    private ReadyMessages() {
    }

    static MessageStore.Stored reliable(Route route, Instant now) {
        String id = UUID.randomUUID().toString().toUpperCase();
        EncodedMessage encoded = EbxmlCodec.encode(EbxmlRequest.builder().from(PartyKey.of("X99-123456"))
                .to(route.partyKey()).cpaId(route.cpaId()).service(route.serviceName()).action(route.interactionName())
                .messageId(id).duplicateElimination(true).ackRequested(EbxmlRequest.ACTOR_TO_PARTY_MSH).syncReply(true)
                .payload(TestRoutes.PAYLOAD).build());
        return new MessageStore.Stored(id, id, Optional.empty(), Workflow.RELIABLE, route.endpoint(), encoded.headers(),
                encoded.body(), now, Optional.of(now.plus(Duration.ofMinutes(10))), 3, Duration.ofMillis(100), 0, 0, now,
                MessageStore.Status.PENDING, "");
    }
}
