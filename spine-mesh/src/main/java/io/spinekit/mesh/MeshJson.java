package io.spinekit.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads MESH's JSON answers (MESH.md section 3): tracking in v2 snake_case or v1 camelCase, endpoint look-up in v2 or v1. */
final class MeshJson {
    private MeshJson() {
    }

    static TrackingInfo tracking(JsonNode n) {
        String id = first(n, "message_id", "messageId").orElseThrow(() -> new MeshException(
                MeshException.Reason.BAD_RESPONSE, "the MESH tracking answer has no message_id"));
        String status = first(n, "status").map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        Optional<Boolean> success = Optional.ofNullable(n.has("status_success") ? n.get("status_success")
                : n.get("statusSuccess")).filter(v -> !v.isNull()).map(v -> v.isBoolean() ? v.asBoolean()
                        : "SUCCESS".equalsIgnoreCase(v.asText()) || "true".equalsIgnoreCase(v.asText()));
        return new TrackingInfo(id, first(n, "local_id", "localId"), first(n, "workflow_id", "workflowId"),
                first(n, "filename", "fileName"), first(n, "recipient"), status, success,
                first(n, "status_code", "statusCode"), first(n, "status_description", "statusDescription"),
                first(n, "upload_timestamp", "uploadTimestamp"), first(n, "expiry_time", "expiryTime"));
    }

    static List<MailboxEndpoint> endpoints(JsonNode n) {
        JsonNode results = n.get("results");
        if (results == null || !results.isArray()) {
            throw new MeshException(MeshException.Reason.BAD_RESPONSE, "the MESH endpoint lookup answer has no "
                    + "results array");
        }
        List<MailboxEndpoint> out = new ArrayList<>();
        for (JsonNode r : results) {
            Optional<String> id = first(r, "mailbox_id", "address");
            if (id.isPresent()) {
                out.add(new MailboxEndpoint(id.get(), first(r, "mailbox_name", "description").orElse("")));
            }
        }
        return List.copyOf(out);
    }

    private static Optional<String> first(JsonNode n, String... fields) {
        for (String f : fields) {
            JsonNode v = n.get(f);
            if (v != null && !v.isNull() && !v.asText().isEmpty()) {
                return Optional.of(v.asText());
            }
        }
        return Optional.empty();
    }
}
