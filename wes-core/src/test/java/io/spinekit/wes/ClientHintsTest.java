package io.spinekit.wes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** User-Agent client hints: reading the headers, and what they settle that a User-Agent cannot. */
class ClientHintsTest {
    private static final Wes WES = Wes.bundled();
    private static final LocalDate DATE = LocalDate.of(2021, 9, 1);
    static final String EDGE_120_REDUCED = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0";
    static final String EDGE_92 = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/92.0.4515.131 Safari/537.36 Edg/92.0.902.67";

    static ClientHints windows(String version, String bitness, String wow64) {
        Map<String, String> h = new HashMap<>();
        h.put("sec-ch-ua-platform", "\"Windows\"");
        if (version != null) {
            h.put("Sec-CH-UA-Platform-Version", "\"" + version + "\"");
        }
        if (bitness != null) {
            h.put("SEC-CH-UA-BITNESS", "\"" + bitness + "\"");
        }
        if (wow64 != null) {
            h.put("Sec-CH-UA-WoW64", wow64);
        }
        return ClientHints.fromHeaders(h);
    }

    @Test
    void readsStructuredFieldValuesWithHeaderNamesInAnyCase() {
        ClientHints h = windows("13.0.0", "64", "?0");

        assertThat(h).isEqualTo(new ClientHints(Optional.of("Windows"), Optional.of("13.0.0"), Optional.of(Bitness.BIT_64),
                Optional.of(false)));
        assertThat(h.isEmpty()).isFalse();
        assertThat(ClientHints.fromHeaders(Map.of()).isEmpty()).isTrue();
        assertThat(ClientHints.fromHeaders(name -> null)).isEqualTo(ClientHints.none());
        assertThat(ClientHints.ACCEPT_CH)
                .isEqualTo("Sec-CH-UA-Platform, Sec-CH-UA-Platform-Version, Sec-CH-UA-Bitness, Sec-CH-UA-WoW64");
    }

    @Test
    void linuxSendsAnEmptyPlatformVersionWhichMeansUnknown() {
        ClientHints h = ClientHints.fromHeaders(Map.of("Sec-CH-UA-Platform", "\"Linux\"", "Sec-CH-UA-Platform-Version", "\"\""));
        assertThat(h.platform()).contains("Linux");
        assertThat(h.platformVersion()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Sec-CH-UA-Platform-Version | 13.0.0       | not a quoted string
            Sec-CH-UA-Platform-Version | "thirteen"   | is not a version
            Sec-CH-UA-Platform-Version | "13.0.0      | not a quoted string
            Sec-CH-UA-Bitness          | "128"        | expected "32" or "64"
            Sec-CH-UA-WoW64            | 1            | expected ?1 or ?0
            Sec-CH-UA-Platform         | "Win"dows"   | unescaped quote
            Sec-CH-UA-Platform         | "Win\\dows"  | bad escape
            """)
    void malformedValuesNameTheHeaderAndTheValue(String header, String value, String expected) {
        assertThatThrownBy(() -> ClientHints.fromHeaders(Map.of(header, value)))
                .isInstanceOf(WesException.class)
                .hasMessageContaining(header)
                .hasMessageContaining(expected);
    }

    @Test
    void controlCharactersAndOverlongValuesAreRefused() {
        assertThatThrownBy(() -> ClientHints.fromHeaders(Map.of("Sec-CH-UA-Platform", "\"Win\ndows\"")))
                .isInstanceOf(WesException.class).hasMessageContaining("not printable ASCII");
        assertThatThrownBy(() -> ClientHints.fromHeaders(Map.of("Sec-CH-UA-Platform", "\"" + "W".repeat(200) + "\"")))
                .isInstanceOf(WesException.class).hasMessageContaining("at most 128");
    }

    @Test
    void platformVersion13AndAboveIsWindows11AndSettlesTheReducedPlatform() {
        UserAgent ua = UserAgent.parse(EDGE_120_REDUCED, windows("15.0.0", "64", "?0"));

        assertThat(ua.osCandidates()).startsWith(OsProduct.WINDOWS_11).doesNotContain(OsProduct.WINDOWS_10,
                OsProduct.WINDOWS_8_1, OsProduct.WINDOWS_7);
        assertThat(ua.osBitness()).contains(Bitness.BIT_64);
        assertThat(ua.browserBitness()).contains(Bitness.BIT_64);
        assertThat(ua.notes()).anyMatch(n -> n.contains("Sec-CH-UA-Platform-Version 15.0.0 means Windows 11"))
                .anyMatch(n -> n.contains("the client hints settle both"))
                .noneMatch(n -> n.contains("cannot tell them apart"));
    }

    @Test
    void platformVersionFrom1To10IsWindows10() {
        UserAgent ua = UserAgent.parse(EDGE_120_REDUCED, windows("10.0.0", null, null));

        assertThat(ua.osCandidates()).startsWith(OsProduct.WINDOWS_10).doesNotContain(OsProduct.WINDOWS_11,
                OsProduct.WINDOWS_8_1, OsProduct.WINDOWS_7);
        assertThat(ua.osBitness()).isEmpty();
        assertThat(ua.notes()).anyMatch(n -> n.contains("means Windows 10 (1.0.0 to 10.0.0), not Windows 11"))
                .anyMatch(n -> n.contains("the bitness is not known from this header"));
    }

    @Test
    void wow64MeansA32BitBrowserOn64BitWindows() {
        UserAgent ua = UserAgent.parse(EDGE_120_REDUCED, windows(null, "64", "?1"));

        assertThat(ua.osBitness()).contains(Bitness.BIT_64);
        assertThat(ua.browserBitness()).contains(Bitness.BIT_32);
        assertThat(ua.osCandidates()).contains(OsProduct.WINDOWS_10, OsProduct.WINDOWS_11);
        assertThat(ua.notes()).anyMatch(n -> n.contains("the Windows version is not known from this header"));
    }

    @Test
    void undocumentedPlatformVersionsAndHintsForAnotherPlatformAreNotUsed() {
        UserAgent eleven = UserAgent.parse(EDGE_92, windows("11.0.0", null, null));
        UserAgent mac = UserAgent.parse(EDGE_92, ClientHints.fromHeaders(Map.of("Sec-CH-UA-Platform", "\"macOS\"",
                "Sec-CH-UA-Platform-Version", "\"14.1.0\"")));
        UserAgent none = UserAgent.parse(EDGE_92);

        assertThat(eleven.osCandidates()).isEqualTo(none.osCandidates());
        assertThat(eleven.notes()).anyMatch(n -> n.contains("11.0.0 is neither Windows 10") && n.contains("not used"));
        assertThat(mac.osCandidates()).isEqualTo(none.osCandidates());
        assertThat(mac.notes()).anyMatch(n -> n.contains("name the platform \"macOS\"") && n.contains("not used"));
    }

    @Test
    void cisOnWindows11FromHintsIsNotSupported() {
        Assessment a = WES.assessUserAgent(Application.CARE_IDENTITY_SERVICE,
                UserAgent.parse(EDGE_120_REDUCED, windows("13.0.0", "64", "?0")), Optional.empty(), false, DATE);

        assertThat(a.verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
        assertThat(a.environment().orElseThrow().os().product()).isNotEqualTo(OsProduct.WINDOWS_10);
    }

    @Test
    void cisOnWindows10FromHintsNoLongerAsksAboutWindows11OrBitness() {
        Assessment withHints = WES.assessUserAgent(Application.CARE_IDENTITY_SERVICE,
                UserAgent.parse(EDGE_120_REDUCED, windows("10.0.0", "64", "?0")), Optional.empty(), false, DATE);
        Assessment without = WES.assessUserAgent(Application.CARE_IDENTITY_SERVICE, UserAgent.parse(EDGE_120_REDUCED),
                Optional.empty(), false, DATE);

        assertThat(withHints.verdict()).isEqualTo(Verdict.SUPPORTED_WITH_CONDITIONS);
        assertThat(withHints.environment().orElseThrow().os().product()).isEqualTo(OsProduct.WINDOWS_10);
        List<String> texts = withHints.conditions().stream().map(Condition::text).toList();
        assertThat(texts).anyMatch(t -> t.startsWith("Confirm Windows 10 is release 20H2 or earlier (warranted"))
                .noneMatch(t -> t.contains("Windows 11"));
        assertThat(without.conditions().stream().map(Condition::text))
                .anyMatch(t -> t.contains("Windows 11"))
                .anyMatch(t -> t.contains("and is 64-bit"));
    }

    @Test
    void theStringOverloadTakesHints() {
        Assessment a = WES.assessUserAgent(Application.CARE_IDENTITY_SERVICE, EDGE_120_REDUCED, windows("13.0.0", "64", "?0"));
        Assessment ipad = WES.assessUserAgent(Authenticator.values()[0], EDGE_120_REDUCED, ClientHints.none());

        assertThat(a.verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
        assertThat(ipad.userAgent()).isPresent();
    }
}
