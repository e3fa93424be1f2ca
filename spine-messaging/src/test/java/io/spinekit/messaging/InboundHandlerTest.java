package io.spinekit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.spinekit.env.PartyKey;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The framework-neutral inbound handler, called directly with headers and a body stream. */
class InboundHandlerTest {
    private final MessageStore store = new InMemoryMessageStore();
    private final List<InboundMessage> delivered = new CopyOnWriteArrayList<>();

    private InboundResponse post(InboundHandler h, String contentType, byte[] body) {
        return h.handle(Map.of("content-type", contentType), new ByteArrayInputStream(body));
    }

    @Test
    void anAsynchronousAckOrNackUpdatesTheSentMessageAndIsNotAcknowledged() {
        InboundHandler h = InboundHandler.builder().partyKey(PartyKey.of("X99-123456")).store(store)
                .listener(delivered::add).build();
        store.save(new MessageStore.Outbound(Fixtures.MESSAGE_ID, Fixtures.CONVERSATION_ID, Workflow.RELIABLE,
                Instant.now(), 1, MessageStore.Status.PENDING));

        InboundResponse ack = post(h, "text/xml", Fixtures.bytes("ack.xml"));
        assertThat(ack).isEqualTo(new InboundResponse(200, Map.of(), new byte[0]));
        assertThat(store.outbound(Fixtures.MESSAGE_ID).orElseThrow().status()).isEqualTo(MessageStore.Status.ACKNOWLEDGED);

        post(h, "text/xml; charset=UTF-8", Fixtures.bytes("nack.xml"));
        assertThat(store.outbound(Fixtures.MESSAGE_ID).orElseThrow().status()).isEqualTo(MessageStore.Status.NACKED);
        assertThat(delivered).isEmpty();
    }

    @Test
    void aListenerFailureIsNotAcknowledgedAndTheRetryIsDelivered() {
        AtomicBoolean fail = new AtomicBoolean(true);
        InboundHandler h = InboundHandler.builder().partyKey(PartyKey.of("YES-0000806")).store(store)
                .listener(m -> {
                    if (fail.getAndSet(false)) {
                        throw new IllegalStateException("database down");
                    }
                    delivered.add(m);
                }).build();
        byte[] body = Fixtures.bytes("reliable-request.bin");

        InboundResponse first = post(h, Fixtures.CONTENT_TYPE, body);
        InboundResponse retry = post(h, Fixtures.CONTENT_TYPE, body);
        InboundResponse duplicate = post(h, Fixtures.CONTENT_TYPE, body);

        assertThat(first.status()).isEqualTo(500);
        assertThat(first.body()).isEmpty();
        assertThat(retry.status()).isEqualTo(200);
        assertThat(duplicate.status()).isEqualTo(200);
        assertThat(EbxmlCodec.parseReply(200, "text/xml", duplicate.body())).isInstanceOf(SpineReply.Acknowledged.class);
        assertThat(delivered).hasSize(1);
    }

    @Test
    void anOversizedBodyIsRefusedWithoutReadingItAll() {
        InboundHandler h = InboundHandler.builder().partyKey(PartyKey.of("YES-0000806")).maxBytes(1000).build();

        InboundResponse r = post(h, Fixtures.CONTENT_TYPE, Fixtures.bytes("reliable-request.bin"));

        assertThat(r.status()).isEqualTo(500);
        SpineReply.SoapFault f = (SpineReply.SoapFault) EbxmlCodec.parseReply(500, "text/xml", r.body());
        assertThat(f.errors().get(0).description()).contains("message is not well formed: message is larger than "
                + "the limit of 1000 bytes");
    }

    @Test
    void aDuplicateAfterThePersistDurationIsDeliveredAgain() {
        Instant[] now = {Instant.parse("2025-01-02T03:04:05Z")};
        java.time.Clock clock = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        InboundHandler h = InboundHandler.builder().partyKey(PartyKey.of("YES-0000806")).store(store).clock(clock)
                .persistDuration(java.time.Duration.ofMinutes(5)).listener(delivered::add).build();
        byte[] body = Fixtures.bytes("reliable-request.bin");

        post(h, Fixtures.CONTENT_TYPE, body);
        now[0] = now[0].plusSeconds(299);
        post(h, Fixtures.CONTENT_TYPE, body);
        assertThat(delivered).as("within the persist duration: acknowledged, not delivered").hasSize(1);
        now[0] = now[0].plusSeconds(2);
        post(h, Fixtures.CONTENT_TYPE, body);
        assertThat(delivered).as("after it: a new delivery").hasSize(2);
    }

    @Test
    void theInMemoryStoreStaysWithinItsBound() {
        InMemoryMessageStore small = new InMemoryMessageStore(2);
        Instant t = Instant.parse("2025-01-02T03:04:05Z");
        for (int i = 0; i < 5; i++) {
            small.save(new MessageStore.Outbound("M" + i, "C", Workflow.RELIABLE, t.plusSeconds(i), 1,
                    MessageStore.Status.ACKNOWLEDGED));
            assertThat(small.firstReceipt("R" + i, t, t.plusSeconds(60))).isTrue();
        }

        assertThat(small.outbound("M0")).isEmpty();
        assertThat(small.outbound("M4")).isPresent();
        assertThat(small.firstReceipt("R4", t, t.plusSeconds(60))).isFalse();
    }
}
