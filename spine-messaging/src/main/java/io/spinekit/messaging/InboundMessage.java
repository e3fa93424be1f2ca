package io.spinekit.messaging;

import java.util.Objects;
import java.util.Optional;

/**
 * A message Spine posted to this system, handed to the {@link InboundHandler}'s listener once per
 * MessageId (duplicates are acknowledged, not redelivered).
 *
 * @param message the parsed message
 * @param correlated the outbound message it answers (by {@code RefToMessageId}), if this client sent it
 */
public record InboundMessage(EbxmlMessage message, Optional<MessageStore.Outbound> correlated) {

    /**
     * Checks that no component is {@code null}.
     *
     * @param message message
     * @param correlated correlated outbound message
     */
    public InboundMessage {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(correlated, "correlated");
    }

    /**
     * The ConversationId (MHS's {@code correlation-id}).
     *
     * @return the id
     */
    public String conversationId() {
        return message.header().conversationId();
    }

    /**
     * The id that ties it to an earlier message: RefToMessageId if present, else its own
     * MessageId (MHS's {@code message-id} queue property, MESSAGING.md section 6).
     *
     * @return the id
     */
    public String correlationMessageId() {
        return message.header().refToMessageId().orElse(message.header().messageId());
    }
}
