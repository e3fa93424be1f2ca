package io.spinekit.messaging.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.messaging.MessageStore;
import io.spinekit.messaging.MessageStore.Status;
import io.spinekit.messaging.MessageStore.Stored;
import io.spinekit.messaging.MessagingException;
import io.spinekit.messaging.Workflow;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link MessageStore} must have, run on each store: in memory, H2 in file
 * mode and PostgreSQL (the subclasses say how to open one). Times are given, never read.
 */
abstract class MessageStoreContract {
    /**
     * The time of each test: now, since the JDBC store's housekeeping deletes receipts remembered
     * until before the system clock's now (a fixed time in the past would race with it).
     */
    final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    static final Duration LEASE = Duration.ofMinutes(3);

    MessageStore store;

    /** A new, empty store. */
    abstract MessageStore open();

    @BeforeEach
    void openStore() {
        store = open();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    Stored message(String id, Instant due) {
        return message(id, "CONV-" + id, due, ("<Zoë 😀 " + id + "/>").getBytes(StandardCharsets.UTF_8));
    }

    Stored message(String id, String conversationId, Instant due, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "multipart/related; boundary=\"--=_MIME-Boundary\"; type=\"text/xml\"; "
                + "start=\"<ebXMLHeader@spine.nhs.uk>\"");
        headers.put("SOAPAction", "urn:nhs:names:services:psis/REPC_IN150016UK05");
        return new Stored(id, conversationId, Optional.of("REF-1"), Workflow.RELIABLE,
                URI.create("https://msg.example:443/reliablemessaging/reliablerequest"), headers, body, t0,
                Optional.of(t0.plus(Duration.ofHours(1))), 3, Duration.ofSeconds(30), 0, 0, due, Status.PENDING, "");
    }

    static String id() {
        return UUID.randomUUID().toString().toUpperCase();
    }

    @Test
    void anAcceptedMessageReadsBackFieldForFieldAndByteForByte() {
        Stored m = message(id(), t0);
        store.accept(m, Optional.empty(), t0);

        assertThat(store.stored(m.messageId())).contains(m);
        assertThat(store.stored(m.messageId()).orElseThrow().body()).isEqualTo(m.body());
        assertThat(store.outbound(m.messageId())).contains(m.outbound());
        assertThat(store.stored("nope")).isEmpty();
    }

    @Test
    void aFiveMebibyteBodyReadsBackByteForByte() throws Exception {
        byte[] body = new byte[5 * 1024 * 1024];
        new Random(12).nextBytes(body); // every byte value, most of it not UTF-8
        Stored m = message(id(), "CONV-BIG", t0, body);
        store.accept(m, Optional.empty(), t0);

        byte[] read = store.stored(m.messageId()).orElseThrow().body();
        assertThat(read.length).isEqualTo(body.length);
        assertThat(sha256(read)).as("SHA-256 of the body read back").isEqualTo(sha256(body));
        List<Stored> claimed = store.claim("a", t0, LEASE, 10);
        assertThat(claimed).hasSize(1);
        assertThat(sha256(claimed.get(0).body())).as("SHA-256 of the body claimed").isEqualTo(sha256(body));
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void theSameMessageIdIsAcceptedOnceTheFirstIsKeptAndNothingOfTheRefusedOneIsLeft() {
        Stored m = message(id(), t0);
        store.accept(m, Optional.of("a"), t0.plus(LEASE));

        Stored other = message(m.messageId(), "CONV-OTHER", t0.minusSeconds(5), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> store.accept(other, Optional.of("b"), t0.plus(LEASE)))
                .isInstanceOfSatisfying(MessagingException.class, e -> assertThat(e.reason())
                        .isEqualTo(MessagingException.Reason.INVALID_ARGUMENT))
                .hasMessage("MessageId \"" + m.messageId() + "\" is already stored: expected a new MessageId for a "
                        + "new message");

        assertThat(store.stored(m.messageId())).contains(m);
        assertThat(store.list(EnumSet.allOf(Status.class), 10)).containsExactly(m);
        assertThat(store.release("b")).as("no lease of the refused accept").isZero();
        assertAcceptsTheNextMessage();
    }

    /** After a refused write the store goes on: a new message is accepted and claimed (nothing else is due). */
    void assertAcceptsTheNextMessage() {
        Stored next = message(id(), t0);
        store.accept(next, Optional.empty(), t0);
        assertThat(store.stored(next.messageId())).contains(next);
        assertThat(store.claim("c", t0, LEASE, 10)).containsExactly(next);
    }

    @Test
    void onlyDueUnleasedMessagesAreClaimedEarliestFirst() {
        Stored later = message(id(), t0.plusSeconds(60));
        Stored second = message(id(), t0.minusSeconds(1));
        Stored first = message(id(), t0.minusSeconds(2));
        Stored leased = message(id(), t0.minusSeconds(3));
        store.accept(later, Optional.empty(), t0);
        store.accept(second, Optional.empty(), t0);
        store.accept(first, Optional.empty(), t0);
        store.accept(leased, Optional.of("sender-a"), t0.plus(LEASE));

        assertThat(store.claim("sender-b", t0, LEASE, 10)).extracting(Stored::messageId)
                .containsExactly(first.messageId(), second.messageId());
        assertThat(store.claim("sender-c", t0.plusSeconds(1), LEASE, 10)).as("both leased to b now").isEmpty();
        assertThat(store.claim("sender-c", t0.plusSeconds(61), LEASE, 10)).extracting(Stored::messageId)
                .containsExactly(later.messageId());
    }

    @Test
    void aLeaseThatRunsOutIsTakenOverWithTheSameMessage() {
        Stored m = message(id(), t0);
        store.accept(m, Optional.of("dead-sender"), t0.plus(LEASE));

        assertThat(store.claim("live-sender", t0.plus(LEASE).minusMillis(1), LEASE, 10)).isEmpty();
        List<Stored> taken = store.claim("live-sender", t0.plus(LEASE), LEASE, 10);

        assertThat(taken).containsExactly(m);
        assertThat(store.retryAt(m.messageId(), "dead-sender", 1, 1, t0, t0, "late")).as("the old owner lost it")
                .isFalse();
        assertThat(store.retryAt(m.messageId(), "live-sender", 1, 2, t0.plus(LEASE).plusSeconds(30),
                t0.plus(LEASE).plusSeconds(30).plus(LEASE), "SOAP fault [206]")).isTrue();
    }

    @Test
    void claimLimitsToMax() {
        for (int i = 0; i < 5; i++) {
            store.accept(message(id(), t0), Optional.empty(), t0);
        }
        assertThat(store.claim("a", t0, LEASE, 2)).hasSize(2);
        assertThat(store.claim("b", t0, LEASE, 10)).hasSize(3);
        assertThat(store.claim("c", t0, LEASE, 0)).isEmpty();
    }

    @Test
    void concurrentClaimersNeverGetTheSameMessage() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Stored m = message(id(), t0);
            store.accept(m, Optional.empty(), t0);
            ids.add(m.messageId());
        }
        Map<String, String> owners = new ConcurrentHashMap<>();
        List<String> twice = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> runs = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String owner = "sender-" + t;
            runs.add(pool.submit(() -> {
                List<Stored> got;
                while (!(got = store.claim(owner, t0, LEASE, 7)).isEmpty()) {
                    got.forEach(m -> {
                        if (owners.putIfAbsent(m.messageId(), owner) != null) {
                            twice.add(m.messageId());
                        }
                    });
                }
            }));
        }
        for (Future<?> f : runs) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(twice).isEmpty();
        assertThat(owners.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void aRetryRecordsTheAttemptAndKeepsTheLeaseUntilItsTime() {
        Stored m = message(id(), t0);
        store.accept(m, Optional.of("a"), t0.plus(LEASE));
        Instant next = t0.plusSeconds(30);

        assertThat(store.retryAt(m.messageId(), "b", 1, 1, next, next.plus(LEASE), "x")).isFalse();
        assertThat(store.retryAt(m.messageId(), "a", 1, 2, next, next.plus(LEASE), "SOAP fault [206]")).isTrue();

        assertThat(store.stored(m.messageId())).contains(m.with(1, 2, next, Status.PENDING, "SOAP fault [206]"));
        assertThat(store.claim("b", next.plusSeconds(1), LEASE, 10)).as("a still holds it").isEmpty();
        assertThat(store.claim("b", next.plus(LEASE), LEASE, 10)).extracting(Stored::attempts).containsExactly(1);
    }

    @Test
    void aMessageIsClaimableAtTheLaterOfItsNextAttemptAndItsLeaseEndNotBefore() {
        Stored m = message(id(), t0);
        store.accept(m, Optional.of("a"), t0.plusSeconds(10));
        assertThat(store.claim("b", t0.plusSeconds(10).minusMillis(1), LEASE, 10)).as("leased until T").isEmpty();
        assertThat(store.claim("b", t0.plusSeconds(10), LEASE, 10)).as("claimable at T").containsExactly(m);

        // b retries: its next attempt (t0 + 60 s) is after its lease's end (t0 + 20 s)
        Instant next = t0.plusSeconds(60);
        assertThat(store.retryAt(m.messageId(), "b", 1, 1, next, t0.plusSeconds(20), "x")).isTrue();
        assertThat(store.claim("c", t0.plusSeconds(20), LEASE, 10)).as("lease over, next attempt not yet").isEmpty();
        assertThat(store.claim("c", next.minusMillis(1), LEASE, 10)).isEmpty();
        assertThat(store.claim("c", next, LEASE, 10)).extracting(Stored::attempts).containsExactly(1);

        // c retries and releases: the next attempt still holds
        Instant later = next.plusSeconds(60);
        assertThat(store.retryAt(m.messageId(), "c", 2, 2, later, later.plus(LEASE), "y")).isTrue();
        assertThat(store.release("c")).isEqualTo(1);
        assertThat(store.claim("d", later.minusMillis(1), LEASE, 10)).as("released, not yet due").isEmpty();
        assertThat(store.claim("d", later, LEASE, 10)).extracting(Stored::attempts).containsExactly(2);
    }

    @Test
    void anEndIsFinalAndNeverClaimed() {
        Stored m = message(id(), t0);
        store.accept(m, Optional.of("a"), t0.plus(LEASE));

        assertThat(store.finish(m.messageId(), 2, 3, Status.ACKNOWLEDGED, "", t0)).isTrue();
        assertThat(store.finish(m.messageId(), 3, 4, Status.FAILED, "late", t0)).isFalse();
        assertThat(store.retryAt(m.messageId(), "a", 3, 4, t0, t0, "late")).isFalse();
        assertThat(store.release("a")).isZero();

        assertThat(store.stored(m.messageId())).contains(m.with(2, 3, t0, Status.ACKNOWLEDGED, ""));
        assertThat(store.outbound(m.messageId()).orElseThrow().attempts()).isEqualTo(3);
        assertThat(store.claim("b", t0.plus(Duration.ofDays(1)), LEASE, 10)).isEmpty();
        assertThat(store.finish("unknown", 1, 1, Status.FAILED, "", t0)).isFalse();
    }

    @Test
    void releasingFreesOnlyThatOwnersPendingMessages() {
        Stored mine = message(id(), t0);
        Stored theirs = message(id(), t0);
        store.accept(mine, Optional.of("a"), t0.plus(LEASE));
        store.accept(theirs, Optional.of("b"), t0.plus(LEASE));

        assertThat(store.release("a")).isEqualTo(1);
        assertThat(store.claim("c", t0, LEASE, 10)).extracting(Stored::messageId).containsExactly(mine.messageId());
    }

    @Test
    void listingByStateShowsWhatWaitsAndWhatFailedWithTheReason() {
        Stored waiting = message(id(), t0);
        Stored failed = message(id(), t0);
        Stored acked = message(id(), t0);
        store.accept(waiting, Optional.empty(), t0);
        store.accept(failed, Optional.empty(), t0);
        store.accept(acked, Optional.empty(), t0);
        store.finish(failed.messageId(), 3, 3, Status.FAILED, "not delivered by its deadline", t0);
        store.finish(acked.messageId(), 1, 1, Status.ACKNOWLEDGED, "", t0);

        assertThat(store.list(EnumSet.of(Status.PENDING), 10)).extracting(Stored::messageId)
                .containsExactly(waiting.messageId());
        assertThat(store.list(EnumSet.of(Status.FAILED, Status.PENDING), 10)).extracting(Stored::messageId)
                .containsExactlyInAnyOrder(waiting.messageId(), failed.messageId());
        assertThat(store.list(EnumSet.of(Status.FAILED), 10)).extracting(Stored::lastError)
                .containsExactly("not delivered by its deadline");
        assertThat(store.list(EnumSet.allOf(Status.class), 2)).hasSize(2);
        assertThat(store.list(Set.of(), 10)).isEmpty();
    }

    @Test
    void housekeepingDeletesEndedMessagesAfterTheRetentionAndExpiredReceipts() {
        Stored old = message(id(), t0);
        Stored recent = message(id(), t0);
        Stored waiting = message(id(), t0);
        store.accept(old, Optional.empty(), t0);
        store.accept(recent, Optional.empty(), t0);
        store.accept(waiting, Optional.empty(), t0);
        store.finish(old.messageId(), 1, 1, Status.ACKNOWLEDGED, "", t0);
        store.finish(recent.messageId(), 1, 1, Status.FAILED, "x", t0.plus(Duration.ofDays(6)));
        store.firstReceipt("IN-OLD", t0, t0.plusSeconds(3600));
        store.firstReceipt("IN-NEW", t0, t0.plus(Duration.ofDays(30)));

        int deleted = store.purge(t0.plus(Duration.ofDays(1)), t0.plus(Duration.ofDays(7)));

        assertThat(deleted).isEqualTo(2);
        assertThat(store.stored(old.messageId())).isEmpty();
        assertThat(store.stored(recent.messageId())).isPresent();
        assertThat(store.stored(waiting.messageId())).isPresent();
        assertThat(store.firstReceipt("IN-OLD", t0.plus(Duration.ofDays(7)), t0.plus(Duration.ofDays(8)))).isTrue();
        assertThat(store.firstReceipt("IN-NEW", t0.plus(Duration.ofDays(7)), t0.plus(Duration.ofDays(8)))).isFalse();
    }

    @Test
    void aReceiptIsFirstOnceWithinItsWindowAndAgainAfterItOrOnceForgotten() {
        String id = id();
        assertThat(store.firstReceipt(id, t0, t0.plusSeconds(60))).isTrue();
        assertThat(store.firstReceipt(id, t0.plusSeconds(59), t0.plusSeconds(120))).isFalse();
        assertThat(store.firstReceipt(id, t0.plusSeconds(61), t0.plusSeconds(120))).isTrue();
        store.forgetReceipt(id);
        assertThat(store.firstReceipt(id, t0.plusSeconds(62), t0.plusSeconds(120))).isTrue();
    }

    @Test
    void concurrentReceiptsOfOneMessageIdHaveOneWinner() throws Exception {
        String id = id();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Boolean>> tries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tries.add(pool.submit(() -> store.firstReceipt(id, t0, t0.plusSeconds(60))));
        }
        int first = 0;
        for (Future<Boolean> f : tries) {
            first += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertThat(first).isEqualTo(1);
    }

    @Test
    void expressAndSyncRecordsAreKeptButNeverClaimed() {
        String id = id();
        MessageStore.Outbound pending = new MessageStore.Outbound(id, "C", Workflow.EXPRESS, t0, 0, Status.PENDING);
        store.save(pending);
        store.save(pending.with(1, Status.PENDING));
        assertThat(store.outbound(id)).contains(pending.with(1, Status.PENDING));
        store.save(pending.with(1, Status.ACKNOWLEDGED));

        assertThat(store.outbound(id)).contains(pending.with(1, Status.ACKNOWLEDGED));
        assertThat(store.stored(id)).isEmpty();
        assertThat(store.claim("a", t0.plus(Duration.ofDays(1)), LEASE, 10)).isEmpty();
        assertThat(store.list(EnumSet.allOf(Status.class), 10)).isEmpty();
    }

    @Test
    void anAsynchronousAcknowledgementEndsAStoredMessage() {
        Stored m = message(id(), t0);
        store.accept(m, Optional.of("a"), t0.plus(LEASE));

        store.save(store.outbound(m.messageId()).orElseThrow().with(1, Status.ACKNOWLEDGED));

        assertThat(store.stored(m.messageId()).orElseThrow().status()).isEqualTo(Status.ACKNOWLEDGED);
        assertThat(store.claim("b", t0.plus(Duration.ofDays(1)), LEASE, 10)).isEmpty();
    }
}
