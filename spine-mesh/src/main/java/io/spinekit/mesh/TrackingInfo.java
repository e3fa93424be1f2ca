package io.spinekit.mesh;

import java.util.Optional;

/**
 * What tracking says about a message you sent (v2 keys, MESH.md section 3; tracking by local id
 * answers in v1 camelCase, read into the same fields). Timestamps are kept as MESH sends them: the
 * specification's example and the sandbox disagree on their format.
 *
 * @param messageId {@code message_id}
 * @param localId {@code local_id}
 * @param workflowId {@code workflow_id}
 * @param fileName {@code filename}
 * @param recipient {@code recipient}
 * @param status {@code status}, lower case: {@code uploading}, {@code accepted}, {@code acknowledged},
 *     {@code undeliverable} or {@code error}
 * @param statusSuccess {@code status_success}
 * @param statusCode {@code status_code}
 * @param statusDescription {@code status_description}
 * @param uploadTimestamp {@code upload_timestamp}
 * @param expiryTime {@code expiry_time}
 */
public record TrackingInfo(String messageId, Optional<String> localId, Optional<String> workflowId,
                           Optional<String> fileName, Optional<String> recipient, String status,
                           Optional<Boolean> statusSuccess, Optional<String> statusCode,
                           Optional<String> statusDescription, Optional<String> uploadTimestamp,
                           Optional<String> expiryTime) {
}
