package io.spinekit.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * FakeMesh's mailboxes and messages, in memory (or chunk bodies in a directory). Guarded by its own
 * monitor: callers synchronise on the store.
 */
final class FakeMeshStore {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A mailbox: id, password, ODS code, name and the workflows it is registered for. */
    record Mailbox(String id, String password, String odsCode, String name, Set<String> workflows) {
    }

    /** Stored bytes of one chunk. */
    interface Blob {
        long length();

        InputStream open() throws IOException;

        void delete();
    }

    record MemoryBlob(byte[] bytes) implements Blob {
        @Override
        public long length() {
            return bytes.length;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public void delete() {
        }
    }

    record FileBlob(Path file, long length) implements Blob {
        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public void delete() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One message and its chunks. Fields are changed only under the store's monitor. */
    static final class Message {
        final String id;
        final String from;
        final String to;
        final String workflowId;
        final Map<String, String> mex;
        final String contentType;
        final String contentEncoding;
        final Blob[] chunks;
        final Instant uploaded;
        final String messageType;
        String status;
        String statusCode = "00";
        String statusDescription;
        String linkedMessageId;

        Message(String id, String from, String to, String workflowId, Map<String, String> mex, String contentType,
                String contentEncoding, int totalChunks, Instant uploaded, String messageType) {
            this.id = id;
            this.from = from;
            this.to = to;
            this.workflowId = workflowId;
            this.mex = mex;
            this.contentType = contentType;
            this.contentEncoding = contentEncoding;
            this.chunks = new Blob[totalChunks];
            this.uploaded = uploaded;
            this.messageType = messageType;
            this.status = "uploading";
        }

        int totalChunks() {
            return chunks.length;
        }

        boolean complete() {
            for (Blob b : chunks) {
                if (b == null) {
                    return false;
                }
            }
            return true;
        }

        String mex(String name) {
            return mex.get(name);
        }
    }

    final Map<String, Mailbox> mailboxes = new LinkedHashMap<>();
    final Map<String, Message> messages = new LinkedHashMap<>();

    /** A new message id: 32 upper-case hex digits, as the sandbox issues them (MESH.md section 3). */
    static String newId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().withUpperCase().formatHex(b);
    }

    /** Messages waiting in a mailbox's inbox (all chunks in, not acknowledged), oldest first. */
    List<Message> inbox(String mailbox) {
        List<Message> out = new ArrayList<>();
        for (Message m : messages.values()) {
            if (m.to.equals(mailbox) && "accepted".equals(m.status)) {
                out.add(m);
            }
        }
        return out;
    }

    void clearMessages() {
        for (Message m : messages.values()) {
            for (Blob b : m.chunks) {
                if (b != null) {
                    b.delete();
                }
            }
        }
        messages.clear();
    }
}
