package io.spinekit.cli;

import static io.spinekit.cli.CliRun.run;
import static io.spinekit.cli.CliRun.texts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code spine wes check} and {@code spine wes matrix} through picocli. */
class WesCommandTest {
    private static final String IE11_WOW64_WIN7 = "Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko";




    @Test
    void checkPrintsVerdictConditionsReasonsAndWarnings() {
        CliRun r = run("wes", "check", "--application", "Spine SCR", "--os", "Windows 10 20H2 64-bit", "--browser", "IE11 32-bit",
                "--jre", "1.8.0_281", "--at", "2026-01-01");
        assertThat(r.code()).isEqualTo(Cli.OK);
        assertThat(r.out()).startsWith("Spine SCR on Windows 10 20H2 64-bit, IE11 32-bit, JRE 8u281: SUPPORTED_WITH_CONDITIONS\n"
                + "  WES edition 2021-09-01, assessed for 2026-01-01\n");
        assertThat(r.out()).contains("    - Confirm the JRE is 32-bit (column 'JRE (32-bit)'); JRE 8u281 gives no bitness.\n")
                .contains("MET [Spine SCR**** x IE11] = \"32-bit\": The 32-bit IE11 is warranted.")
                .contains("Windows 10: end of support on 2025-10-14")
                .contains("IE11: retired on 2022-06-15");
    }

    @Test
    void checkJsonHasTheVerdictField() {
        CliRun r = run("wes", "check", "--application", "CARE_IDENTITY_SERVICE", "--os", "windows 10 20h2 x64", "--browser", "chrome",
                "--jre", "8u281 32-bit", "--at", "2021-09-01", "--json");
        assertThat(r.code()).isEqualTo(Cli.OK);
        JsonNode j = r.json();
        assertThat(j.path("verdict").asText()).isEqualTo("SUPPORTED_WITH_CONDITIONS");
        assertThat(j.path("subject").asText()).isEqualTo("Care Identity Service application");
        assertThat(j.path("edition").asText()).isEqualTo("2021-09-01");
        assertThat(texts(j.path("conditions"), "kind")).containsExactly("NHS_CREDENTIAL_MANAGEMENT_OR_CHROME_EXTENSION");
        assertThat(j.path("conditions").get(0).path("footnote").asText()).isEqualTo("*");
        assertThat(j.path("environment").path("os").path("release").asText()).isEqualTo("20H2");
        assertThat(j.path("warnings")).isEmpty();
        JsonNode chromeReason = null;
        for (JsonNode reason : j.path("reasons")) {
            if (reason.path("cell").path("column").asText().equals("Chrome") && reason.path("footnote").isNull()) {
                chromeReason = reason;
            }
        }
        assertThat(chromeReason).isNotNull();
        assertThat(chromeReason.path("outcome").asText()).isEqualTo("MET");
        assertThat(chromeReason.path("cell").path("text").asText()).isEqualTo("Yes*");
    }

    @Test
    void notSupportedExitsWithFailure() {
        CliRun r = run("wes", "check", "--application", "Care Identity Service application", "--os", "Windows 10 21H2 64-bit",
                "--browser", "IE11", "--jre", "8u281 32-bit", "--json", "--at", "2021-09-01");
        assertThat(r.code()).isEqualTo(Cli.FAILURE);
        assertThat(r.json().path("verdict").asText()).isEqualTo("NOT_SUPPORTED");
        assertThat(r.json().path("reasons").toString()).contains("Windows 10 21H2 is later than 20H2");
    }

    @Test
    void citrixAndIotOptions() {
        CliRun citrix = run("wes", "check", "--application", "cis", "--os", "Windows Server 2012 R2", "--browser", "IE11",
                "--jre", "8u281 32-bit", "--citrix", "--json", "--at", "2021-09-01");
        assertThat(citrix.code()).isEqualTo(Cli.OK);
        assertThat(texts(citrix.json().path("conditions"), "kind")).containsExactly("NO_CMS_ON_CITRIX");
        CliRun iot = run("wes", "check", "--application", "e-RS - Professional", "--os", "Windows 10 IoT Enterprise", "--browser",
                "Chrome", "--json");
        assertThat(iot.code()).isEqualTo(Cli.FAILURE);
        assertThat(iot.json().path("verdict").asText()).isEqualTo("NOT_SUPPORTED");
    }

    @Test
    void checkReadsAUserAgent() {
        CliRun r = run("wes", "check", "--application", "spine scr", "--user-agent", IE11_WOW64_WIN7, "--json", "--at", "2021-09-01");
        assertThat(r.code()).isEqualTo(Cli.OK);
        JsonNode j = r.json();
        assertThat(j.path("verdict").asText()).isEqualTo("SUPPORTED_WITH_CONDITIONS");
        assertThat(j.path("userAgent").path("browserBitness").asText()).isEqualTo("BIT_32");
        assertThat(j.path("userAgent").path("osCandidates").toString()).isEqualTo("[\"WINDOWS_7\",\"WINDOWS_SERVER_2008_R2\"]");
        assertThat(texts(j.path("conditions"), "kind")).containsExactly("SERVICE_PACK_1", "JRE_8_32_BIT", "USER_AGENT_AMBIGUOUS");
    }

    @Test
    void clientHintsSettleWindows11ForAReducedChromiumUserAgent() {
        String edge = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 "
                + "Safari/537.36 Edg/120.0.0.0";
        CliRun eleven = run("wes", "check", "--application", "CIS", "--user-agent", edge, "--at", "2021-09-01", "--json",
                "--client-hint", "Sec-CH-UA-Platform: \"Windows\"", "--client-hint", "sec-ch-ua-platform-version: \"13.0.0\"",
                "--client-hint", "Sec-CH-UA-Bitness: \"64\"", "--client-hint", "Sec-CH-UA-WoW64: ?0");
        CliRun ten = run("wes", "check", "--application", "CIS", "--user-agent", edge, "--at", "2021-09-01",
                "--client-hint", "Sec-CH-UA-Platform: \"Windows\"", "--client-hint", "Sec-CH-UA-Platform-Version: \"10.0.0\"");

        assertThat(eleven.code()).as(eleven.err()).isEqualTo(Cli.FAILURE);
        assertThat(eleven.json().path("verdict").asText()).isEqualTo("NOT_SUPPORTED");
        assertThat(eleven.json().path("userAgent").path("osCandidates").get(0).asText()).isEqualTo("WINDOWS_11");
        assertThat(eleven.json().path("userAgent").path("browserBitness").asText()).isEqualTo("BIT_64");
        assertThat(ten.code()).as(ten.err()).isEqualTo(Cli.OK);
        assertThat(ten.out()).contains("Sec-CH-UA-Platform-Version 10.0.0 means Windows 10").doesNotContain("Windows 11 would be");
    }

    @Test
    void badClientHintsAreUsageErrors() {
        String ua = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
        CliRun noColon = run("wes", "check", "--application", "CIS", "--user-agent", ua, "--client-hint", "13.0.0");
        CliRun unknown = run("wes", "check", "--application", "CIS", "--user-agent", ua, "--client-hint", "Sec-CH-UA-Model: \"x\"");
        CliRun malformed = run("wes", "check", "--application", "CIS", "--user-agent", ua, "--client-hint",
                "Sec-CH-UA-Bitness: 64");
        CliRun withoutUa = run("wes", "check", "--application", "CIS", "--os", "Windows 10", "--client-hint",
                "Sec-CH-UA-Bitness: \"64\"");

        assertThat(List.of(noColon, unknown, malformed, withoutUa)).allSatisfy(r -> assertThat(r.code()).isEqualTo(Cli.USAGE));
        assertThat(noColon.err()).contains("'13.0.0' is not a header line");
        assertThat(unknown.err()).contains("'Sec-CH-UA-Model', which is not read");
        assertThat(malformed.err()).contains("Sec-CH-UA-Bitness \"64\" is not a quoted string");
        assertThat(withoutUa.err()).contains("--client-hint goes with --user-agent");
    }

    @Test
    void checkAssessesAnAuthenticator() {
        CliRun r = run("wes", "check", "--authenticator", "Apple iPad", "--os", "iPadOS 14.7", "--browser", "Safari", "--json");
        assertThat(r.code()).isEqualTo(Cli.OK);
        assertThat(r.json().path("table").asText()).isEqualTo("AUTHENTICATORS");
        assertThat(texts(r.json().path("conditions"), "kind")).containsExactly("IPAD_MDM_AND_CIS2_AUTHENTICATOR_APP");
        CliRun android = run("wes", "check", "--authenticator", "ANDROID_TABLET", "--os", "Android 12", "--browser", "Chrome");
        assertThat(android.code()).isEqualTo(Cli.FAILURE);
        assertThat(android.out()).startsWith("Android tablet on Android 12, Chrome: NOT_SUPPORTED");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --application=Spine PDS,--os=Windows 10,--browser=IE11           | unknown application "Spine PDS"; known: 'Care Identity Service application' (CARE_IDENTITY_SERVICE)
            --application=SUS,--os=Windows 12,--browser=IE11                 | unknown operating system "Windows 12"; known: 'Windows Vista or earlier' (WINDOWS_VISTA_OR_EARLIER)
            --application=SUS,--os=Windows 10,--browser=Netscape             | unknown browser "Netscape"; known: 'IE11' (IE11)
            --application=SUS,--os=Windows 10,--browser=IE11,--jre=eight     | cannot read JRE version "eight"; expected e.g. 1.8.0_281, 8u281, 8.281
            --application=SUS,--os=Windows 10,--at=1/9/2021                  | --at "1/9/2021" is not a date; expected yyyy-MM-dd
            --os=Windows 10,--browser=IE11                                   | give one of --application or --authenticator; applications: 'Care Identity Service application' (CARE_IDENTITY_SERVICE)
            --application=SUS,--browser=IE11                                 | --os is required (or --user-agent)
            --application=SUS,--os=Windows 10,--user-agent=Mozilla/5.0       | --user-agent replaces --os and --browser
            --authenticator=Smartcards,--os=Windows 10,--jre=8u281           | --jre applies to systems only
            """)
    void badInputIsAUsageErrorNamingTheValueAndTheKnownOnes(String args, String message) {
        List<String> argv = new ArrayList<>(List.of("wes", "check"));
        argv.addAll(List.of(args.split(",")));
        CliRun r = run(argv.toArray(String[]::new));
        assertThat(r.code()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).startsWith("spine wes check: ").contains(message);
        argv.add("--json");
        CliRun j = run(argv.toArray(String[]::new));
        assertThat(j.json().path("error").asText()).contains(message);
    }

    @Test
    void matrixPrintsBothTablesWithFootnotes() {
        CliRun r = run("wes", "matrix");
        assertThat(r.code()).isEqualTo(Cli.OK);
        assertThat(r.out()).contains("NHS Digital, Last edited: 1 September 2021 1:43 pm (edition 2021-09-01)")
                .containsPattern("Care Identity Service application\\*\\s+\\| Yes\\s+\\| Yes\\s+\\| Yes\\s+\\| Yes\\*\\s+\\| Yes\\s+"
                        + "\\| Yes\\*\\s+\\| Yes\\*\\s+\\| No\\s+\\| No\\s+\\| 8\\*\\*")
                .containsPattern("Spine MESH Client\\*\\*\\*\\*\\s+\\| Yes\\s+\\| Yes\\s+\\| No\\s+\\| No\\s+\\| N/A\\s+\\| N/A")
                .contains("NHS Digital approved authenticators")
                .containsPattern("Apple iPad iOS version 11 or above \\*\\*\\s+\\| N/A .*\\| No\\s+\\| Yes")
                .contains("    -> NO_CMS_ON_CITRIX governs Care Identity Service application x Citrix XenApp")
                .contains("    -> AUTHENTICATOR_NOT_AVAILABLE governs Android tablet (whole row)")
                .contains("  IE11: retired 2022-06-15");
    }

    @Test
    void matrixJsonHasBothTablesCellsAndConditions() {
        CliRun r = run("wes", "matrix", "--json");
        assertThat(r.code()).isEqualTo(Cli.OK);
        JsonNode j = r.json();
        assertThat(j.path("edition").path("date").asText()).isEqualTo("2021-09-01");
        assertThat(texts(j.path("tables"), "id")).containsExactly("SYSTEMS", "AUTHENTICATORS");
        JsonNode systems = j.path("tables").get(0);
        assertThat(systems.path("rows")).hasSize(10);
        JsonNode cisChrome = systems.path("rows").get(0).path("cells").path("CHROME");
        assertThat(cisChrome.path("text").asText()).isEqualTo("Yes*");
        assertThat(cisChrome.path("conditions").get(0).asText()).isEqualTo("NHS_CREDENTIAL_MANAGEMENT_OR_CHROME_EXTENSION");
        assertThat(systems.path("rows").get(7).path("cells").path("IE11").path("value").asText()).isEqualTo("BIT_32_ONLY");
        JsonNode auth = j.path("tables").get(1);
        assertThat(auth.path("rows")).hasSize(5);
        assertThat(auth.path("rows").get(0).path("rowConditions").get(0).asText()).isEqualTo("AUTHENTICATOR_NOT_AVAILABLE");
        assertThat(texts(j.path("endOfSupport"), "product")).containsExactly("WINDOWS_7", "WINDOWS_8_1", "WINDOWS_10",
                "WINDOWS_SERVER_2008_R2", "WINDOWS_SERVER_2012_R2", "IE11");
    }
}
