package io.spinekit.wes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading real User-Agent headers, and assessing visitors from them. */
class UserAgentTest {
    private static final Wes WES = Wes.bundled();
    private static final LocalDate DATE = LocalDate.of(2021, 9, 1);

    static final String IE11_WIN7_WOW64 = "Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko";
    static final String IE11_WIN81_64 = "Mozilla/5.0 (Windows NT 6.3; Win64; x64; Trident/7.0; rv:11.0) like Gecko";
    static final String IE11_WIN10_32BIT_OS = "Mozilla/5.0 (Windows NT 10.0; Trident/7.0; rv:11.0) like Gecko";
    static final String IE11_COMPAT_VIEW = "Mozilla/4.0 (compatible; MSIE 7.0; Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C)";
    static final String EDGE_92 = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/92.0.4515.131 Safari/537.36 Edg/92.0.902.67";
    static final String EDGE_LEGACY = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/70.0.3538.102 Safari/537.36 Edge/18.19042";
    static final String CHROME_92_WIN7 = "Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/92.0.4515.159 Safari/537.36";
    static final String CHROME_92_WIN81 = "Mozilla/5.0 (Windows NT 6.3; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/92.0.4515.131 Safari/537.36";
    static final String CHROME_109_REDUCED = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/109.0.0.0 Safari/537.36";
    static final String CHROME_120_REDUCED = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/120.0.0.0 Safari/537.36";
    static final String FIREFOX_32_ON_WIN7_64 = "Mozilla/5.0 (Windows NT 6.1; WOW64; rv:91.0) Gecko/20100101 Firefox/91.0";
    static final String FIREFOX_WIN10_64 = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0";
    static final String SAFARI_IPAD = "Mozilla/5.0 (iPad; CPU OS 14_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
            + "Version/14.1.2 Mobile/15E148 Safari/604.1";
    static final String SAFARI_IPAD_IOS10 = "Mozilla/5.0 (iPad; CPU OS 10_3_3 like Mac OS X) AppleWebKit/603.3.8 "
            + "(KHTML, like Gecko) Version/10.0 Mobile/14G60 Safari/602.1";
    static final String SAFARI_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
            + "Version/17.1 Safari/605.1.15";
    static final String SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 15_0 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/15.0 Mobile/15E148 Safari/604.1";
    static final String OPERA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/120.0.0.0 Safari/537.36 OPR/106.0.0.0";
    static final String IE10 = "Mozilla/5.0 (compatible; MSIE 10.0; Windows NT 6.1; WOW64; Trident/6.0)";
    static final String ANDROID_CHROME = "Mozilla/5.0 (Linux; Android 12; SM-T870) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/120.0.0.0 Safari/537.36";

    private static void assertRead(UserAgent ua, List<OsProduct> os, String osVersion, Bitness osBits, BrowserProduct browser,
            String version, Bitness browserBits) {
        assertThat(ua.osCandidates()).isEqualTo(os);
        assertThat(ua.osVersion()).isEqualTo(Optional.ofNullable(osVersion));
        assertThat(ua.osBitness()).isEqualTo(Optional.ofNullable(osBits));
        assertThat(ua.browser()).isEqualTo(Optional.ofNullable(browser));
        assertThat(ua.browserVersion()).isEqualTo(Optional.ofNullable(version));
        assertThat(ua.browserBitness()).isEqualTo(Optional.ofNullable(browserBits));
    }

    @Test
    void ie11Wow64IsA32BitBrowserOn64BitWindows7OrServer2008R2() {
        UserAgent ua = UserAgent.parse(IE11_WIN7_WOW64);
        assertRead(ua, List.of(OsProduct.WINDOWS_7, OsProduct.WINDOWS_SERVER_2008_R2), "NT 6.1", Bitness.BIT_64,
                BrowserProduct.IE11, "11", Bitness.BIT_32);
        assertThat(ua.notes()).anyMatch(n -> n.contains("Edge in IE mode sends the IE11 User-Agent"));
        assertThat(ua.describe()).isEqualTo("Windows NT 6.1 (Windows 7 or Windows Server 2008 R2) 64-bit, IE11 32-bit");
    }

    @Test
    void ie11Win64IsA64BitBrowserOnWindows81OrServer2012R2() {
        assertRead(UserAgent.parse(IE11_WIN81_64), List.of(OsProduct.WINDOWS_8_1, OsProduct.WINDOWS_SERVER_2012_R2), "NT 6.3",
                Bitness.BIT_64, BrowserProduct.IE11, "11", Bitness.BIT_64);
    }

    @Test
    void windowsHeaderWithoutBitnessTokensIs32Bit() {
        assertRead(UserAgent.parse(IE11_WIN10_32BIT_OS), List.of(OsProduct.WINDOWS_10, OsProduct.WINDOWS_11,
                OsProduct.WINDOWS_SERVER_2016, OsProduct.WINDOWS_SERVER_2019, OsProduct.WINDOWS_SERVER_2022,
                OsProduct.WINDOWS_SERVER_2025), "NT 10.0", Bitness.BIT_32, BrowserProduct.IE11, "11", Bitness.BIT_32);
    }

    @Test
    void ie11InCompatibilityViewIsStillIe11() {
        UserAgent ua = UserAgent.parse(IE11_COMPAT_VIEW);
        assertThat(ua.browser()).contains(BrowserProduct.IE11);
        assertThat(ua.browserBitness()).contains(Bitness.BIT_32);
        assertThat(ua.notes()).anyMatch(n -> n.contains("Compatibility View"));
    }

    @Test
    void windowsNt10CannotTellWindows10From11() {
        UserAgent ua = UserAgent.parse(FIREFOX_WIN10_64);
        assertRead(ua, List.of(OsProduct.WINDOWS_10, OsProduct.WINDOWS_11, OsProduct.WINDOWS_SERVER_2016,
                OsProduct.WINDOWS_SERVER_2019, OsProduct.WINDOWS_SERVER_2022, OsProduct.WINDOWS_SERVER_2025), "NT 10.0",
                Bitness.BIT_64, BrowserProduct.FIREFOX, "121", Bitness.BIT_64);
        assertThat(ua.notes()).contains("Windows 10 and Windows 11 both send 'Windows NT 10.0': the header cannot tell them apart.",
                "A User-Agent does not show the Windows release (e.g. 20H2), edition (e.g. IoT) or service pack.");
    }

    @Test
    void chromiumEdgeIsEdgeNotChrome() {
        assertRead(UserAgent.parse(EDGE_92), List.of(OsProduct.WINDOWS_10, OsProduct.WINDOWS_11, OsProduct.WINDOWS_SERVER_2016,
                OsProduct.WINDOWS_SERVER_2019, OsProduct.WINDOWS_SERVER_2022, OsProduct.WINDOWS_SERVER_2025), "NT 10.0",
                Bitness.BIT_64, BrowserProduct.EDGE, "92", Bitness.BIT_64);
    }

    @Test
    void legacyEdgeIsRecognisedWithANote() {
        UserAgent ua = UserAgent.parse(EDGE_LEGACY);
        assertThat(ua.browser()).contains(BrowserProduct.EDGE);
        assertThat(ua.browserVersion()).contains("18");
        assertThat(ua.notes()).anyMatch(n -> n.contains("legacy EdgeHTML"));
    }

    @Test
    void chromeOnWindows7And81() {
        assertRead(UserAgent.parse(CHROME_92_WIN7), List.of(OsProduct.WINDOWS_7, OsProduct.WINDOWS_SERVER_2008_R2), "NT 6.1",
                Bitness.BIT_64, BrowserProduct.CHROME, "92", Bitness.BIT_64);
        assertRead(UserAgent.parse(CHROME_92_WIN81), List.of(OsProduct.WINDOWS_8_1, OsProduct.WINDOWS_SERVER_2012_R2), "NT 6.3",
                Bitness.BIT_64, BrowserProduct.CHROME, "92", Bitness.BIT_64);
    }

    @Test
    void reducedChromiumPlatformHidesWindowsVersionAndBitness() {
        UserAgent chrome109 = UserAgent.parse(CHROME_109_REDUCED);
        assertThat(chrome109.osCandidates()).startsWith(OsProduct.WINDOWS_10, OsProduct.WINDOWS_11, OsProduct.WINDOWS_8_1,
                OsProduct.WINDOWS_7);
        assertThat(chrome109.osBitness()).isEmpty();
        assertThat(chrome109.browserBitness()).isEmpty();
        assertThat(chrome109.notes()).anyMatch(n -> n.contains("reduced platform"));

        UserAgent chrome120 = UserAgent.parse(CHROME_120_REDUCED);
        assertThat(chrome120.osCandidates()).doesNotContain(OsProduct.WINDOWS_7, OsProduct.WINDOWS_8_1)
                .startsWith(OsProduct.WINDOWS_10, OsProduct.WINDOWS_11);
    }

    @Test
    void firefoxWow64IsA32BitFirefox() {
        assertRead(UserAgent.parse(FIREFOX_32_ON_WIN7_64), List.of(OsProduct.WINDOWS_7, OsProduct.WINDOWS_SERVER_2008_R2),
                "NT 6.1", Bitness.BIT_64, BrowserProduct.FIREFOX, "91", Bitness.BIT_32);
    }

    @Test
    void safariOnIpadReadsTheIpadOsVersion() {
        assertRead(UserAgent.parse(SAFARI_IPAD), List.of(OsProduct.IPADOS), "14.7", null, BrowserProduct.SAFARI, "14", null);
        assertRead(UserAgent.parse(SAFARI_IPHONE), List.of(OsProduct.IOS), "15.0", null, BrowserProduct.SAFARI, "15", null);
    }

    @Test
    void desktopSafariMayBeAnIpad() {
        UserAgent ua = UserAgent.parse(SAFARI_MAC);
        assertThat(ua.osCandidates()).containsExactly(OsProduct.MACOS, OsProduct.IPADOS);
        assertThat(ua.notes()).anyMatch(n -> n.contains("iPadOS 13 and later presents itself as a Mac"));
    }

    @Test
    void otherBrowsersAreNotMistakenForChrome() {
        assertThat(UserAgent.parse(OPERA).browser()).contains(BrowserProduct.OPERA);
        assertThat(UserAgent.parse(IE10).browser()).contains(BrowserProduct.IE_10_OR_EARLIER);
        UserAgent samsung = UserAgent.parse("Mozilla/5.0 (Linux; Android 12; SM-T870) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "SamsungBrowser/23.0 Chrome/115.0.0.0 Safari/537.36");
        assertThat(samsung.browser()).isEmpty();
        assertThat(samsung.notes()).contains("Browser \"SamsungBrowser\" is not one the WES lists.");
        assertThat(UserAgent.parse(ANDROID_CHROME).osCandidates()).containsExactly(OsProduct.ANDROID);
    }

    @Test
    void emptyOrOverlongHeadersAreRejected() {
        assertThatThrownBy(() -> UserAgent.parse(" ")).isInstanceOf(WesException.class)
                .hasMessageStartingWith("User-Agent is empty; expected a browser's User-Agent header");
        assertThatThrownBy(() -> UserAgent.parse("Mozilla/5.0 " + "x".repeat(3000)))
                .hasMessageStartingWith("User-Agent is 3012 characters long; at most 2048 are read");
    }

    // Assessments from User-Agents

    private static Assessment assess(Application app, String ua) {
        return WES.assessUserAgent(app, UserAgent.parse(ua), Optional.empty(), false, DATE);
    }

    @Test
    void spineScrInIe11Wow64OnWindows7IsSupportedWithConditions() {
        Assessment a = assess(Application.SPINE_SCR, IE11_WIN7_WOW64);
        assertThat(a.verdict()).isEqualTo(Verdict.SUPPORTED_WITH_CONDITIONS);
        assertThat(a.environment().orElseThrow().os().product()).isEqualTo(OsProduct.WINDOWS_7);
        assertThat(a.conditions()).extracting(Condition::kind).containsExactly(ConditionKind.SERVICE_PACK_1,
                ConditionKind.JRE_8_32_BIT, ConditionKind.USER_AGENT_AMBIGUOUS);
        assertThat(a.conditions().get(2).text()).isEqualTo("The User-Agent cannot tell Windows 7 from Windows Server 2008 R2: "
                + "confirm the device runs Windows 7 (Windows Server 2008 R2 would be NOT_SUPPORTED).");
        assertThat(a.reasons()).anyMatch(r -> r.outcome() == Reason.Outcome.MET && r.message().equals("The 32-bit IE11 is warranted."));
        assertThat(a.userAgent().orElseThrow().header()).isEqualTo(IE11_WIN7_WOW64);
    }

    @Test
    void spineScrIn64BitIe11IsNotSupported() {
        Assessment a = assess(Application.SPINE_SCR, IE11_WIN81_64);
        assertThat(a.verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
        assertThat(a.conditions()).isEmpty();
        assertThat(a.failures()).extracting(Reason::message).contains("Only the 32-bit IE11 is warranted; IE11 64-bit is 64-bit.");
    }

    @Test
    void eRsOnWindows81OrServer2012R2IsSupportedEitherWay() {
        Assessment a = assess(Application.E_RS_PROFESSIONAL, CHROME_92_WIN81);
        assertThat(a.verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(a.reasons()).anyMatch(r -> r.message().startsWith("If the device runs Windows Server 2012 R2: SUPPORTED"));
    }

    @Test
    void cisInReducedChromeMustConfirmWindows10ReleaseAndNot11() {
        Assessment a = assess(Application.CARE_IDENTITY_SERVICE, CHROME_120_REDUCED);
        assertThat(a.verdict()).isEqualTo(Verdict.SUPPORTED_WITH_CONDITIONS);
        assertThat(a.environment().orElseThrow().os().product()).isEqualTo(OsProduct.WINDOWS_10);
        assertThat(a.conditions()).extracting(Condition::kind).containsExactly(ConditionKind.WINDOWS_10_RELEASE_LIMIT,
                ConditionKind.NHS_CREDENTIAL_MANAGEMENT_OR_CHROME_EXTENSION, ConditionKind.JRE_VERSION_LIMIT,
                ConditionKind.USER_AGENT_AMBIGUOUS);
        assertThat(a.conditions().get(0).text()).isEqualTo("Confirm Windows 10 is release 20H2 or earlier and is 64-bit "
                + "(warranted: Windows 10 up to and including 20H2 (64-bit)).");
        assertThat(a.conditions().get(3).text()).startsWith("The User-Agent cannot tell Windows 10 from Windows 11, ")
                .endsWith("would be NOT_SUPPORTED).");
    }

    @Test
    void cisInFirefoxIsNotSupportedWhateverTheWindows() {
        Assessment a = assess(Application.CARE_IDENTITY_SERVICE, FIREFOX_WIN10_64);
        assertThat(a.verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
        assertThat(a.failures()).extracting(r -> r.cell().orElseThrow().describe())
                .containsExactly("[Care Identity Service application* x Firefox] = \"No\"");
    }

    @Test
    void susOnAnIpadIsNotSupported() {
        Assessment a = assess(Application.SUS, SAFARI_IPAD);
        assertThat(a.verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
        assertThat(a.failures()).extracting(Reason::message).anyMatch(m -> m.startsWith("iPadOS (iOS on iPad) is not listed"))
                .anyMatch(m -> m.startsWith("Safari is not warranted for 'SUS'"));
    }

    @Test
    void operaAndUnreadableHeadersAreNotSupported() {
        assertThat(assess(Application.E_RS_PROFESSIONAL, OPERA).verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
        Assessment curl = assess(Application.E_RS_PROFESSIONAL, "curl/8.5.0");
        assertThat(curl.verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
        assertThat(curl.environment()).isEmpty();
        assertThat(curl.failures()).extracting(Reason::message)
                .containsExactly("The User-Agent names no operating system the WES lists.");
    }

    @Test
    void ipadAuthenticatorFromAnIpadUserAgent() {
        Assessment a = WES.assessUserAgent(Authenticator.APPLE_IPAD, UserAgent.parse(SAFARI_IPAD), false, DATE);
        assertThat(a.verdict()).isEqualTo(Verdict.SUPPORTED_WITH_CONDITIONS);
        assertThat(a.conditions()).extracting(Condition::kind).containsExactly(ConditionKind.IPAD_MDM_AND_CIS2_AUTHENTICATOR_APP);
        assertThat(WES.assessUserAgent(Authenticator.APPLE_IPAD, UserAgent.parse(SAFARI_IPAD_IOS10), false, DATE).verdict())
                .isEqualTo(Verdict.NOT_SUPPORTED);
    }

    @Test
    void ipadAuthenticatorFromADesktopSafariHeaderMustConfirmTheIpad() {
        Assessment a = WES.assessUserAgent(Authenticator.APPLE_IPAD, UserAgent.parse(SAFARI_MAC), false, DATE);
        assertThat(a.verdict()).isEqualTo(Verdict.SUPPORTED_WITH_CONDITIONS);
        assertThat(a.environment().orElseThrow().os().product()).isEqualTo(OsProduct.IPADOS);
        assertThat(a.conditions()).extracting(Condition::kind).containsExactly(ConditionKind.IPAD_MDM_AND_CIS2_AUTHENTICATOR_APP,
                ConditionKind.OS_VERSION_NOT_STATED, ConditionKind.USER_AGENT_AMBIGUOUS);
        assertThat(a.conditions().get(2).text()).isEqualTo("The User-Agent cannot tell iPadOS (iOS on iPad) from macOS: confirm "
                + "the device runs iPadOS (iOS on iPad) (macOS would be NOT_SUPPORTED).");
    }

    @Test
    void jreAndCitrixCanBeAddedToAUserAgentAssessment() {
        Assessment a = WES.assessUserAgent(Application.CARE_IDENTITY_SERVICE, UserAgent.parse(IE11_WIN7_WOW64),
                Optional.of(JavaRuntime.parse("8u291 32-bit")), false, DATE);
        assertThat(a.verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
        assertThat(a.failures()).extracting(Reason::message).anyMatch(m -> m.contains("later than 8u281"));
    }
}
