package io.spinekit.wes;

import io.spinekit.wes.internal.CellValue;
import io.spinekit.wes.internal.FootnoteCondition;
import io.spinekit.wes.internal.JreLimit;
import io.spinekit.wes.internal.OsRequirement;
import io.spinekit.wes.internal.PlatformRequirement;
import io.spinekit.wes.internal.WesCell;
import io.spinekit.wes.internal.WesColumn;
import io.spinekit.wes.internal.WesRow;
import io.spinekit.wes.internal.WesTable;
import io.spinekit.wes.internal.Windows10Limit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Assesses one client environment against one row of a WES table. Single use. */
final class Assessor {
    private final WesTable table;
    private final WesRow row;
    private final ClientEnvironment env;
    private final List<Reason> reasons = new ArrayList<>();
    private final Map<ConditionKind, Condition> conditions = new LinkedHashMap<>();
    private boolean notMet;

    private Assessor(WesTable table, WesRow row, ClientEnvironment env) {
        this.table = table;
        this.row = row;
        this.env = env;
    }

    static Assessment assess(WesTable table, WesRow row, ClientEnvironment env, LocalDate date, LocalDate edition,
            List<EndOfSupport> endOfSupport) {
        Assessor a = new Assessor(table, row, env);
        a.run();
        Verdict verdict = a.notMet ? Verdict.NOT_SUPPORTED
                : a.conditions.isEmpty() ? Verdict.SUPPORTED : Verdict.SUPPORTED_WITH_CONDITIONS;
        List<Condition> conditions = verdict == Verdict.NOT_SUPPORTED ? List.of() : List.copyOf(a.conditions.values());
        return new Assessment(table.id(), row.label(), Optional.of(env), Optional.empty(), date, edition, verdict, conditions,
                List.copyOf(a.reasons), warnings(env, date, endOfSupport));
    }

    static List<EndOfSupportWarning> warnings(ClientEnvironment env, LocalDate date, List<EndOfSupport> endOfSupport) {
        List<String> products = new ArrayList<>();
        products.add(env.os().product().name());
        env.browser().ifPresent(b -> products.add(b.product().name()));
        List<EndOfSupportWarning> out = new ArrayList<>();
        for (EndOfSupport e : endOfSupport) {
            if (products.contains(e.product()) && !date.isBefore(e.date())) {
                out.add(new EndOfSupportWarning(e.product(), e.label(), e.date(), e.event(), e.label() + ": " + e.event()
                        + " on " + e.date() + " (vendor lifecycle), so unsupported by its vendor as of " + date + "."));
            }
        }
        return List.copyOf(out);
    }

    private void run() {
        for (FootnoteCondition fc : row.conditions()) {
            footnote(fc, Optional.empty());
        }
        checkOs();
        checkCitrix();
        checkBrowser();
        checkJre();
    }

    private void reason(Reason.Outcome outcome, Optional<WesCell> cell, Optional<String> footnote, String message) {
        reasons.add(new Reason(outcome, cell.map(this::ref), footnote, message));
        if (outcome == Reason.Outcome.NOT_MET) {
            notMet = true;
        }
    }

    private void condition(Optional<WesCell> cell, Optional<String> footnote, ConditionKind kind, String text) {
        reason(Reason.Outcome.CONDITION, cell, footnote, text);
        conditions.putIfAbsent(kind, new Condition(kind, footnote, text));
    }

    private CellRef ref(WesCell cell) {
        return new CellRef(table.id(), row.header(), table.columnHeaders().get(cell.column()), cell.text());
    }

    private void checkOs() {
        OperatingSystem os = env.os();
        if (os.isIot()) {
            reason(Reason.Outcome.NOT_MET, Optional.empty(), Optional.empty(), os.describe()
                    + " is an IoT edition: \"Windows Internet of Things (IoT) Editions are not supported.\"");
        } else if (os.product().isWindows() && os.edition().isEmpty()) {
            reason(Reason.Outcome.INFO, Optional.empty(), Optional.empty(),
                    "Edition not given; Windows IoT editions are not supported.");
        }
        if (row.platform().isPresent()) {
            PlatformRequirement p = row.platform().get();
            String names = String.join(", ", p.os().stream().map(OsProduct::label).sorted().toList());
            if (!p.os().contains(os.product())) {
                reason(Reason.Outcome.NOT_MET, Optional.empty(), Optional.empty(), "'" + row.label() + "' runs on " + names
                        + ", not " + os.product().label() + " (its operating system columns read N/A).");
            } else if (p.minimumMajorVersion().isPresent()) {
                int min = p.minimumMajorVersion().get();
                Optional<Integer> major = os.majorVersion();
                if (major.isEmpty()) {
                    condition(Optional.empty(), Optional.empty(), ConditionKind.OS_VERSION_NOT_STATED, "Confirm "
                            + os.product().label() + " is version " + min + " or above ('" + row.label() + "').");
                } else if (major.get() < min) {
                    reason(Reason.Outcome.NOT_MET, Optional.empty(), Optional.empty(), os.describe() + " is below version "
                            + min + " ('" + row.label() + "').");
                } else {
                    reason(Reason.Outcome.MET, Optional.empty(), Optional.empty(), os.describe() + " is version " + min
                            + " or above ('" + row.label() + "').");
                }
            } else {
                reason(Reason.Outcome.MET, Optional.empty(), Optional.empty(), "'" + row.label() + "' runs on " + names + ".");
            }
            return;
        }
        Optional<Map.Entry<WesColumn, OsRequirement>> entry = table.osColumn(os.product());
        if (entry.isEmpty()) {
            List<String> listed = new ArrayList<>();
            table.columnOs().values().forEach(l -> l.forEach(r -> listed.add(r.product().label()
                    + r.release().map(x -> " " + x).orElse(""))));
            reason(Reason.Outcome.NOT_MET, Optional.empty(), Optional.empty(), os.product().label()
                    + " is not listed in '" + table.title() + "', which lists " + String.join(", ", listed)
                    + ": client software not listed in the WES is not supported.");
            return;
        }
        WesCell cell = row.cell(entry.get().getKey()).orElseThrow();
        if (!cell.value().permits()) {
            reason(Reason.Outcome.NOT_MET, Optional.of(cell), Optional.empty(), os.product().label() + " is not warranted for '"
                    + row.label() + "'.");
            return;
        }
        reason(Reason.Outcome.MET, Optional.of(cell), Optional.empty(), os.product().label() + " is warranted.");
        Optional<String> required = entry.get().getValue().release();
        if (required.isPresent()) {
            String need = required.get();
            if (os.release().isEmpty()) {
                condition(Optional.of(cell), Optional.empty(), ConditionKind.SERVICE_PACK_1, "Confirm " + os.product().label()
                        + " has " + need + " installed (the WES lists " + os.product().label() + " " + need + ").");
            } else if (servicePack(os.release().get()) < servicePack(need)) {
                reason(Reason.Outcome.NOT_MET, Optional.of(cell), Optional.empty(), os.describe() + ": the WES lists "
                        + os.product().label() + " " + need + ".");
            } else {
                reason(Reason.Outcome.MET, Optional.of(cell), Optional.empty(), os.describe() + " has " + need + ".");
            }
        }
        for (FootnoteCondition fc : cell.conditions()) {
            footnote(fc, Optional.of(cell));
        }
    }

    private static int servicePack(String release) {
        return release.equals("RTM") ? 0 : Integer.parseInt(release.substring(2));
    }

    private void checkCitrix() {
        if (!env.citrix()) {
            return;
        }
        Optional<WesCell> cell = row.cell(WesColumn.CITRIX_XENAPP);
        if (cell.isEmpty()) {
            reason(Reason.Outcome.NOT_MET, Optional.empty(), Optional.empty(), "'" + table.title() + "' has no Citrix column.");
        } else if (!cell.get().value().permits()) {
            reason(Reason.Outcome.NOT_MET, cell, Optional.empty(), "Citrix XenApp is not warranted for '" + row.label() + "'.");
        } else {
            reason(Reason.Outcome.MET, cell, Optional.empty(), "Citrix XenApp is warranted.");
            for (FootnoteCondition fc : cell.get().conditions()) {
                footnote(fc, cell);
            }
        }
    }

    private void checkBrowser() {
        List<WesCell> browserCells = row.cells().stream().filter(c -> c.column().kind() == WesColumn.Kind.BROWSER).toList();
        boolean browserApp = browserCells.stream().anyMatch(c -> c.value() != CellValue.NOT_APPLICABLE);
        String warranted = String.join(", ", browserCells.stream().filter(c -> c.value().permits())
                .map(c -> c.column().browser().orElseThrow().label() + (c.value() == CellValue.BIT_32_ONLY ? " (32-bit)" : ""))
                .toList());
        if (env.browser().isEmpty()) {
            if (browserApp) {
                condition(Optional.empty(), Optional.empty(), ConditionKind.BROWSER_NOT_STATED, "No browser given; '"
                        + row.label() + "' is warranted in " + (warranted.isEmpty() ? "no browser" : warranted) + ".");
            } else {
                reason(Reason.Outcome.INFO, Optional.empty(), Optional.empty(), "Browser columns read N/A: '" + row.label()
                        + "' is not used in a browser.");
            }
            return;
        }
        Browser b = env.browser().get();
        if (!browserApp) {
            Optional<WesCell> own = WesColumn.forBrowser(b.product()).flatMap(row::cell);
            reason(Reason.Outcome.INFO, own.isPresent() ? own : browserCells.stream().findFirst(), Optional.empty(),
                    "Browser columns read N/A: '"
                    + row.label() + "' is not used in a browser, so " + b.describe() + " is not assessed.");
            return;
        }
        Optional<WesCell> cell = WesColumn.forBrowser(b.product()).flatMap(row::cell);
        if (cell.isEmpty()) {
            reason(Reason.Outcome.NOT_MET, Optional.empty(), Optional.empty(), b.product().label() + " is not a column of '"
                    + table.title() + "'; '" + row.label() + "' is warranted in " + warranted + ".");
            return;
        }
        WesCell c = cell.get();
        switch (c.value()) {
            case BIT_32_ONLY -> {
                if (b.bitness().isEmpty()) {
                    condition(cell, Optional.empty(), ConditionKind.IE11_32_BIT_ONLY, "Use the 32-bit IE11: the cell reads "
                            + "'32-bit' and the browser's bitness was not given.");
                } else if (b.bitness().get() == Bitness.BIT_64) {
                    reason(Reason.Outcome.NOT_MET, cell, Optional.empty(), "Only the 32-bit IE11 is warranted; "
                            + b.describe() + " is 64-bit.");
                } else {
                    reason(Reason.Outcome.MET, cell, Optional.empty(), "The 32-bit IE11 is warranted.");
                }
            }
            case YES -> reason(Reason.Outcome.MET, cell, Optional.empty(), b.product().label() + " is warranted.");
            default -> reason(Reason.Outcome.NOT_MET, cell, Optional.empty(), b.product().label() + " is not warranted for '"
                    + row.label() + "'" + (warranted.isEmpty() ? "." : "; it is warranted in " + warranted + "."));
        }
        if (c.value().permits()) {
            for (FootnoteCondition fc : c.conditions()) {
                footnote(fc, cell);
            }
        }
    }

    private void checkJre() {
        Optional<WesCell> cell = row.cell(WesColumn.JRE_32_BIT);
        if (cell.isEmpty()) {
            env.jre().ifPresent(j -> reason(Reason.Outcome.INFO, Optional.empty(), Optional.empty(), "'" + table.title()
                    + "' has no JRE column; " + j.describe() + " is not assessed."));
            return;
        }
        WesCell c = cell.get();
        Optional<JavaRuntime> jre = env.jre();
        boolean limited = c.conditions().stream().anyMatch(fc -> fc.kind() == ConditionKind.JRE_VERSION_LIMIT);
        switch (c.value()) {
            case NO, NOT_APPLICABLE -> reason(Reason.Outcome.INFO, cell, Optional.empty(), "The WES warrants no JRE for '"
                    + row.label() + "' (it does not use Java)" + jre.map(j -> "; " + j.describe() + " is not assessed.").orElse("."));
            case YES -> {
                if (jre.isEmpty()) {
                    reason(Reason.Outcome.INFO, cell, Optional.empty(), "Any 32-bit JRE is warranted; none given.");
                } else {
                    bitness32(c, jre.get(), ConditionKind.JRE_32_BIT);
                }
            }
            case JRE_8 -> {
                if (limited) {
                    reason(Reason.Outcome.INFO, cell, Optional.empty(), "JRE 8 (32-bit) within the limit of its footnote.");
                } else if (jre.isEmpty()) {
                    condition(cell, Optional.empty(), ConditionKind.JRE_8_32_BIT, "Where '" + row.label()
                            + "' uses Java it needs JRE 8 (32-bit); no JRE given.");
                } else if (jre.get().feature() != 8) {
                    reason(Reason.Outcome.NOT_MET, cell, Optional.empty(), jre.get().describe() + " is not JRE 8, the JRE warranted for '"
                            + row.label() + "'.");
                } else {
                    bitness32(c, jre.get(), ConditionKind.JRE_8_32_BIT);
                }
            }
            default -> throw new IllegalStateException("JRE cell " + c.value());
        }
        if (c.value().permits()) {
            for (FootnoteCondition fc : c.conditions()) {
                footnote(fc, cell);
            }
        }
    }

    private void bitness32(WesCell c, JavaRuntime jre, ConditionKind kind) {
        Optional<WesCell> cell = Optional.of(c);
        if (jre.bitness().isEmpty()) {
            condition(cell, Optional.empty(), kind, "Confirm the JRE is 32-bit (column 'JRE (32-bit)'); "
                    + jre.describe() + " gives no bitness.");
        } else if (jre.bitness().get() == Bitness.BIT_64) {
            reason(Reason.Outcome.NOT_MET, cell, Optional.empty(), jre.describe() + " is 64-bit; the WES warrants the 32-bit JRE.");
        } else {
            reason(Reason.Outcome.MET, cell, Optional.empty(), jre.describe() + " is warranted.");
        }
    }

    private void footnote(FootnoteCondition fc, Optional<WesCell> cell) {
        Optional<String> fn = Optional.of(fc.marker());
        String browser = env.browser().map(b -> b.product().label()).orElse("the browser");
        switch (fc.kind()) {
            case NHS_CREDENTIAL_MANAGEMENT_OR_CHROME_EXTENSION -> condition(cell, fn, fc.kind(), "'" + row.label() + "' in "
                    + browser + " needs NHS Credential Management (which allows CMS smartcard operations), or instead the "
                    + "Chrome extension (which does not allow CMS smartcard operations).");
            case NO_CMS_ON_CITRIX -> condition(cell, fn, fc.kind(), "Through Citrix, CMS (smartcard operations) is not available.");
            case CHROME_EXTENSION_FOR_SPINE_UIS -> condition(cell, fn, fc.kind(), browser
                    + " needs the Chrome extension to work for the Spine user interfaces.");
            case EDGE_IE_MODE_NEEDS_JRE_8 -> edgeIeMode(fc, cell);
            case JRE_VERSION_LIMIT -> jreLimit(fc, cell);
            case WINDOWS_10_RELEASE_LIMIT -> windows10Limit(fc, cell);
            case AUTHENTICATOR_NOT_AVAILABLE -> reason(Reason.Outcome.NOT_MET, cell, fn, "'" + row.label()
                    + "': currently not available.");
            case IPAD_MDM_AND_CIS2_AUTHENTICATOR_APP -> condition(cell, fn, fc.kind(), "The iPad must be managed by a Mobile "
                    + "Device Management (MDM) system and needs the CIS2 authenticator app.");
            default -> throw new IllegalStateException(fc.kind() + " is not a footnote condition");
        }
    }

    private void edgeIeMode(FootnoteCondition fc, Optional<WesCell> cell) {
        Optional<String> fn = Optional.of(fc.marker());
        boolean ieMode = env.browser().map(Browser::ieMode).orElse(false);
        if (!ieMode) {
            reason(Reason.Outcome.INFO, cell, fn, "Edge in IE mode would need a supported JRE 8; IE mode not stated.");
            return;
        }
        Optional<WesCell> jreCell = row.cell(WesColumn.JRE_32_BIT);
        if (jreCell.isEmpty() || !jreCell.get().value().permits()) {
            reason(Reason.Outcome.NOT_MET, cell, fn, "Edge in IE mode needs a supported JRE 8, and the WES warrants no JRE for '"
                    + row.label() + "'.");
        } else if (env.jre().isEmpty()) {
            condition(cell, fn, fc.kind(), "Edge in IE mode needs a supported JRE 8 (32-bit); no JRE given.");
        } else if (env.jre().get().feature() != 8) {
            reason(Reason.Outcome.NOT_MET, cell, fn, "Edge in IE mode needs JRE 8; " + env.jre().get().describe() + " given.");
        } else {
            reason(Reason.Outcome.MET, cell, fn, "Edge in IE mode with JRE 8 (the JRE column is checked too).");
        }
    }

    private void jreLimit(FootnoteCondition fc, Optional<WesCell> cell) {
        Optional<String> fn = Optional.of(fc.marker());
        JreLimit limit = fc.jre().orElseThrow();
        Optional<JavaRuntime> jre = env.jre();
        if (jre.isEmpty()) {
            condition(cell, fn, fc.kind(), "Where '" + row.label() + "' uses Java: " + limit.describe() + "; no JRE given.");
            return;
        }
        JavaRuntime j = jre.get();
        if (j.feature() != limit.feature()) {
            reason(Reason.Outcome.NOT_MET, cell, fn, j.describe() + " is not JRE " + limit.feature() + "; warranted: "
                    + limit.describe() + ".");
            return;
        }
        List<String> confirm = new ArrayList<>();
        boolean failed = false;
        if (j.update().isEmpty()) {
            confirm.add("the JRE update is " + limit.feature() + "u" + limit.maxUpdate() + " or earlier");
        } else if (j.update().get() > limit.maxUpdate()) {
            reason(Reason.Outcome.NOT_MET, cell, fn, j.describe() + " is later than " + limit.feature() + "u" + limit.maxUpdate()
                    + "; warranted: " + limit.describe() + ".");
            failed = true;
        }
        if (j.bitness().isEmpty()) {
            confirm.add("the JRE is " + limit.bitness().label());
        } else if (j.bitness().get() != limit.bitness()) {
            reason(Reason.Outcome.NOT_MET, cell, fn, j.describe() + " is not " + limit.bitness().label() + "; warranted: "
                    + limit.describe() + ".");
            failed = true;
        }
        if (failed) {
            return;
        }
        if (confirm.isEmpty()) {
            reason(Reason.Outcome.MET, cell, fn, j.describe() + " is within " + limit.describe() + ".");
        } else {
            condition(cell, fn, fc.kind(), "Confirm " + String.join(" and ", confirm) + " (" + j.describe() + " given; warranted: "
                    + limit.describe() + ").");
        }
    }

    private void windows10Limit(FootnoteCondition fc, Optional<WesCell> cell) {
        Optional<String> fn = Optional.of(fc.marker());
        Windows10Limit limit = fc.windows10().orElseThrow();
        OperatingSystem os = env.os();
        if (os.product() != OsProduct.WINDOWS_10) {
            reason(Reason.Outcome.INFO, cell, fn, "The limit " + limit.describe() + " applies to Windows 10 only.");
            return;
        }
        List<String> confirm = new ArrayList<>();
        boolean failed = false;
        Optional<Windows10Release> release = os.windows10Release();
        if (release.isEmpty()) {
            confirm.add("is release " + limit.maxRelease().label() + " or earlier");
        } else if (release.get().compareTo(limit.maxRelease()) > 0) {
            reason(Reason.Outcome.NOT_MET, cell, fn, "Windows 10 " + release.get().label() + " is later than "
                    + limit.maxRelease().label() + "; '" + row.label() + "' is warranted on " + limit.describe() + ".");
            failed = true;
        }
        if (os.bitness().isEmpty()) {
            confirm.add("is " + limit.bitness().label());
        } else if (os.bitness().get() != limit.bitness()) {
            reason(Reason.Outcome.NOT_MET, cell, fn, os.describe() + " is not " + limit.bitness().label() + "; '" + row.label()
                    + "' is warranted on " + limit.describe() + ".");
            failed = true;
        }
        if (failed) {
            return;
        }
        if (confirm.isEmpty()) {
            reason(Reason.Outcome.MET, cell, fn, os.describe() + " is within " + limit.describe() + ".");
        } else {
            condition(cell, fn, fc.kind(), "Confirm Windows 10 " + String.join(" and ", confirm) + " (warranted: "
                    + limit.describe() + ").");
        }
    }
}
