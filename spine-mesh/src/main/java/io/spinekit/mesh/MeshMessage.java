package io.spinekit.mesh;

import java.util.Optional;

/**
 * A downloaded message's metadata, from the {@code mex-} headers of its first chunk (MESH.md
 * section 3). A non-delivery report has {@link #isReport()} true, an empty body, a non-{@code 00}
 * {@link #statusCode()} (MESH.md section 4 lists them: 14 undelivered, ...) and the undelivered
 * message in {@link #linkedMessageId()}.
 *
 * @param messageId {@code mex-MessageID}
 * @param from the sender, {@code mex-From}
 * @param to the recipient, {@code mex-To}
 * @param workflowId {@code mex-WorkflowID}
 * @param messageType {@code mex-MessageType}: {@code DATA} or {@code REPORT}
 * @param fileName {@code mex-FileName}
 * @param subject {@code mex-Subject}
 * @param localId {@code mex-LocalID}
 * @param statusCode {@code mex-StatusCode} ({@code 00} for success)
 * @param statusSuccess {@code mex-StatusSuccess} ({@code SUCCESS} or {@code ERROR})
 * @param statusDescription {@code mex-StatusDescription}
 * @param linkedMessageId {@code mex-LinkedMsgID} (reports)
 * @param checksum {@code mex-Content-Checksum}
 * @param chunks how many chunks were downloaded
 * @param bytes bytes written (after decompression)
 */
public record MeshMessage(String messageId, Optional<String> from, Optional<String> to, Optional<String> workflowId,
                          String messageType, Optional<String> fileName, Optional<String> subject,
                          Optional<String> localId, Optional<String> statusCode, Optional<String> statusSuccess,
                          Optional<String> statusDescription, Optional<String> linkedMessageId,
                          Optional<String> checksum, int chunks, long bytes) {
    /**
     * Whether this is a non-delivery report ({@code mex-MessageType: REPORT}).
     *
     * @return true for a report
     */
    public boolean isReport() {
        return "REPORT".equalsIgnoreCase(messageType);
    }
}
