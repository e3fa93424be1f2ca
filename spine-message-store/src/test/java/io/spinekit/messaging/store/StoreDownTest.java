package io.spinekit.messaging.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.ldap.Route;
import io.spinekit.messaging.MessageStore;
import io.spinekit.messaging.MessagingException;
import io.spinekit.messaging.OutboundMessage;
import io.spinekit.messaging.SendOutcome;
import io.spinekit.messaging.SpineMessaging;
import io.spinekit.testkit.FakeMhs;
import io.spinekit.testpki.TestPki;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stops while messages are being retried: new sends fail clearly and are not accepted,
 * what was accepted before is not lost, and delivery resumes once the database is back.
 */
class StoreDownTest {
    @TempDir
    Path dir;

    @Test
    void sendsFailClearlyWhileTheStoreIsDownAndNothingAcceptedIsLost() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        EmbeddedPostgres.Builder server = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pgdata"))
                .setCleanDataDirectory(false).setPort(port);
        EmbeddedPostgres pg = server.start();
        String url = pg.getJdbcUrl("postgres", "postgres");
        TestPki pki = TestPki.create("StoreDown");
        Path tls = TestRoutes.writeTls(pki, Files.createDirectories(dir.resolve("tls")));
        try (FakeMhs mhs = FakeMhs.start(pki).expect(TestRoutes.PARTY_KEY, TestRoutes.CPA_ID);
             JdbcMessageStore store = JdbcMessageStore.builder(url).connectionTimeout(Duration.ofMillis(500)).build();
             SpineMessaging messaging = SenderChild.client(tls, store).build()) {
            Route route = TestRoutes.reliable(mhs.endpoint("/reliablemessaging/reliablerequest"), 1000,
                    Duration.ofMillis(300), Duration.ofMinutes(10));
            mhs.script(IntStream.range(0, 10_000).mapToObj(i -> FakeMhs.Answer.soapFault("206"))
                    .toArray(FakeMhs.Answer[]::new));
            List<String> accepted = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String id = UUID.randomUUID().toString().toUpperCase();
                messaging.sendAsync(route, OutboundMessage.of(TestRoutes.PAYLOAD).withMessageId(id));
                accepted.add(id);
            }
            await(() -> mhs.received().size() >= 20, "the messages being retried");

            pg.close(); // the database stops; the data directory stays
            String refused = UUID.randomUUID().toString().toUpperCase();
            assertThatThrownBy(() -> messaging.sendAsync(route, OutboundMessage.of(TestRoutes.PAYLOAD)
                    .withMessageId(refused)))
                    .isInstanceOfSatisfying(MessagingException.class, e -> assertThat(e.reason())
                            .isEqualTo(MessagingException.Reason.STORE_UNAVAILABLE))
                    .hasMessageStartingWith("the message store on jdbc:postgresql://localhost:" + port
                            + "/postgres could not accept \"" + refused + "\"");
            mhs.reset(); // acknowledged from now on, while the store is still down
            Thread.sleep(1000);

            pg = server.start();
            await(() -> reachable(store) && store.list(EnumSet.of(MessageStore.Status.PENDING), 1).isEmpty(),
                    "delivery to resume");

            for (String id : accepted) {
                assertThat(store.stored(id).orElseThrow().status()).as(id).isEqualTo(MessageStore.Status.ACKNOWLEDGED);
            }
            assertThat(store.stored(refused)).as("refused while down: never accepted").isEmpty();
            SendOutcome after = messaging.send(route, OutboundMessage.of(TestRoutes.PAYLOAD));
            assertThat(after.outcome()).isEqualTo(SendOutcome.Outcome.ACKNOWLEDGED);
        } finally {
            pg.close();
        }
    }

    /** Whether the pool has a connection again (the first calls after the restart may still time out). */
    private static boolean reachable(JdbcMessageStore store) {
        try {
            store.list(EnumSet.of(MessageStore.Status.PENDING), 1);
            return true;
        } catch (MessagingException e) {
            return false;
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 90 s for " + what).isLessThan(end);
            Thread.sleep(50);
        }
    }
}
