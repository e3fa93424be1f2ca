package io.spinekit.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spinekit.core.Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * MESH error answers as {@link MeshException}s. Bodies (MESH.md section 3): v2
 * {@code {"detail":[{"event","code","msg"}]}}, v1 {@code {"errorEvent","errorCode","errorDescription"}},
 * validation {@code {"detail":[{"loc","msg","type"}]}}; a 5xx may be XML (the official client says
 * MESH dumps SOAP on internal errors), which is only excerpted.
 */
final class MeshErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MeshErrors() {
    }

    /** MESH's code, description and event from an error body, any of them null. */
    record Detail(String code, String description, String event) {
    }

    static Detail parse(byte[] body) {
        if (body.length == 0) {
            return new Detail(null, null, null);
        }
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null || !n.isObject()) {
                return new Detail(null, null, null);
            }
            JsonNode detail = n.get("detail");
            if (detail != null && detail.isArray() && !detail.isEmpty()) {
                JsonNode d = detail.get(0);
                String msg = text(d, "msg");
                JsonNode loc = d.get("loc");
                if (loc != null && loc.isArray() && msg != null) {
                    StringBuilder where = new StringBuilder();
                    loc.forEach(l -> where.append(where.length() == 0 ? "" : ".").append(l.asText()));
                    msg = where + ": " + msg;
                }
                return new Detail(text(d, "code"), msg, text(d, "event"));
            }
            return new Detail(text(n, "errorCode"), text(n, "errorDescription"), text(n, "errorEvent"));
        } catch (IOException e) {
            return new Detail(null, null, null);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }

    static MeshException status(String what, int status, byte[] body, int attempts, String extra) {
        Detail d = parse(body);
        MeshException.Reason reason = switch (status) {
            case 300 -> MeshException.Reason.NOT_UNIQUE;
            case 400, 406, 417, 422 -> MeshException.Reason.REJECTED;
            case 403 -> MeshException.Reason.FORBIDDEN;
            case 404 -> MeshException.Reason.NOT_FOUND;
            case 410 -> MeshException.Reason.GONE;
            case 423 -> MeshException.Reason.LOCKED;
            case 425, 429, 502, 503, 504 -> MeshException.Reason.UNAVAILABLE;
            default -> MeshException.Reason.HTTP_STATUS;
        };
        StringBuilder m = new StringBuilder("MESH answered HTTP ").append(status).append(" to the ").append(what);
        if (attempts > 1) {
            m.append(" (after ").append(attempts).append(" attempts)");
        }
        if (d.code() != null) {
            m.append(", error code ").append(Text.quote(d.code(), 40));
        }
        if (d.description() != null) {
            m.append(": ").append(Text.quote(d.description(), 200));
        } else if (body.length > 0 && d.code() == null) {
            String excerpt = new String(body, 0, Math.min(body.length, 400), StandardCharsets.UTF_8)
                    .replaceAll("\\s+", " ").strip();
            m.append(", body starts ").append(Text.quote(excerpt, 160));
        }
        m.append(". ").append(advice(status, d.code()));
        if (extra != null) {
            m.append(extra);
        }
        return new MeshException(reason, m.toString(), status, d.code(), d.description(), null);
    }

    /** What to do, by status and MESH code (codes from MESH.md section 4). */
    static String advice(int status, String code) {
        if (code != null) {
            switch (code) {
                case "02":
                    return "The message body was empty or missing: send some data.";
                case "06":
                    return "A mex header was malformed (control characters or bad format): check the message headers.";
                case "07":
                    return "The sender is not the authenticated mailbox.";
                case "08":
                    return "The recipient (mex-To) is missing.";
                case "12":
                    return "The recipient mailbox is not registered: check the mailbox id, or find it with endpoint "
                            + "lookup (ODS code and workflow id).";
                case "16", "17":
                    return "The workflow is not registered for this mailbox: ask the MESH service desk to add it.";
                case "20":
                    return "The message or chunk does not exist: check the id; acknowledged messages cannot be "
                            + "downloaded again.";
                default:
                    break;
            }
        }
        return switch (status) {
            case 300 -> "The local id names more than one message: track by message id instead.";
            case 400 -> "MESH refused the request as invalid: check the headers named above.";
            case 403 -> "Check the mailbox id, the mailbox password and the environment's shared key, that the "
                    + "client certificate belongs to this mailbox, and that this machine's clock is within 2 hours "
                    + "of UTC; for another mailbox's message, only its recipient may download it.";
            case 404 -> "Check the message id; acknowledged messages cannot be downloaded again.";
            case 410 -> "The message expired, failed or is still being uploaded: ask the sender, or try later.";
            case 417 -> "MESH rejected the message: see the error code above.";
            case 423 -> "The message is finalised and takes no more chunks.";
            case 425, 429 -> "MESH is limiting requests: poll less often and try again later.";
            default -> status >= 500 ? "A MESH server error: try again later; report it if it persists."
                    : "Unexpected for this request: check the URL and the client version.";
        };
    }
}
