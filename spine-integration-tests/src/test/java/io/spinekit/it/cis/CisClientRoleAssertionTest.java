package io.spinekit.it.cis;

import io.spinekit.cis.CisClient;
import io.spinekit.cis.CisException;
import io.spinekit.cis.RoleAssertion;
import io.spinekit.cis.SsoTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spinekit.env.CatalogException;
import io.spinekit.env.SpineCatalog;
import io.spinekit.testkit.FakeCis;
import io.spinekit.testkit.FakeCisExtension;
import io.spinekit.testpki.TestPki;
import io.spinekit.tls.SpineTlsContext;
import io.spinekit.testpki.IssuedCertificate;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CisClient against FakeCis over real mutual TLS on loopback. */
class CisClientRoleAssertionTest {
    private static final SsoTicket TICKET = SsoTicket.of("AQIC5wM2LY4SfczTestOnlyTicketABC=@AAJTSQACMDE=#");
    /** One fake per class over mutual TLS, reset after each test. */
    @RegisterExtension
    static final FakeCisExtension CIS = FakeCisExtension.mutualTls();
    private static TestPki pki;
    private static FakeCis cis;
    private static SpineTlsContext tls;

    @BeforeAll
    static void start(FakeCis fake, TestPki fakePki, SpineTlsContext clientTls) {
        pki = fakePki;
        cis = fake;
        tls = clientTls;
    }

    private static CisClient client() {
        return CisClient.builder().profile(cis.profile("local-mock")).spineTls(tls).build();
    }

    private static CisException failure(CisClient client, SsoTicket ticket) {
        return assertThrows(CisException.class, () -> client.roleAssertion(ticket));
    }

    private static void assertNoTicket(Throwable e, SsoTicket ticket) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(ticket.reveal()).doesNotContain(ticket.urlEncoded());
            assertThat(t.toString()).doesNotContain(ticket.reveal());
        }
    }

    @Test
    void fetchesAndParsesTheRoleAssertionOverMutualTls() {
        RoleAssertion served = cis.givenAssertion(TICKET);

        try (CisClient client = client()) {
            RoleAssertion a = client.roleAssertion(TICKET);

            assertThat(a).isEqualTo(served);
            assertThat(a.selectedRole().orElseThrow().orgCode()).isEqualTo("X99001");
        }
        assertThat(cis.roleAssertionRequestUrls()).containsExactly(
                "/saml/RoleAssertion?token=AQIC5wM2LY4SfczTestOnlyTicketABC%3D%40AAJTSQACMDE%3D%23");
    }

    @Test
    void profileFromTheCatalogAndGivenUrlsReachTheSameEndpoint() {
        RoleAssertion served = cis.givenAssertion(TICKET);

        try (CisClient client = CisClient.builder().urls(cis.urls()).spineTls(tls).build()) {
            assertThat(client.roleAssertion(TICKET)).isEqualTo(served);
        }
    }

    @Test
    void failureStatusIsACisExceptionWithoutTheTicket() {
        cis.givenFailureStatus(TICKET, "Invalid SSO token " + TICKET.reveal());

        try (CisClient client = client()) {
            CisException e = failure(client, TICKET);

            assertThat(e.reason()).isEqualTo(CisException.Reason.FAILED_STATUS);
            assertThat(e.getMessage()).contains("\"samlp:Responder\" / \"samlp:RequestDenied\"")
                    .contains("Invalid SSO token [redacted SSO ticket]");
            assertNoTicket(e, TICKET);
        }
    }

    @Test
    void unknownTicketGetsTheDefaultFailureStatus() {
        try (CisClient client = client()) {
            assertThat(failure(client, SsoTicket.of("unknown-ticket")).reason())
                    .isEqualTo(CisException.Reason.FAILED_STATUS);
        }
    }

    @Test
    void expiredAssertionFromTheServerIsRefused() {
        RoleAssertion old = FakeCis.sampleAssertion(Instant.now().minus(Duration.ofHours(1)));
        cis.givenAssertion(TICKET, old);

        try (CisClient client = client()) {
            CisException e = failure(client, TICKET);
            assertThat(e.reason()).isEqualTo(CisException.Reason.EXPIRED);
            assertNoTicket(e, TICKET);
        }
    }

    @Test
    void hostileDocumentsAreRefusedAndNothingIsFetched() {
        try (CisClient client = client()) {
            for (FakeCis.Hostile kind : List.of(FakeCis.Hostile.XXE_FILE, FakeCis.Hostile.XXE_HTTP,
                    FakeCis.Hostile.BILLION_LAUGHS, FakeCis.Hostile.DEEP_NESTING)) {
                cis.givenHostileXml(TICKET, kind);
                CisException e = failure(client, TICKET);
                assertThat(e.reason()).as(kind.name()).isEqualTo(CisException.Reason.REJECTED_XML);
                assertThat(e.getMessage()).as(kind.name()).doesNotContain("root:");
            }
            cis.givenHostileXml(TICKET, FakeCis.Hostile.OVERSIZED);
            CisException big = failure(client, TICKET);
            assertThat(big.reason()).isEqualTo(CisException.Reason.RESPONSE_TOO_LARGE);
            assertThat(big.getMessage()).contains("larger than the limit of 1048576 bytes");
        }
        assertThat(cis.wasRequested("/xxe-canary")).isFalse();
    }

    @Test
    void serverErrorIsReportedAndNotRetried() {
        cis.givenServerError(TICKET);

        try (CisClient client = client()) {
            CisException e = failure(client, TICKET);

            assertThat(e.reason()).isEqualTo(CisException.Reason.HTTP_STATUS);
            assertThat(e.getMessage()).startsWith("role assertion request to " + cis.baseUrl()
                    + "/saml/RoleAssertion answered HTTP 500").contains("not retried");
            assertNoTicket(e, TICKET);
        }
        assertThat(cis.roleAssertionRequests()).isEqualTo(1);
    }

    @Test
    void slowAnswerTimesOutAndIsNotRetried() {
        cis.givenSlowAnswer(TICKET, Duration.ofSeconds(3));

        try (CisClient client = CisClient.builder().profile(cis.profile("local-mock")).spineTls(tls)
                .responseTimeout(Duration.ofMillis(300)).build()) {
            CisException e = failure(client, TICKET);

            assertThat(e.reason()).isEqualTo(CisException.Reason.TIMEOUT);
            assertThat(e.getMessage()).contains("within 300 ms").contains("not retried, because the request had been sent");
            assertNoTicket(e, TICKET);
        }
        assertThat(cis.roleAssertionRequests()).isEqualTo(1);
    }

    @Test
    void answerDribbledJustInsideTheResponseTimeoutHitsTheRequestTimeout() {
        cis.wireMock().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(FakeCis.ROLE_ASSERTION_PATH)).atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                        .withBody(FakeCis.roleAssertionResponse(FakeCis.sampleAssertion(Instant.now()), TICKET))
                        .withChunkedDribbleDelay(40, 20_000)));

        try (CisClient client = CisClient.builder().profile(cis.profile("local-mock")).spineTls(tls)
                .responseTimeout(Duration.ofSeconds(10)).requestTimeout(Duration.ofSeconds(1)).build()) {
            CisException e = failure(client, TICKET);

            assertThat(e.reason()).isEqualTo(CisException.Reason.TIMEOUT);
            assertThat(e.getMessage()).contains("within the request timeout of 1000 ms").contains("not retried");
            assertNoTicket(e, TICKET);
        }
        assertThat(cis.roleAssertionRequests()).isEqualTo(1);
    }

    /** Resolves localhost to 127.0.0.2 (where nothing listens) for the first n look-ups, then 127.0.0.1. */
    private static final class RefusingFirst implements DnsResolver {
        final AtomicInteger lookups = new AtomicInteger();
        final int refusals;

        RefusingFirst(int refusals) {
            this.refusals = refusals;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            int n = lookups.incrementAndGet();
            return new InetAddress[] {InetAddress.getByAddress("localhost",
                    n <= refusals ? new byte[] {127, 0, 0, 2} : new byte[] {127, 0, 0, 1})};
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }

    @Test
    void refusedConnectionIsRetriedOnceAndThenSucceeds() {
        RoleAssertion served = cis.givenAssertion(TICKET);
        RefusingFirst dns = new RefusingFirst(1);

        try (CisClient client = CisClient.builder().profile(cis.profile("local-mock")).spineTls(tls)
                .dnsResolver(dns).build()) {
            assertThat(client.roleAssertion(TICKET)).isEqualTo(served);
        }
        assertThat(dns.lookups).hasValue(2);
        assertThat(cis.roleAssertionRequests()).isEqualTo(1);
    }

    @Test
    void refusedConnectionIsRetriedOnlyOnce() {
        RefusingFirst dns = new RefusingFirst(Integer.MAX_VALUE);

        try (CisClient client = CisClient.builder().profile(cis.profile("local-mock")).spineTls(tls)
                .dnsResolver(dns).build()) {
            CisException e = failure(client, TICKET);

            assertThat(e.reason()).isEqualTo(CisException.Reason.CONNECTION_FAILED);
            assertThat(e.getMessage()).startsWith("could not connect to localhost:" + cis.port() + " (after 2 attempts)");
            assertNoTicket(e, TICKET);
        }
        assertThat(dns.lookups).hasValue(2);
        assertThat(cis.roleAssertionRequests()).isZero();
    }

    @Test
    void serverThatIsNotTrustedFailsTheHandshake() {
        TestPki other = TestPki.create("Other");
        IssuedCertificate client = pki.certificate("client.example.nhs.uk").clientAuth().issue();
        SpineTlsContext wrongTrust = SpineTlsContext.builder().trustCertificates(List.of(other.root().certificate()))
                .clientIdentity(client.privateKey(), client.chain()).build();

        try (CisClient c = CisClient.builder().profile(cis.profile("local-mock")).spineTls(wrongTrust).build()) {
            CisException e = failure(c, TICKET);
            assertThat(e.reason()).isEqualTo(CisException.Reason.TLS_FAILED);
            assertThat(e.getMessage()).startsWith("TLS with localhost:" + cis.port() + " failed for the role assertion");
        }
        assertThat(cis.roleAssertionRequests()).isZero();
    }

    @Test
    void serverRefusesAClientWithoutACertificate() {
        SpineTlsContext noIdentity = SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate()))
                .build();

        try (CisClient c = CisClient.builder().profile(cis.profile("local-mock")).spineTls(noIdentity).build()) {
            CisException e = failure(c, TICKET);
            assertThat(e.reason()).isIn(CisException.Reason.TLS_FAILED, CisException.Reason.IO);
            assertNoTicket(e, TICKET);
        }
        assertThat(cis.roleAssertionRequests()).isZero();
    }

    @Test
    void environmentWithoutARoleAssertionUrlSaysWhichOverrideSuppliesIt() {
        Properties overrides = cis.overrides("partial-mock");
        overrides.remove("spinekit.partial-mock.sbapi.roleassertion.url");

        try (CisClient c = CisClient.builder()
                .profile(SpineCatalog.builder().systemProperties(overrides).build().profile("partial-mock"))
                .spineTls(tls).build()) {
            assertThatThrownBy(() -> c.roleAssertion(TICKET)).isInstanceOf(CatalogException.class)
                    .hasMessageContaining("spinekit.partial-mock.sbapi.roleassertion.url")
                    .hasMessageContaining("SPINEKIT_PARTIAL_MOCK_SBAPI_ROLEASSERTION_URL");
        }
    }

    @Test
    void clientWithoutASpineTlsContextSaysHowToConfigureIt() {
        try (CisClient c = CisClient.builder().profile(cis.profile("local-mock")).build()) {
            assertThatThrownBy(() -> c.roleAssertion(TICKET)).isInstanceOfSatisfying(CisException.class,
                    e -> assertThat(e.reason()).isEqualTo(CisException.Reason.CONFIGURATION))
                    .hasMessageContaining("spineTls(...)");
        }
    }
}
