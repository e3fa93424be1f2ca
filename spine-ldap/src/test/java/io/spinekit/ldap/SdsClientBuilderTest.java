package io.spinekit.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.env.OdsCode;
import io.spinekit.env.SpineCatalog;
import io.spinekit.env.SpineEnvironment;
import io.spinekit.tls.SpineTlsContext;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Builder validation and environment wiring; building never connects, so no server is needed. */
class SdsClientBuilderTest {
    static final SpineTlsContext INT_TLS = SpineTlsContext.builder().environment(SpineEnvironment.INTEGRATION).build();

    @Test
    void environmentSuppliesTheLdapUrlAndSpineCoreOdsCode() {
        try (SdsClient client = SdsClient.builder().environment(SpineEnvironment.INTEGRATION).tls(INT_TLS).build()) {
            assertThat(client.ldapUrls()).containsExactly("ldaps://ldap.nis1.national.ncrs.nhs.uk:636");
            assertThat(client.spineCoreOdsCode()).contains(OdsCode.of("YES"));
        }
    }

    @Test
    void explicitUrlsOverrideTheEnvironmentsInFailoverOrder() {
        try (SdsClient client = SdsClient.builder().environment(SpineEnvironment.DEVELOPMENT)
                .ldapUrls("ldaps://sds-a.test", "ldaps://sds-b.test:1636").tls(INT_TLS).build()) {
            assertThat(client.ldapUrls()).containsExactly("ldaps://sds-a.test:636", "ldaps://sds-b.test:1636");
        }
    }

    @Test
    void ldapUrlOverrideReplacesTheBundledOne() {
        Properties p = new Properties();
        p.setProperty("spinekit.integration.ldap.url", "ldaps://sds-a.test:1636");
        SpineCatalog catalog = SpineCatalog.builder().systemProperties(p).build();

        try (SdsClient client = SdsClient.builder().profile(catalog.profile(SpineEnvironment.INTEGRATION))
                .tls(INT_TLS).build()) {
            assertThat(client.ldapUrls()).containsExactly("ldaps://sds-a.test:1636");
        }
    }

    @Test
    void customEnvironmentWithoutLdapUrlNamesTheOverrideThatSuppliesIt() {
        Properties p = new Properties();
        p.setProperty("spinekit.other-mock.spine.partykey", "YES-0000806");
        SpineCatalog catalog = SpineCatalog.builder().systemProperties(p).build();

        assertThatThrownBy(() -> SdsClient.builder().profile(catalog.profile("other-mock")).tls(INT_TLS).build())
                .isInstanceOf(SdsLookupException.class)
                .hasMessageContaining("No SDS server for environment other-mock")
                .hasMessageContaining("spinekit.other-mock.ldap.url");
    }

    @Test
    void intermediaryNeedsASpineCoreOdsCode() {
        try (SdsClient client = SdsClient.builder().ldapUrls("ldaps://sds.test").tls(INT_TLS).build()) {
            assertThat(client.spineCoreOdsCode()).isEmpty();
            assertThatThrownBy(() -> client.route(RouteRequest.of(OdsCode.of("X26"),
                    io.spinekit.env.InteractionId.of("urn:nhs:names:services:psis:REPC_IN150016UK05"))
                    .viaReliableIntermediary()))
                    .isInstanceOf(SdsLookupException.class)
                    .hasMessageContaining("Spine core ODS code is unknown")
                    .hasMessageContaining("spineCoreOdsCode");
        }
    }

    @Test
    void refusesPlainLdapMissingTlsAndNoServer() {
        assertThatThrownBy(() -> SdsClient.builder().ldapUrls("ldap://sds.test").build())
                .isInstanceOf(SdsLookupException.class).hasMessageContaining("allowPlainLdap()");
        assertThatThrownBy(() -> SdsClient.builder().ldapUrls("ldaps://sds.test").build())
                .isInstanceOf(SdsLookupException.class)
                .hasMessage("LDAPS server ldaps://sds.test:636 needs a TLS context: call tls(SpineTlsContext) with"
                        + " the environment's trust and your client certificate");
        assertThatThrownBy(() -> SdsClient.builder().build())
                .isInstanceOf(SdsLookupException.class).hasMessageStartingWith("No SDS server");
    }

    @Test
    void rejectsNonsensicalSettings() {
        SdsClient.Builder b = SdsClient.builder();
        assertThatThrownBy(() -> b.responseTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("responseTimeout must be positive, was PT0S");
        assertThatThrownBy(() -> b.maxConnections(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxConnections must be 1 or more, was 0");
        assertThatThrownBy(() -> b.staleIfError(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("staleIfError must not be negative, was PT-1S");
        assertThatThrownBy(() -> b.staleRetryInterval(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("staleRetryInterval must be positive, was PT0S");
    }
}
