package io.spinekit.cli;

import io.spinekit.wes.Application;
import io.spinekit.wes.Assessment;
import io.spinekit.wes.Authenticator;
import io.spinekit.wes.ClientEnvironment;
import io.spinekit.wes.ClientHints;
import io.spinekit.wes.internal.Footnote;
import io.spinekit.wes.internal.FootnoteCondition;
import io.spinekit.wes.JavaRuntime;
import io.spinekit.wes.UserAgent;
import io.spinekit.wes.Verdict;
import io.spinekit.wes.Wes;
import io.spinekit.wes.internal.WesCell;
import io.spinekit.wes.internal.WesColumn;
import io.spinekit.wes.WesException;
import io.spinekit.wes.internal.WesRow;
import io.spinekit.wes.internal.WesTable;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spine wes}: Warranted Environment Specification: check a client environment, print the matrix. */
@Command(name = "wes", mixinStandardHelpOptions = true,
        description = "Warranted Environment Specification: check a client environment, print the matrix.",
        subcommands = {WesCommand.CheckCommand.class, WesCommand.MatrixCommand.class})
final class WesCommand {
    private WesCommand() {
    }

    /** {@code spine wes check}: assesses a client environment (or a User-Agent) for a system or an authenticator. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Assess a client environment against the WES (edition 1 September 2021).",
                "Exit code 0 when SUPPORTED or SUPPORTED_WITH_CONDITIONS, 1 when NOT_SUPPORTED, 2 for bad input.",
                "Names are enum names or the seed's wording, case-insensitive, e.g. --application \"Spine SCR\" "
                    + "--os \"Windows 10 20H2 64-bit\" --browser \"IE11 32-bit\" --jre 1.8.0_281."})
    static final class CheckCommand extends JsonOption implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--application", paramLabel = "APP",
                description = "Smartcard-enabled system, e.g. \"Care Identity Service application\", SPINE_SCR, \"e-RS - Professional\".")
        String application;

        @Option(names = "--authenticator", paramLabel = "NAME",
                description = "Approved authenticator instead of a system, e.g. Smartcards, \"Apple iPad\", SECURITY_KEYS.")
        String authenticator;

        @Option(names = "--os", paramLabel = "OS",
                description = "Operating system with optional edition, release and bitness, e.g. \"Windows 10 Pro 20H2 64-bit\", "
                        + "\"Windows 7 SP1\", \"Win Server 2012 R2\", \"iPadOS 14.7\".")
        String os;

        @Option(names = "--browser", paramLabel = "BROWSER",
                description = "Browser with optional version and bitness, e.g. \"IE11 32-bit\", Edge, \"Edge IE mode\", Chrome.")
        String browser;

        @Option(names = "--jre", paramLabel = "VERSION", description = "Java runtime, e.g. 1.8.0_281, 8u281, \"8.281 32-bit\".")
        String jre;

        @Option(names = "--citrix", description = "Delivered through Citrix XenApp.")
        boolean citrix;

        @Option(names = "--user-agent", paramLabel = "UA",
                description = "A browser's User-Agent header, instead of --os and --browser.")
        String userAgent;

        @Option(names = "--client-hint", paramLabel = "HEADER",
                description = "A client hint header sent with --user-agent, as 'Name: value', e.g. "
                        + "'Sec-CH-UA-Platform-Version: \"13.0.0\"' (Windows 11); repeatable. Read: "
                        + "Sec-CH-UA-Platform, Sec-CH-UA-Platform-Version, Sec-CH-UA-Bitness, Sec-CH-UA-WoW64.")
        List<String> clientHints = new ArrayList<>();

        @Option(names = "--at", paramLabel = "DATE", description = "Date for vendor end-of-support warnings (yyyy-MM-dd; default today).")
        String at;


        /** Reads {@code --client-hint 'Name: value'} lines into hints; a line without a colon or a header read twice is refused. */
        static ClientHints hints(List<String> lines) {
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String line : lines) {
                int colon = line.indexOf(':');
                if (colon < 1) {
                    throw new WesException("--client-hint '" + line + "' is not a header line: expected 'Name: value', e.g. "
                            + "'Sec-CH-UA-Platform-Version: \"13.0.0\"'");
                }
                String name = line.substring(0, colon).trim();
                if (ClientHints.HEADER_NAMES.stream().noneMatch(name::equalsIgnoreCase)) {
                    throw new WesException("--client-hint names '" + name + "', which is not read; the hints read are "
                            + String.join(", ", ClientHints.HEADER_NAMES));
                }
                if (headers.put(name, line.substring(colon + 1).trim()) != null) {
                    throw new WesException("--client-hint gives " + name + " twice");
                }
            }
            return ClientHints.fromHeaders(headers);
        }

        @Override
        public Integer call() {
            if ((application == null) == (authenticator == null)) {
                throw CliException.usage("give one of --application or --authenticator; applications: "
                        + known(Application.values()) + "; authenticators: " + known(Authenticator.values()));
            }
            if (userAgent != null && (os != null || browser != null)) {
                throw CliException.usage("--user-agent replaces --os and --browser; give one or the other");
            }
            if (userAgent == null && !clientHints.isEmpty()) {
                throw CliException.usage("--client-hint goes with --user-agent (the hints a browser sent with it)");
            }
            if (userAgent == null && os == null) {
                throw CliException.usage("--os is required (or --user-agent)");
            }
            if (authenticator != null && jre != null) {
                throw CliException.usage("--jre applies to systems only: the authenticators table has no JRE column");
            }
            Wes wes = Wes.bundled();
            LocalDate date;
            try {
                date = at == null ? wes.today() : LocalDate.parse(at.trim());
            } catch (DateTimeParseException e) {
                throw CliException.usage("--at " + io.spinekit.core.Text.quote(at) + " is not a date; expected yyyy-MM-dd, e.g. 2021-09-01");
            }
            Assessment a;
            try {
                Application app = application == null ? null : Application.parse(application);
                Authenticator auth = authenticator == null ? null : Authenticator.parse(authenticator);
                Optional<JavaRuntime> runtime = jre == null ? Optional.empty() : Optional.of(JavaRuntime.parse(jre));
                if (userAgent != null) {
                    UserAgent ua = UserAgent.parse(userAgent, hints(clientHints));
                    a = app != null ? wes.assessUserAgent(app, ua, runtime, citrix, date) : wes.assessUserAgent(auth, ua, citrix, date);
                } else {
                    ClientEnvironment.Builder b = ClientEnvironment.builder().os(os).citrix(citrix);
                    if (browser != null) {
                        b.browser(browser);
                    }
                    runtime.ifPresent(b::jre);
                    ClientEnvironment env = b.build();
                    a = app != null ? wes.assess(app, env, date) : wes.assess(auth, env, date);
                }
            } catch (WesException e) {
                throw CliException.usage(e.getMessage(), e);
            }
            if (json) {
                Cli.printJson(spec, toJson(a));
            } else {
                PrintWriter out = Cli.out(spec);
                out.print(a.describe());
                out.flush();
            }
            return a.verdict() == Verdict.NOT_SUPPORTED ? Cli.FAILURE : Cli.OK;
        }

        private static String known(Enum<?>[] values) {
            List<String> out = new ArrayList<>();
            for (Enum<?> v : values) {
                out.add("'" + v + "' (" + v.name() + ")");
            }
            return String.join(", ", out);
        }

        static Map<String, Object> toJson(Assessment a) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("verdict", a.verdict().name());
            m.put("subject", a.subject());
            m.put("table", a.table().name());
            m.put("edition", a.edition());
            m.put("date", a.date());
            m.put("environment", a.environment().map(e -> {
                Map<String, Object> env = new LinkedHashMap<>();
                env.put("description", e.describe());
                env.put("os", e.os());
                env.put("browser", e.browser());
                env.put("jre", e.jre());
                env.put("citrix", e.citrix());
                return env;
            }).orElse(null));
            a.userAgent().ifPresent(ua -> m.put("userAgent", ua));
            m.put("conditions", a.conditions());
            m.put("reasons", a.reasons());
            m.put("warnings", a.warnings());
            return m;
        }
    }

    /** {@code spine wes matrix}: prints both WES tables with their footnotes and typed conditions. */
    @Command(name = "matrix", mixinStandardHelpOptions = true,
            description = "Print both WES tables (systems; authenticators) with footnotes and the conditions each footnote governs.")
    static final class MatrixCommand extends JsonOption implements Callable<Integer> {
        @Spec
        CommandSpec spec;


        @Override
        public Integer call() {
            Wes wes = Wes.bundled();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("edition", wes.edition());
                m.put("tables", List.of(table(wes.systems()), table(wes.authenticators())));
                m.put("endOfSupport", wes.endOfSupport());
                m.put("endOfSupportProvenance", wes.endOfSupportProvenance());
                Cli.printJson(spec, m);
                return Cli.OK;
            }
            PrintWriter out = Cli.out(spec);
            out.println(wes.edition().title());
            out.println(wes.edition().publisher() + ", " + wes.edition().lastEdited() + " (edition " + wes.edition().date() + ")");
            wes.edition().statements().forEach(s -> out.println("  " + s));
            for (WesTable t : List.of(wes.systems(), wes.authenticators())) {
                out.println();
                print(out, t);
            }
            out.println();
            out.println("Vendor end of support (" + wes.endOfSupportProvenance() + "):");
            wes.endOfSupport().forEach(e -> out.println("  " + e.label() + ": " + e.event() + " " + e.date()));
            out.flush();
            return Cli.OK;
        }

        private static void print(PrintWriter out, WesTable t) {
            out.println(t.title());
            List<List<String>> grid = new ArrayList<>();
            List<String> header = new ArrayList<>();
            header.add("");
            t.columns().forEach(c -> header.add(t.columnHeaders().get(c)));
            grid.add(header);
            for (WesRow r : t.rows()) {
                List<String> line = new ArrayList<>();
                line.add(r.header());
                r.cells().forEach(c -> line.add(c.text()));
                grid.add(line);
            }
            int[] width = new int[header.size()];
            for (List<String> line : grid) {
                for (int i = 0; i < line.size(); i++) {
                    width[i] = Math.max(width[i], line.get(i).length());
                }
            }
            for (List<String> line : grid) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < line.size(); i++) {
                    b.append(String.format("%-" + width[i] + "s", line.get(i))).append(i + 1 < line.size() ? " | " : "");
                }
                out.println(b.toString().stripTrailing());
            }
            for (Footnote f : t.footnotes()) {
                out.println(f.marker() + " " + f.text());
                for (FootnoteCondition c : f.conditions()) {
                    out.println("    -> " + c.kind() + " governs " + governed(t, c));
                }
            }
        }

        private static String governed(WesTable t, FootnoteCondition c) {
            List<String> cells = new ArrayList<>();
            for (WesRow r : t.rows()) {
                if (r.conditions().contains(c)) {
                    cells.add(r.label() + " (whole row)");
                }
                for (WesCell cell : r.cells()) {
                    if (cell.conditions().contains(c)) {
                        cells.add(r.label() + " x " + t.columnHeaders().get(cell.column()));
                    }
                }
            }
            return String.join("; ", cells);
        }

        private static Map<String, Object> table(WesTable t) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id().name());
            m.put("title", t.title());
            List<Map<String, Object>> columns = new ArrayList<>();
            for (WesColumn c : t.columns()) {
                Map<String, Object> col = new LinkedHashMap<>();
                col.put("column", c.name());
                col.put("header", t.columnHeaders().get(c));
                if (t.columnOs().containsKey(c)) {
                    col.put("os", t.columnOs().get(c));
                }
                columns.add(col);
            }
            m.put("columns", columns);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (WesRow r : t.rows()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("key", r.key());
                row.put("header", r.header());
                row.put("label", r.label());
                r.platform().ifPresent(p -> row.put("platform", p));
                row.put("rowConditions", r.conditions().stream().map(FootnoteCondition::kind).toList());
                Map<String, Object> cells = new LinkedHashMap<>();
                for (WesCell cell : r.cells()) {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("text", cell.text());
                    c.put("value", cell.value().name());
                    c.put("footnotes", cell.conditions().stream().map(FootnoteCondition::marker).distinct().toList());
                    c.put("conditions", cell.conditions().stream().map(FootnoteCondition::kind).toList());
                    cells.put(cell.column().name(), c);
                }
                row.put("cells", cells);
                rows.add(row);
            }
            m.put("rows", rows);
            m.put("footnotes", t.footnotes());
            return m;
        }
    }
}
