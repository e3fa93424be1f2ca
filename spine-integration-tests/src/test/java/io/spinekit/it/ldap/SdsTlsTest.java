package io.spinekit.it.ldap;

import io.spinekit.ldap.SdsClient;
import io.spinekit.ldap.SdsLookupException;
import io.spinekit.ldap.SdsUnavailableException;
import static io.spinekit.testkit.EmbeddedSds.organisation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spinekit.env.OdsCode;
import io.spinekit.env.SpineCatalog;
import io.spinekit.testkit.EmbeddedSds;
import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.TestPki;
import io.spinekit.tls.TlsFailure;
import io.spinekit.tls.SpineTlsContext;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** LDAPS with client certificates, trust and host name checks, and the explicit plain-LDAP opt-in. */
class SdsTlsTest {
    static EmbeddedSds sds;

    @BeforeAll
    static void start() {
        sds = EmbeddedSds.builder().clientAuth(EmbeddedSds.ClientAuth.REQUIRED).start();
        sds.addOrganisation(organisation("X26", "NHS ENGLAND"));
    }

    @AfterAll
    static void stop() {
        sds.close();
    }

    static String lookUp(SdsClient.Builder b) {
        try (SdsClient client = b.noCache().build()) {
            return client.organisation(OdsCode.of("X26")).orElseThrow().name();
        }
    }

    @Test
    void presentsTheClientCertificateOverLdaps() {
        assertThat(lookUp(SdsClient.builder().ldapUrls(sds.url()).tls(sds.tlsContext()))).isEqualTo("NHS ENGLAND");
    }

    @Test
    void directoryRequiringAClientCertificateRefusesAClientWithoutOne() {
        assertThatThrownBy(() -> lookUp(SdsClient.builder().ldapUrls(sds.url())
                .tls(sds.tlsContextWithoutClientCertificate())))
                .isInstanceOf(SdsUnavailableException.class)
                .hasMessageContaining(sds.url())
                .hasMessageContaining("LDAPS server " + sds.url() + " requires a client certificate and none is"
                        + " configured")
                .isInstanceOfSatisfying(SdsUnavailableException.class, e -> {
                    assertThat(e.reason()).as(e.getMessage()).isEqualTo(SdsUnavailableException.Reason.TLS_HANDSHAKE_FAILED);
                    assertThat(e.tlsFailure()).contains(TlsFailure.CLIENT_CERTIFICATE_REJECTED);
                });
    }

    @Test
    void clientCertificateTheDirectoryDoesNotTrustIsReportedAsRefused() {
        TestPki other = TestPki.create("Other");
        IssuedCertificate stranger = other.certificate("stranger.example").clientAuth().issue();
        SpineTlsContext untrustedIdentity = SpineTlsContext.builder()
                .trustCertificates(List.of(sds.pki().root().certificate()))
                .clientIdentity(stranger.privateKey(), stranger.chain())
                .build();

        SdsUnavailableException e = assertThrows(SdsUnavailableException.class,
                () -> lookUp(SdsClient.builder().ldapUrls(sds.url()).tls(untrustedIdentity)));

        assertThat(e.reason()).as(e.getMessage()).isEqualTo(SdsUnavailableException.Reason.TLS_HANDSHAKE_FAILED);
        assertThat(e.tlsFailure()).contains(TlsFailure.CLIENT_CERTIFICATE_REJECTED);
        assertThat(e).hasMessageStartingWith("LDAPS server " + sds.url() + " refused our client certificate")
                .hasMessageContaining("for the organisation with ODS code X26")
                .hasMessageContaining(TlsFailure.CLIENT_CERTIFICATE_REJECTED.fix())
                .hasMessageNotContaining("No SDS server answered");
    }

    @Test
    void serverCertificateFromAnotherPkiIsNotTrusted() {
        TestPki other = TestPki.create("Other");
        SpineTlsContext wrongTrust = SpineTlsContext.builder()
                .trustCertificates(List.of(other.root().certificate()))
                .clientIdentity(sds.clientCertificate().privateKey(), sds.clientCertificate().chain())
                .build();

        assertThatThrownBy(() -> lookUp(SdsClient.builder().ldapUrls(sds.url()).tls(wrongTrust)))
                .isInstanceOf(SdsUnavailableException.class);
    }

    @Test
    void hostNameThatTheCertificateDoesNotNameIsRefused() {
        // the server certificate names "localhost" only
        assertThatThrownBy(() -> lookUp(SdsClient.builder().ldapUrls("ldaps://127.0.0.1:" + sds.port())
                .tls(sds.tlsContext())))
                .isInstanceOf(SdsUnavailableException.class)
                .hasMessageContaining("127.0.0.1");
    }

    @Test
    void plainLdapIsRefusedUnlessExplicitlyAllowed() {
        try (EmbeddedSds plain = EmbeddedSds.builder().plainLdap().start()) {
            plain.addOrganisation(organisation("X26", "PLAIN"));

            assertThat(plain.url()).startsWith("ldap://");
            assertThatThrownBy(() -> SdsClient.builder().ldapUrls(plain.url()).build())
                    .isInstanceOf(SdsLookupException.class)
                    .hasMessage("Plain LDAP URL \"" + plain.url() + "\" refused: SDS is reached over LDAPS"
                            + " (ldaps://host:636); for a local test directory call allowPlainLdap()");
            assertThat(lookUp(SdsClient.builder().ldapUrls(plain.url()).allowPlainLdap())).isEqualTo("PLAIN");
        }
    }

    @Test
    void customEnvironmentFromOverridesSuppliesTheLdapUrl() {
        Properties props = new Properties();
        props.setProperty("spinekit.local-mock.ldap.url", sds.url());
        props.setProperty("spinekit.local-mock.spine.partykey", "YES-0000806");
        SpineCatalog catalog = SpineCatalog.builder().systemProperties(props).build();

        try (SdsClient client = SdsClient.builder().profile(catalog.profile("local-mock")).tls(sds.tlsContext())
                .build()) {
            assertThat(client.ldapUrls()).containsExactly(sds.url());
            assertThat(client.spineCoreOdsCode()).contains(OdsCode.of("YES"));
            assertThat(client.organisation(OdsCode.of("X26")).orElseThrow().name()).isEqualTo("NHS ENGLAND");
        }
    }
}
