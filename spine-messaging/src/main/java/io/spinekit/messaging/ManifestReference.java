package io.spinekit.messaging;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code eb:Reference} of an {@code eb:Manifest} (MESSAGING.md section 2).
 *
 * @param href the {@code xlink:href}: {@code cid:<content id>} for a part of this message,
 *     {@code mid:<message id>} for an attachment sent in another message
 * @param id the {@code eb:id} attribute, if present (a document id)
 * @param description the {@code eb:Description} text, unescaped, if present
 * @param hl7Payload whether the reference carries {@code hl7ebxml:Payload} (the HL7 payload's reference)
 */
public record ManifestReference(String href, Optional<String> id, Optional<String> description, boolean hl7Payload) {

    /**
     * Checks that no component is {@code null}.
     *
     * @param href href
     * @param id id
     * @param description description
     * @param hl7Payload whether this is the HL7 payload
     */
    public ManifestReference {
        Objects.requireNonNull(href, "href");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
    }

    /**
     * Whether the reference points into this message ({@code cid:}).
     *
     * @return {@code true} for {@code cid:}
     */
    public boolean inline() {
        return href.regionMatches(true, 0, "cid:", 0, 4);
    }

    /**
     * Whether the reference points to another message ({@code mid:}, an external attachment).
     *
     * @return {@code true} for {@code mid:}
     */
    public boolean external() {
        return href.regionMatches(true, 0, "mid:", 0, 4);
    }

    /**
     * The content id or message id after the {@code cid:} or {@code mid:} prefix.
     *
     * @return the target, or the whole href for another scheme
     */
    public String target() {
        return inline() || external() ? href.substring(4) : href;
    }
}
