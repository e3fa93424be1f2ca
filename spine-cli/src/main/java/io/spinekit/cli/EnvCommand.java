package io.spinekit.cli;

import io.spinekit.core.Text;
import io.spinekit.env.CatalogException;
import io.spinekit.env.Endpoint;
import io.spinekit.env.EnvironmentProfile;
import io.spinekit.env.EnvironmentStatus;
import io.spinekit.env.ErsEnvironment;
import io.spinekit.env.Fact;
import io.spinekit.env.IdentityAgent;
import io.spinekit.env.MaintenanceSchedule;
import io.spinekit.env.MaintenanceWindow;
import io.spinekit.env.Provenance;
import io.spinekit.env.Purpose;
import io.spinekit.env.RegistryFile;
import io.spinekit.env.SpineCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spine env}: Spine environments: list, show, maintenance windows, Identity Agent registry files. */
@Command(name = "env", mixinStandardHelpOptions = true,
        description = "Spine environments: list, show, maintenance windows, Identity Agent registry files.",
        subcommands = {EnvCommand.ListCommand.class, EnvCommand.ShowCommand.class, EnvCommand.MaintenanceCommand.class,
                EnvCommand.RegistryCommand.class})
final class EnvCommand {
    /** The catalog keys other modules rely on; {@code show} lists the absent ones with how to supply them. */
    static final List<String> STABLE_KEYS = List.of("ldap.url", "gas.activate.url", "gas.logout.url", "gas.validate.url",
            "sbapi.namingservice.url", "sbapi.roleassertion.url", "sbapi.roleselection.url", "cis2.issuer", "spine.partykey",
            "portal.url", "messaging.sync.url", "messaging.reliable.url", "messaging.unreliable.url",
            "messaging.intermediary.url", "messaging.gazetteer.url", "messaging.smsp.url", "messaging.ssp.url",
            "messaging.internet.url", "tls.trust");

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("EEE d MMM uuuu HH:mm xxx", java.util.Locale.UK);

    private EnvCommand() {
    }

    /** Options every env subcommand shares: the overrides file and JSON output. */
    static final class CatalogOptions extends JsonOption {
        @Option(names = "--overrides", paramLabel = "FILE",
                description = "Overrides file of spinekit.<env>.<key>=<value> lines (system properties and SPINEKIT_* variables apply too).")
        Path overrides;

        SpineCatalog catalog() {
            SpineCatalog.Builder b = SpineCatalog.builder();
            if (overrides != null) {
                b.overridesFile(overrides);
            }
            return b.systemProperties(System.getProperties()).environmentVariables(System.getenv()).build();
        }
    }

    /** Runs a subcommand body with the catalog; a catalog that cannot be built from the options is bad input. */
    static int guarded(CommandSpec spec, CatalogOptions options, Body body) {
        return body.run(Cli.input("", options::catalog));
    }

    /** A subcommand body. */
    interface Body {
        int run(SpineCatalog catalog);
    }

    static EnvironmentProfile profile(SpineCatalog catalog, String name) {
        try {
            return catalog.profile(name);
        } catch (CatalogException e) {
            throw CliException.usage(e.getMessage(), e);
        }
    }

    /** The CAs an environment trusts, or empty for a custom environment without {@code tls.trust}. */
    static java.util.Optional<List<io.spinekit.tls.NhsCertificateAuthority>> trust(EnvironmentProfile p) {
        if (p.environment().isEmpty() && p.trustChain().isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Cli.input("", () -> io.spinekit.tls.NhsCertificateAuthority.trustedBy(p)));
    }

    static Map<String, Object> fact(Fact f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", f.key());
        m.put("value", f.value());
        m.put("provenance", f.provenance().name());
        m.put("source", f.source());
        return m;
    }

    static Map<String, Object> endpoint(Endpoint e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", e.key());
        m.put("description", e.description());
        m.put("url", e.url().toString());
        m.put("host", e.host());
        m.put("ipAddress", e.ipAddress().orElse(null));
        m.put("port", e.port());
        m.put("provenance", e.provenance().name());
        return m;
    }

    static Map<String, Object> status(EnvironmentStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", s.state().name());
        m.put("date", s.date().map(Object::toString).orElse(null));
        m.put("notice", s.notice().orElse(null));
        m.put("provenance", s.provenance().map(Provenance::name).orElse(null));
        return m;
    }

    static String tag(Provenance p) {
        return p == Provenance.INFERRED ? "[INFERRED: check before relying on it]" : "[" + p + "]";
    }

    /** {@code spine env list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the environments of the catalog.")
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CatalogOptions options;

        @Override
        public Integer call() {
            return guarded(spec, options, catalog -> {
                List<Map<String, Object>> envs = new ArrayList<>();
                for (EnvironmentProfile p : catalog.profiles()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", p.name());
                    m.put("environment", p.environment().map(Enum::name).orElse(null));
                    m.put("displayName", p.displayName());
                    m.put("custom", p.environment().isEmpty());
                    m.put("status", status(p.status()));
                    m.put("facts", p.facts().size());
                    m.put("inferredFacts", p.facts().values().stream().filter(Fact::inferred).count());
                    m.put("ldapUrl", p.value("ldap.url").orElse(null));
                    envs.add(m);
                }
                if (options.json) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("edition", catalog.edition().toString());
                    out.put("environments", envs);
                    Cli.printJson(spec, out);
                    return Cli.OK;
                }
                PrintWriter out = Cli.out(spec);
                out.println("Spine environment catalog, edition " + catalog.edition());
                out.printf("%-13s %-12s %-16s %5s %8s  %s%n", "NAME", "DISPLAY", "STATUS", "FACTS", "INFERRED", "LDAP");
                for (EnvironmentProfile p : catalog.profiles()) {
                    EnvironmentStatus s = p.status();
                    out.printf("%-13s %-12s %-16s %5d %8d  %s%n", p.name(), p.environment().isPresent() ? p.displayName() : "(custom)",
                            s.state().name().toLowerCase(java.util.Locale.ROOT) + s.date().map(d -> " " + d).orElse(""),
                            p.facts().size(), p.facts().values().stream().filter(Fact::inferred).count(),
                            p.value("ldap.url").orElse("(not published)"));
                }
                out.flush();
                return Cli.OK;
            });
        }
    }

    /** {@code spine env show ENV}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show every fact of an environment with its provenance, e-RS sub-environments and maintenance slots.")
    static final class ShowCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CatalogOptions options;

        @Parameters(index = "0", paramLabel = "ENV",
                description = "development, integration, deployment, live (or dev, int, dep, or the pages' names) or a custom environment.")
        String environment;

        @Option(names = "--sources", description = "Also print where each value comes from.")
        boolean sources;

        @Override
        public Integer call() {
            return guarded(spec, options, catalog -> {
                EnvironmentProfile p = profile(catalog, environment);
                List<String> absent = STABLE_KEYS.stream().filter(k -> p.fact(k).isEmpty()).toList();
                if (options.json) {
                    Cli.printJson(spec, json(catalog, p, absent));
                    return Cli.OK;
                }
                PrintWriter out = Cli.out(spec);
                out.println(p.displayName() + " (" + p.name() + ")" + (p.environment().isEmpty() ? ", custom environment" : "")
                        + ", catalog edition " + catalog.edition());
                EnvironmentStatus s = p.status();
                out.println("Status: " + s.state().name().toLowerCase(java.util.Locale.ROOT)
                        + s.date().map(d -> " on " + d).orElse("")
                        + (s.state() == EnvironmentStatus.State.DECOMMISSIONING
                                && s.date().map(d -> d.isBefore(java.time.LocalDate.now())).orElse(false)
                                ? " (that date has passed: check the environment still exists)" : "")
                        + s.notice().map(n -> " - " + n).orElse("") + s.provenance().map(p2 -> " " + tag(p2)).orElse(""));
                for (Purpose purpose : Purpose.values()) {
                    List<Fact> facts = p.facts(purpose);
                    if (facts.isEmpty() || purpose == Purpose.ERS || purpose == Purpose.MAINTENANCE) {
                        continue;
                    }
                    out.println();
                    out.println(purpose.title());
                    for (Fact f : facts) {
                        out.printf("  %-26s %s %s%n", f.key(), f.value(), tag(f.provenance()));
                        if (sources) {
                            out.println("  " + " ".repeat(26) + " source: " + f.source());
                        }
                    }
                }
                List<ErsEnvironment> ers = p.ersEnvironments();
                if (!ers.isEmpty()) {
                    out.println();
                    out.println(Purpose.ERS.title());
                    for (ErsEnvironment e : ers) {
                        out.println("  e-RS " + e.name() + ": party key " + e.partyKey().map(Object::toString).orElse("(not published)")
                                + ", ASID " + e.asid().map(Object::toString).orElse("(not published)"));
                        e.description().ifPresent(d -> out.println("    " + d));
                        for (Endpoint ep : e.endpoints()) {
                            out.printf("    %-24s %s  %s  TCP %d %s%n", ep.description(), ep.url(), ep.ipAddress().orElse("-"),
                                    ep.port(), tag(ep.provenance()));
                        }
                    }
                }
                List<MaintenanceSchedule.ServiceMaintenance> slots = p.maintenance().services();
                if (!slots.isEmpty()) {
                    out.println();
                    out.println(Purpose.MAINTENANCE.title() + " (UK time, Europe/London)");
                    for (MaintenanceSchedule.ServiceMaintenance sm : slots) {
                        out.println("  " + sm.displayName() + ": " + sm.windows().stream().map(MaintenanceWindow::describe)
                                .collect(Collectors.joining("; ")) + " " + tag(sm.fact().provenance()));
                    }
                }
                out.println();
                trust(p).ifPresentOrElse(cas -> TrustCommand.describe(out, p, cas),
                        () -> out.println("Trust: none (no tls.trust for this custom environment)"));
                if (!absent.isEmpty()) {
                    out.println();
                    out.println("Not published (supply with spinekit." + p.name() + ".<key> or " + p.environmentVariable("<key>") + "):");
                    out.println("  " + String.join(", ", absent));
                }
                out.flush();
                return Cli.OK;
            });
        }

        private Map<String, Object> json(SpineCatalog catalog, EnvironmentProfile p, List<String> absent) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("environment", p.environment().map(Enum::name).orElse(null));
            m.put("displayName", p.displayName());
            m.put("edition", catalog.edition().toString());
            m.put("status", status(p.status()));
            Map<String, List<Map<String, Object>>> byPurpose = new LinkedHashMap<>();
            for (Purpose purpose : Purpose.values()) {
                List<Fact> facts = p.facts(purpose);
                if (!facts.isEmpty()) {
                    byPurpose.put(purpose.name(), facts.stream().map(EnvCommand::fact).toList());
                }
            }
            m.put("facts", byPurpose);
            m.put("trustChain", p.trustChain());
            m.put("trustAuthorities", trust(p).map(cas -> cas.stream().map(TrustCommand::json).toList()).orElse(List.of()));
            m.put("services", p.services().stream().map(s -> Map.of("id", s.name(), "name", s.displayName())).toList());
            List<Map<String, Object>> ers = new ArrayList<>();
            for (ErsEnvironment e : p.ersEnvironments()) {
                Map<String, Object> em = new LinkedHashMap<>();
                em.put("name", e.name());
                em.put("description", e.description().orElse(null));
                em.put("partyKey", e.partyKey().map(Object::toString).orElse(null));
                em.put("asid", e.asid().map(Object::toString).orElse(null));
                em.put("endpoints", e.endpoints().stream().map(EnvCommand::endpoint).toList());
                ers.add(em);
            }
            m.put("ers", ers);
            m.put("maintenance", p.maintenance().services().stream().map(sm -> {
                Map<String, Object> sv = new LinkedHashMap<>();
                sv.put("service", sm.service());
                sv.put("displayName", sm.displayName());
                sv.put("windows", sm.windows().stream().map(w -> {
                    Map<String, Object> wm = new LinkedHashMap<>();
                    wm.put("window", w.toString());
                    wm.put("description", w.describe());
                    wm.put("conditional", w.conditional());
                    return wm;
                }).toList());
                sv.put("provenance", sm.fact().provenance().name());
                return sv;
            }).toList());
            m.put("absent", absent.stream().map(k -> {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("key", k);
                a.put("systemProperty", p.systemProperty(k));
                a.put("environmentVariable", p.environmentVariable(k));
                return a;
            }).toList());
            return m;
        }
    }

    /** {@code spine env maintenance ENV [--at INSTANT]}. */
    @Command(name = "maintenance", mixinStandardHelpOptions = true,
            description = "Maintenance slots of an environment: whether each service is in one at an instant, and the next one.")
    static final class MaintenanceCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CatalogOptions options;

        @Parameters(index = "0", paramLabel = "ENV", description = "The environment, such as integration or dev.")
        String environment;

        @Option(names = "--at", paramLabel = "INSTANT",
                description = "When to check: 2026-01-13T20:00:00Z, an offset date-time, or a local date-time in UK time (default: now).")
        String at;

        @Option(names = "--service", paramLabel = "SERVICE", description = "Only this service, such as \"Spine Core\" or dev3.")
        String service;

        @Override
        public Integer call() {
            Instant instant;
            try {
                instant = at == null ? Instant.now() : parseInstant(at);
            } catch (DateTimeParseException e) {
                throw CliException.usage("Invalid --at " + Text.quote(at) + ": expected an instant such as "
                        + "2026-01-13T20:00:00Z, an offset date-time such as 2026-07-14T20:00+01:00, or a UK local date-time "
                        + "such as 2026-07-14T20:00");
            }
            return guarded(spec, options, catalog -> {
                EnvironmentProfile p = profile(catalog, environment);
                MaintenanceSchedule schedule = p.maintenance();
                List<MaintenanceSchedule.ServiceMaintenance> services;
                if (service != null) {
                    try {
                        services = List.of(schedule.require(service));
                    } catch (CatalogException e) {
                        throw CliException.usage(e.getMessage(), e);
                    }
                } else {
                    services = schedule.services();
                }
                List<Map<String, Object>> rows = new ArrayList<>();
                for (MaintenanceSchedule.ServiceMaintenance sm : services) {
                    MaintenanceWindow.Occurrence next = schedule.nextWindow(sm.service(), instant);
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("service", sm.service());
                    row.put("displayName", sm.displayName());
                    row.put("state", schedule.state(sm.service(), instant).name());
                    row.put("underMaintenance", schedule.isUnderMaintenance(sm.service(), instant));
                    Map<String, Object> w = new LinkedHashMap<>();
                    w.put("inProgress", next.contains(instant));
                    w.put("start", ISO.format(next.start()));
                    w.put("end", ISO.format(next.end()));
                    w.put("conditional", next.conditional());
                    w.put("window", next.window().toString());
                    w.put("description", next.window().describe());
                    row.put("nextWindow", w);
                    row.put("windows", sm.windows().stream().map(MaintenanceWindow::toString).toList());
                    row.put("provenance", sm.fact().provenance().name());
                    rows.add(row);
                }
                if (options.json) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("environment", p.name());
                    out.put("at", instant.toString());
                    out.put("zone", MaintenanceWindow.ZONE.getId());
                    out.put("services", rows);
                    if (rows.isEmpty()) {
                        out.put("note", noneNote(p));
                    }
                    Cli.printJson(spec, out);
                    return Cli.OK;
                }
                PrintWriter out = Cli.out(spec);
                out.println(p.displayName() + " maintenance slots at " + HUMAN.format(instant.atZone(MaintenanceWindow.ZONE))
                        + " (UK time)");
                if (rows.isEmpty()) {
                    out.println("  " + noneNote(p));
                }
                for (MaintenanceSchedule.ServiceMaintenance sm : services) {
                    MaintenanceWindow.Occurrence next = schedule.nextWindow(sm.service(), instant);
                    MaintenanceSchedule.State state = schedule.state(sm.service(), instant);
                    String now = switch (state) {
                        case IN_MAINTENANCE -> "IN MAINTENANCE";
                        case POSSIBLY_IN_MAINTENANCE -> "POSSIBLY IN MAINTENANCE (only if this is the week after a live e-RS release)";
                        case NOT_IN_MAINTENANCE -> "available";
                    };
                    out.println("  " + sm.displayName() + ": " + now);
                    out.println("    " + (next.contains(instant) ? "current slot: " : "next slot:    ") + HUMAN.format(next.start())
                            + " to " + HUMAN.format(next.end()) + (next.conditional() ? " (after a live e-RS release only)" : ""));
                    out.println("    slots: " + sm.windows().stream().map(MaintenanceWindow::describe).collect(Collectors.joining("; ")));
                }
                out.println("Check the Forward Change Schedule for work outside these slots.");
                out.flush();
                return Cli.OK;
            });
        }

        private static String noneNote(EnvironmentProfile p) {
            return "No maintenance slots are published for " + p.name() + "; supply them with spinekit." + p.name()
                    + ".maintenance.<core|cis|ers> such as 'Tue 20:00-Wed 06:00 weekly'.";
        }

        static Instant parseInstant(String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                // try the next form
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                // try the next form
            }
            try {
                return ZonedDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                // try the next form
            }
            return LocalDateTime.parse(text).atZone(MaintenanceWindow.ZONE).toInstant();
        }
    }

    /** {@code spine env registry ENV --agent AGENT}. */
    @Command(name = "registry", mixinStandardHelpOptions = true,
            description = "The Windows registry (.reg) file that points an Identity Agent at an environment (CRLF line ends).")
    static final class RegistryCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CatalogOptions options;

        @Parameters(index = "0", paramLabel = "ENV", description = "The environment, such as development or int.")
        String environment;

        @Option(names = "--agent", required = true, paramLabel = "AGENT",
                description = "ia2-64, ia2-32, ia1-64, ia1-32, ia13, or the pages' names such as \"HSCIC Identity Agent 2 (64-bit)\".")
        String agent;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the .reg file here (exact bytes) instead of printing it.")
        Path output;

        @Override
        public Integer call() {
            IdentityAgent a;
            try {
                a = IdentityAgent.parse(agent);
            } catch (CatalogException e) {
                throw CliException.usage(e.getMessage(), e);
            }
            return guarded(spec, options, catalog -> {
                EnvironmentProfile p = profile(catalog, environment);
                RegistryFile file = RegistryFile.forProfile(p, a);
                if (output != null) {
                    try {
                        Files.write(output, file.bytes());
                    } catch (IOException e) {
                        throw CliException.failure("Cannot write " + Text.quote(output.toString()) + ": " + e.getMessage());
                    }
                }
                if (options.json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("environment", p.name());
                    m.put("agent", a.name());
                    m.put("agentName", a.displayName());
                    m.put("fileName", file.fileName());
                    m.put("lineEnding", "CRLF");
                    m.put("text", file.text());
                    m.put("lines", file.lines());
                    m.put("facts", file.facts().stream().map(EnvCommand::fact).toList());
                    m.put("inferred", file.inferredFacts().stream().map(Fact::key).toList());
                    m.put("written", output == null ? null : output.toString());
                    Cli.printJson(spec, m);
                } else if (output != null) {
                    Cli.out(spec).println("Wrote " + output + " (" + file.bytes().length + " bytes, CRLF) for " + a.displayName()
                            + ", " + p.displayName());
                } else {
                    Cli.out(spec).print(file.text());
                }
                Cli.out(spec).flush();
                for (Fact f : file.inferredFacts()) {
                    Cli.err(spec).println("warning: " + f.key() + "=" + f.value() + " is INFERRED (" + f.source()
                            + "); check it, or override it with " + p.systemProperty(f.key()));
                }
                Cli.err(spec).flush();
                return Cli.OK;
            });
        }
    }
}
