package io.spinekit.messaging.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.spinekit.env.PartyKey;
import io.spinekit.ldap.Route;
import io.spinekit.messaging.MessageStore;
import io.spinekit.messaging.SpineMessaging;
import io.spinekit.testkit.FakeMhs;
import io.spinekit.testpki.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three senders, each with a store instance (and pool) of its own, share one PostgreSQL store
 * holding 1,000 due messages: every message is acknowledged once, none is posted twice, the work
 * is shared, and PostgreSQL saw no deadlock.
 */
class ScaleOutTest {
    @TempDir
    Path dir;

    @Test
    void threeSendersShareOneStoreAndSendEachMessageOnce() throws Exception {
        TestPki pki = TestPki.create("ScaleOut");
        Path tls = TestRoutes.writeTls(pki, Files.createDirectories(dir.resolve("tls")));
        String url = Pg.newDatabase();
        Set<String> ids = new HashSet<>();
        try (FakeMhs mhs = FakeMhs.start(pki).expect(TestRoutes.PARTY_KEY, TestRoutes.CPA_ID);
             JdbcMessageStore loader = JdbcMessageStore.open(url)) {
            Route route = TestRoutes.reliable(mhs.endpoint("/reliablemessaging/reliablerequest"), 2,
                    Duration.ofMillis(100), Duration.ofMinutes(10));
            Instant now = Instant.now();
            for (int i = 0; i < 1000; i++) {
                MessageStore.Stored m = ReadyMessages.reliable(route, now);
                loader.accept(m, java.util.Optional.empty(), now);
                ids.add(m.messageId());
            }
            List<CountingStore> stores = new ArrayList<>();
            List<SpineMessaging> senders = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    CountingStore store = new CountingStore(JdbcMessageStore.open(url));
                    stores.add(store);
                    senders.add(SpineMessaging.builder().tls(TestRoutes.readTls(tls))
                            .fromPartyKey(PartyKey.of("X99-123456")).store(store).maxConcurrentSends(8)
                            .pollInterval(Duration.ofMillis(20)).build());
                }
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
                while (!loader.list(EnumSet.of(MessageStore.Status.PENDING), 1).isEmpty()) {
                    assertThat(System.nanoTime()).as("1,000 messages not delivered in 3 minutes").isLessThan(end);
                    Thread.sleep(50);
                }
            } finally {
                senders.forEach(SpineMessaging::close);
                stores.forEach(CountingStore::close);
            }

            List<FakeMhs.Received> received = mhs.received();
            assertThat(received).hasSize(1000).allSatisfy(r -> assertThat(r.problems()).isEmpty());
            assertThat(received.stream().map(r -> r.messageId().orElseThrow()).collect(Collectors.toSet()))
                    .as("each message posted once, by one sender").isEqualTo(ids);
            assertThat(loader.list(EnumSet.of(MessageStore.Status.ACKNOWLEDGED), 2000)).hasSize(1000)
                    .allSatisfy(m -> assertThat(m.posts()).isEqualTo(1));
            assertThat(stores).as("claims per sender").allSatisfy(s -> assertThat(s.claimed.get()).isPositive());
            assertThat(stores.stream().mapToInt(s -> s.claimed.get()).sum()).isEqualTo(1000);
            try (Connection c = java.sql.DriverManager.getConnection(url); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT deadlocks FROM pg_stat_database "
                         + "WHERE datname = current_database()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).as("deadlocks").isZero();
            }
        }
    }
}
