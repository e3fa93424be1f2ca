package io.spinekit.messaging;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields of an {@code eb:MessageHeader} (MESSAGING.md section 2), as they are on the wire.
 * Values are kept as text so that a message from any peer can be read; {@link #instant()} reads the
 * timestamp leniently.
 *
 * @param fromPartyKey {@code eb:From/eb:PartyId}: the sender's party key
 * @param toPartyKey {@code eb:To/eb:PartyId}: the receiver's party key
 * @param cpaId {@code eb:CPAId}: the CPA id of the receiver's SDS entry
 * @param conversationId {@code eb:ConversationId}
 * @param service {@code eb:Service}, such as {@code urn:nhs:names:services:psis}
 * @param action {@code eb:Action}: the interaction, such as {@code REPC_IN150016UK05}
 * @param messageId {@code eb:MessageData/eb:MessageId}
 * @param timestamp {@code eb:MessageData/eb:Timestamp}, as written
 * @param refToMessageId {@code eb:MessageData/eb:RefToMessageId}, if present
 * @param duplicateElimination whether {@code eb:DuplicateElimination} is present
 */
public record MessageHeader(String fromPartyKey, String toPartyKey, String cpaId, String conversationId,
        String service, String action, String messageId, String timestamp, Optional<String> refToMessageId,
        boolean duplicateElimination) {

    /**
     * Checks that no component is {@code null}.
     *
     * @param fromPartyKey from
     * @param toPartyKey to
     * @param cpaId CPA id
     * @param conversationId conversation id
     * @param service service
     * @param action action
     * @param messageId message id
     * @param timestamp timestamp
     * @param refToMessageId reference to another message
     * @param duplicateElimination duplicate elimination
     */
    public MessageHeader {
        Objects.requireNonNull(fromPartyKey, "fromPartyKey");
        Objects.requireNonNull(toPartyKey, "toPartyKey");
        Objects.requireNonNull(cpaId, "cpaId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(refToMessageId, "refToMessageId");
    }

    /**
     * The SOAPAction this header implies: {@code {Service}/{Action}}.
     *
     * @return for example {@code urn:nhs:names:services:psis/REPC_IN150016UK05}
     */
    public String soapAction() {
        return service + "/" + action;
    }

    /**
     * The timestamp read leniently: UTC with {@code Z} (with or without fractions), an offset, or
     * local time without a zone (read as UTC; inferred, MESSAGING.md section 2: systems differ).
     *
     * @return the instant, empty if the text is none of these
     */
    public Optional<Instant> instant() {
        return Timestamps.parse(timestamp);
    }
}
