package io.spinekit.wes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.spinekit.wes.internal.Footnote;
import io.spinekit.wes.internal.FootnoteCondition;
import io.spinekit.wes.internal.JreLimit;
import io.spinekit.wes.internal.WesColumn;
import io.spinekit.wes.internal.WesRow;
import io.spinekit.wes.internal.WesTable;
import io.spinekit.wes.internal.Windows10Limit;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bundled edition and the loader's strict checks. */
class WesDataTest {

    private static String bundledText() throws IOException {
        try (InputStream in = Wes.class.getResourceAsStream(Wes.BUNDLED_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Wes load(String text) {
        return Wes.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    @Test
    void bundledEditionIsTheFirstOfSeptember2021() {
        WesEdition e = Wes.bundled().edition();
        assertThat(e.date()).isEqualTo(LocalDate.of(2021, 9, 1));
        assertThat(e.lastEdited()).isEqualTo("Last edited: 1 September 2021 1:43 pm");
        assertThat(e.title()).isEqualTo("Spine technical information: Warranted Environment Specification (WES)");
        assertThat(e.publisher()).isEqualTo("NHS Digital");
        assertThat(e.provenance()).startsWith("seed: ");
        assertThat(e.statements()).contains("Windows Internet of Things (IoT) Editions are not supported.");
        assertThat(Wes.bundled().endOfSupportProvenance()).startsWith("public: vendor lifecycle dates");
    }

    @Test
    void tablesCarryTheSeedHeadersVerbatim() {
        WesTable systems = Wes.bundled().systems();
        assertThat(systems.title()).isEqualTo("NHS Digital Smartcard enabled system");
        assertThat(systems.columns()).extracting(c -> systems.columnHeaders().get(c)).containsExactly(
                "Windows 7 SP1, 8.1 and 10**", "Win Server 2012 R2", "Win Server 2008 R2 SP1", "Citrix XenApp", "IE11", "Edge***",
                "Chrome", "Firefox", "Safari", "JRE (32-bit)");
        assertThat(systems.rows()).extracting(WesRow::header).containsExactly("Care Identity Service application*", "SUS",
                "e-RS - Professional", "Spine EPS Tracker****", "Spine Reporting Service****", "Spine Demographic application****",
                "Spine TES Alert Viewer****", "Spine SCR****", "Spine MOLES (message tracker) and MESH UI Client****",
                "Spine MESH Client****");
        WesTable auth = Wes.bundled().authenticators();
        assertThat(auth.title()).isEqualTo("NHS Digital approved authenticators");
        assertThat(auth.columns()).extracting(c -> auth.columnHeaders().get(c)).containsExactly("Win 10", "Win 8.1", "Win 7 SP1",
                "Windows Server 2012 R2", "Windows Server 2008 R2 SP1", "Citrix XenApp", "IE11", "Edge", "Chrome", "Firefox", "Safari");
        assertThat(auth.rows()).extracting(WesRow::header).containsExactly("Android tablet *",
                "Apple iPad iOS version 11 or above **", "Windows Hello for Business with FIDO2", "Security keys - enabled in CIS2",
                "Smartcards");
    }

    @Test
    void footnotesAreTheSeedsTextWithTypedConditions() {
        List<Footnote> notes = Wes.bundled().systems().footnotes();
        assertThat(notes).extracting(Footnote::marker).containsExactly("*", "**", "***", "****");
        assertThat(notes.get(1).text()).isEqualTo("The CIS application is warranted against any version of JRE v8 (32-bit) up to "
                + "and including v8.281, and Windows 10 up to and including v20H2 (64-bit)");
        assertThat(notes.get(2).text()).isEqualTo("Edge can be used in IE mode but requires a supported version of JRE v8");
        assertThat(notes.get(3).text()).isEqualTo(
                "Chrome and Edge would need the Chrome extension to work for the Spine user interfaces (UIs).");
        assertThat(notes.get(0).text()).startsWith("Care Identity Service (CIS) application use in Chrome/Edge/Opera requires use "
                + "of NHS Credential Management.").endsWith("Use of Citrix does not allow CMS (smartcard operations).");
        assertThat(notes.get(1).conditions()).extracting(FootnoteCondition::kind)
                .containsExactly(ConditionKind.JRE_VERSION_LIMIT, ConditionKind.WINDOWS_10_RELEASE_LIMIT);
        assertThat(notes.get(1).conditions().get(0).jre()).contains(new JreLimit(8, 281, Bitness.BIT_32));
        assertThat(notes.get(1).conditions().get(1).windows10()).contains(new Windows10Limit(Windows10Release.V20H2, Bitness.BIT_64));
        List<Footnote> auth = Wes.bundled().authenticators().footnotes();
        assertThat(auth).extracting(Footnote::text).containsExactly("Currently not available",
                "iPad devices need to be managed by a Mobile Device Management (MDM) system and will require the CIS2 authenticator app.");
        assertThat(Wes.bundled().authenticators().row("ANDROID_TABLET").orElseThrow().conditions())
                .extracting(FootnoteCondition::kind).containsExactly(ConditionKind.AUTHENTICATOR_NOT_AVAILABLE);
    }

    @Test
    void bundledTextReloadsToTheSameTables() throws IOException {
        Wes again = load(bundledText());
        assertThat(again.systems()).isEqualTo(Wes.bundled().systems());
        assertThat(again.authenticators()).isEqualTo(Wes.bundled().authenticators());
        assertThat(again.edition().source()).isEqualTo("test.json");
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            "format": "spinekit-wes/1"                     | "format": "spinekit-wes/2"                       | format: is "spinekit-wes/2", expected "spinekit-wes/1"
            "date": "2021-09-01"                           | "date": "1 September 2021"                       | edition.date: "1 September 2021" is not an ISO date
            {"column": "SAFARI", "header": "Safari"},      | {"column": "OPERA", "header": "Opera"},          | systems.columns[8].column: unknown WesColumn "OPERA"
            "header": "SUS",                               | "header": "SUS Online",                          | systems.rows[1].header: "SUS Online" does not name SUS ("SUS")
            "Yes", "No", "No", "No", "Yes", "Yes", "Yes", "No", "No", "No"]  | "Yes", "No"]                | systems.rows[1].cells: 2 cells for 10 columns
            "Yes", "No", "No", "No", "Yes", "Yes", "Yes", "No", "No", "No"]  | "Yes", "No", "No", "No", "Yes", "Yes", "Yes", "No", "No", "Maybe"] | systems.rows[1].cells[9] (JRE_32_BIT): unknown cell value "Maybe"
            "Yes", "No", "No", "No", "Yes", "Yes", "Yes", "No", "No", "No"]  | "Yes", "No", "No", "No", "Yes", "Yes", "32-bit", "No", "No", "No"] | systems.rows[1].cells[6]: '32-bit' is only meaningful in the IE11 column, not CHROME
            "Yes", "No", "No", "No", "Yes", "Yes", "Yes", "No", "No", "No"]  | "Yes", "No", "No", "No", "Yes", "Yes", "Yes", "No*****", "No", "No"] | systems.rows[1].cells[7]: footnote marker "*****" is used but not defined (defined: *, **, ***, ****)
            "Yes", "No", "No", "No", "Yes", "Yes", "Yes", "No", "No", "No"]  | "Yes", "No", "No", "No", "Yes", "Yes", "Yes", "No*", "No", "No"] | cell "No*" carries footnote * but no condition of that footnote governs column FIREFOX
            "Yes", "No", "No", "No", "Yes", "Yes", "Yes", "No", "No", "No"]  | "Yes", "No", "No", "No", "Yes", "Yes", "8", "No", "No", "No"] | '8' is only meaningful in the JRE column, not CHROME
            "kind": "NO_CMS_ON_CITRIX"                     | "kind": "NO_CMS_ANYWHERE"                        | unknown ConditionKind "NO_CMS_ANYWHERE"
            "kind": "NO_CMS_ON_CITRIX", "columns": ["CITRIX_XENAPP"] | "kind": "NO_CMS_ON_CITRIX", "columns": ["SAFARI"] | systems.rows[0].cells[3]: cell "Yes*" carries footnote * but no condition of that footnote governs column CITRIX_XENAPP
            "kind": "EDGE_IE_MODE_NEEDS_JRE_8", "columns": ["EDGE"] | "kind": "EDGE_IE_MODE_NEEDS_JRE_8", "columns": ["SAFARI"] | systems.footnotes["***"]: condition EDGE_IE_MODE_NEEDS_JRE_8 governs no cell
            "maxUpdate": 281                               | "maxUpdate": 281, "minUpdate": 1                 | Unrecognized field \\"minUpdate\\"
            "maxRelease": "20H2"                           | "maxRelease": "20H3"                             | windows10.maxRelease: unknown Windows 10 release "20H3"
            {"key": "SPINE_MESH_CLIENT"                    | {"key": "SPINE_SCR"                              | systems.rows[9].key: SPINE_SCR appears twice
            {"product": "IE11", "date": "2022-06-15", "event": "retired"} | {"product": "NETSCAPE", "date": "2022-06-15", "event": "retired"} | endOfSupport.products[5].product: unknown product "NETSCAPE"
            "lastEdited": "Last edited: 1 September 2021 1:43 pm", | "lastEdited": "Last edited: 1 September 2021 1:43 pm", "lastEdited": "x", | Duplicate field 'lastEdited'
            """)
    void malformedDataIsRejectedNamingTheFileAndPlace(String from, String to, String message) throws IOException {
        String text = bundledText();
        assertThat(text).contains(from);
        String changed = text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        assertThatThrownBy(() -> load(changed)).isInstanceOf(WesDataException.class)
                .hasMessageStartingWith("WES data \"test.json\"")
                .hasMessageContaining(message);
    }

    @Test
    void textsWithControlCharactersOrOverTheLengthLimitAreRefused() throws IOException {
        String text = bundledText();
        String title = "\"title\": \"NHS Digital Smartcard enabled system\"";
        assertThat(text).contains(title);
        assertThatThrownBy(() -> load(text.replace(title, "\"title\": \"NHS\\nFORGED LOG LINE\"")))
                .isInstanceOf(WesDataException.class)
                .hasMessageContaining("systems.title: holds a control character")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> load(text.replace(title, "\"title\": \"" + "x".repeat(100_000) + "\"")))
                .isInstanceOf(WesDataException.class)
                .hasMessageContaining("systems.title: is 100000 characters long; at most 200")
                .hasMessageNotContaining("x".repeat(100));
        String edition = "\"title\": \"Spine technical information: Warranted Environment Specification (WES)\"";
        assertThat(text).contains(edition);
        assertThatThrownBy(() -> load(text.replace(edition, "\"title\": \"WES\\r\\nx\"")))
                .isInstanceOf(WesDataException.class)
                .hasMessageContaining("edition.title: holds a control character");
    }

    @Test
    void missingRowIsNamed() throws IOException {
        String text = bundledText().replaceFirst("(?s),\\s*\\{\"key\": \"SPINE_MESH_CLIENT\".*?\\]\\}", "");
        assertThatThrownBy(() -> load(text)).isInstanceOf(WesDataException.class)
                .hasMessage("WES data \"test.json\", systems.rows: no row for SPINE_MESH_CLIENT (\"Spine MESH Client\")");
    }

    @Test
    void notJsonIsNamed() {
        assertThatThrownBy(() -> load("{\"format\": ")).isInstanceOf(WesDataException.class)
                .hasMessageStartingWith("WES data \"test.json\" is not valid JSON for format spinekit-wes/1: ");
    }
}
