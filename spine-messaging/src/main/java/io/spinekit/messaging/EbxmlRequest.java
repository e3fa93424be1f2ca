package io.spinekit.messaging;

import io.spinekit.core.Text;
import io.spinekit.env.InteractionId;
import io.spinekit.env.PartyKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An ebXML message to send: the header, the reliability elements, the HL7 payload and its
 * attachments. Build one with {@link #builder()}, turn it into bytes with
 * {@link EbxmlCodec#encode(EbxmlRequest)}. Immutable; the payload is copied in and out.
 *
 * @param header the {@code eb:MessageHeader} fields
 * @param ackRequestedActor the {@code SOAP:actor} of {@code eb:AckRequested}, empty for no AckRequested
 * @param syncReply whether to send {@code eb:SyncReply}
 * @param payload the HL7 payload (the second MIME part), sent byte for byte
 * @param attachments inline attachments, parts 3 onwards, at most {@link #MAX_ATTACHMENTS}
 * @param externalAttachments attachments sent in other messages ({@code mid:} references)
 */
public record EbxmlRequest(MessageHeader header, Optional<String> ackRequestedActor, boolean syncReply,
        byte[] payload, List<Attachment> attachments, List<ExternalAttachment> externalAttachments) {

    /** At most 100 MIME parts including the ebXML part (EIS 2.5.4.2 quoted by MHS), so 98 attachments. */
    public static final int MAX_ATTACHMENTS = 98;
    /** {@code eb:AckRequested} actor for the receiving MHS ({@code nhsMhsActor} as SDS holds it). */
    public static final String ACTOR_TO_PARTY_MSH = "urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH";
    /** {@code eb:AckRequested} actor for the next MHS (forward reliable through Spine's intermediary). */
    public static final String ACTOR_NEXT_MSH = "urn:oasis:names:tc:ebxml-msg:actor:nextMSH";

    /**
     * Validates and copies.
     *
     * @param header header
     * @param ackRequestedActor AckRequested actor
     * @param syncReply SyncReply
     * @param payload HL7 payload
     * @param attachments inline attachments
     * @param externalAttachments external attachments
     * @throws MessagingException ({@code INVALID_ARGUMENT}) for more than {@link #MAX_ATTACHMENTS} attachments
     */
    public EbxmlRequest {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(ackRequestedActor, "ackRequestedActor");
        payload = Objects.requireNonNull(payload, "payload").clone();
        attachments = List.copyOf(attachments);
        externalAttachments = List.copyOf(externalAttachments);
        if (attachments.size() > MAX_ATTACHMENTS) {
            throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, attachments.size()
                    + " attachments: at most " + MAX_ATTACHMENTS + " allowed (100 MIME parts including the ebXML "
                    + "header and the HL7 payload, EIS 2.5.4.2); send the rest as external attachments");
        }
    }

    /**
     * A copy of the payload.
     *
     * @return the HL7 bytes
     */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    byte[] payloadUnsafe() {
        return payload;
    }

    /**
     * A builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EbxmlRequest r && header.equals(r.header) && ackRequestedActor.equals(r.ackRequestedActor)
                && syncReply == r.syncReply && Arrays.equals(payload, r.payload) && attachments.equals(r.attachments)
                && externalAttachments.equals(r.externalAttachments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(header, ackRequestedActor, syncReply, Arrays.hashCode(payload), attachments,
                externalAttachments);
    }

    /**
     * The header and sizes, never the payload.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "EbxmlRequest[" + header + ", ackRequested=" + ackRequestedActor.orElse("none") + ", syncReply="
                + syncReply + ", payload " + payload.length + " bytes, " + attachments.size() + " attachments, "
                + externalAttachments.size() + " external]";
    }

    /** A new upper-case UUID, the form MHS writes for MessageId and ConversationId (MESSAGING.md section 2). */
    static String newId() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }

    /**
     * Builds an {@link EbxmlRequest}. Required: {@link #from}, {@link #to}, {@link #cpaId},
     * {@link #interaction} (or {@link #service} and {@link #action}) and {@link #payload}. Defaults:
     * a new upper-case UUID for the message and conversation ids, the clock's now for the
     * timestamp, no RefToMessageId, no DuplicateElimination, no AckRequested, no SyncReply, no
     * attachments. Not thread-safe.
     */
    public static final class Builder {
        private String from;
        private String to;
        private String cpaId;
        private String conversationId;
        private String service;
        private String action;
        private String messageId;
        private Instant timestamp;
        private String refToMessageId;
        private boolean duplicateElimination;
        private String ackRequestedActor;
        private boolean syncReply;
        private byte[] payload;
        private final List<Attachment> attachments = new ArrayList<>();
        private final List<ExternalAttachment> external = new ArrayList<>();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * The sender's party key ({@code eb:From}).
         *
         * @param partyKey the sender
         * @return this builder
         */
        public Builder from(PartyKey partyKey) {
            this.from = partyKey.value();
            return this;
        }

        /**
         * The receiver's party key ({@code eb:To}).
         *
         * @param partyKey the receiver
         * @return this builder
         */
        public Builder to(PartyKey partyKey) {
            this.to = partyKey.value();
            return this;
        }

        /**
         * The CPA id of the receiver's SDS entry ({@code nhsMhsCPAId}).
         *
         * @param value the CPA id
         * @return this builder
         */
        public Builder cpaId(String value) {
            this.cpaId = value;
            return this;
        }

        /**
         * The conversation id (default: a new upper-case UUID).
         *
         * @param value the id
         * @return this builder
         */
        public Builder conversationId(String value) {
            this.conversationId = value;
            return this;
        }

        /**
         * Service and action from an NHS interaction id: {@code urn:nhs:names:services:psis:REPC_IN150016UK05}
         * gives {@code eb:Service} {@code urn:nhs:names:services:psis} and {@code eb:Action} {@code REPC_IN150016UK05}.
         *
         * @param interaction the interaction id, in the NHS form
         * @return this builder
         * @throws MessagingException ({@code INVALID_ARGUMENT}) for another form: use {@link #service} and {@link #action}
         */
        public Builder interaction(InteractionId interaction) {
            if (interaction.form() != InteractionId.Form.NHS) {
                throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, "interaction id "
                        + Text.quote(interaction.value()) + " is not of the form urn:nhs:names:services:<service>:"
                        + "<interaction>: set service(...) and action(...) instead");
            }
            this.service = "urn:nhs:names:services:" + interaction.service();
            this.action = interaction.interaction();
            return this;
        }

        /**
         * The {@code eb:Service}.
         *
         * @param value such as {@code urn:nhs:names:services:psis}
         * @return this builder
         */
        public Builder service(String value) {
            this.service = value;
            return this;
        }

        /**
         * The {@code eb:Action}.
         *
         * @param value such as {@code REPC_IN150016UK05}
         * @return this builder
         */
        public Builder action(String value) {
            this.action = value;
            return this;
        }

        /**
         * The message id: a UUID, written in upper case (default: a new one).
         *
         * @param value the UUID
         * @return this builder
         */
        public Builder messageId(String value) {
            this.messageId = value;
            return this;
        }

        /**
         * The timestamp (default: the clock's now), written in UTC to the second.
         *
         * @param value the instant
         * @return this builder
         */
        public Builder timestamp(Instant value) {
            this.timestamp = value;
            return this;
        }

        /**
         * The clock for the default timestamp (default: the system UTC clock).
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * The message this one answers ({@code eb:RefToMessageId}).
         *
         * @param value the message id
         * @return this builder
         */
        public Builder refToMessageId(String value) {
            this.refToMessageId = value;
            return this;
        }

        /**
         * Whether to send {@code eb:DuplicateElimination}.
         *
         * @param value whether
         * @return this builder
         */
        public Builder duplicateElimination(boolean value) {
            this.duplicateElimination = value;
            return this;
        }

        /**
         * Sends {@code eb:AckRequested} with this {@code SOAP:actor}.
         *
         * @param actor {@link #ACTOR_TO_PARTY_MSH}, {@link #ACTOR_NEXT_MSH}, or {@code null} for none
         * @return this builder
         */
        public Builder ackRequested(String actor) {
            this.ackRequestedActor = actor;
            return this;
        }

        /**
         * Whether to send {@code eb:SyncReply}.
         *
         * @param value whether
         * @return this builder
         */
        public Builder syncReply(boolean value) {
            this.syncReply = value;
            return this;
        }

        /**
         * The HL7 payload, sent byte for byte as UTF-8 XML.
         *
         * @param bytes the payload
         * @return this builder
         */
        public Builder payload(byte[] bytes) {
            this.payload = bytes.clone();
            return this;
        }

        /**
         * Adds an inline attachment.
         *
         * @param attachment the attachment
         * @return this builder
         */
        public Builder attachment(Attachment attachment) {
            attachments.add(Objects.requireNonNull(attachment, "attachment"));
            return this;
        }

        /**
         * Adds an external attachment ({@code mid:} reference).
         *
         * @param attachment the reference
         * @return this builder
         */
        public Builder externalAttachment(ExternalAttachment attachment) {
            external.add(Objects.requireNonNull(attachment, "attachment"));
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the request
         * @throws MessagingException ({@code INVALID_ARGUMENT}) naming the missing or invalid value
         */
        public EbxmlRequest build() {
            String id = messageId == null ? newId() : uuid("message id", messageId);
            String conversation = conversationId == null ? newId() : text("conversation id", conversationId);
            MessageHeader header = new MessageHeader(required("from party key", from), required("to party key", to),
                    text("CPA id", required("CPA id", cpaId)), conversation,
                    text("service", required("service", service)), text("action", required("action", action)), id,
                    Timestamps.format(timestamp == null ? clock.instant() : timestamp),
                    Optional.ofNullable(refToMessageId).map(r -> text("RefToMessageId", r)), duplicateElimination);
            if (payload == null) {
                throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT,
                        "no payload: set payload(bytes) to the HL7 message");
            }
            return new EbxmlRequest(header, Optional.ofNullable(ackRequestedActor).map(a -> text("actor", a)),
                    syncReply, payload, attachments, external);
        }

        private static String required(String what, String value) {
            if (value == null) {
                throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, "no " + what + " set: it is "
                        + "required");
            }
            return value;
        }

        static String uuid(String what, String value) {
            try {
                UUID parsed = UUID.fromString(value);
                String canonical = parsed.toString();
                if (canonical.equalsIgnoreCase(value)) {
                    return canonical.toUpperCase(Locale.ROOT);
                }
            } catch (IllegalArgumentException e) {
                // fall through to the message
            }
            throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, what + " " + Text.quote(value)
                    + " is not a UUID: expected the form 0A1B2C3D-0000-4000-8000-000000000002");
        }
    }

    /** Header text: 1 to 255 characters, no control characters (they cannot be written in XML 1.0). */
    static String text(String what, String value) {
        if (value.isEmpty() || value.length() > 255 || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, what + " " + Text.quote(value)
                    + " is not usable: expected 1 to 255 characters without control characters");
        }
        return value;
    }
}
