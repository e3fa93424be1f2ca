package io.spinekit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.cis.CisClient;
import io.spinekit.cis.CisException;
import io.spinekit.cis.RoleAssertion;
import io.spinekit.cis.SsoTicket;
import io.spinekit.testpki.TestPki;
import io.spinekit.tls.SpineTlsContext;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** FakeCisExtension in use, over real mutual TLS on loopback. Lifecycle checks: {@link ExtensionLifecycleTest}. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FakeCisExtensionTest {
    private static final SsoTicket TICKET = SsoTicket.of("AQIC5wM2LY4SfczExtensionTestTicket=@AAJTSQACMDE=#");

    @RegisterExtension
    static final FakeCisExtension CIS = FakeCisExtension.mutualTls();

    private static FakeCis beforeAllCis;
    private static TestPki beforeAllPki;
    private static SpineTlsContext beforeAllTls;

    @BeforeAll
    static void capture(FakeCis cis, TestPki pki, SpineTlsContext tls) {
        beforeAllCis = cis;
        beforeAllPki = pki;
        beforeAllTls = tls;
    }

    @Test
    @Order(1)
    void injectsOneFakeItsPkiAndAMutualTlsContextForTheWholeClass(FakeCis cis, TestPki pki, SpineTlsContext tls) {
        assertThat(cis).isSameAs(beforeAllCis).isSameAs(CIS.cis());
        assertThat(pki).isSameAs(beforeAllPki).isSameAs(CIS.pki());
        assertThat(tls).isSameAs(beforeAllTls).isSameAs(CIS.clientTls());

        assertThat(tls.trustedCertificates()).containsExactly(pki.root().certificate());
        assertThat(tls.clientIdentity().orElseThrow().chain()).isEqualTo(CIS.clientCertificate().chain());
        assertThat(CIS.clientCertificate().certificate().getSubjectX500Principal().getName())
                .startsWith("CN=" + FakeCisExtension.CLIENT_HOST);
        assertThat(CIS.clientCertificate().issuerChain().get(0)).isEqualTo(pki.subCa().certificate());
    }

    @Test
    @Order(2)
    void theMutualTlsContextGetsARoleAssertionFromTheFake(FakeCis cis, SpineTlsContext tls) {
        RoleAssertion served = cis.givenAssertion(TICKET);

        try (CisClient client = CisClient.builder().urls(cis.urls()).spineTls(tls).build()) {
            assertThat(client.roleAssertion(TICKET)).isEqualTo(served);
        }
        assertThat(cis.roleAssertionRequests()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void theFakeIsResetAfterEachTest(FakeCis cis, SpineTlsContext tls) {
        assertThat(cis.roleAssertionRequests()).isZero();

        try (CisClient client = CisClient.builder().urls(cis.urls()).spineTls(tls).build()) {
            assertThatThrownBy(() -> client.roleAssertion(TICKET)).isInstanceOfSatisfying(CisException.class,
                    e -> assertThat(e.reason()).isEqualTo(CisException.Reason.FAILED_STATUS));
        }
    }

    @Test
    @Order(4)
    void theFakeRequiresAClientCertificate(FakeCis cis, TestPki pki) {
        SpineTlsContext noIdentity = SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate()))
                .build();

        try (CisClient client = CisClient.builder().urls(cis.urls()).spineTls(noIdentity).build()) {
            assertThatThrownBy(() -> client.roleAssertion(TICKET)).isInstanceOfSatisfying(CisException.class,
                    e -> assertThat(e.reason()).isIn(CisException.Reason.TLS_FAILED, CisException.Reason.IO));
        }
        assertThat(cis.roleAssertionRequests()).isZero();
    }
}
