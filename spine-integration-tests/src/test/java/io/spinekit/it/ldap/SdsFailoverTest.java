package io.spinekit.it.ldap;

import io.spinekit.ldap.SdsClient;
import io.spinekit.ldap.SdsLookupException;
import io.spinekit.ldap.SdsUnavailableException;
import static io.spinekit.testkit.EmbeddedSds.organisation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import io.spinekit.env.OdsCode;
import io.spinekit.testkit.EmbeddedSds;
import io.spinekit.testpki.TestPki;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failover, timeouts and healing with real directories stopped, started and slowed. */
class SdsFailoverTest {
    static final OdsCode X26 = OdsCode.of("X26");
    static TestPki pki;
    static EmbeddedSds primary;
    static EmbeddedSds secondary;

    @BeforeAll
    static void start() {
        pki = TestPki.create();
        primary = EmbeddedSds.builder().pki(pki).clientAuth(EmbeddedSds.ClientAuth.REQUIRED).start();
        secondary = EmbeddedSds.builder().pki(pki).clientAuth(EmbeddedSds.ClientAuth.REQUIRED).start();
    }

    @AfterAll
    static void stop() {
        primary.close();
        secondary.close();
    }

    @BeforeEach
    void reset() {
        for (EmbeddedSds s : new EmbeddedSds[] {primary, secondary}) {
            s.start();
            s.noLatency();
            s.clear();
        }
        primary.addOrganisation(organisation("X26", "PRIMARY"));
        secondary.addOrganisation(organisation("X26", "SECONDARY"));
    }

    SdsClient.Builder both() {
        return SdsClient.builder().ldapUrls(primary.url(), secondary.url()).tls(primary.tlsContext()).noCache()
                .connectTimeout(Duration.ofSeconds(2)).responseTimeout(Duration.ofSeconds(2));
    }

    String answer(SdsClient client) {
        return client.organisation(X26).orElseThrow().name();
    }

    @Test
    void nextServerAnswersWhenThePrimaryIsDown() {
        try (SdsClient client = both().build()) {
            assertThat(answer(client)).isEqualTo("PRIMARY");
            primary.stop();
            assertThat(answer(client)).isEqualTo("SECONDARY");
            assertThat(client.ldapUrls()).containsExactly(primary.url(), secondary.url());
        }
    }

    @Test
    void trafficReturnsToThePrimaryOnceItIsBack() throws InterruptedException {
        try (SdsClient client = both().failbackAfter(Duration.ofMillis(50)).build()) {
            primary.stop();
            assertThat(answer(client)).isEqualTo("SECONDARY");
            primary.start();
            Thread.sleep(100); // let the failover connection pass its maximum age
            answer(client); // the aged connection to the secondary is replaced when it is released
            assertThat(answer(client)).isEqualTo("PRIMARY");
        }
    }

    @Test
    void slowServerFailsWithinTheResponseTimeoutWithAMessageSayingSo() {
        secondary.stop();
        primary.latency(Duration.ofSeconds(10));
        try (SdsClient client = both().responseTimeout(Duration.ofMillis(300)).build()) {
            // The message comes only from the client's own timeout result (not from the server, which would
            // answer after 10 s), so no wall-clock assertion is needed: machines are noisy.
            assertThatThrownBy(() -> client.organisation(X26))
                    .isInstanceOf(SdsUnavailableException.class)
                    .hasMessageContaining("did not answer the organisation with ODS code X26 within the response "
                            + "timeout of 300 ms")
                    .hasMessageContaining(primary.url())
                    .cause().isInstanceOfSatisfying(LDAPException.class,
                            e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.TIMEOUT));
        }
    }

    @Test
    void poolHealsWhenTheServerComesBackWithoutRestart() {
        try (SdsClient client = SdsClient.builder().ldapUrls(primary.url()).tls(primary.tlsContext()).noCache()
                .build()) {
            assertThat(answer(client)).isEqualTo("PRIMARY");
            primary.stop();
            assertThatThrownBy(() -> client.organisation(X26)).isInstanceOf(SdsUnavailableException.class)
                    .hasMessageContaining("No SDS server answered").hasMessageContaining(primary.url());
            primary.start();
            assertThat(answer(client)).isEqualTo("PRIMARY");
        }
    }

    @Test
    void clientBuiltWhileEveryServerIsDownWorksOnceOneStarts() {
        primary.stop();
        secondary.stop();
        try (SdsClient client = both().build()) {
            assertThatThrownBy(() -> client.organisation(X26)).isInstanceOf(SdsUnavailableException.class)
                    .hasMessageContaining(primary.url()).hasMessageContaining(secondary.url());
            secondary.start();
            assertThat(answer(client)).isEqualTo("SECONDARY");
        }
    }

    @Test
    void closeReleasesTheHealthCheckThreadAndConnections() throws InterruptedException {
        SdsClient client = both().healthCheckInterval(Duration.ofMillis(100)).build();
        assertThat(answer(client)).isEqualTo("PRIMARY");
        assertThat(sdsThreads()).isPositive();

        client.close();

        assertThat(sdsThreadsAfterWaiting()).isZero();
        assertThatThrownBy(() -> client.organisation(X26)).isInstanceOf(SdsLookupException.class);
    }

    static long sdsThreadsAfterWaiting() throws InterruptedException {
        for (int i = 0; i < 40 && sdsThreads() > 0; i++) {
            Thread.sleep(50);
        }
        return sdsThreads();
    }

    /** Threads of this test's pools: UnboundID names the health-check thread after the pool's server set. */
    static long sdsThreads() {
        String server = "localhost:" + primary.port();
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().contains("LDAPConnectionPool") && t.getName().contains(server))
                .count();
    }
}
