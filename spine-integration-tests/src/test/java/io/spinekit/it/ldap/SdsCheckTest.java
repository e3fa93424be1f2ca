package io.spinekit.it.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import io.spinekit.ldap.SdsCheck;
import io.spinekit.ldap.SdsLookupException;
import io.spinekit.testkit.EmbeddedSds;
import io.spinekit.testkit.FaultyLdapServer;
import io.spinekit.testpki.TestPki;
import io.spinekit.tls.ConnectionCheck;
import io.spinekit.tls.TlsFailure;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link SdsCheck}: an anonymous bind and root DSE read against an embedded SDS over LDAPS with a
 * client certificate, and the failures spine doctor reports (no client certificate, wrong host,
 * a stalled or trickling directory within the deadline, plain LDAP, bad URLs).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against a hang, not a timing assertion
class SdsCheckTest {
    static final Duration DEADLINE = Duration.ofSeconds(5);
    static EmbeddedSds sds;

    @BeforeAll
    static void start() {
        sds = EmbeddedSds.builder().pki(TestPki.create("SdsCheck")).clientAuth(EmbeddedSds.ClientAuth.REQUIRED).start();
    }

    @AfterAll
    static void stop() {
        sds.close();
    }

    @Test
    void healthyDirectoryAnswersTheAnonymousBindAndRootDse() {
        ConnectionCheck.Step s = SdsCheck.check(sds.url(), sds.tlsContext(), DEADLINE);

        assertThat(s.name()).isEqualTo("ldap");
        assertThat(s.target()).isEqualTo(sds.url());
        assertThat(s.outcome()).as(s.detail()).isEqualTo(ConnectionCheck.Outcome.OK);
        assertThat(s.detail()).startsWith("anonymous bind and root DSE read; naming contexts: ").contains("o=nhs");
        assertThat(s.failure()).isEmpty();
        assertThat(s.fix()).isEmpty();
    }

    /**
     * Every time, not only when the TLS alert survives: with TLS 1.3 the server checks our certificate
     * after our side of the handshake is over, and its alert may be lost with the connection (then the
     * anonymous bind breaks). Before the fix the kind was often empty or CONNECTION_FAILED.
     */
    @RepeatedTest(10)
    void directoryRequiringAClientCertificateFailsWithoutOne() {
        ConnectionCheck.Step s = SdsCheck.check(sds.url(), sds.tlsContextWithoutClientCertificate(), DEADLINE);

        assertThat(s.outcome()).isEqualTo(ConnectionCheck.Outcome.FAILED);
        assertThat(s.fix()).hasValueSatisfying(f -> assertThat(f).containsIgnoringCase("client certificate"));
        assertThat(s.failure()).as(s.detail()).contains(TlsFailure.CLIENT_CERTIFICATE_REJECTED);
        assertThat(s.detail()).contains("requires a client certificate and none is configured");
    }

    @Test
    void hostNameTheServerCertificateDoesNotNameFails() {
        // the server certificate names "localhost" only
        String url = "ldaps://127.0.0.1:" + sds.port();

        ConnectionCheck.Step s = SdsCheck.check(url, sds.tlsContext(), DEADLINE);

        assertThat(s.outcome()).isEqualTo(ConnectionCheck.Outcome.FAILED);
        assertThat(s.target()).isEqualTo(url);
        assertThat(s.detail()).contains("127.0.0.1");
    }

    @Test
    void stalledDirectoryFailsWithinTheDeadline() {
        Duration deadline = Duration.ofSeconds(1);
        try (FaultyLdapServer stall = FaultyLdapServer.stall()) {
            ConnectionCheck.Step s = SdsCheck.check(stall.url(), sds.tlsContext(), deadline);

            assertThat(s.outcome()).isEqualTo(ConnectionCheck.Outcome.FAILED);
            assertThat(s.elapsed()).isLessThan(deadline.plusSeconds(2));
            assertThat(stall.acceptedConnections()).isPositive();
        }
    }

    @Test
    void tricklingDirectoryIsCutOffAtTheDeadline() {
        Duration deadline = Duration.ofSeconds(2);
        try (FaultyLdapServer trickle = FaultyLdapServer.start(sds, FaultyLdapServer.Mode.TRICKLE)) {
            trickle.trickleInterval(Duration.ofMillis(200)); // each read well within the per-read timeout

            ConnectionCheck.Step s = SdsCheck.check(trickle.url(), sds.tlsContext(), deadline);

            assertThat(s.outcome()).isEqualTo(ConnectionCheck.Outcome.FAILED);
            assertThat(s.failure()).contains(TlsFailure.TIMEOUT);
            assertThat(s.detail()).startsWith("no complete answer within 2 s");
            assertThat(s.elapsed()).isLessThan(deadline.plusSeconds(2));
        }
    }

    @Test
    void plainLdapUrlIsCheckedWithoutTls() {
        try (EmbeddedSds plain = EmbeddedSds.builder().plainLdap().start()) {
            ConnectionCheck.Step s = SdsCheck.check(plain.url(), null, DEADLINE);

            assertThat(plain.url()).startsWith("ldap://");
            assertThat(s.outcome()).as(s.detail()).isEqualTo(ConnectionCheck.Outcome.OK);
        }
    }

    @Test
    void serverMessageWithALineBreakIsQuotedInTheDetail() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("o=nhs");
        config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
            @Override
            public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) throws LDAPException {
                throw new LDAPException(ResultCode.UNWILLING_TO_PERFORM, "no\n2026-12-02 INFO ldap PASS");
            }
        });
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        server.startListening();
        try {
            ConnectionCheck.Step s = SdsCheck.check("ldap://localhost:" + server.getListenPort(), null, DEADLINE);

            assertThat(s.outcome()).isEqualTo(ConnectionCheck.Outcome.FAILED);
            assertThat(s.detail()).doesNotContain("\n").contains("\"no\\n2026-12-02 INFO ldap PASS\"");
        } finally {
            server.shutDown(true);
        }
    }

    /** Review finding: the naming contexts were printed unquoted, so a line break in one forged a doctor line. */
    @Test
    void namingContextsAreQuotedInTheDetail() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("o=nhs\\0A2026-12-02 INFO ldap PASS");
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        server.startListening();
        try {
            ConnectionCheck.Step s = SdsCheck.check("ldap://localhost:" + server.getListenPort(), null, DEADLINE);

            assertThat(s.outcome()).as(s.detail()).isEqualTo(ConnectionCheck.Outcome.OK);
            assertThat(s.detail()).doesNotContain("\n").contains("naming contexts: \"o=nhs");
        } finally {
            server.shutDown(true);
        }
    }

    @Test
    void urlsThatAreNotLdapAndLdapsWithoutAContextAreRefused() {
        assertThatThrownBy(() -> SdsCheck.check("https://localhost:636", sds.tlsContext(), DEADLINE))
                .isInstanceOf(SdsLookupException.class)
                .hasMessage("Not an LDAP URL: \"https://localhost:636\"; expected ldaps://host[:port] or ldap://host[:port]");
        assertThatThrownBy(() -> SdsCheck.check(sds.url(), null, DEADLINE))
                .isInstanceOf(SdsLookupException.class).hasMessageContaining("needs a TLS context");
        assertThatThrownBy(() -> SdsCheck.check(sds.url(), sds.tlsContext(), Duration.ZERO))
                .isInstanceOf(SdsLookupException.class).hasMessageContaining("deadline must be positive");
    }
}
