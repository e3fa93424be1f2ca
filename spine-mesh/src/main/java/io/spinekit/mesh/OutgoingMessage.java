package io.spinekit.mesh;

import io.spinekit.core.Text;
import java.util.Objects;
import java.util.Optional;

/**
 * What to send: recipient, workflow and the optional {@code mex-} headers (MESH.md section 3, lengths
 * from the specification). The data itself is given to {@link MeshClient#send}.
 *
 * <pre>{@code
 * OutgoingMessage m = OutgoingMessage.to("X26ABC2", "TEST_WORKFLOW").fileName("hello.txt")
 *         .subject("greeting").localId("fixture-001").compress(true).build();
 * }</pre>
 *
 * @param to the recipient mailbox ({@code mex-To}, at most 100 characters)
 * @param workflowId the workflow ({@code mex-WorkflowID}, at most 300)
 * @param fileName {@code mex-FileName} (at most 300)
 * @param subject {@code mex-Subject} (at most 500)
 * @param localId {@code mex-LocalID}, your reference, no patient data (at most 300)
 * @param checksum {@code mex-Content-Checksum} (at most 100)
 * @param contentType the data's media type (single-chunk {@code Content-Type}, else {@code mex-Content-Type}, at most 100)
 * @param compress whether to gzip each chunk ({@code Content-Encoding: gzip})
 */
public record OutgoingMessage(String to, String workflowId, Optional<String> fileName, Optional<String> subject,
                              Optional<String> localId, Optional<String> checksum, Optional<String> contentType,
                              boolean compress) {
    /**
     * Checks the parts: lengths and no control characters.
     *
     * @param to recipient
     * @param workflowId workflow
     * @param fileName file name
     * @param subject subject
     * @param localId local id
     * @param checksum checksum
     * @param contentType content type
     * @param compress compress
     */
    public OutgoingMessage {
        check("mex-To", to, 100);
        check("mex-WorkflowID", workflowId, 300);
        fileName.ifPresent(v -> check("mex-FileName", v, 300));
        subject.ifPresent(v -> check("mex-Subject", v, 500));
        localId.ifPresent(v -> check("mex-LocalID", v, 300));
        checksum.ifPresent(v -> check("mex-Content-Checksum", v, 100));
        contentType.ifPresent(v -> check("mex-Content-Type", v, 100));
    }

    private static void check(String header, String value, int max) {
        Objects.requireNonNull(value, header);
        if (value.isEmpty() || value.length() > max || value.chars().anyMatch(c -> c < 0x20 || c >= 0x7f)) {
            throw new MeshException(MeshException.Reason.CONFIGURATION, header + " value " + Text.quote(value)
                    + " is not allowed: expected 1 to " + max + " printable ASCII characters");
        }
    }

    /**
     * Starts a message.
     *
     * @param to the recipient mailbox id
     * @param workflowId the workflow id
     * @return a builder
     */
    public static Builder to(String to, String workflowId) {
        return new Builder(to, workflowId);
    }

    /** Builds an {@link OutgoingMessage}. */
    public static final class Builder {
        private final String to;
        private final String workflowId;
        private String fileName;
        private String subject;
        private String localId;
        private String checksum;
        private String contentType;
        private boolean compress;

        private Builder(String to, String workflowId) {
            this.to = to;
            this.workflowId = workflowId;
        }

        /**
         * Sets {@code mex-FileName}.
         *
         * @param v the file name
         * @return this
         */
        public Builder fileName(String v) {
            this.fileName = v;
            return this;
        }

        /**
         * Sets {@code mex-Subject}.
         *
         * @param v the subject
         * @return this
         */
        public Builder subject(String v) {
            this.subject = v;
            return this;
        }

        /**
         * Sets {@code mex-LocalID}.
         *
         * @param v the local id
         * @return this
         */
        public Builder localId(String v) {
            this.localId = v;
            return this;
        }

        /**
         * Sets {@code mex-Content-Checksum}.
         *
         * @param v the checksum text
         * @return this
         */
        public Builder checksum(String v) {
            this.checksum = v;
            return this;
        }

        /**
         * Sets the data's media type (default {@code application/octet-stream}).
         *
         * @param v the media type
         * @return this
         */
        public Builder contentType(String v) {
            this.contentType = v;
            return this;
        }

        /**
         * Whether to gzip each chunk (default no).
         *
         * @param v true to compress
         * @return this
         */
        public Builder compress(boolean v) {
            this.compress = v;
            return this;
        }

        /**
         * Builds and checks the message.
         *
         * @return the message
         * @throws MeshException ({@code CONFIGURATION}) for a missing, too long or non-printable value
         */
        public OutgoingMessage build() {
            return new OutgoingMessage(to, workflowId, Optional.ofNullable(fileName), Optional.ofNullable(subject),
                    Optional.ofNullable(localId), Optional.ofNullable(checksum), Optional.ofNullable(contentType),
                    compress);
        }
    }
}
