package io.spinekit.messaging.store;

import io.spinekit.env.PartyKey;
import io.spinekit.ldap.Route;
import io.spinekit.messaging.MessageStore;
import io.spinekit.messaging.OutboundMessage;
import io.spinekit.messaging.SpineMessaging;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;

/**
 * A sender in a JVM of its own, for the crash test. {@code accept STORE_URL ENDPOINT TLS_DIR COUNT
 * FILE}: accepts COUNT reliable messages (the route retries every 200 ms for 10 minutes), appends
 * each MessageId to FILE once accepted, then keeps retrying until it is killed.
 * {@code drain STORE_URL TLS_DIR}: delivers what the store holds until nothing is pending, exit 0
 * (exit 1 after 2 minutes).
 */
public final class SenderChild {
    /** A lease short enough for a test: 6 s (each exchange is bounded at 5 s, no transport retry). */
    static final Duration LEASE = Duration.ofSeconds(6);

    private SenderChild() {
    }

    static SpineMessaging.Builder client(Path tls, MessageStore store) {
        return SpineMessaging.builder().tls(TestRoutes.readTls(tls)).fromPartyKey(PartyKey.of("X99-123456"))
                .store(store).connectTimeout(Duration.ofSeconds(5)).handshakeTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofSeconds(5)).transportRetries(0)
                .maxConcurrentSends(4).lease(LEASE).pollInterval(Duration.ofMillis(100));
    }

    /**
     * Runs one mode.
     *
     * @param args the mode and its arguments
     * @throws Exception on failure (the test sees the exit status and the output)
     */
    public static void main(String[] args) throws Exception {
        if (args[0].equals("accept")) {
            accept(args[1], URI.create(args[2]), Path.of(args[3]), Integer.parseInt(args[4]), Path.of(args[5]));
        } else {
            System.exit(drain(args[1], Path.of(args[2])) ? 0 : 1);
        }
    }

    private static void accept(String url, URI endpoint, Path tls, int count, Path file) throws IOException,
            InterruptedException {
        Route route = TestRoutes.reliable(endpoint, 3000, Duration.ofMillis(200), Duration.ofMinutes(10));
        JdbcMessageStore store = JdbcMessageStore.open(url);
        SpineMessaging messaging = client(tls, store).build();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString().toUpperCase();
            messaging.sendAsync(route, OutboundMessage.of(TestRoutes.PAYLOAD).withMessageId(id));
            // accepted: committed to the store before sendAsync returned
            Files.writeString(file, id + "\n", StandardOpenOption.APPEND, StandardOpenOption.CREATE);
        }
        System.out.println("ACCEPTED " + count);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    private static boolean drain(String url, Path tls) throws InterruptedException {
        try (JdbcMessageStore store = JdbcMessageStore.open(url);
             SpineMessaging messaging = client(tls, store).build()) {
            long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (System.nanoTime() < end) {
                if (messaging.store().list(EnumSet.of(MessageStore.Status.PENDING), 1).isEmpty()) {
                    System.out.println("DRAINED");
                    return true;
                }
                Thread.sleep(100);
            }
            return false;
        }
    }
}
