package io.spinekit.it.ldap;

import static io.spinekit.testkit.EmbeddedSds.organisation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spinekit.env.OdsCode;
import io.spinekit.ldap.SdsClient;
import io.spinekit.ldap.SdsResult;
import io.spinekit.ldap.Organisation;
import io.spinekit.ldap.SdsUnavailableException;
import io.spinekit.testkit.EmbeddedSds;
import io.spinekit.testkit.FaultyLdapServer;
import io.spinekit.testpki.TestPki;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Directories that stall, trickle or swallow connections: every socket has connect, handshake and
 * read deadlines, so the client fails over, serves stale entries or says TIMEOUT. The assertions
 * are about results; the timeout (each test takes about one 700 ms deadline) only stops a run that
 * would otherwise hang for ever, in a thread of its own because a blocked socket read ignores
 * interrupts. Before the fix, six of these hung (the host name check waited on the handshake) and
 * the black hole said UNAVAILABLE.
 */
@Timeout(value = 15, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SdsDeadlineTest {
    static final OdsCode X26 = OdsCode.of("X26");
    static final Duration DEADLINE = Duration.ofMillis(700);
    static TestPki pki;
    static EmbeddedSds healthy;

    @BeforeAll
    static void start() {
        pki = TestPki.create();
        healthy = EmbeddedSds.builder().pki(pki).clientAuth(EmbeddedSds.ClientAuth.REQUIRED).start();
        healthy.addOrganisation(organisation("X26", "HEALTHY"));
    }

    @AfterAll
    static void stop() {
        healthy.close();
    }

    SdsClient.Builder client(String... urls) {
        return SdsClient.builder().ldapUrls(urls).tls(healthy.tlsContext()).noCache()
                .connectTimeout(DEADLINE).responseTimeout(DEADLINE);
    }

    String answer(SdsClient client) {
        return client.organisation(X26).orElseThrow().name();
    }

    @Test
    void stalledPrimaryFailsOverToTheHealthySecondary() {
        try (FaultyLdapServer stall = FaultyLdapServer.stall();
                SdsClient client = client(stall.url(), healthy.url()).build()) {
            assertThat(answer(client)).isEqualTo("HEALTHY");
            assertThat(stall.acceptedConnections()).isPositive();
        }
    }

    @Test
    void tricklingPrimaryFailsOverToTheHealthySecondary() {
        try (FaultyLdapServer trickle = FaultyLdapServer.start(healthy, FaultyLdapServer.Mode.TRICKLE);
                SdsClient client = client(trickle.url(), healthy.url()).build()) {
            assertThat(answer(client)).isEqualTo("HEALTHY");
            assertThat(trickle.acceptedConnections()).isPositive();
        }
    }

    @Test
    void blackHolePrimaryFailsOverToTheHealthySecondary() {
        try (FaultyLdapServer hole = FaultyLdapServer.blackHole();
                SdsClient client = client(hole.url(), healthy.url()).build()) {
            assertThat(answer(client)).isEqualTo("HEALTHY");
        }
    }

    @Test
    void stalledOnlyServerIsATimeout() {
        try (FaultyLdapServer stall = FaultyLdapServer.stall(); SdsClient client = client(stall.url()).build()) {
            SdsUnavailableException e = assertThrows(SdsUnavailableException.class, () -> client.organisation(X26));
            assertThat(e.reason()).isEqualTo(SdsUnavailableException.Reason.TIMEOUT);
            assertThat(e).hasMessageContaining(stall.url());
        }
    }

    @Test
    void tricklingOnlyServerIsATimeout() {
        try (FaultyLdapServer trickle = FaultyLdapServer.start(healthy, FaultyLdapServer.Mode.TRICKLE);
                SdsClient client = client(trickle.url()).build()) {
            SdsUnavailableException e = assertThrows(SdsUnavailableException.class, () -> client.organisation(X26));
            assertThat(e.reason()).isEqualTo(SdsUnavailableException.Reason.TIMEOUT);
        }
    }

    @Test
    void blackHoleOnlyServerIsATimeout() {
        try (FaultyLdapServer hole = FaultyLdapServer.blackHole(); SdsClient client = client(hole.url()).build()) {
            SdsUnavailableException e = assertThrows(SdsUnavailableException.class, () -> client.organisation(X26));
            assertThat(e.reason()).isEqualTo(SdsUnavailableException.Reason.TIMEOUT);
        }
    }

    @Test
    void directoryThatSlowsDownAfterTheHandshakeIsATimeoutThoughEveryReadIsInTime() {
        try (FaultyLdapServer proxy = FaultyLdapServer.start(healthy, FaultyLdapServer.Mode.PASS);
                SdsClient client = client(proxy.url()).build()) {
            assertThat(answer(client)).isEqualTo("HEALTHY");
            // One byte every 100 ms: each read is well within the 700 ms deadline, the whole answer is not.
            proxy.trickleInterval(Duration.ofMillis(100));
            proxy.slowDown();

            SdsUnavailableException e = assertThrows(SdsUnavailableException.class, () -> client.organisation(X26));

            assertThat(e.reason()).isEqualTo(SdsUnavailableException.Reason.TIMEOUT);
            assertThat(e).hasMessageContaining(proxy.url());
        }
    }

    @Test
    void directoryThatStartsStallingServesTheCachedEntryStaleToEveryCaller() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        try (FaultyLdapServer proxy = FaultyLdapServer.start(healthy, FaultyLdapServer.Mode.PASS);
                SdsClient client = SdsClient.builder().ldapUrls(proxy.url()).tls(healthy.tlsContext())
                        .connectTimeout(DEADLINE).responseTimeout(DEADLINE).nanoTime(now::get).build()) {
            assertThat(answer(client)).isEqualTo("HEALTHY");

            proxy.mode(FaultyLdapServer.Mode.STALL);
            now.addAndGet(Duration.ofMinutes(20).toNanos());
            ExecutorService callers = Executors.newFixedThreadPool(2);
            try {
                List<Future<SdsResult<Organisation>>> results = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    results.add(callers.submit(() -> client.organisation(X26)));
                }
                for (Future<SdsResult<Organisation>> f : results) {
                    SdsResult<Organisation> r = f.get();
                    assertThat(r.orElseThrow().name()).isEqualTo("HEALTHY");
                    assertThat(r.freshness().stale()).isTrue();
                }
            } finally {
                callers.shutdownNow();
            }
            assertThat(proxy.acceptedConnections()).isGreaterThan(1);
        }
    }

    @Test
    void directoryThatStartsTricklingServesTheCachedEntryStale() {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        try (FaultyLdapServer proxy = FaultyLdapServer.start(healthy, FaultyLdapServer.Mode.PASS);
                SdsClient client = SdsClient.builder().ldapUrls(proxy.url()).tls(healthy.tlsContext())
                        .connectTimeout(DEADLINE).responseTimeout(DEADLINE).nanoTime(now::get).build()) {
            assertThat(answer(client)).isEqualTo("HEALTHY");
            proxy.mode(FaultyLdapServer.Mode.TRICKLE);
            now.addAndGet(Duration.ofMinutes(20).toNanos());
            SdsResult<Organisation> r = client.organisation(X26);
            assertThat(r.orElseThrow().name()).isEqualTo("HEALTHY");
            assertThat(r.freshness().stale()).isTrue();
        }
    }
}
