package io.spinekit.wes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names and descriptions: enum names or the seed's wording, case-insensitive; bad input names the value and the known ones. */
class ParsingTest {

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Care Identity Service application                  | CARE_IDENTITY_SERVICE
            care identity service application*                 | CARE_IDENTITY_SERVICE
            CARE_IDENTITY_SERVICE                              | CARE_IDENTITY_SERVICE
            cis                                                | CARE_IDENTITY_SERVICE
            SUS                                                | SUS
            e-RS - Professional                                | E_RS_PROFESSIONAL
            e_rs_professional                                  | E_RS_PROFESSIONAL
            Spine EPS Tracker****                              | SPINE_EPS_TRACKER
            Spine Reporting Service                            | SPINE_REPORTING_SERVICE
            spine demographic application                      | SPINE_DEMOGRAPHIC_APPLICATION
            Spine TES Alert Viewer                             | SPINE_TES_ALERT_VIEWER
            Spine SCR                                          | SPINE_SCR
            spine-scr                                          | SPINE_SCR
            Spine MOLES (message tracker) and MESH UI Client   | SPINE_MOLES_AND_MESH_UI_CLIENT
            Spine MESH Client                                  | SPINE_MESH_CLIENT
            """)
    void applicationsParseFromEnumNamesAndSeedWording(String text, Application expected) {
        assertThat(Application.parse(text)).isEqualTo(expected);
    }

    @Test
    void unknownApplicationListsTheKnownOnes() {
        assertThatThrownBy(() -> Application.parse("Spine PDS"))
                .isInstanceOf(WesException.class)
                .hasMessageStartingWith("unknown application \"Spine PDS\"; known: ")
                .hasMessageContaining("'Care Identity Service application' (CARE_IDENTITY_SERVICE)")
                .hasMessageContaining("'Spine MESH Client' (SPINE_MESH_CLIENT)");
    }

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Android tablet *                         | ANDROID_TABLET
            Apple iPad iOS version 11 or above **    | APPLE_IPAD
            ipad                                     | APPLE_IPAD
            Windows Hello for Business with FIDO2    | WINDOWS_HELLO_FOR_BUSINESS_FIDO2
            Security keys - enabled in CIS2          | SECURITY_KEYS
            SMARTCARDS                               | SMARTCARDS
            """)
    void authenticatorsParseFromEnumNamesAndSeedWording(String text, Authenticator expected) {
        assertThat(Authenticator.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Windows 10                                | WINDOWS_10             | -     | -              | -
            WINDOWS_10                                | WINDOWS_10             | -     | -              | -
            win10 20h2 x64                            | WINDOWS_10             | 20H2  | -              | BIT_64
            Windows 10 Pro 20H2 64-bit                | WINDOWS_10             | 20H2  | PRO            | BIT_64
            Windows 10 Enterprise version 1909 (32 bit) | WINDOWS_10           | 1909  | ENTERPRISE     | BIT_32
            Windows 10 build 19044                    | WINDOWS_10             | 21H2  | -              | -
            Windows 10 10.0.19042.1237                | WINDOWS_10             | 20H2  | -              | -
            Windows 10 IoT Enterprise                 | WINDOWS_10             | -     | IOT_ENTERPRISE | -
            Windows 7 SP1                             | WINDOWS_7              | SP1   | -              | -
            Windows 7 Service Pack 1 64-bit           | WINDOWS_7              | SP1   | -              | BIT_64
            Win 8.1                                   | WINDOWS_8_1            | -     | -              | -
            WINDOWS_8_1                               | WINDOWS_8_1            | -     | -              | -
            Windows 8                                 | WINDOWS_8              | -     | -              | -
            Win Server 2012 R2                        | WINDOWS_SERVER_2012_R2 | -     | -              | -
            Windows Server 2012 R2 Datacenter         | WINDOWS_SERVER_2012_R2 | -     | DATACENTER     | -
            Win Server 2008 R2 SP1                    | WINDOWS_SERVER_2008_R2 | SP1   | -              | -
            Windows Server 2008                       | WINDOWS_SERVER_2008    | -     | -              | -
            Windows 11 23H2                           | WINDOWS_11             | 23H2  | -              | -
            iPadOS 14.7                               | IPADOS                 | 14.7  | -              | -
            iPad iOS 12_4                             | IPADOS                 | 12.4  | -              | -
            iOS 15                                    | IOS                    | 15    | -              | -
            Mac OS X 10.15.7                          | MACOS                  | 10.15.7 | -            | -
            """)
    void operatingSystemsParseWithEditionReleaseAndBitness(String text, OsProduct product, String release, OsEdition edition,
            Bitness bitness) {
        OperatingSystem os = OperatingSystem.parse(text);
        assertThat(os).isEqualTo(new OperatingSystem(product, Optional.ofNullable(release), Optional.ofNullable(edition),
                Optional.ofNullable(bitness)));
    }

    @Test
    void unknownOperatingSystemListsTheKnownOnes() {
        assertThatThrownBy(() -> OperatingSystem.parse("Windows 12"))
                .isInstanceOf(WesException.class)
                .hasMessageStartingWith("unknown operating system \"Windows 12\"; known: ")
                .hasMessageContaining("'Windows 10' (WINDOWS_10)")
                .hasMessageContaining("'Windows Server 2012 R2' (WINDOWS_SERVER_2012_R2)");
    }

    @Test
    void unreadableQualifierIsNamed() {
        assertThatThrownBy(() -> OperatingSystem.parse("Windows 10 Ultimate"))
                .isInstanceOf(WesException.class)
                .hasMessageStartingWith("cannot read \"Ultimate\" in operating system \"Windows 10 Ultimate\"; after Windows 10 expected")
                .hasMessageContaining("20H2");
        assertThatThrownBy(() -> OperatingSystem.parse("Windows 10 20H3"))
                .hasMessageContaining("cannot read \"20H3\"");
        assertThatThrownBy(() -> OperatingSystem.parse("Windows 7 SP1 RTM"))
                .hasMessage("operating system \"Windows 7 SP1 RTM\" names two releases: SP1 and RTM");
        assertThatThrownBy(() -> OperatingSystem.parse("macOS Pro"))
                .hasMessageContaining("cannot read \"Pro\" in operating system \"macOS Pro\"");
        assertThatThrownBy(() -> OperatingSystem.parse(" "))
                .hasMessageStartingWith("operating system is missing; known: ");
    }

    @Test
    void windows10ReleasesAreOrderedAndParseFromNamesAndBuilds() {
        assertThat(Windows10Release.parse("20H2")).isEqualTo(Windows10Release.V20H2);
        assertThat(Windows10Release.parse("2009")).isEqualTo(Windows10Release.V20H2);
        assertThat(Windows10Release.parse("19045")).isEqualTo(Windows10Release.V22H2);
        assertThat(Windows10Release.V21H1).isGreaterThan(Windows10Release.V20H2);
        assertThat(Windows10Release.V2004).isLessThan(Windows10Release.V20H2);
        assertThatThrownBy(() -> Windows10Release.parse("24H2"))
                .hasMessageStartingWith("unknown Windows 10 release \"24H2\"; expected a version name or build, known: 1507 (10240)");
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            IE11                            | IE11    | -   | -      | false
            Internet Explorer 11 32-bit     | IE11    | -   | BIT_32 | false
            ie11 (64-bit)                   | IE11    | -   | BIT_64 | false
            Edge                            | EDGE    | -   | -      | false
            Microsoft Edge 92 IE mode       | EDGE    | 92  | -      | true
            edge (IE mode)                  | EDGE    | -   | -      | true
            Edge in Internet Explorer mode  | EDGE    | -   | -      | true
            Google Chrome 120.0             | CHROME  | 120.0 | -    | false
            FIREFOX                         | FIREFOX | -   | -      | false
            Firefox 91 32 bit               | FIREFOX | 91  | BIT_32 | false
            Safari                          | SAFARI  | -   | -      | false
            """)
    void browsersParseWithVersionBitnessAndIeMode(String text, BrowserProduct product, String version, Bitness bitness,
            boolean ieMode) {
        assertThat(Browser.parse(text)).isEqualTo(new Browser(product, Optional.ofNullable(version), Optional.ofNullable(bitness),
                ieMode));
    }

    @Test
    void badBrowsersAreNamed() {
        assertThatThrownBy(() -> Browser.parse("Netscape"))
                .hasMessageStartingWith("unknown browser \"Netscape\"; known: 'IE11' (IE11), 'Edge' (EDGE), 'Chrome' (CHROME)");
        assertThatThrownBy(() -> Browser.parse("Chrome IE mode"))
                .hasMessage("IE mode given for Chrome; only Edge has an IE mode");
        assertThatThrownBy(() -> Browser.parse("Chrome beta"))
                .hasMessageStartingWith("cannot read \"beta\" in browser \"Chrome beta\"");
    }

    @ParameterizedTest(name = "''{0}'' is {1} update {2} {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            1.8.0_281             | 8  | 281 | -
            1.8.0_281-b09         | 8  | 281 | -
            8u281                 | 8  | 281 | -
            8.281                 | 8  | 281 | -
            v8.281                | 8  | 281 | -
            JRE 8u281 32-bit      | 8  | 281 | BIT_32
            Java 1.8.0_281 (64-bit) | 8 | 281 | BIT_64
            1.8.0_202 x86         | 8  | 202 | BIT_32
            8                     | 8  | -   | -
            1.8                   | 8  | -   | -
            1.8.0                 | 8  | -   | -
            1.7.0_80              | 7  | 80  | -
            11.0.2                | 11 | 2   | -
            17.0.1+12             | 17 | 1   | -
            17                    | 17 | -   | -
            """)
    void jreVersionsParseInTheirUsualForms(String text, int feature, Integer update, Bitness bitness) {
        assertThat(JavaRuntime.parse(text)).isEqualTo(new JavaRuntime(feature, Optional.ofNullable(update),
                Optional.ofNullable(bitness)));
    }

    @ParameterizedTest(name = "''{0}'' is rejected")
    @CsvSource(delimiter = '|', textBlock = """
            eight
            8u
            1.8.0_
            8.0.281
            u281
            0
            """)
    void badJreVersionsAreNamedWithTheAcceptedForms(String text) {
        assertThatThrownBy(() -> JavaRuntime.parse(text))
                .isInstanceOf(WesException.class)
                .hasMessageContaining("\"" + text + "\"")
                .hasMessageContaining("1.8.0_281, 8u281, 8.281");
    }

    @Test
    void describesReadBack() {
        assertThat(OperatingSystem.parse("windows 10 pro 20h2 x64").describe()).isEqualTo("Windows 10 Pro 20H2 64-bit");
        assertThat(JavaRuntime.parse("1.8.0_281 x86").describe()).isEqualTo("JRE 8u281 32-bit");
        assertThat(Browser.parse("edge ie mode").describe()).isEqualTo("Edge (IE mode)");
        assertThat(ClientEnvironment.builder().os("Windows 7 SP1").browser("IE11 32-bit").jre("8u281").citrix(true).build()
                .describe()).isEqualTo("Windows 7 SP1, IE11 32-bit, JRE 8u281, via Citrix XenApp");
    }

    @Test
    void environmentNeedsAnOperatingSystem() {
        assertThatThrownBy(() -> ClientEnvironment.builder().browser("Chrome").build())
                .hasMessage("a client environment needs an operating system; set os(...)");
    }
}
