package io.spinekit.testkit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code NHSMESH} authorisation headers as the MESH API contract describes them (MESH.md
 * section 2): the mailbox must match the path, the nonce count must be digits, the timestamp (UTC
 * {@code yyyyMMddHHmm}) within the window of server time (2 hours), the HMAC-SHA256 right (hex
 * compared case-insensitively, as the sandbox does) and the token never seen before. The sandbox
 * accepts stale and reused tokens; the contract does not, and neither does this check.
 *
 * <p>Written independently of spine-mesh's generator, so a test of one against the other means something.
 */
final class FakeMeshAuth {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm");
    /** How many used tokens are remembered; the oldest are forgotten first. */
    private static final int REMEMBERED_TOKENS = 100_000;

    private final byte[] sharedKey;
    private final Clock clock;
    private final Duration window;
    private final Map<String, Boolean> used = new LinkedHashMap<>(1024, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_TOKENS;
        }
    };

    FakeMeshAuth(String sharedKey, Clock clock, Duration window) {
        this.sharedKey = sharedKey.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
        this.window = window;
    }

    /**
     * Checks a header for a mailbox.
     *
     * @param header the Authorization header, or null
     * @param pathMailbox the mailbox named in the path
     * @param passwordOf the password of a mailbox id, or null for an unknown mailbox
     * @return null when accepted, else why not (for {@link FakeMesh#authFailures()})
     */
    synchronized String check(String header, String pathMailbox, Function<String, String> passwordOf) {
        if (header == null) {
            return "no Authorization header";
        }
        if (!header.startsWith("NHSMESH ")) {
            return "not the NHSMESH scheme";
        }
        String[] f = header.substring("NHSMESH ".length()).split(":", -1);
        if (f.length != 5) {
            return "expected 5 colon-separated fields, got " + f.length;
        }
        String mailbox = f[0];
        String nonce = f[1];
        String count = f[2];
        String timestamp = f[3];
        String hash = f[4];
        if (!mailbox.equalsIgnoreCase(pathMailbox)) {
            return "mailbox id does not match token";
        }
        if (count.isEmpty() || !count.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "nonce count is not digits";
        }
        Instant at;
        try {
            at = LocalDateTime.parse(timestamp, TIMESTAMP).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return "timestamp is not yyyyMMddHHmm";
        }
        Instant now = clock.instant();
        if (at.isBefore(now.minus(window)) || at.isAfter(now.plus(window))) {
            return "timestamp outside the window of " + window.toMinutes() + " minutes";
        }
        String password = passwordOf.apply(mailbox.toUpperCase(Locale.ROOT));
        if (password == null) {
            return "unknown mailbox";
        }
        String expected = hmac(mailbox + ":" + nonce + ":" + count + ":" + password + ":" + timestamp);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                hash.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return "HMAC does not match";
        }
        String token = mailbox.toUpperCase(Locale.ROOT) + ":" + nonce + ":" + count;
        if (used.putIfAbsent(token, Boolean.TRUE) != null) {
            return "token reused";
        }
        return null;
    }

    private String hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sharedKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    synchronized void forgetTokens() {
        used.clear();
    }
}
