package io.spinekit.messaging;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to send, apart from where: the HL7 payload, attachments and the ids a caller may choose.
 * Immutable; {@code with*} methods return copies.
 *
 * @param payload the HL7 payload
 * @param attachments inline attachments
 * @param externalAttachments attachments sent in other messages
 * @param messageId the MessageId to use (a UUID), empty for a new one
 * @param conversationId the ConversationId, empty for a new one
 * @param refToMessageId the message this one answers, if any
 */
public record OutboundMessage(byte[] payload, List<Attachment> attachments, List<ExternalAttachment> externalAttachments,
        Optional<String> messageId, Optional<String> conversationId, Optional<String> refToMessageId) {

    /**
     * Copies.
     *
     * @param payload payload
     * @param attachments attachments
     * @param externalAttachments external attachments
     * @param messageId message id
     * @param conversationId conversation id
     * @param refToMessageId reference
     */
    public OutboundMessage {
        payload = Objects.requireNonNull(payload, "payload").clone();
        attachments = List.copyOf(attachments);
        externalAttachments = List.copyOf(externalAttachments);
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(refToMessageId, "refToMessageId");
    }

    /**
     * A message with a payload only.
     *
     * @param payload the HL7 payload
     * @return the message
     */
    public static OutboundMessage of(byte[] payload) {
        return new OutboundMessage(payload, List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * A copy of the payload.
     *
     * @return the bytes
     */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /**
     * A copy with these attachments.
     *
     * @param values the attachments
     * @return a new message
     */
    public OutboundMessage withAttachments(List<Attachment> values) {
        return new OutboundMessage(payload, values, externalAttachments, messageId, conversationId, refToMessageId);
    }

    /**
     * A copy with these external attachments.
     *
     * @param values the references
     * @return a new message
     */
    public OutboundMessage withExternalAttachments(List<ExternalAttachment> values) {
        return new OutboundMessage(payload, attachments, values, messageId, conversationId, refToMessageId);
    }

    /**
     * A copy with a chosen MessageId.
     *
     * @param id a UUID
     * @return a new message
     */
    public OutboundMessage withMessageId(String id) {
        return new OutboundMessage(payload, attachments, externalAttachments, Optional.of(id), conversationId,
                refToMessageId);
    }

    /**
     * A copy with a chosen ConversationId.
     *
     * @param id the id
     * @return a new message
     */
    public OutboundMessage withConversationId(String id) {
        return new OutboundMessage(payload, attachments, externalAttachments, messageId, Optional.of(id),
                refToMessageId);
    }

    /**
     * A copy answering another message.
     *
     * @param id its MessageId
     * @return a new message
     */
    public OutboundMessage withRefToMessageId(String id) {
        return new OutboundMessage(payload, attachments, externalAttachments, messageId, conversationId,
                Optional.of(id));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutboundMessage m && Arrays.equals(payload, m.payload) && attachments.equals(m.attachments)
                && externalAttachments.equals(m.externalAttachments) && messageId.equals(m.messageId)
                && conversationId.equals(m.conversationId) && refToMessageId.equals(m.refToMessageId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(payload), attachments, externalAttachments, messageId, conversationId,
                refToMessageId);
    }

    /**
     * Sizes and ids, never the payload.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "OutboundMessage[payload " + payload.length + " bytes, " + attachments.size() + " attachments, "
                + externalAttachments.size() + " external, messageId=" + messageId.orElse("(new)") + ", conversationId="
                + conversationId.orElse("(new)") + "]";
    }
}
