package io.spinekit.benchmarks.messaging;

import static io.spinekit.testkit.EmbeddedSds.accreditedSystem;
import static io.spinekit.testkit.EmbeddedSds.mhs;

import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.env.PartyKey;
import io.spinekit.ldap.Route;
import io.spinekit.ldap.SdsClient;
import io.spinekit.messaging.EbxmlCodec;
import io.spinekit.messaging.EbxmlRequest;
import io.spinekit.messaging.EncodedMessage;
import io.spinekit.messaging.InMemoryMessageStore;
import io.spinekit.messaging.MessageStore;
import io.spinekit.messaging.OutboundMessage;
import io.spinekit.messaging.SendOutcome;
import io.spinekit.messaging.SpineMessaging;
import io.spinekit.messaging.Workflow;
import io.spinekit.messaging.store.JdbcMessageStore;
import io.spinekit.testkit.EmbeddedSds;
import io.spinekit.testkit.FakeMhs;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Messages per second through each {@link MessageStore}, in one run: in memory, H2 in file mode
 * and PostgreSQL (embedded, on loopback). For each store: {@code accept} (8 threads committing new
 * reliable messages of about 2 KB), {@code claim} (3 claimers taking batches of 16 due messages
 * under a lease), {@code complete} (8 threads finishing each claimed message), then the end-to-end
 * reliable send rate: {@link SpineMessaging#sendAsync} of messages to the fake MHS over mutual TLS
 * on loopback, 16 concurrent sends, every one acknowledged, accept to acknowledgement in the store:
 * as fast as it goes, and offered at a fixed rate (the 1,000 a second), with the rate
 * achieved and the accept-to-acknowledgement p50 and p99 at that rate.
 * A program, not JMH: each phase is one timed pass over N messages (after a warm-up pass).
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar io.spinekit.benchmarks.messaging.StoreThroughput [N] [E2E] [RATE]}</pre>
 */
public final class StoreThroughput {
    private static final String PSIS = "urn:nhs:names:services:psis:REPC_IN150016UK05";

    private StoreThroughput() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args N messages per store phase (default 5,000), end-to-end messages (default 2,000) and the
     *     offered end-to-end rate a second (default 1,000)
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int e2e = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int offered = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        Path dir = Files.createTempDirectory("store-throughput");
        try (EmbeddedSds sds = EmbeddedSds.builder().start();
             FakeMhs fake = FakeMhs.start(sds.pki()).expect("X26-823848", "S20001A000182");
             SdsClient sdsClient = sds.clientBuilder().build();
             EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            sds.addMhs(mhs("X26", PSIS).uniqueIdentifier("S918999198738").partyKey("X26-823848")
                    .endpoint(fake.endpoint("/reliablemessaging/reliablerequest").toString()).fqdn("localhost")
                    .cpaId("S20001A000182").names("urn:nhs:names:services:psis", "REPC_IN150016UK05")
                    .reliability("PT10M", "2", "PT1S")
                    .messaging("always", "always", "MSHSignalsOnly", "urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH"));
            sds.addAccreditedSystem(accreditedSystem("918999198738", "X26").partyKey("X26-823848")
                    .interactions(PSIS));
            Route route = sdsClient.route(OdsCode.of("X26"), InteractionId.of(PSIS)).orElseThrow();
            List<String[]> rows = new ArrayList<>();
            rows.add(run("in-memory", InMemoryMessageStore::new, route, n, e2e, offered, sds, fake));
            rows.add(run("H2 file", () -> JdbcMessageStore.h2File(dir.resolve("h2-" + UUID.randomUUID())), route, n,
                    e2e, offered, sds, fake));
            rows.add(run("PostgreSQL", () -> JdbcMessageStore.open(pg.getJdbcUrl("postgres", "postgres")), route, n,
                    e2e, offered, sds, fake));
            System.out.printf(Locale.ROOT, "%n%-12s %12s %12s %12s %14s %22s%n", "store", "accepted/s", "claimed/s",
                    "completed/s", "e2e acked/s", "at " + offered + "/s: got, p50/p99");
            for (String[] r : rows) {
                System.out.printf(Locale.ROOT, "%-12s %12s %12s %12s %14s %22s%n", (Object[]) r);
            }
        }
    }

    private static String[] run(String name, Supplier<MessageStore> open, Route route, int n, int e2e, int offered,
            EmbeddedSds sds, FakeMhs fake) throws Exception {
        double[] rates = null;
        try (MessageStore store = open.get()) {
            for (int pass = 0; pass < 2; pass++) { // the first pass warms up
                rates = phases(store, route, pass == 0 ? Math.min(n, 1000) : n);
            }
        }
        double sent;
        String paced;
        try (MessageStore store = open.get();
             SpineMessaging messaging = SpineMessaging.builder().tls(sds.tlsContext())
                     .fromPartyKey(PartyKey.of("X99-123456")).store(store).maxConcurrentSends(16).build()) {
            endToEnd(messaging, route, Math.min(e2e, 500));
            fake.reset();
            sent = endToEnd(messaging, route, e2e);
            fake.reset();
            paced = paced(messaging, route, e2e, offered);
            fake.reset();
        }
        System.out.printf(Locale.ROOT, "%s: accepted %.0f/s, claimed %.0f/s, completed %.0f/s, end-to-end %.0f/s, "
                + "offered %d/s: %s%n", name, rates[0], rates[1], rates[2], sent, offered, paced);
        return new String[] {name, fmt(rates[0]), fmt(rates[1]), fmt(rates[2]), fmt(sent), paced};
    }

    /**
     * Sends {@code count} messages offered at {@code perSecond}: the rate acknowledged and the
     * accept-to-acknowledgement p50 and p99 in milliseconds.
     */
    private static String paced(SpineMessaging messaging, Route route, int count, int perSecond) {
        OutboundMessage message = OutboundMessage.of(payload());
        long[] latency = new long[count];
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = t0 + (long) (i * 1e9 / perSecond);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            int k = i;
            long start = System.nanoTime();
            futures.add(messaging.sendAsync(route, message).thenAccept(out -> {
                if (out.outcome() != SendOutcome.Outcome.ACKNOWLEDGED) {
                    throw new IllegalStateException(out.outcome() + ": " + out.failureDetail());
                }
                latency[k] = System.nanoTime() - start;
            }));
        }
        futures.forEach(CompletableFuture::join);
        double got = rate(count, t0, System.nanoTime());
        java.util.Arrays.sort(latency);
        return String.format(Locale.ROOT, "%,.0f/s, %.1f/%.1f ms", got, latency[count / 2] / 1e6,
                latency[Math.min(count - 1, (int) (count * 0.99))] / 1e6);
    }

    private static String fmt(double rate) {
        return String.format(Locale.ROOT, "%,.0f", rate);
    }

    private static double[] phases(MessageStore store, Route route, int n) throws Exception {
        Instant now = Instant.now();
        List<MessageStore.Stored> messages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            messages.add(message(route, now));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            long t0 = System.nanoTime();
            parallel(pool, 8, i -> {
                for (int k = i; k < n; k += 8) {
                    store.accept(messages.get(k), Optional.empty(), now);
                }
            });
            long t1 = System.nanoTime();
            ConcurrentLinkedQueue<MessageStore.Stored> claimed = new ConcurrentLinkedQueue<>();
            parallel(pool, 3, i -> {
                List<MessageStore.Stored> got;
                while (!(got = store.claim("claimer-" + i, now, Duration.ofMinutes(5), 16)).isEmpty()) {
                    claimed.addAll(got);
                }
            });
            long t2 = System.nanoTime();
            List<MessageStore.Stored> all = List.copyOf(claimed);
            parallel(pool, 8, i -> {
                for (int k = i; k < all.size(); k += 8) {
                    store.finish(all.get(k).messageId(), 1, 1, MessageStore.Status.ACKNOWLEDGED, "", now);
                }
            });
            long t3 = System.nanoTime();
            if (all.size() != n) {
                throw new IllegalStateException("claimed " + all.size() + " of " + n);
            }
            return new double[] {rate(n, t0, t1), rate(n, t1, t2), rate(n, t2, t3)};
        } finally {
            pool.shutdown();
        }
    }

    private static double endToEnd(SpineMessaging messaging, Route route, int count) {
        OutboundMessage message = OutboundMessage.of(payload());
        long t0 = System.nanoTime();
        List<CompletableFuture<SendOutcome>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(messaging.sendAsync(route, message));
        }
        for (CompletableFuture<SendOutcome> f : futures) {
            SendOutcome out = f.join();
            if (out.outcome() != SendOutcome.Outcome.ACKNOWLEDGED) {
                throw new IllegalStateException(out.outcome() + ": " + out.failureDetail());
            }
        }
        return rate(count, t0, System.nanoTime());
    }

    private static double rate(int count, long from, long to) {
        return count / ((to - from) / 1e9);
    }

    private interface Slice {
        void run(int index) throws Exception;
    }

    private static void parallel(ExecutorService pool, int threads, Slice slice) throws Exception {
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int index = i;
            running.add(pool.submit(() -> {
                slice.run(index);
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
    }

    private static byte[] payload() {
        StringBuilder hl7 = new StringBuilder("<REPC_IN150016UK05 xmlns=\"urn:hl7-org:v3\">");
        while (hl7.length() < 1500) {
            hl7.append("<name>Zoë 😀</name>");
        }
        return hl7.append("</REPC_IN150016UK05>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static MessageStore.Stored message(Route route, Instant now) {
        String id = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        EncodedMessage encoded = EbxmlCodec.encode(EbxmlRequest.builder().from(PartyKey.of("X99-123456"))
                .to(route.partyKey()).cpaId(route.cpaId()).service(route.serviceName()).action(route.interactionName())
                .messageId(id).duplicateElimination(true).ackRequested(EbxmlRequest.ACTOR_TO_PARTY_MSH).syncReply(true)
                .payload(payload()).build());
        return new MessageStore.Stored(id, id, Optional.empty(), Workflow.RELIABLE, route.endpoint(), encoded.headers(),
                encoded.body(), now, Optional.of(now.plus(Duration.ofMinutes(10))), 3, Duration.ofSeconds(1), 0, 0, now,
                MessageStore.Status.PENDING, "");
    }
}
