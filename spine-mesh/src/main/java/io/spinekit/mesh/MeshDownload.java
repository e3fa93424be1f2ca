package io.spinekit.mesh;

import io.spinekit.core.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;

/**
 * One download in progress: the first chunk's headers give the metadata and the chunk count
 * ({@code mex-Chunk-Range: k:n}, 206 while more follow; MESH.md section 3); every chunk's body is
 * streamed to the output, gunzipped when MESH marks it {@code Content-Encoding: gzip}.
 */
final class MeshDownload {
    private static final Pattern RANGE = Pattern.compile("(\\d{1,9}):(\\d{1,9})");
    /** Most chunks a download follows (no published maximum, MESH.md "Not established"). */
    static final int MAX_CHUNKS = 100_000;

    private final String id;
    private final OutputStream out;
    int chunks = 1;
    private long bytes;
    private MeshMessage first;

    MeshDownload(String id, OutputStream out) {
        this.id = id;
        this.out = out;
    }

    void chunk(int k, ClassicHttpResponse r) throws IOException {
        Optional<String> range = MeshClient.header(r, "mex-Chunk-Range");
        int total = 1;
        if (range.isPresent()) {
            Matcher m = RANGE.matcher(range.get().trim());
            if (!m.matches() || Integer.parseInt(m.group(1)) != k || Integer.parseInt(m.group(2)) < k
                    || Integer.parseInt(m.group(2)) > MAX_CHUNKS) {
                throw new MeshException(MeshException.Reason.BAD_RESPONSE, "MESH sent mex-Chunk-Range "
                        + Text.quote(range.get()) + " for chunk " + k + " of message " + id
                        + ": expected " + k + ":<total>");
            }
            total = Integer.parseInt(m.group(2));
        } else if (r.getCode() == 206) {
            throw new MeshException(MeshException.Reason.BAD_RESPONSE, "MESH answered 206 (more chunks) for message "
                    + id + " without mex-Chunk-Range");
        }
        if (k == 1) {
            chunks = total;
            first = metadata(r);
        } else if (total != chunks) {
            throw new MeshException(MeshException.Reason.BAD_RESPONSE, "chunk " + k + " of message " + id
                    + " says " + total + " chunks, the first said " + chunks);
        }
        HttpEntity entity = r.getEntity();
        if (entity == null) {
            return;
        }
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = MeshClient.decoded(r, entity.getContent())) {
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
                bytes += n;
            }
        }
    }

    private MeshMessage metadata(ClassicHttpResponse r) {
        String messageId = MeshClient.header(r, "mex-MessageID").orElse(id);
        return new MeshMessage(messageId, h(r, "mex-From"), h(r, "mex-To"), h(r, "mex-WorkflowID"),
                MeshClient.header(r, "mex-MessageType").orElse("DATA"), h(r, "mex-FileName"), h(r, "mex-Subject"),
                h(r, "mex-LocalID"), h(r, "mex-StatusCode"), h(r, "mex-StatusSuccess"),
                h(r, "mex-StatusDescription"), h(r, "mex-LinkedMsgID"), h(r, "mex-Content-Checksum"), 0, 0);
    }

    private static Optional<String> h(ClassicHttpResponse r, String name) {
        return MeshClient.header(r, name);
    }

    MeshMessage result() {
        MeshMessage m = first;
        return new MeshMessage(m.messageId(), m.from(), m.to(), m.workflowId(), m.messageType(), m.fileName(),
                m.subject(), m.localId(), m.statusCode(), m.statusSuccess(), m.statusDescription(),
                m.linkedMessageId(), m.checksum(), chunks, bytes);
    }

    long bytes() {
        return bytes;
    }
}
