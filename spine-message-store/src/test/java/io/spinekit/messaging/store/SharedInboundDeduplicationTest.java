package io.spinekit.messaging.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.spinekit.env.PartyKey;
import io.spinekit.messaging.EbxmlCodec;
import io.spinekit.messaging.EbxmlRequest;
import io.spinekit.messaging.EncodedMessage;
import io.spinekit.messaging.InboundHandler;
import io.spinekit.messaging.InboundMessage;
import io.spinekit.messaging.InboundResponse;
import io.spinekit.messaging.SpineReply;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Two instances, each with its own store instance on one PostgreSQL database, receive the same
 * reliable message (Spine's retry reached the other instance): both acknowledge it, it is
 * delivered once.
 */
class SharedInboundDeduplicationTest {
    @Test
    void aDuplicateReachingAnotherInstanceIsAcknowledgedAndNotDeliveredAgain() {
        String url = Pg.newDatabase();
        List<InboundMessage> delivered = new CopyOnWriteArrayList<>();
        EncodedMessage message = EbxmlCodec.encode(EbxmlRequest.builder().from(PartyKey.of("X26-823848"))
                .to(PartyKey.of("X99-123456")).cpaId("S20001A000182").service("urn:nhs:names:services:psis")
                .action("REPC_IN150016UK05").duplicateElimination(true)
                .ackRequested(EbxmlRequest.ACTOR_TO_PARTY_MSH).syncReply(true).payload(TestRoutes.PAYLOAD).build());
        try (JdbcMessageStore a = JdbcMessageStore.open(url); JdbcMessageStore b = JdbcMessageStore.open(url)) {
            InboundHandler first = InboundHandler.builder().partyKey(PartyKey.of("X99-123456")).store(a)
                    .listener(delivered::add).build();
            InboundHandler second = InboundHandler.builder().partyKey(PartyKey.of("X99-123456")).store(b)
                    .listener(delivered::add).build();

            InboundResponse one = first.handle(message.headers(), new ByteArrayInputStream(message.body()));
            InboundResponse two = second.handle(message.headers(), new ByteArrayInputStream(message.body()));

            for (InboundResponse r : List.of(one, two)) {
                assertThat(r.status()).isEqualTo(200);
                assertThat(EbxmlCodec.parseReply(200, "text/xml", r.body())).isInstanceOf(SpineReply.Acknowledged.class);
            }
            assertThat(delivered).hasSize(1);
            assertThat(delivered.get(0).message().payload().orElseThrow().body()).isEqualTo(TestRoutes.PAYLOAD);
        }
    }
}
