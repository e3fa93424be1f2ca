package io.spinekit.messaging;

import java.util.Objects;
import java.util.Optional;

/**
 * An attachment sent in another message, referenced from the manifest as {@code mid:<message id>}
 * (MESSAGING.md section 2; GP2GP's large messages).
 *
 * @param messageId the message that carries it
 * @param documentId the manifest's {@code eb:id}, if any
 * @param description the {@code eb:Description} text
 */
public record ExternalAttachment(String messageId, Optional<String> documentId, String description) {

    /**
     * Checks that no component is {@code null}.
     *
     * @param messageId message id
     * @param documentId document id
     * @param description description
     */
    public ExternalAttachment {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(description, "description");
    }
}
