package io.spinekit.mesh;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code NHSMESH} authorisation header (MESH.md section 2, from the API specification):
 * {@code NHSMESH <mailbox_id>:<nonce>:<nonce_count>:<timestamp>:<hash>}, where hash is the lower-case
 * hex HMAC-SHA256 keyed with the environment's shared key (UTF-8) of
 * {@code mailbox_id:nonce:nonce_count:mailbox_password:timestamp} (UTF-8) and timestamp is UTC
 * {@code yyyyMMddHHmm}. Each token is good for one request, so {@link #header()} takes a fresh
 * random UUID nonce with count 0 every time (NHAIS uses a fresh UUID per request too; MESH.md section 2).
 *
 * <p>Holds copies of the password and shared key; {@link #toString()} shows neither.
 * Thread-safe.
 */
final class MeshAuth {
    /** The scheme word, followed by one space (MESH.md section 2). */
    static final String SCHEME = "NHSMESH";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm")
            .withZone(ZoneOffset.UTC);

    private final String mailboxId;
    private final char[] password;
    private final char[] sharedKey;
    private final Clock clock;

    MeshAuth(String mailboxId, char[] password, char[] sharedKey, Clock clock) {
        this.mailboxId = mailboxId;
        this.password = password.clone();
        this.sharedKey = sharedKey.clone();
        this.clock = clock;
    }

    /** A fresh header: a new random nonce, count 0, the clock's current minute. */
    String header() {
        return header(UUID.randomUUID().toString(), 0, clock.instant());
    }

    /** The header for given parts (for tests against the worked example). */
    String header(String nonce, long nonceCount, Instant at) {
        String timestamp = TIMESTAMP.format(at);
        return SCHEME + " " + mailboxId + ":" + nonce + ":" + nonceCount + ":" + timestamp + ":"
                + hash(nonce, nonceCount, timestamp);
    }

    /** The lower-case hex HMAC-SHA256 of {@code mailbox:nonce:count:password:timestamp}. */
    String hash(String nonce, long nonceCount, String timestamp) {
        byte[] key = utf8(sharedKey);
        byte[] pw = utf8(password);
        byte[] before = (mailboxId + ":" + nonce + ":" + nonceCount + ":").getBytes(StandardCharsets.UTF_8);
        byte[] after = (":" + timestamp).getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(before);
            mac.update(pw);
            mac.update(after);
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(pw, (byte) 0);
        }
    }

    /** The mailbox id the tokens are for. */
    String mailboxId() {
        return mailboxId;
    }

    /** UTF-8 bytes of secret characters, without leaving a String behind. */
    static byte[] utf8(char[] chars) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        if (b.hasArray()) {
            Arrays.fill(b.array(), (byte) 0);
        }
        return out;
    }

    @Override
    public String toString() {
        return "MeshAuth[mailbox=" + mailboxId + ", password=(hidden), sharedKey=(hidden)]";
    }
}
