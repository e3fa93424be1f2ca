package io.spinekit.cis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.env.CatalogException;
import io.spinekit.env.SpineCatalog;
import io.spinekit.env.SpineEnvironment;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class CisUrlsTest {
    private static final SpineCatalog CATALOG = SpineCatalog.bundled();
    private static final SsoTicket TICKET = SsoTicket.of("AQIC5wM2LY4Sfcy73z2zeTRzPNXOdr5U6mC2NyUVxy0BffY=@AAJTSQACMDE=#");

    @Test
    void developmentHasEveryUrlFromTheSeedAndTheCis2IssuerFromPublicDocs() {
        CisUrls urls = CisUrls.of(CATALOG.profile(SpineEnvironment.DEVELOPMENT));

        assertThat(urls.environment()).isEqualTo("development");
        assertThat(urls.entries()).extracting(CisUrls.Entry::key, e -> e.url().map(URI::toString).orElse(null),
                e -> e.provenance().orElse(null)).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("gas.activate.url",
                                "https://gas.vn03.national.ncrs.nhs.uk/login/authactivate", "SEED"),
                        org.assertj.core.groups.Tuple.tuple("gas.validate.url",
                                "https://gas.vn03.national.ncrs.nhs.uk/login/authvalidate", "SEED"),
                        org.assertj.core.groups.Tuple.tuple("gas.logout.url",
                                "https://gas.vn03.national.ncrs.nhs.uk/login/authlogout", "SEED"),
                        org.assertj.core.groups.Tuple.tuple("sbapi.roleselection.url",
                                "https://sbapi.vn03.national.ncrs.nhs.uk/saml/RoleSelectionGP.jsp", "SEED"),
                        org.assertj.core.groups.Tuple.tuple("sbapi.roleassertion.url",
                                "https://sbapi.vn03.national.ncrs.nhs.uk/saml/RoleAssertion", "SEED"),
                        org.assertj.core.groups.Tuple.tuple("sbapi.namingservice.url",
                                "https://sbapi.vn03.national.ncrs.nhs.uk/amserver/namingservice", "SEED"),
                        org.assertj.core.groups.Tuple.tuple("cis2.issuer",
                                "https://am.nhsdev.auth-ptl.cis2.spineservices.nhs.uk/openam/oauth2/realms/root/"
                                        + "realms/NHSIdentity/realms/Healthcare", "PUBLIC"));
    }

    @Test
    void roleAssertionUrlCarriesTheEncodedTicket() {
        CisUrls urls = CisUrls.of(CATALOG.profile(SpineEnvironment.INTEGRATION));

        assertThat(urls.roleAssertionUrl(TICKET)).hasToString("https://sbapi.nis1.national.ncrs.nhs.uk/saml/RoleAssertion"
                + "?token=AQIC5wM2LY4Sfcy73z2zeTRzPNXOdr5U6mC2NyUVxy0BffY%3D%40AAJTSQACMDE%3D%23");
    }

    @Test
    void roleSelectionUrlEncodesEveryParameterInOrder() {
        CisUrls urls = CisUrls.of(CATALOG.profile(SpineEnvironment.DEVELOPMENT));
        String base = "https://sbapi.vn03.national.ncrs.nhs.uk/saml/RoleSelectionGP.jsp";

        assertThat(urls.roleSelectionUrl(TICKET, "555006304103")).hasToString(base
                + "?token=AQIC5wM2LY4Sfcy73z2zeTRzPNXOdr5U6mC2NyUVxy0BffY%3D%40AAJTSQACMDE%3D%23"
                + "&selectedRoleUid=555006304103");
        RoleSelection all = RoleSelection.of(TICKET, "555 006&x=1").withMode(SessionMode.TRAINING)
                .withGacVersion("GACv10. 0. 0. 1").withFallbackStatus("0");
        assertThat(urls.roleSelectionUrl(all)).hasToString(base
                + "?token=AQIC5wM2LY4Sfcy73z2zeTRzPNXOdr5U6mC2NyUVxy0BffY%3D%40AAJTSQACMDE%3D%23"
                + "&selectedRoleUid=555+006%26x%3D1&ssbMode=1&gacVersion=GACv10.+0.+0.+1&fallbackStatus=0");
    }

    @Test
    void baseUrlWithAQueryGetsParametersAppended() {
        CisUrls urls = CisUrls.builder("mock").url(CisUrls.ROLE_ASSERTION, URI.create("https://mock.example/ra?v=2"))
                .build();

        assertThat(urls.roleAssertionUrl(SsoTicket.of("t=1"))).hasToString("https://mock.example/ra?v=2&token=t%3D1");
    }

    @Test
    void discoveryUrlIsTheIssuerPlusTheWellKnownPath() {
        assertThat(CisUrls.of(CATALOG.profile(SpineEnvironment.INTEGRATION)).discoveryUrl()).hasToString(
                "https://am.nhsint.auth-ptl.cis2.spineservices.nhs.uk/openam/oauth2/realms/root/realms/NHSIdentity/"
                        + "realms/Healthcare/.well-known/openid-configuration");
        assertThat(CisUrls.of(CATALOG.profile(SpineEnvironment.LIVE)).discoveryUrl()).hasToString(
                "https://am.nhsidentity.spineservices.nhs.uk/openam/oauth2/realms/root/realms/NHSIdentity/realms/"
                        + "Healthcare/.well-known/openid-configuration");
    }

    @Test
    void unpublishedUrlsAreAbsentAndSayWhichOverrideSuppliesThem() {
        CisUrls dep = CisUrls.of(CATALOG.profile(SpineEnvironment.DEPLOYMENT));

        assertThat(dep.find(CisUrls.ROLE_ASSERTION)).isEmpty();
        assertThat(dep.find(CisUrls.CIS2_ISSUER)).isEmpty();
        assertThat(dep.gasValidateUrl()).hasToString("https://gas.vn1.national.ncrs.nhs.uk/login/authvalidate");
        assertThatThrownBy(() -> dep.roleAssertionUrl(TICKET)).isInstanceOf(CatalogException.class)
                .hasMessageContaining("spinekit.deployment.sbapi.roleassertion.url")
                .hasMessageContaining("SPINEKIT_DEPLOYMENT_SBAPI_ROLEASSERTION_URL")
                .message().doesNotContain(TICKET.reveal());
        assertThatThrownBy(dep::discoveryUrl).isInstanceOf(CatalogException.class)
                .hasMessageContaining("spinekit.deployment.cis2.issuer");
        CisUrls.Entry absent = dep.entries().stream().filter(e -> e.key().equals(CisUrls.CIS2_ISSUER)).findFirst()
                .orElseThrow();
        assertThat(absent.provenance()).isEmpty();
        assertThat(absent.source()).contains("SPINEKIT_DEPLOYMENT_CIS2_ISSUER");

        assertThat(CisUrls.of(CATALOG.profile(SpineEnvironment.LIVE)).find(CisUrls.ROLE_ASSERTION)).isEmpty();
    }

    @Test
    void overridesFillTheGapsAndDefineCustomEnvironments() {
        Properties p = new Properties();
        p.setProperty("spinekit.deployment.sbapi.roleassertion.url", "https://sbapi.dep.example/saml/RoleAssertion");
        p.setProperty("spinekit.local-mock.cis2.issuer", "https://localhost:8443/realms/Healthcare");
        SpineCatalog catalog = SpineCatalog.builder().systemProperties(p).build();

        CisUrls dep = CisUrls.of(catalog.profile(SpineEnvironment.DEPLOYMENT));
        assertThat(dep.roleAssertionEndpoint()).hasToString("https://sbapi.dep.example/saml/RoleAssertion");
        assertThat(dep.entries().get(4).provenance()).contains("OVERRIDE");
        CisUrls mock = CisUrls.of(catalog.profile("local-mock"));
        assertThat(mock.discoveryUrl()).hasToString("https://localhost:8443/realms/Healthcare/.well-known/openid-configuration");
        assertThat(mock.find(CisUrls.GAS_ACTIVATE)).isEmpty();
    }

    @Test
    void builderRejectsUnknownKeysAndRelativeUrlsAndToStringHasNoSecrets() {
        assertThatThrownBy(() -> CisUrls.builder("x").url("ldap.url", URI.create("ldaps://h:636")))
                .isInstanceOf(CisException.class).hasMessageStartingWith("\"ldap.url\" is not a CIS URL key");
        assertThatThrownBy(() -> CisUrls.builder("x").url(CisUrls.ROLE_ASSERTION, URI.create("/saml/RoleAssertion")))
                .isInstanceOf(CisException.class).hasMessageContaining("is not absolute");
        assertThatThrownBy(() -> CisUrls.builder("x").url(CisUrls.CIS2_ISSUER, URI.create("http://plain.example/x"))
                .build()).isInstanceOf(CisException.class).hasMessageContaining("not an absolute https URL");

        CisUrls urls = CisUrls.builder("x").url(CisUrls.ROLE_ASSERTION, URI.create("https://h/ra")).build();
        assertThat(urls.toString()).isEqualTo("CisUrls[x, present [sbapi.roleassertion.url]]");
        assertThat(urls.find(CisUrls.GAS_LOGOUT)).isEqualTo(Optional.empty());
        assertThatThrownBy(urls::gasLogoutUrl).isInstanceOf(CatalogException.class)
                .hasMessage("No value for 'gas.logout.url' in \"x\": give it with CisUrls.builder(...).url(\"gas.logout.url\", ...)");
        assertThat(List.of(urls.find(CisUrls.ROLE_ASSERTION).orElseThrow())).containsExactly(URI.create("https://h/ra"));
    }
}
