package io.spinekit.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SpineCatalogTest {
    private final SpineCatalog bundled = SpineCatalog.bundled();

    @Test
    void bundledCatalogHasEditionAndFourStandardProfilesInOrder() {
        assertThat(bundled.edition()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(bundled.profiles()).extracting(EnvironmentProfile::name)
                .containsExactly("development", "integration", "deployment", "live");
        assertThat(bundled.profiles()).extracting(p -> p.environment().orElseThrow())
                .containsExactly(SpineEnvironment.values());
    }

    @Test
    void profileIsFoundByEnumNameShortNameAndDisplayName() {
        EnvironmentProfile integration = bundled.profile(SpineEnvironment.INTEGRATION);
        assertThat(bundled.profile("INTEGRATION")).isSameAs(integration);
        assertThat(bundled.profile("int")).isSameAs(integration);
        assertThat(bundled.profile("Integration")).isSameAs(integration);
        assertThat(integration.displayName()).isEqualTo("Integration");
    }

    @Test
    void unknownEnvironmentNameListsKnownOnes() {
        assertThatThrownBy(() -> bundled.profile("staging"))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("\"staging\"")
                .hasMessageContaining("development, integration, deployment, live")
                .hasMessageContaining("spinekit.local-mock.ldap.url");
    }

    @Test
    void requireUrlOfAbsentValueNamesSystemPropertyAndEnvironmentVariable() {
        EnvironmentProfile deployment = bundled.profile(SpineEnvironment.DEPLOYMENT);
        assertThat(deployment.url("portal.url")).isEmpty();
        assertThatThrownBy(() -> deployment.requireUrl("portal.url"))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("\"portal.url\"")
                .hasMessageContaining("\"deployment\"")
                .hasMessageContaining("spinekit.deployment.portal.url")
                .hasMessageContaining("SPINEKIT_DEPLOYMENT_PORTAL_URL");
    }

    @Test
    void factCarriesValueProvenanceAndSource() {
        Fact ldap = bundled.profile(SpineEnvironment.DEVELOPMENT).fact("ldap.url").orElseThrow();
        assertThat(ldap.value()).isEqualTo("ldaps://ldap.vn03.national.ncrs.nhs.uk:636");
        assertThat(ldap.provenance()).isEqualTo(Provenance.SEED);
        assertThat(ldap.source()).contains("Development environments").contains("seed 002");
        Fact inferred = bundled.profile(SpineEnvironment.DEPLOYMENT).fact("messaging.sync.url").orElseThrow();
        assertThat(inferred.inferred()).isTrue();
        assertThat(inferred.value()).isEqualTo("https://msg.dep.spine2.ncrs.nhs.uk/sync-service");
        Fact published = bundled.profile(SpineEnvironment.DEPLOYMENT).fact("ldap.url").orElseThrow();
        assertThat(published.inferred()).as("the SDS FHIR API's DEP back-end names it").isFalse();
    }

    @Test
    void unknownKeyInCodeIsReportedNotSilentlyEmpty() {
        assertThatThrownBy(() -> bundled.profile(SpineEnvironment.LIVE).fact("ldap.ulr"))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("\"ldap.ulr\"")
                .hasMessageContaining("ldap.url");
    }

    @Test
    void customEnvironmentIsDefinedBySystemProperties() {
        Properties props = new Properties();
        props.setProperty("spinekit.local-mock.ldap.url", "ldaps://localhost:10636");
        props.setProperty("spinekit.local-mock.spine.partykey", "YES-0000806");
        props.setProperty("spinekit.local-mock.tls.trust", "nhs-ptl-root-authority-g2");
        SpineCatalog catalog = SpineCatalog.builder().systemProperties(props).build();

        EnvironmentProfile mock = catalog.profile("local-mock");
        assertThat(mock.name()).isEqualTo("local-mock");
        assertThat(mock.environment()).isEmpty();
        assertThat(mock.requireUrl("ldap.url")).isEqualTo(URI.create("ldaps://localhost:10636"));
        assertThat(mock.spinePartyKey()).contains(PartyKey.of("YES-0000806"));
        assertThat(mock.trustChain()).containsExactly("nhs-ptl-root-authority-g2");
        assertThat(mock.fact("ldap.url").orElseThrow().provenance()).isEqualTo(Provenance.OVERRIDE);
        assertThat(mock.fact("ldap.url").orElseThrow().source()).isEqualTo("system property spinekit.local-mock.ldap.url");
        assertThat(catalog.profiles()).extracting(EnvironmentProfile::name)
                .containsExactly("development", "integration", "deployment", "live", "local-mock");
    }

    @Test
    void trustChainsFollowTheContract() {
        assertThat(bundled.profile(SpineEnvironment.DEVELOPMENT).trustChain()).containsExactly(
                "nhs-ptl-root-authority", "nhs-dev-level-1c", "nhs-ptl-root-authority-g2", "nhs-int-authentication-g2");
        assertThat(bundled.profile(SpineEnvironment.INTEGRATION).trustChain()).containsExactly(
                "nhs-ptl-root-authority-g2", "nhs-int-authentication-g2", "nhs-ptl-root-authority", "nhs-int-level-1c");
        assertThat(bundled.profile(SpineEnvironment.DEPLOYMENT).trustChain()).containsExactly(
                "nhs-ptl-root-authority-g2", "nhs-int-authentication-g2", "nhs-ptl-root-authority", "nhs-dep-level-1c");
        assertThat(bundled.profile(SpineEnvironment.LIVE).trustChain()).containsExactly(
                "nhs-root-authority-g2", "nhs-authentication-g2");
    }

    @Test
    void environmentVariableBeatsSystemProperty() {
        Properties props = new Properties();
        props.setProperty("spinekit.integration.ldap.url", "ldaps://from-property:636");
        SpineCatalog catalog = SpineCatalog.builder().systemProperties(props)
                .environmentVariables(Map.of("SPINEKIT_INTEGRATION_LDAP_URL", "ldaps://from-variable:636")).build();
        Fact f = catalog.profile(SpineEnvironment.INTEGRATION).fact("ldap.url").orElseThrow();
        assertThat(f.value()).isEqualTo("ldaps://from-variable:636");
        assertThat(f.source()).isEqualTo("environment variable SPINEKIT_INTEGRATION_LDAP_URL");
    }
}
