package io.spinekit.wes;

import static org.assertj.core.api.Assertions.assertThat;
import io.spinekit.wes.internal.Footnote;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each footnote of both tables, the WES's general statements (IoT, SP1, unlisted products) and the CIS limits. */
class WesFootnotesAndRulesTest {
    private static final Wes WES = Wes.bundled();
    private static final LocalDate DATE = LocalDate.of(2021, 9, 1);

    private static Assessment assess(Application app, ClientEnvironment env) {
        return WES.assess(app, env, DATE);
    }

    private static ClientEnvironment env(String os, String browser) {
        return ClientEnvironment.parse(os, browser);
    }

    // Footnote * (systems)

    @Test
    void cisInChromeNeedsNhsCredentialManagementOrTheChromeExtension() {
        Assessment a = assess(Application.CARE_IDENTITY_SERVICE, env("Windows 10 20H2 64-bit", "Chrome").withJre("8u281 32-bit"));
        assertThat(a.verdict()).isEqualTo(Verdict.SUPPORTED_WITH_CONDITIONS);
        assertThat(a.conditions()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ConditionKind.NHS_CREDENTIAL_MANAGEMENT_OR_CHROME_EXTENSION);
            assertThat(c.footnote()).contains("*");
            assertThat(c.text()).contains("NHS Credential Management").contains("Chrome extension")
                    .contains("does not allow CMS");
        });
        assertThat(a.reasons()).anyMatch(r -> r.footnote().equals(java.util.Optional.of("*"))
                && r.cell().orElseThrow().describe().equals("[Care Identity Service application* x Chrome] = \"Yes*\""));
    }

    @Test
    void cisInEdgeNeedsNhsCredentialManagementOrTheChromeExtension() {
        Assessment a = assess(Application.CARE_IDENTITY_SERVICE, env("Windows 10 20H2 64-bit", "Edge").withJre("8u281 32-bit"));
        assertThat(a.conditions()).extracting(Condition::kind)
                .containsExactly(ConditionKind.NHS_CREDENTIAL_MANAGEMENT_OR_CHROME_EXTENSION);
    }

    @Test
    void cisInIe11WithinTheLimitsIsSupportedWithoutConditions() {
        Assessment a = assess(Application.CARE_IDENTITY_SERVICE,
                env("Windows 10 Enterprise 20H2 64-bit", "IE11 32-bit").withJre("1.8.0_281 32-bit"));
        assertThat(a.verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(a.conditions()).isEmpty();
        assertThat(a.failures()).isEmpty();
    }

    @Test
    void cisThroughCitrixHasNoCms() {
        Assessment a = assess(Application.CARE_IDENTITY_SERVICE, ClientEnvironment.builder()
                .os("Windows Server 2012 R2 Standard").browser("IE11 32-bit").jre("8u281 32-bit").citrix(true).build());
        assertThat(a.verdict()).isEqualTo(Verdict.SUPPORTED_WITH_CONDITIONS);
        assertThat(a.conditions()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ConditionKind.NO_CMS_ON_CITRIX);
            assertThat(c.footnote()).contains("*");
            assertThat(c.text()).contains("CMS (smartcard operations) is not available");
        });
    }

    @Test
    void footnoteOneDoesNotReachOtherSystems() {
        Assessment a = assess(Application.SUS, env("Windows 10 Enterprise 21H2 64-bit", "Chrome"));
        assertThat(a.verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(a.conditions()).isEmpty();
    }

    @Test
    void susThroughCitrixIsNotSupported() {
        Assessment a = assess(Application.SUS, env("Windows 10 Pro 21H2", "Chrome").withCitrix(true));
        assertThat(a.verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
        assertThat(a.failures()).singleElement().satisfies(r ->
                assertThat(r.cell().orElseThrow().describe()).isEqualTo("[SUS x Citrix XenApp] = \"No\""));
    }

    // Footnote ** (systems): CIS limits

    @ParameterizedTest(name = "CIS with {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1.8.0_281 32-bit      | SUPPORTED
            8u281 (32-bit)        | SUPPORTED
            v8.281 32-bit         | SUPPORTED
            1.8.0_202 x86         | SUPPORTED
            8u51 32-bit           | SUPPORTED
            1.8.0_291 32-bit      | NOT_SUPPORTED
            8u282 32-bit          | NOT_SUPPORTED
            8u281 64-bit          | NOT_SUPPORTED
            1.8.0_281 x64         | NOT_SUPPORTED
            11.0.2 32-bit         | NOT_SUPPORTED
            1.7.0_80 32-bit       | NOT_SUPPORTED
            8u281                 | SUPPORTED_WITH_CONDITIONS
            8 32-bit              | SUPPORTED_WITH_CONDITIONS
            """)
    void cisJreIsWarrantedUpToAndIncluding8u281ThirtyTwoBit(String jre, Verdict verdict) {
        Assessment a = assess(Application.CARE_IDENTITY_SERVICE, env("Windows 10 20H2 64-bit", "IE11 32-bit").withJre(jre));
        assertThat(a.verdict()).as(a.describe()).isEqualTo(verdict);
        if (verdict == Verdict.SUPPORTED_WITH_CONDITIONS) {
            assertThat(a.conditions()).singleElement().satisfies(c -> {
                assertThat(c.kind()).isEqualTo(ConditionKind.JRE_VERSION_LIMIT);
                assertThat(c.footnote()).contains("**");
                assertThat(c.text()).contains("up to and including 8u281");
            });
        }
        if (verdict == Verdict.NOT_SUPPORTED) {
            assertThat(a.failures()).allMatch(r -> r.footnote().equals(java.util.Optional.of("**")));
        }
    }

    @Test
    void cisJreConditionsSayWhatToConfirmAboutTheJre() {
        Assessment noBitness = assess(Application.CARE_IDENTITY_SERVICE,
                env("Windows 10 20H2 64-bit", "IE11 32-bit").withJre("8u281"));
        Assessment featureOnly = assess(Application.CARE_IDENTITY_SERVICE,
                env("Windows 10 20H2 64-bit", "IE11 32-bit").withJre("8"));

        assertThat(noBitness.conditions()).singleElement().extracting(Condition::text).isEqualTo(
                "Confirm the JRE is 32-bit (JRE 8u281 given; warranted: JRE 8 (32-bit) up to and including 8u281).");
        assertThat(featureOnly.conditions()).singleElement().extracting(Condition::text).isEqualTo(
                "Confirm the JRE update is 8u281 or earlier and the JRE is 32-bit (JRE 8 given; warranted: JRE 8 "
                        + "(32-bit) up to and including 8u281).");
    }

    @Test
    void cisWithoutAJreNeedsTheFootnoteJre() {
        Assessment a = assess(Application.CARE_IDENTITY_SERVICE, env("Windows 10 20H2 64-bit", "IE11"));
        assertThat(a.conditions()).extracting(Condition::kind).containsExactly(ConditionKind.JRE_VERSION_LIMIT);
        assertThat(a.conditions().get(0).text()).contains("JRE 8 (32-bit) up to and including 8u281").contains("no JRE given");
    }

    @ParameterizedTest(name = "CIS on {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Windows 10 20H2 64-bit              | SUPPORTED
            Windows 10 Pro 2009 x64             | SUPPORTED
            Windows 10 build 19042 64-bit       | SUPPORTED
            Windows 10 1909 64-bit              | SUPPORTED
            Windows 10 1507 64-bit              | SUPPORTED
            Windows 10 21H1 64-bit              | NOT_SUPPORTED
            Windows 10 21H2 64-bit              | NOT_SUPPORTED
            Windows 10 22H2 64-bit              | NOT_SUPPORTED
            Windows 10 20H2 32-bit              | NOT_SUPPORTED
            Windows 10 64-bit                   | SUPPORTED_WITH_CONDITIONS
            Windows 10 20H2                     | SUPPORTED_WITH_CONDITIONS
            Windows 8.1 32-bit                  | SUPPORTED
            Windows 7 SP1 32-bit                | SUPPORTED
            """)
    void cisIsWarrantedOnWindows10UpToAndIncluding20H2SixtyFourBit(String os, Verdict verdict) {
        Assessment a = assess(Application.CARE_IDENTITY_SERVICE, env(os, "IE11 32-bit").withJre("8u281 32-bit"));
        assertThat(a.verdict()).as(a.describe()).isEqualTo(verdict);
        if (verdict == Verdict.SUPPORTED_WITH_CONDITIONS) {
            assertThat(a.conditions()).singleElement().satisfies(c -> {
                assertThat(c.kind()).isEqualTo(ConditionKind.WINDOWS_10_RELEASE_LIMIT);
                assertThat(c.footnote()).contains("**");
            });
        }
    }

    @Test
    void windows10LimitIsForCisOnly() {
        Assessment a = assess(Application.E_RS_PROFESSIONAL, env("Windows 10 22H2 32-bit", "Firefox"));
        assertThat(a.verdict()).isEqualTo(Verdict.SUPPORTED);
    }

    // Footnote *** (systems): Edge in IE mode

    @Test
    void edgeInIeModeWithJre8IsWarranted() {
        Assessment a = assess(Application.E_RS_PROFESSIONAL, env("Windows 10 21H2 64-bit", "Edge IE mode").withJre("8u301 32-bit"));
        assertThat(a.verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(a.reasons()).anyMatch(r -> r.outcome() == Reason.Outcome.MET && r.footnote().equals(java.util.Optional.of("***")));
    }

    @Test
    void edgeInIeModeWithoutAJreNeedsJre8() {
        Assessment a = assess(Application.E_RS_PROFESSIONAL, env("Windows 10 21H2 64-bit", "Microsoft Edge (IE mode)"));
        assertThat(a.verdict()).isEqualTo(Verdict.SUPPORTED_WITH_CONDITIONS);
        assertThat(a.conditions()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ConditionKind.EDGE_IE_MODE_NEEDS_JRE_8);
            assertThat(c.footnote()).contains("***");
        });
    }

    @Test
    void edgeInIeModeWithAnotherJreIsNotSupported() {
        Assessment a = assess(Application.E_RS_PROFESSIONAL, env("Windows 10 21H2 64-bit", "Edge IE mode").withJre("11.0.2 32-bit"));
        assertThat(a.verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
        assertThat(a.failures()).singleElement().satisfies(r -> {
            assertThat(r.footnote()).contains("***");
            assertThat(r.message()).contains("needs JRE 8").contains("JRE 11 update 2 32-bit");
        });
    }

    @Test
    void edgeInIeModeForASystemWithoutAWarrantedJreIsNotSupported() {
        Assessment a = assess(Application.SUS, env("Windows 10 21H2 64-bit", "Edge IE mode").withJre("8u281 32-bit"));
        assertThat(a.verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
        assertThat(a.failures()).singleElement().satisfies(r -> assertThat(r.message()).contains("warrants no JRE for 'SUS'"));
    }

    @Test
    void edgeWithoutIeModeIsUnaffectedByFootnoteThree() {
        Assessment a = assess(Application.SUS, env("Windows 10 21H2 64-bit", "Edge"));
        assertThat(a.verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(a.reasons()).anyMatch(r -> r.outcome() == Reason.Outcome.INFO && r.footnote().equals(java.util.Optional.of("***")));
    }

    // Footnote **** (systems): Chrome extension for the Spine UIs

    @Test
    void spineUisInChromeOrEdgeNeedTheChromeExtension() {
        for (Application app : List.of(Application.SPINE_EPS_TRACKER, Application.SPINE_REPORTING_SERVICE,
                Application.SPINE_DEMOGRAPHIC_APPLICATION, Application.SPINE_TES_ALERT_VIEWER, Application.SPINE_SCR,
                Application.SPINE_MOLES_AND_MESH_UI_CLIENT)) {
            for (String browser : List.of("Chrome", "Edge")) {
                Assessment a = assess(app, env("Windows 10 21H2 64-bit", browser).withJre("8u281 32-bit"));
                assertThat(a.verdict()).as(app + " " + browser).isEqualTo(Verdict.SUPPORTED_WITH_CONDITIONS);
                assertThat(a.conditions()).singleElement().satisfies(c -> {
                    assertThat(c.kind()).isEqualTo(ConditionKind.CHROME_EXTENSION_FOR_SPINE_UIS);
                    assertThat(c.footnote()).contains("****");
                    assertThat(c.text()).isEqualTo(browser + " needs the Chrome extension to work for the Spine user interfaces.");
                });
            }
        }
    }

    @Test
    void spineUiInFirefoxNeedsNoExtension() {
        Assessment a = assess(Application.SPINE_SCR, env("Windows 10 21H2 64-bit", "Firefox").withJre("8u281 32-bit"));
        assertThat(a.verdict()).isEqualTo(Verdict.SUPPORTED);
    }

    @Test
    void meshClientIsNotABrowserApplication() {
        Assessment a = WES.assess(Application.SPINE_MESH_CLIENT, ClientEnvironment.builder().os("Windows 10 22H2 64-bit")
                .jre("8u301 32-bit").build(), DATE);
        assertThat(a.verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(a.reasons()).anyMatch(r -> r.message().contains("not used in a browser"));
    }

    // The "32-bit" IE11 cells

    @ParameterizedTest(name = "Spine SCR in {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            IE11 32-bit                  | SUPPORTED
            Internet Explorer 11 (x86)   | SUPPORTED
            IE11 64-bit                  | NOT_SUPPORTED
            IE11                         | SUPPORTED_WITH_CONDITIONS
            """)
    void spineIe11CellsWarrantThe32BitBrowserOnly(String browser, Verdict verdict) {
        Assessment a = assess(Application.SPINE_SCR, env("Windows 10 21H2 64-bit", browser).withJre("8u281 32-bit"));
        assertThat(a.verdict()).isEqualTo(verdict);
        if (verdict == Verdict.SUPPORTED_WITH_CONDITIONS) {
            assertThat(a.conditions()).extracting(Condition::kind).containsExactly(ConditionKind.IE11_32_BIT_ONLY);
        }
    }

    @Test
    void cisIe11CellWarrantsEitherBitness() {
        Assessment a = assess(Application.CARE_IDENTITY_SERVICE, env("Windows 10 20H2 64-bit", "IE11 64-bit").withJre("8u281 32-bit"));
        assertThat(a.verdict()).isEqualTo(Verdict.SUPPORTED);
    }

    // JRE column

    @Test
    void spineSystemsNeedJre8ThirtyTwoBit() {
        assertThat(assess(Application.SPINE_SCR, env("Windows 10 21H2 64-bit", "IE11 32-bit").withJre("8u401 32-bit")).verdict())
                .isEqualTo(Verdict.SUPPORTED);
        assertThat(assess(Application.SPINE_SCR, env("Windows 10 21H2 64-bit", "IE11 32-bit").withJre("8u401 64-bit")).verdict())
                .isEqualTo(Verdict.NOT_SUPPORTED);
        assertThat(assess(Application.SPINE_SCR, env("Windows 10 21H2 64-bit", "IE11 32-bit").withJre("17.0.1 32-bit")).verdict())
                .isEqualTo(Verdict.NOT_SUPPORTED);
        Assessment none = assess(Application.SPINE_SCR, env("Windows 10 21H2 64-bit", "IE11 32-bit"));
        assertThat(none.conditions()).extracting(Condition::kind).containsExactly(ConditionKind.JRE_8_32_BIT);
    }

    @Test
    void eRsWarrantsAny32BitJre() {
        assertThat(assess(Application.E_RS_PROFESSIONAL, env("Windows 10 21H2 64-bit", "IE11").withJre("11.0.12 32-bit")).verdict())
                .isEqualTo(Verdict.SUPPORTED);
        assertThat(assess(Application.E_RS_PROFESSIONAL, env("Windows 10 21H2 64-bit", "IE11").withJre("11.0.12 64-bit")).verdict())
                .isEqualTo(Verdict.NOT_SUPPORTED);
        assertThat(assess(Application.E_RS_PROFESSIONAL, env("Windows 10 21H2 64-bit", "IE11").withJre("11.0.12")).conditions())
                .extracting(Condition::kind).containsExactly(ConditionKind.JRE_32_BIT);
    }

    // General statements: IoT, SP1, unlisted products

    @ParameterizedTest(name = "{0} is not supported")
    @CsvSource(delimiter = '|', textBlock = """
            Windows 10 IoT Enterprise 20H2 64-bit
            Windows 10 IoT Core
            Windows 10 IoT Enterprise LTSC 64-bit
            Windows 10 Internet of Things 21H2
            Windows 8.1 IoT
            """)
    void windowsIotEditionsAreNotSupported(String os) {
        Assessment a = assess(Application.E_RS_PROFESSIONAL, env(os, "Chrome"));
        assertThat(a.verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
        assertThat(a.failures()).singleElement().satisfies(r ->
                assertThat(r.message()).contains("IoT edition").contains("Windows Internet of Things (IoT) Editions are not supported."));
    }

    @Test
    void nonIotEditionIsSupported() {
        assertThat(assess(Application.E_RS_PROFESSIONAL, env("Windows 10 Enterprise LTSC 64-bit", "Chrome")).verdict())
                .isEqualTo(Verdict.SUPPORTED);
    }

    @Test
    void windows7NeedsServicePack1() {
        assertThat(assess(Application.E_RS_PROFESSIONAL, env("Windows 7 SP1", "Firefox")).verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(assess(Application.E_RS_PROFESSIONAL, env("Windows 7 Service Pack 1", "Firefox")).verdict())
                .isEqualTo(Verdict.SUPPORTED);
        Assessment rtm = assess(Application.E_RS_PROFESSIONAL, env("Windows 7 RTM", "Firefox"));
        assertThat(rtm.verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
        assertThat(rtm.failures().get(0).message()).contains("the WES lists Windows 7 SP1");
        Assessment unknown = assess(Application.E_RS_PROFESSIONAL, env("Windows 7", "Firefox"));
        assertThat(unknown.conditions()).extracting(Condition::kind).containsExactly(ConditionKind.SERVICE_PACK_1);
    }

    @Test
    void server2008R2NeedsServicePack1() {
        assertThat(assess(Application.E_RS_PROFESSIONAL, env("Windows Server 2008 R2 RTM", "Firefox")).verdict())
                .isEqualTo(Verdict.NOT_SUPPORTED);
        assertThat(assess(Application.E_RS_PROFESSIONAL, env("Win Server 2008 R2 SP1", "Firefox")).verdict())
                .isEqualTo(Verdict.SUPPORTED);
    }

    @ParameterizedTest(name = "{0} is not listed")
    @CsvSource(delimiter = '|', textBlock = """
            Windows 11 22H2
            Windows 8
            Windows Server 2016
            Windows Server 2012
            macOS 12.1
            Linux
            """)
    void operatingSystemsTheWesDoesNotListAreNotSupported(String os) {
        Assessment a = assess(Application.E_RS_PROFESSIONAL, env(os, "Firefox"));
        assertThat(a.verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
        assertThat(a.failures()).singleElement().satisfies(r -> assertThat(r.message())
                .contains("is not listed in 'NHS Digital Smartcard enabled system'")
                .contains("Windows 7 SP1, Windows 8.1, Windows 10, Windows Server 2012 R2, Windows Server 2008 R2 SP1"));
    }

    @Test
    void browsersTheWesDoesNotListAreNotSupported() {
        Assessment a = assess(Application.E_RS_PROFESSIONAL, env("Windows 10 21H2", "Opera"));
        assertThat(a.verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
        assertThat(a.failures().get(0).message()).contains("Opera is not a column");
    }

    @Test
    void browserApplicationWithoutABrowserIsAConditionListingTheWarrantedBrowsers() {
        Assessment a = WES.assess(Application.SPINE_SCR, ClientEnvironment.builder().os("Windows 10 21H2").jre("8u281 32-bit")
                .build(), DATE);
        assertThat(a.conditions()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ConditionKind.BROWSER_NOT_STATED);
            assertThat(c.text()).contains("IE11 (32-bit), Edge, Chrome, Firefox");
        });
    }

    // Authenticator footnotes

    @Test
    void androidTabletIsCurrentlyNotAvailable() {
        Assessment a = WES.assess(Authenticator.ANDROID_TABLET, ClientEnvironment.parse("Android 12", "Chrome"), DATE);
        assertThat(a.verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
        assertThat(a.failures()).singleElement().satisfies(r -> {
            assertThat(r.footnote()).contains("*");
            assertThat(r.message()).contains("currently not available");
        });
    }

    @Test
    void ipadNeedsMdmAndTheCis2AuthenticatorApp() {
        Assessment a = WES.assess(Authenticator.APPLE_IPAD, ClientEnvironment.parse("iPadOS 14.7", "Safari"), DATE);
        assertThat(a.verdict()).isEqualTo(Verdict.SUPPORTED_WITH_CONDITIONS);
        assertThat(a.conditions()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ConditionKind.IPAD_MDM_AND_CIS2_AUTHENTICATOR_APP);
            assertThat(c.footnote()).contains("**");
            assertThat(c.text()).contains("Mobile Device Management (MDM)").contains("CIS2 authenticator app");
        });
    }

    @Test
    void ipadNeedsIos11OrAbove() {
        assertThat(WES.assess(Authenticator.APPLE_IPAD, ClientEnvironment.parse("iPad iOS 11.0", "Safari"), DATE).verdict())
                .isEqualTo(Verdict.SUPPORTED_WITH_CONDITIONS);
        Assessment old = WES.assess(Authenticator.APPLE_IPAD, ClientEnvironment.parse("iPad iOS 10.3", "Safari"), DATE);
        assertThat(old.verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
        assertThat(old.failures().get(0).message()).contains("below version 11");
        Assessment unknown = WES.assess(Authenticator.APPLE_IPAD, ClientEnvironment.parse("iPadOS", "Safari"), DATE);
        assertThat(unknown.conditions()).extracting(Condition::kind)
                .containsExactly(ConditionKind.IPAD_MDM_AND_CIS2_AUTHENTICATOR_APP, ConditionKind.OS_VERSION_NOT_STATED);
    }

    @Test
    void ipadAuthenticatorIsNotForIphonesOrOtherBrowsers() {
        assertThat(WES.assess(Authenticator.APPLE_IPAD, ClientEnvironment.parse("iOS 15.0", "Safari"), DATE).verdict())
                .isEqualTo(Verdict.NOT_SUPPORTED);
        assertThat(WES.assess(Authenticator.APPLE_IPAD, ClientEnvironment.parse("iPadOS 15", "Chrome"), DATE).verdict())
                .isEqualTo(Verdict.NOT_SUPPORTED);
    }

    @Test
    void windowsHelloIsNotWarrantedInIe11OrOnServers() {
        assertThat(WES.assess(Authenticator.WINDOWS_HELLO_FOR_BUSINESS_FIDO2, ClientEnvironment.parse("Windows 10 21H2", "Edge"), DATE)
                .verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(WES.assess(Authenticator.WINDOWS_HELLO_FOR_BUSINESS_FIDO2, ClientEnvironment.parse("Windows 10 21H2", "IE11"), DATE)
                .verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
        assertThat(WES.assess(Authenticator.WINDOWS_HELLO_FOR_BUSINESS_FIDO2,
                ClientEnvironment.parse("Windows Server 2012 R2", "Edge"), DATE).verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
    }

    @Test
    void smartcardsThroughCitrixAreWarranted() {
        Assessment a = WES.assess(Authenticator.SMARTCARDS, ClientEnvironment.parse("Windows Server 2008 R2 SP1", "IE11")
                .withCitrix(true), DATE);
        assertThat(a.verdict()).isEqualTo(Verdict.SUPPORTED);
    }

    @Test
    void authenticatorsIgnoreTheJreWithANote() {
        Assessment a = WES.assess(Authenticator.SMARTCARDS, ClientEnvironment.parse("Windows 10 21H2", "Chrome").withJre("8u281"), DATE);
        assertThat(a.verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(a.reasons()).anyMatch(r -> r.outcome() == Reason.Outcome.INFO && r.message().contains("has no JRE column"));
    }
}
