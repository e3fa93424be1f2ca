package io.spinekit.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed ebXML message (what {@link EbxmlCodec#decode(String, byte[])} returns): every header
 * field, the reliability elements, the manifest and every MIME part with its content type and
 * decoded bytes. Immutable. Everything a caller of NHS's adaptor asks for: the conversation id,
 * the message id, the manifest and the attachments.
 *
 * @param header the {@code eb:MessageHeader}
 * @param ackRequestedActor the {@code SOAP:actor} of {@code eb:AckRequested}, empty if none
 *     (present with an empty actor if the element has no actor)
 * @param syncReply whether {@code eb:SyncReply} is present
 * @param manifest the {@code eb:Manifest} references, in order (empty if there is no manifest)
 * @param parts every MIME part in order: the ebXML part first
 */
public record EbxmlMessage(MessageHeader header, Optional<String> ackRequestedActor, boolean syncReply,
        List<ManifestReference> manifest, List<MimePart> parts) {

    /**
     * Copies.
     *
     * @param header header
     * @param ackRequestedActor AckRequested actor
     * @param syncReply SyncReply
     * @param manifest manifest
     * @param parts parts
     */
    public EbxmlMessage {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(ackRequestedActor, "ackRequestedActor");
        manifest = List.copyOf(manifest);
        parts = List.copyOf(parts);
    }

    /**
     * Whether {@code eb:AckRequested} is present.
     *
     * @return whether an acknowledgement is requested
     */
    public boolean ackRequested() {
        return ackRequestedActor.isPresent();
    }

    /**
     * The ebXML part (the start part).
     *
     * @return the part
     */
    public MimePart ebxmlPart() {
        return parts.get(0);
    }

    /**
     * The HL7 payload: the part the manifest's {@code hl7ebxml:Payload} reference points to, else
     * the second part (EIS section 2.5.4: ebXML first, HL7 payload second).
     *
     * @return the payload, empty for a message with only the ebXML part
     */
    public Optional<MimePart> payload() {
        for (ManifestReference r : manifest) {
            if (r.hl7Payload() && r.inline()) {
                Optional<MimePart> p = part(r);
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        return parts.size() > 1 ? Optional.of(parts.get(1)) : Optional.empty();
    }

    /**
     * The part a manifest reference points to.
     *
     * @param reference a {@code cid:} reference
     * @return the part, empty for a {@code mid:} reference
     */
    public Optional<MimePart> part(ManifestReference reference) {
        if (!reference.inline()) {
            return Optional.empty();
        }
        String id = reference.target();
        return parts.stream().filter(p -> p.contentId().filter(id::equals).isPresent()).findFirst();
    }

    /**
     * The inline attachments: every part after the payload, in order.
     *
     * @return the parts
     */
    public List<MimePart> attachments() {
        Optional<MimePart> payload = payload();
        List<MimePart> out = new ArrayList<>();
        for (int i = 1; i < parts.size(); i++) {
            if (payload.isEmpty() || parts.get(i) != payload.get()) {
                out.add(parts.get(i));
            }
        }
        return out;
    }

    /**
     * The manifest's external attachments ({@code mid:} references).
     *
     * @return the references
     */
    public List<ManifestReference> externalAttachments() {
        return manifest.stream().filter(ManifestReference::external).toList();
    }
}
