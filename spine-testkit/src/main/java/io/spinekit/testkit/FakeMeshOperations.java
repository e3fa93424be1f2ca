package io.spinekit.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The MESH operations of {@link FakeMesh} over its store (MESH.md sections 3, 4 and 6). Answers are
 * the sandbox's where MESH.md records them; statuses it does not record are marked (inf).
 */
final class FakeMeshOperations {
    private static final Pattern CHUNK_RANGE = Pattern.compile("(\\d{1,6}):(\\d{1,6})");
    /** Largest lengths of send headers (MESH.md section 3, from the specification). */
    private static final Map<String, Integer> MAX_LENGTHS = Map.of("mex-To", 100, "mex-WorkflowID", 300,
            "mex-Chunk-Range", 20, "mex-Subject", 500, "mex-LocalID", 300, "mex-FileName", 300,
            "mex-Content-Checksum", 100, "mex-PartnerID", 500, "mex-Content-Type", 100);
    /** The mex headers a sender may set that are stored and handed to the recipient. */
    private static final List<String> KEPT = List.of("mex-Subject", "mex-LocalID", "mex-FileName",
            "mex-Content-Checksum", "mex-PartnerID", "mex-Content-Type", "mex-Content-Compressed",
            "mex-Content-Encrypted");

    private final FakeMeshHandler http;
    private final FakeMeshStore store;

    FakeMeshOperations(FakeMeshHandler http, FakeMeshStore store) {
        this.http = http;
        this.store = store;
    }

    /** A v2 error body: {@code {"message_id","internal_id","detail":[{"event","code","msg"}]}} (MESH.md section 3). */
    static FakeMeshHandler.Reply error(int status, String event, String code, String msg) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("event", event);
        d.put("code", code);
        d.put("msg", msg);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("detail", List.of(d));
        return new FakeMeshHandler.Reply(status).json(body);
    }

    /** A v2 validation error: {@code {"detail":[{"loc","msg","type"}]}} (MESH.md section 3). */
    private static FakeMeshHandler.Reply validation(String header, String msg) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("loc", List.of("header", header.toLowerCase(Locale.ROOT)));
        d.put("msg", msg);
        d.put("type", "value_error");
        return new FakeMeshHandler.Reply(400).json(Map.of("detail", List.of(d)));
    }

    FakeMeshHandler.Reply handshake(FakeMeshHandler.Request r) {
        for (String h : List.of("mex-ClientVersion", "mex-OSName", "mex-OSVersion")) {
            if (r.header(h) == null) {
                return validation(h, "field required");
            }
        }
        return new FakeMeshHandler.Reply(200);
    }

    FakeMeshHandler.Reply send(FakeMeshHandler.Request r, String from) throws IOException {
        FakeMeshHandler.Reply bad = checkHeaders(r);
        if (bad != null) {
            http.discard(r.exchange().getRequestBody());
            return bad;
        }
        String to = r.header("mex-To").toUpperCase(Locale.ROOT);
        String range = r.header("mex-Chunk-Range") == null ? "1:1" : r.header("mex-Chunk-Range");
        Matcher m = CHUNK_RANGE.matcher(range);
        if (!m.matches() || !m.group(1).equals("1") || Integer.parseInt(m.group(2)) < 1) {
            http.discard(r.exchange().getRequestBody());
            return error(400, "SEND", "InvalidHeaderChunks", "Invalid mex-chunk-range header");
        }
        int total = Integer.parseInt(m.group(2));
        String encoding = r.header("Content-Encoding");
        if (encoding != null && !encoding.equalsIgnoreCase("gzip")) {
            http.discard(r.exchange().getRequestBody());
            return error(422, "SEND", "", "Unsupported Content-Encoding"); // SBX (MESH.md section 3)
        }
        FakeMeshStore.Blob body = http.readBody(r.exchange().getRequestBody());
        synchronized (store) {
            if (!store.mailboxes.containsKey(to)) {
                body.delete();
                return error(417, "SEND", "12", "Unregistered to address"); // MESH.md section 6
            }
            if (body.length() == 0) {
                return error(417, "SEND", "02", "Data file is missing"); // code 02 (MESH.md sections 4, 6); wording inf
            }
            Map<String, String> mex = new LinkedHashMap<>();
            for (String h : KEPT) {
                if (r.header(h) != null) {
                    mex.put(h, r.header(h));
                }
            }
            String type = r.header("Content-Type") == null ? "application/octet-stream" : r.header("Content-Type");
            FakeMeshStore.Message msg = new FakeMeshStore.Message(FakeMeshStore.newId(), from, to,
                    r.header("mex-WorkflowID"), mex, type, encoding == null ? null : "gzip", total,
                    http.clock.instant(), "DATA");
            msg.chunks[0] = body;
            if (msg.complete()) {
                msg.status = "accepted";
            }
            store.messages.put(msg.id, msg);
            return new FakeMeshHandler.Reply(202).json(Map.of("message_id", msg.id));
        }
    }

    private static FakeMeshHandler.Reply checkHeaders(FakeMeshHandler.Request r) {
        for (String required : List.of("mex-To", "mex-WorkflowID")) {
            if (r.header(required) == null || r.header(required).isEmpty()) {
                return validation(required, "field required");
            }
        }
        for (Map.Entry<String, Integer> e : MAX_LENGTHS.entrySet()) {
            String v = r.header(e.getKey());
            if (v != null && v.length() > e.getValue()) {
                return validation(e.getKey(), "ensure this value has at most " + e.getValue() + " characters");
            }
        }
        for (Map.Entry<String, List<String>> e : r.exchange().getRequestHeaders().entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).startsWith("mex-")) {
                for (String v : e.getValue()) {
                    if (v.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                        return error(400, "SEND", "06", "Malformed headers"); // SBX errorCode 06 (MESH.md section 3)
                    }
                }
            }
        }
        return null;
    }

    FakeMeshHandler.Reply chunk(FakeMeshHandler.Request r, String from, String id, String chunkText)
            throws IOException {
        int k;
        try {
            k = Integer.parseInt(chunkText);
        } catch (NumberFormatException e) {
            http.discard(r.exchange().getRequestBody());
            return error(400, "SEND", "", "Invalid chunk number");
        }
        synchronized (store) {
            FakeMeshStore.Message msg = store.messages.get(id);
            FakeMeshHandler.Reply refusal = null;
            if (msg == null || !msg.from.equals(from)) {
                refusal = error(404, "SEND", "20", "Message does not exist");
            } else if (k < 2 || k > msg.totalChunks()) {
                refusal = error(406, "SEND", "", "Chunk number out of range"); // SBX (MESH.md section 3)
            } else if (msg.chunks[k - 1] != null || !"uploading".equals(msg.status)) {
                refusal = error(423, "SEND", "", "Message is finalised"); // MESH.md section 6
            }
            if (refusal != null) {
                http.discard(r.exchange().getRequestBody());
                return refusal;
            }
        }
        FakeMeshStore.Blob body = http.readBody(r.exchange().getRequestBody());
        synchronized (store) {
            FakeMeshStore.Message msg = store.messages.get(id);
            if (msg.chunks[k - 1] != null) {
                body.delete();
                return error(423, "SEND", "", "Message is finalised");
            }
            msg.chunks[k - 1] = body;
            if (msg.complete()) {
                msg.status = "accepted";
            }
        }
        // The sandbox answers a v2 chunk with JSON null (MESH.md section 3).
        FakeMeshHandler.Reply reply = new FakeMeshHandler.Reply(202);
        reply.body = "null".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        reply.headers.put("Content-Type", "application/json");
        return reply;
    }

    FakeMeshHandler.Reply inbox(FakeMeshHandler.Request r, String mailbox) {
        int max = http.inboxPageSize;
        String maxText = r.query().get("max_results");
        if (maxText != null) {
            try {
                max = Integer.parseInt(maxText);
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 10 || max > 5000) {
                return error(400, "", "", "max_results must be between 10 and 5000"); // MESH.md section 3
            }
        }
        String after = r.query().get("continue_from");
        String filter = r.query().get("workflow_filter");
        List<String> ids = new ArrayList<>();
        String next = null;
        int count;
        synchronized (store) {
            List<FakeMeshStore.Message> all = store.inbox(mailbox);
            count = all.size();
            boolean started = after == null;
            for (FakeMeshStore.Message m : all) {
                if (!started) {
                    started = m.id.equals(after);
                    continue;
                }
                if (filter != null && !matches(filter, m.workflowId)) {
                    continue;
                }
                if (ids.size() == max) {
                    next = "/messageexchange/" + mailbox + "/inbox?" + (maxText == null ? "" : "max_results=" + max
                            + "&") + "continue_from=" + ids.get(ids.size() - 1);
                    break;
                }
                ids.add(m.id);
            }
        }
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", "/messageexchange/" + mailbox + "/inbox");
        if (next != null) {
            links.put("next", next);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messages", ids);
        body.put("links", links);
        body.put("approx_inbox_count", count);
        return new FakeMeshHandler.Reply(200).json(body);
    }

    /** The workflow filter forms {@code X}, {@code !X}, {@code X*}, {@code !X*}, {@code *X*}, {@code !*X*} (MESH.md section 3). */
    static boolean matches(String filter, String workflow) {
        boolean negate = filter.startsWith("!");
        String f = negate ? filter.substring(1) : filter;
        boolean hit;
        if (f.length() > 1 && f.startsWith("*") && f.endsWith("*")) {
            hit = workflow.contains(f.substring(1, f.length() - 1));
        } else if (f.endsWith("*")) {
            hit = workflow.startsWith(f.substring(0, f.length() - 1));
        } else {
            hit = workflow.equals(f);
        }
        return hit != negate;
    }

    FakeMeshHandler.Reply count(String mailbox) {
        synchronized (store) {
            return new FakeMeshHandler.Reply(200).json(Map.of("count", store.inbox(mailbox).size()));
        }
    }

    FakeMeshHandler.Reply download(FakeMeshHandler.Request r, String mailbox, String id, String chunkText) {
        FakeMeshStore.Message msg;
        int k;
        synchronized (store) {
            msg = store.messages.get(id);
            try {
                k = Integer.parseInt(chunkText);
            } catch (NumberFormatException e) {
                k = -1;
            }
            if (msg == null || "acknowledged".equals(msg.status)) {
                // The contract: an acknowledged message cannot be downloaded again (status inf: 404).
                return error(404, "", "20", "Message does not exist");
            }
            if (!msg.to.equals(mailbox)) {
                return error(403, "", "", "Forbidden"); // SBX: not the recipient (MESH.md section 3)
            }
            if ("uploading".equals(msg.status)) {
                return error(410, "", "", "Message is still being uploaded"); // SBX (MESH.md section 3)
            }
            if (k < 1 || k > msg.totalChunks()) {
                return error(404, "", "20", "Message does not exist"); // MESH.md section 6
            }
        }
        boolean last = k == msg.totalChunks();
        FakeMeshHandler.Reply reply = new FakeMeshHandler.Reply(last ? 200 : 206);
        reply.header("mex-from", msg.from).header("mex-to", msg.to).header("mex-workflowid", msg.workflowId)
                .header("mex-chunk-range", k + ":" + msg.totalChunks())
                .header("mex-total-chunks", Integer.toString(msg.totalChunks()))
                .header("mex-messagetype", msg.messageType).header("mex-messageid", msg.id)
                .header("mex-localid", msg.mex("mex-LocalID")).header("mex-filename", msg.mex("mex-FileName"))
                .header("mex-subject", msg.mex("mex-Subject"))
                .header("mex-content-checksum", msg.mex("mex-Content-Checksum"))
                .header("mex-content-encrypted", msg.mex("mex-Content-Encrypted"))
                .header("mex-partnerid", msg.mex("mex-PartnerID")).header("mex-content-type", msg.mex("mex-Content-Type"))
                .header("mex-statuscode", msg.statusCode).header("mex-statusevent", "TRANSFER")
                .header("mex-statussuccess", "REPORT".equals(msg.messageType) ? "ERROR" : "SUCCESS")
                .header("mex-statusdescription", msg.statusDescription)
                .header("mex-statustimestamp", FakeMeshHandler.STATUS_TIME.format(msg.uploaded))
                .header("mex-linkedmsgid", msg.linkedMessageId).header("mex-addresstype", "ALL")
                .header("mex-version", "1.0");
        // Single-chunk messages keep the sender's type, chunked ones are octet-stream (SBX, MESH.md section 3).
        reply.header("Content-Type", msg.totalChunks() == 1 ? msg.contentType : "application/octet-stream");
        reply.blob = msg.chunks[k - 1];
        String acceptEncoding = r.header("Accept-Encoding");
        boolean acceptsGzip = acceptEncoding != null && acceptEncoding.toLowerCase(Locale.ROOT).contains("gzip");
        boolean storedGzip = "gzip".equals(msg.contentEncoding);
        String compressedFlag = msg.mex("mex-Content-Compressed");
        if (reply.blob.length() > 0) {
            if (storedGzip && !acceptsGzip) {
                reply.transform = 1;
            } else if (storedGzip || acceptsGzip) {
                // The sandbox gzips plain messages for a v2 client that accepts gzip (MESH.md section 3).
                reply.transform = storedGzip ? 0 : 2;
                reply.header("Content-Encoding", "gzip");
                compressedFlag = "Y";
            }
        }
        reply.header("mex-content-compressed", compressedFlag);
        return reply;
    }

    FakeMeshHandler.Reply acknowledge(String mailbox, String id) {
        synchronized (store) {
            FakeMeshStore.Message msg = store.messages.get(id);
            if (msg == null || !msg.to.equals(mailbox) || "uploading".equals(msg.status)) {
                return error(404, "", "20", "Message does not exist");
            }
            msg.status = "acknowledged";
            return new FakeMeshHandler.Reply(200);
        }
    }

    FakeMeshHandler.Reply track(String mailbox, String id) {
        synchronized (store) {
            FakeMeshStore.Message msg = id == null ? null : store.messages.get(id);
            if (msg == null || !msg.from.equals(mailbox)) {
                // Someone else's message is 404, "intentionally not a 403" (SBX, MESH.md section 3).
                return error(404, "", "20", "Message does not exist");
            }
            FakeMeshStore.Mailbox to = store.mailboxes.get(msg.to);
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("message_id", msg.id);
            b.put("local_id", msg.mex("mex-LocalID"));
            b.put("workflow_id", msg.workflowId);
            b.put("filename", msg.mex("mex-FileName"));
            b.put("expiry_time", msg.uploaded.plus(java.time.Duration.ofDays(5)).toString());
            b.put("upload_timestamp", msg.uploaded.toString());
            b.put("recipient", msg.to);
            b.put("recipient_name", to == null ? null : to.name());
            b.put("recipient_ods_code", to == null ? null : to.odsCode());
            b.put("status_success", !"error".equals(msg.status));
            b.put("status", msg.status);
            b.put("status_event", "TRANSFER");
            b.put("status_timestamp", msg.uploaded.toString());
            b.put("status_description", msg.statusDescription);
            b.put("status_code", msg.statusCode);
            return new FakeMeshHandler.Reply(200).json(b);
        }
    }

    /** Tracking by local id: v1 camelCase body only; 300 when not unique (MESH.md section 3). */
    FakeMeshHandler.Reply trackByLocalId(String mailbox, String localId) {
        synchronized (store) {
            List<FakeMeshStore.Message> hits = new ArrayList<>();
            for (FakeMeshStore.Message m : store.messages.values()) {
                if (m.from.equals(mailbox) && localId.equals(m.mex("mex-LocalID"))) {
                    hits.add(m);
                }
            }
            if (hits.isEmpty()) {
                return error(404, "", "20", "Message does not exist");
            }
            if (hits.size() > 1) {
                return error(300, "", "", "Local id is not unique");
            }
            FakeMeshStore.Message msg = hits.get(0);
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("messageId", msg.id);
            b.put("localId", localId);
            b.put("workflowId", msg.workflowId);
            b.put("fileName", msg.mex("mex-FileName"));
            b.put("recipient", msg.to);
            b.put("sender", msg.from);
            b.put("status", msg.status.substring(0, 1).toUpperCase(Locale.ROOT) + msg.status.substring(1));
            b.put("statusSuccess", !"error".equals(msg.status));
            b.put("uploadTimestamp", msg.uploaded.toString());
            return new FakeMeshHandler.Reply(200).json(b);
        }
    }

    FakeMeshHandler.Reply lookup(String ods, String workflow) {
        List<Map<String, Object>> results = new ArrayList<>();
        synchronized (store) {
            for (FakeMeshStore.Mailbox m : store.mailboxes.values()) {
                if (m.odsCode().equalsIgnoreCase(ods) && m.workflows().contains(workflow)) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("mailbox_id", m.id());
                    e.put("mailbox_name", m.name());
                    results.add(e);
                }
            }
        }
        return new FakeMeshHandler.Reply(200).json(Map.of("results", results));
    }

    String putReport(String mailbox, String linkedMessageId, String statusCode, String description) {
        synchronized (store) {
            FakeMeshStore.Message linked = store.messages.get(linkedMessageId);
            Map<String, String> mex = new LinkedHashMap<>();
            if (linked != null) {
                for (String h : List.of("mex-LocalID", "mex-Subject")) {
                    if (linked.mex(h) != null) {
                        mex.put(h, linked.mex(h));
                    }
                }
            }
            FakeMeshStore.Message report = new FakeMeshStore.Message(FakeMeshStore.newId(), mailbox, mailbox,
                    linked == null ? "" : linked.workflowId, mex, "application/octet-stream", null, 1,
                    http.clock.instant(), "REPORT");
            report.chunks[0] = new FakeMeshStore.MemoryBlob(new byte[0]);
            report.statusCode = statusCode;
            report.statusDescription = description;
            report.linkedMessageId = linkedMessageId;
            report.status = "accepted";
            store.messages.put(report.id, report);
            if (linked != null) {
                linked.status = "undeliverable";
            }
            return report.id;
        }
    }

    /** gzip at the fastest level (the fake's on-the-fly compression should not be the bottleneck). */
    static OutputStream fastGzip(OutputStream out) throws IOException {
        return new GZIPOutputStream(out, 64 * 1024) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }
}
