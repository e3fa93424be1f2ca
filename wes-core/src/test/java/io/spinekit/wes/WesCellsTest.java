package io.spinekit.wes;

import static org.assertj.core.api.Assertions.assertThat;
import io.spinekit.wes.internal.Footnote;
import io.spinekit.wes.internal.FootnoteCondition;
import io.spinekit.wes.internal.WesCell;
import io.spinekit.wes.internal.WesColumn;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every cell of both WES tables, asserted through the public API against an expectation table typed
 * into this test from the seed page (not read from the bundled data file): the cell's text, what an
 * assessment of an environment exercising that cell concludes from it, and which footnote conditions it carries.
 */
class WesCellsTest {
    private static final Wes WES = Wes.bundled();
    private static final LocalDate DATE = LocalDate.of(2021, 9, 1);

    /** The systems table as the seed prints it (row header | ten cells). */
    private static final String SYSTEMS = """
            CARE_IDENTITY_SERVICE          | Yes | Yes | Yes | Yes* | Yes    | Yes* | Yes* | No  | No  | 8**
            SUS                            | Yes | No  | No  | No   | Yes    | Yes  | Yes  | No  | No  | No
            E_RS_PROFESSIONAL              | Yes | Yes | Yes | Yes  | Yes    | Yes  | Yes  | Yes | Yes | Yes
            SPINE_EPS_TRACKER              | Yes | Yes | No  | No   | 32-bit | Yes  | Yes  | Yes | No  | 8
            SPINE_REPORTING_SERVICE        | Yes | Yes | No  | No   | 32-bit | Yes  | Yes  | Yes | No  | 8
            SPINE_DEMOGRAPHIC_APPLICATION  | Yes | Yes | No  | No   | 32-bit | Yes  | Yes  | Yes | No  | 8
            SPINE_TES_ALERT_VIEWER         | Yes | Yes | No  | No   | 32-bit | Yes  | Yes  | Yes | No  | 8
            SPINE_SCR                      | Yes | Yes | No  | No   | 32-bit | Yes  | Yes  | Yes | No  | 8
            SPINE_MOLES_AND_MESH_UI_CLIENT | Yes | Yes | No  | No   | 32-bit | Yes  | Yes  | Yes | No  | 8
            SPINE_MESH_CLIENT              | Yes | Yes | No  | No   | N/A    | N/A  | N/A  | N/A | N/A | 8
            """;
    private static final List<WesColumn> SYSTEM_COLUMNS = List.of(WesColumn.WINDOWS_7_SP1_8_1_10,
            WesColumn.WINDOWS_SERVER_2012_R2, WesColumn.WINDOWS_SERVER_2008_R2_SP1, WesColumn.CITRIX_XENAPP, WesColumn.IE11,
            WesColumn.EDGE, WesColumn.CHROME, WesColumn.FIREFOX, WesColumn.SAFARI, WesColumn.JRE_32_BIT);

    private static final String AUTHENTICATORS = """
            ANDROID_TABLET                   | N/A | N/A | N/A | N/A | N/A | N/A | N/A | N/A | N/A | N/A | N/A
            APPLE_IPAD                       | N/A | N/A | N/A | N/A | N/A | N/A | No  | No  | No  | No  | Yes
            WINDOWS_HELLO_FOR_BUSINESS_FIDO2 | Yes | Yes | Yes | N/A | N/A | N/A | No  | Yes | Yes | Yes | No
            SECURITY_KEYS                    | Yes | Yes | Yes | N/A | N/A | N/A | No  | Yes | Yes | Yes | No
            SMARTCARDS                       | Yes | Yes | Yes | Yes | Yes | Yes | Yes | Yes | Yes | No  | No
            """;
    private static final List<WesColumn> AUTHENTICATOR_COLUMNS = List.of(WesColumn.WINDOWS_10, WesColumn.WINDOWS_8_1,
            WesColumn.WINDOWS_7_SP1, WesColumn.WINDOWS_SERVER_2012_R2, WesColumn.WINDOWS_SERVER_2008_R2_SP1,
            WesColumn.CITRIX_XENAPP, WesColumn.IE11, WesColumn.EDGE, WesColumn.CHROME, WesColumn.FIREFOX, WesColumn.SAFARI);

    /** Footnote conditions each cell carries, from the footnotes' wording. Cells not listed carry none. */
    private static final Map<String, Set<ConditionKind>> FOOTNOTED = Map.ofEntries(
            Map.entry("CARE_IDENTITY_SERVICE/WINDOWS_7_SP1_8_1_10", Set.of(ConditionKind.WINDOWS_10_RELEASE_LIMIT)),
            Map.entry("CARE_IDENTITY_SERVICE/CITRIX_XENAPP", Set.of(ConditionKind.NO_CMS_ON_CITRIX)),
            Map.entry("CARE_IDENTITY_SERVICE/EDGE", Set.of(ConditionKind.NHS_CREDENTIAL_MANAGEMENT_OR_CHROME_EXTENSION,
                    ConditionKind.EDGE_IE_MODE_NEEDS_JRE_8)),
            Map.entry("CARE_IDENTITY_SERVICE/CHROME", Set.of(ConditionKind.NHS_CREDENTIAL_MANAGEMENT_OR_CHROME_EXTENSION)),
            Map.entry("CARE_IDENTITY_SERVICE/JRE_32_BIT", Set.of(ConditionKind.JRE_VERSION_LIMIT)),
            Map.entry("SUS/EDGE", Set.of(ConditionKind.EDGE_IE_MODE_NEEDS_JRE_8)),
            Map.entry("E_RS_PROFESSIONAL/EDGE", Set.of(ConditionKind.EDGE_IE_MODE_NEEDS_JRE_8)),
            Map.entry("SPINE_EPS_TRACKER/EDGE", Set.of(ConditionKind.EDGE_IE_MODE_NEEDS_JRE_8, ConditionKind.CHROME_EXTENSION_FOR_SPINE_UIS)),
            Map.entry("SPINE_EPS_TRACKER/CHROME", Set.of(ConditionKind.CHROME_EXTENSION_FOR_SPINE_UIS)),
            Map.entry("SPINE_REPORTING_SERVICE/EDGE", Set.of(ConditionKind.EDGE_IE_MODE_NEEDS_JRE_8, ConditionKind.CHROME_EXTENSION_FOR_SPINE_UIS)),
            Map.entry("SPINE_REPORTING_SERVICE/CHROME", Set.of(ConditionKind.CHROME_EXTENSION_FOR_SPINE_UIS)),
            Map.entry("SPINE_DEMOGRAPHIC_APPLICATION/EDGE", Set.of(ConditionKind.EDGE_IE_MODE_NEEDS_JRE_8, ConditionKind.CHROME_EXTENSION_FOR_SPINE_UIS)),
            Map.entry("SPINE_DEMOGRAPHIC_APPLICATION/CHROME", Set.of(ConditionKind.CHROME_EXTENSION_FOR_SPINE_UIS)),
            Map.entry("SPINE_TES_ALERT_VIEWER/EDGE", Set.of(ConditionKind.EDGE_IE_MODE_NEEDS_JRE_8, ConditionKind.CHROME_EXTENSION_FOR_SPINE_UIS)),
            Map.entry("SPINE_TES_ALERT_VIEWER/CHROME", Set.of(ConditionKind.CHROME_EXTENSION_FOR_SPINE_UIS)),
            Map.entry("SPINE_SCR/EDGE", Set.of(ConditionKind.EDGE_IE_MODE_NEEDS_JRE_8, ConditionKind.CHROME_EXTENSION_FOR_SPINE_UIS)),
            Map.entry("SPINE_SCR/CHROME", Set.of(ConditionKind.CHROME_EXTENSION_FOR_SPINE_UIS)),
            Map.entry("SPINE_MOLES_AND_MESH_UI_CLIENT/EDGE", Set.of(ConditionKind.EDGE_IE_MODE_NEEDS_JRE_8,
                    ConditionKind.CHROME_EXTENSION_FOR_SPINE_UIS)),
            Map.entry("SPINE_MOLES_AND_MESH_UI_CLIENT/CHROME", Set.of(ConditionKind.CHROME_EXTENSION_FOR_SPINE_UIS)));

    static Stream<Arguments> systemCells() {
        return cells(SYSTEMS, SYSTEM_COLUMNS);
    }

    static Stream<Arguments> authenticatorCells() {
        return cells(AUTHENTICATORS, AUTHENTICATOR_COLUMNS);
    }

    private static Stream<Arguments> cells(String table, List<WesColumn> columns) {
        List<Arguments> out = new ArrayList<>();
        for (String line : table.strip().split("\n")) {
            String[] parts = line.split("\\|");
            for (int i = 0; i < columns.size(); i++) {
                out.add(Arguments.of(parts[0].trim(), columns.get(i), parts[i + 1].trim()));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} x {1} = {2}")
    @MethodSource("systemCells")
    void systemsCellReadsAsTheSeedAndDecidesTheAssessment(String row, WesColumn column, String expected) {
        WesCell cell = WES.systems().row(row).orElseThrow().cell(column).orElseThrow();
        assertThat(cell.text()).isEqualTo(expected);
        assertThat(cell.conditions()).extracting(FootnoteCondition::kind)
                .containsExactlyInAnyOrderElementsOf(FOOTNOTED.getOrDefault(row + "/" + column, Set.of()));

        Application app = Application.valueOf(row);
        Assessment a = WES.assess(app, environmentExercising(column), DATE);
        Reason reason = cellReason(a, column);
        String value = expected.replace("*", "");
        if (column == WesColumn.JRE_32_BIT && value.equals("No")) {
            // The WES warrants no JRE for the system: a JRE given is noted, not held against it.
            assertThat(reason.outcome()).isEqualTo(Reason.Outcome.INFO);
            assertThat(reason.message()).contains("warrants no JRE");
            assertThat(a.failures()).isEmpty();
        } else if (value.equals("No") || (value.equals("N/A") && column.kind() != WesColumn.Kind.BROWSER)) {
            assertThat(reason.outcome()).isEqualTo(Reason.Outcome.NOT_MET);
            assertThat(a.verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
        } else if (value.equals("N/A")) {
            // MESH client: not a browser application, the browser is not assessed.
            assertThat(reason.outcome()).isEqualTo(Reason.Outcome.INFO);
            assertThat(reason.message()).contains("not used in a browser");
        } else {
            assertThat(reason.outcome()).isIn(Reason.Outcome.MET, Reason.Outcome.INFO);
            assertThat(a.failures()).isEmpty();
        }
        assertThat(reason.cell().orElseThrow().text()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} x {1} = {2}")
    @MethodSource("authenticatorCells")
    void authenticatorCellReadsAsTheSeedAndDecidesTheAssessment(String row, WesColumn column, String expected) {
        WesCell cell = WES.authenticators().row(row).orElseThrow().cell(column).orElseThrow();
        assertThat(cell.text()).isEqualTo(expected);
        assertThat(cell.conditions()).isEmpty();

        Authenticator authenticator = Authenticator.valueOf(row);
        boolean ipad = authenticator == Authenticator.APPLE_IPAD;
        ClientEnvironment env = environmentExercisingAuthenticatorColumn(column, ipad);
        Assessment a = WES.assess(authenticator, env, DATE);
        Optional<Reason> reason = a.reasons().stream()
                .filter(r -> r.cell().map(c -> c.column().equals(WES.authenticators().columnHeaders().get(column))).orElse(false))
                .findFirst();
        if (ipad && column.kind() == WesColumn.Kind.OPERATING_SYSTEM) {
            // The iPad's OS columns read N/A: a Windows environment is ruled out by the row's platform.
            assertThat(a.verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
            assertThat(a.failures()).extracting(Reason::message).anyMatch(m -> m.contains("runs on iPadOS"));
        } else if (authenticator == Authenticator.ANDROID_TABLET) {
            assertThat(a.verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
        } else if (expected.equals("Yes")) {
            assertThat(reason.orElseThrow().outcome()).isEqualTo(Reason.Outcome.MET);
        } else {
            assertThat(reason.orElseThrow().outcome()).isEqualTo(Reason.Outcome.NOT_MET);
            assertThat(a.verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
        }
    }

    private static ClientEnvironment environmentExercising(WesColumn column) {
        ClientEnvironment.Builder b = ClientEnvironment.builder().os("Windows 10 Enterprise 20H2 64-bit");
        switch (column) {
            case WINDOWS_SERVER_2012_R2 -> b.os("Windows Server 2012 R2 Standard 64-bit");
            case WINDOWS_SERVER_2008_R2_SP1 -> b.os("Windows Server 2008 R2 SP1 Standard 64-bit");
            case CITRIX_XENAPP -> b.citrix(true);
            case IE11 -> b.browser("IE11 32-bit");
            case EDGE, CHROME, FIREFOX, SAFARI -> b.browser(Browser.of(column.browser().orElseThrow()));
            case JRE_32_BIT -> b.jre("1.8.0_281 32-bit");
            default -> {
            }
        }
        return b.build();
    }

    private static ClientEnvironment environmentExercisingAuthenticatorColumn(WesColumn column, boolean ipad) {
        ClientEnvironment.Builder b = ClientEnvironment.builder().os(ipad ? "iPadOS 14.7" : "Windows 10 Pro 21H2 64-bit");
        switch (column) {
            case WINDOWS_10 -> b.os("Windows 10 Pro 21H2 64-bit");
            case WINDOWS_8_1 -> b.os("Windows 8.1 Pro 64-bit");
            case WINDOWS_7_SP1 -> b.os("Windows 7 SP1 Enterprise");
            case WINDOWS_SERVER_2012_R2 -> b.os("Windows Server 2012 R2");
            case WINDOWS_SERVER_2008_R2_SP1 -> b.os("Windows Server 2008 R2 SP1");
            case CITRIX_XENAPP -> b.citrix(true);
            case IE11 -> b.browser("IE11 32-bit");
            case EDGE, CHROME, FIREFOX, SAFARI -> b.browser(Browser.of(column.browser().orElseThrow()));
            default -> throw new IllegalArgumentException(column.name());
        }
        return b.build();
    }

    private static Reason cellReason(Assessment a, WesColumn column) {
        String header = WES.systems().columnHeaders().get(column);
        return a.reasons().stream()
                .filter(r -> r.cell().map(c -> c.column().equals(header)).orElse(false) && r.footnote().isEmpty())
                .findFirst().orElseThrow(() -> new AssertionError("no reason for " + header + " in\n" + a.describe()));
    }
}
