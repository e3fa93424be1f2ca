package io.spinekit.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RegistryFileTest {
    private static final SpineCatalog CATALOG = SpineCatalog.bundled();

    /** "Registry File HSCIC Identity Agent 2 (64-bit) Spine Development", verbatim from the development page. */
    private static final String DEV_HSCIC_IA2_64 = """
            Windows Registry Editor Version 5.00
            [HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\HSCIC\\Identity Agent]
            "ActivatePOSTURL"="https://gas.vn03.national.ncrs.nhs.uk/login/authactivate"
            "LaunchAppsPath"="https://portal.vn03.national.ncrs.nhs.uk"
            "MobilityPersistence_Available"="False"
            "SessionLockPersistence_Enabled"="False"
            """;
    /** "Registry File HSCIC Identity Agent 2 (32-bit) Spine Development", verbatim from the development page. */
    private static final String DEV_HSCIC_IA2_32 = """
            Windows Registry Editor Version 5.00
            [HKEY_LOCAL_MACHINE\\SOFTWARE\\HSCIC\\Identity Agent]
            "ActivatePOSTURL"="https://gas.vn03.national.ncrs.nhs.uk/login/authactivate"
            "LaunchAppsPath"="https://portal.vn03.national.ncrs.nhs.uk"
            "MobilityPersistence_Available"="False"
            "SessionLockPersistence_Enabled"="False"
            """;
    /** "Registry File HSCIC Identity Agent 1 (64-bit) Spine Development", verbatim from the development page. */
    private static final String DEV_HSCIC_IA1_64 = """
            Windows Registry Editor Version 5.00
            [HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\HSCIC\\Identity Agent]
            "ActivatePOSTURL"="https://gas.vn03.national.ncrs.nhs.uk/login/authactivate"
            "RoleSelectionGETPOSTURL"="https://sbapi.vn03.national.ncrs.nhs.uk/saml/RoleSelectionGP.jsp"
            "LogoffPOSTURL"="https://gas.vn03.national.ncrs.nhs.uk/login/authlogout"
            "LaunchAppsPath"="https://portal.vn03.national.ncrs.nhs.uk"
            """;
    /** "Registry File HSCIC Identity Agent 1 (32-bit) Spine Development", verbatim from the development page. */
    private static final String DEV_HSCIC_IA1_32 = """
            Windows Registry Editor Version 5.00
            [HKEY_LOCAL_MACHINE\\SOFTWARE\\HSCIC\\Identity Agent]
            "ActivatePOSTURL"="https://gas.vn03.national.ncrs.nhs.uk/login/authactivate"
            "RoleSelectionGETPOSTURL"="https://sbapi.vn03.national.ncrs.nhs.uk/saml/RoleSelectionGP.jsp"
            "LogoffPOSTURL"="https://gas.vn03.national.ncrs.nhs.uk/login/authlogout"
            "LaunchAppsPath"="https://portal.vn03.national.ncrs.nhs.uk"
            """;
    /** "Registry File BT Identity Agent (IA13) Spine Development", verbatim from the development page. */
    private static final String DEV_BT_IA13 = """
            Windows Registry Editor Version 5.00
            [HKEY_LOCAL_MACHINE\\SOFTWARE\\Gemplus\\GAC]
            "Activate.URL"="https://gas.vn03.national.ncrs.nhs.uk/login/authactivate"
            "Logout.URL"="https://gas.vn03.national.ncrs.nhs.uk/login/authlogout"
            "Authentication.StartBrowser.Url"="https://sbapi.vn03.national.ncrs.nhs.uk/saml/RoleSelectionWT.jsp?token=<SSO_TICKET>"
            "Device.id"="1ef2f9cc"
            "UpdateWatcher.enable"=dword:00000000
            "Device.id.URL"="https://sbapi.vn03.national.ncrs.nhs.uk/ssb/DeviceIDLogger?ipaddress=<IP_ADR>&latestdeviceid=<DEVICE_ID>&storeddeviceid=<OLD_DEVICE_ID>&token=<SSO_TICKET>"
            "Authentication.StartBrowser.Url"="https://sbapi.vn03.national.ncrs.nhs.uk/saml/RoleSelectionWT.jsp?token=<SSO_TICKET>"
            "RoleSelection.URL"="https://sbapi.vn03.national.ncrs.nhs.uk/saml/RoleSelectionGP.jsp?token=<SSO_TICKET>&selectedRoleUid=<ROLE_UID>&ssbMode=<MODE>&gacVersion=<GAC_VERSION>&fallbackStatus=<FALLBACK>"
            "Portal.URL"="https://portal.vn03.national.ncrs.nhs.uk"
            """;

    static Stream<Arguments> developmentSeedFiles() {
        return Stream.of(
                Arguments.of(IdentityAgent.HSCIC_IA2_64, DEV_HSCIC_IA2_64),
                Arguments.of(IdentityAgent.HSCIC_IA2_32, DEV_HSCIC_IA2_32),
                Arguments.of(IdentityAgent.HSCIC_IA1_64, DEV_HSCIC_IA1_64),
                Arguments.of(IdentityAgent.HSCIC_IA1_32, DEV_HSCIC_IA1_32),
                Arguments.of(IdentityAgent.BT_IA13, DEV_BT_IA13));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("developmentSeedFiles")
    void developmentFileIsTheSeedLineForLineWithCrlf(IdentityAgent agent, String seed) {
        RegistryFile file = RegistryFile.forProfile(CATALOG.profile(SpineEnvironment.DEVELOPMENT), agent);
        String expected = seed.replace("\n", "\r\n");
        assertThat(file.text()).isEqualTo(expected);
        assertThat(file.bytes()).isEqualTo(expected.getBytes(StandardCharsets.US_ASCII));
        assertThat(file.lines()).containsExactlyElementsOf(seed.lines().toList());
        assertThat(file.text()).endsWith("\r\n").doesNotContain("\r\n\r\n");
        assertThat(file.text().replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(file.facts()).extracting(Fact::provenance).containsOnly(Provenance.SEED);
        assertThat(file.inferredFacts()).isEmpty();
        assertThat(file.agent()).isEqualTo(agent);
        assertThat(file.environment()).isEqualTo("development");
    }

    @Test
    void btFileKeepsTheSeedsRepeatedStartBrowserLineAndFixedDeviceId() {
        RegistryFile bt = RegistryFile.forProfile(CATALOG.profile(SpineEnvironment.DEVELOPMENT), IdentityAgent.BT_IA13);
        assertThat(bt.lines()).filteredOn(l -> l.startsWith("\"Authentication.StartBrowser.Url\"")).hasSize(2);
        assertThat(bt.lines()).contains("\"Device.id\"=\"1ef2f9cc\"");
        assertThat(bt.fileName()).isEqualTo("spine-development-ia13.reg");
    }

    @Test
    void integrationFileUsesIntegrationUrlsAndReportsInferredOnes() {
        RegistryFile ia1 = RegistryFile.forProfile(CATALOG.profile(SpineEnvironment.INTEGRATION), IdentityAgent.HSCIC_IA1_32);
        assertThat(ia1.lines()).containsExactly(
                "Windows Registry Editor Version 5.00",
                "[HKEY_LOCAL_MACHINE\\SOFTWARE\\HSCIC\\Identity Agent]",
                "\"ActivatePOSTURL\"=\"https://gas.nis1.national.ncrs.nhs.uk/login/authactivate\"",
                "\"RoleSelectionGETPOSTURL\"=\"https://sbapi.nis1.national.ncrs.nhs.uk/saml/RoleSelectionGP.jsp\"",
                "\"LogoffPOSTURL\"=\"https://gas.nis1.national.ncrs.nhs.uk/login/authlogout\"",
                "\"LaunchAppsPath\"=\"https://portal.nis1.national.ncrs.nhs.uk\"");
        assertThat(ia1.inferredFacts()).extracting(Fact::key).containsExactly("sbapi.roleselection.url", "portal.url");
        assertThat(ia1.facts()).extracting(Fact::key)
                .containsExactly("gas.activate.url", "sbapi.roleselection.url", "gas.logout.url", "portal.url");
    }

    @Test
    void deploymentFileFailsNamingTheMissingPortalOverride() {
        EnvironmentProfile dep = CATALOG.profile(SpineEnvironment.DEPLOYMENT);
        assertThatThrownBy(() -> RegistryFile.forProfile(dep, IdentityAgent.HSCIC_IA2_64))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("'portal.url'")
                .hasMessageContaining("spinekit.deployment.portal.url")
                .hasMessageContaining("SPINEKIT_DEPLOYMENT_PORTAL_URL");
        assertThatThrownBy(() -> RegistryFile.forProfile(dep, IdentityAgent.BT_IA13))
                .isInstanceOf(CatalogException.class)
                .hasMessage("Cannot write the BT Identity Agent (IA13) registry file for environment \"deployment\": nothing publishes "
                        + "'sbapi.roleselectionwt.url', 'sbapi.deviceidlogger.url', 'sbapi.roleselection.url', 'portal.url'. "
                        + "Supply them with system property spinekit.deployment.sbapi.roleselectionwt.url or environment variable "
                        + "SPINEKIT_DEPLOYMENT_SBAPI_ROLESELECTIONWT_URL; system property spinekit.deployment.sbapi.deviceidlogger.url "
                        + "or environment variable SPINEKIT_DEPLOYMENT_SBAPI_DEVICEIDLOGGER_URL; system property "
                        + "spinekit.deployment.sbapi.roleselection.url or environment variable SPINEKIT_DEPLOYMENT_SBAPI_ROLESELECTION_URL; "
                        + "system property spinekit.deployment.portal.url or environment variable SPINEKIT_DEPLOYMENT_PORTAL_URL "
                        + "(or the same system property names in an overrides file).");
    }

    @Test
    void overridesCompleteTheDeploymentFile() {
        Properties props = new Properties();
        props.setProperty("spinekit.deployment.portal.url", "https://portal.example.nhs.uk");
        RegistryFile ia2 = RegistryFile.forProfile(SpineCatalog.builder().systemProperties(props).build()
                .profile(SpineEnvironment.DEPLOYMENT), IdentityAgent.HSCIC_IA2_32);
        assertThat(ia2.text()).isEqualTo("Windows Registry Editor Version 5.00\r\n"
                + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\HSCIC\\Identity Agent]\r\n"
                + "\"ActivatePOSTURL\"=\"https://gas.vn1.national.ncrs.nhs.uk/login/authactivate\"\r\n"
                + "\"LaunchAppsPath\"=\"https://portal.example.nhs.uk\"\r\n"
                + "\"MobilityPersistence_Available\"=\"False\"\r\n"
                + "\"SessionLockPersistence_Enabled\"=\"False\"\r\n");
        assertThat(ia2.facts()).extracting(Fact::provenance).containsExactly(Provenance.PUBLIC, Provenance.OVERRIDE);
    }

    @ParameterizedTest(name = "agent name ''{0}''")
    @CsvSource({
        "HSCIC_IA2_64, HSCIC_IA2_64",
        "hscic-ia2-64, HSCIC_IA2_64",
        "HSCIC Identity Agent 2 (64-bit), HSCIC_IA2_64",
        "ia2-32, HSCIC_IA2_32",
        "hscic identity agent 1 (32-bit), HSCIC_IA1_32",
        "IA1-64, HSCIC_IA1_64",
        "BT Identity Agent (IA13), BT_IA13",
        "BT Identity Agent IA13, BT_IA13",
        "bt_ia13, BT_IA13",
        "ia13, BT_IA13",
    })
    void parsesAgentNamesInSeedWordingOrEnumName(String text, IdentityAgent expected) {
        assertThat(IdentityAgent.parse(text)).isEqualTo(expected);
    }

    @Test
    void unknownAgentListsTheKnownOnes() {
        assertThatThrownBy(() -> IdentityAgent.parse("IA3"))
                .isInstanceOf(CatalogException.class)
                .hasMessage("Unknown Identity Agent \"IA3\": expected one of ia2-64 (HSCIC Identity Agent 2 (64-bit)), "
                        + "ia2-32 (HSCIC Identity Agent 2 (32-bit)), ia1-64 (HSCIC Identity Agent 1 (64-bit)), "
                        + "ia1-32 (HSCIC Identity Agent 1 (32-bit)), ia13 (BT Identity Agent (IA13))");
    }
}
