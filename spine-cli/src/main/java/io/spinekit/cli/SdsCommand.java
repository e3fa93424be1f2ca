package io.spinekit.cli;

import io.spinekit.env.Asid;
import io.spinekit.env.EnvironmentProfile;
import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.env.PartyKey;
import io.spinekit.env.SpineCatalog;
import io.spinekit.core.Text;
import io.spinekit.ldap.AccreditedSystem;
import io.spinekit.ldap.Authentication;
import io.spinekit.ldap.MhsRecord;
import io.spinekit.ldap.Organisation;
import io.spinekit.ldap.Reliability;
import io.spinekit.ldap.Route;
import io.spinekit.ldap.RouteRequest;
import io.spinekit.ldap.RouteResult;
import io.spinekit.ldap.SdsClient;
import io.spinekit.ldap.SdsResult;
import io.spinekit.ldap.SdsWarning;
import io.spinekit.ldap.fhir.SdsFhir;
import io.spinekit.tls.SpineTlsContext;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spine sds}: Spine Directory Service look-ups: routes, accredited systems, organisations. */
@Command(name = "sds", mixinStandardHelpOptions = true,
        description = "Spine Directory Service look-ups: routes, accredited systems, organisations.",
        subcommands = {SdsCommand.RouteCommand.class, SdsCommand.AsidCommand.class, SdsCommand.OrgCommand.class})
final class SdsCommand {
    private SdsCommand() {
    }

    /** The connection options every sds subcommand shares. */
    static final class Connection extends JsonOption {
        @Option(names = "--env", required = true, paramLabel = "ENV",
                description = "Environment: development, integration, deployment, live (or dev, int, dep), "
                        + "or a custom one defined by overrides (spinekit.<name>.ldap.url=...).")
        String env;

        @Option(names = "--ldap-url", paramLabel = "URL",
                description = "SDS server, repeatable for failover in order (default: the environment's ldap.url).")
        List<String> ldapUrls = new ArrayList<>();

        @Mixin
        ClientTlsOptions tlsOptions;

        @Option(names = "--plain-ldap", description = "Allow plain ldap:// URLs (local test directories only).")
        boolean plainLdap;

        @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "5000", converter = Bounded.Millis.class,
                description = "Connect and response timeout in milliseconds, " + Bounded.Millis.RANGE
                        + " (default ${DEFAULT-VALUE}).")
        Duration timeout;

        @Option(names = "--backend", paramLabel = "BACKEND", defaultValue = "ldap",
                description = "Where to read SDS: ldap (LDAPS with a Spine client certificate, the default) or fhir"
                        + " (the SDS FHIR API with an API key).")
        String backend;

        @Option(names = "--fhir-url", paramLabel = "URL",
                description = "SDS FHIR API base URL (default: the environment's sds.fhir.url). With --backend fhir.")
        String fhirUrl;

        @Option(names = "--api-key-file", paramLabel = "FILE",
                description = "File holding the SDS FHIR API key (never printed). With --backend fhir.")
        Path apiKeyFile;

        boolean fhir() {
            return switch (backend) {
                case "ldap" -> false;
                case "fhir" -> true;
                default -> throw CliException.usage("--backend " + Text.quote(backend) + ": expected ldap or fhir");
            };
        }

        /** Builds the client from the options: every failure here is bad input (exit code 2). */
        SdsClient client() {
            EnvironmentProfile profile = Cli.input("", () -> SpineCatalog.load().profile(env));
            if (fhir()) {
                return fhirClient(profile);
            }
            if (fhirUrl != null || apiKeyFile != null) {
                throw CliException.usage("--fhir-url and --api-key-file go with --backend fhir");
            }
            tlsOptions.requireUsable();
            SdsClient.Builder b = SdsClient.builder().profile(profile).noCache()
                    .connectTimeout(timeout).responseTimeout(timeout);
            if (!ldapUrls.isEmpty()) {
                Cli.input("(--ldap-url)", () -> b.ldapUrls(ldapUrls));
            }
            if (plainLdap) {
                b.allowPlainLdap();
            } else {
                ldapUrls.stream().filter(u -> u.regionMatches(true, 0, "ldap:", 0, 5)).findFirst().ifPresent(u -> {
                    throw CliException.usage("plain LDAP URL " + Text.quote(u) + " refused: SDS is reached over LDAPS"
                            + " (ldaps://host:636); add --plain-ldap for a local test directory");
                });
            }
            boolean secure = ldapUrls.isEmpty() || ldapUrls.stream().anyMatch(u -> !u.regionMatches(true, 0, "ldap:", 0, 5));
            if (secure) {
                b.tls(Cli.input(ClientTlsOptions.HINT, () -> tlsOptions.builder(profile).orElseThrow().build()));
            }
            return Cli.input("", b::build);
        }

        /** The FHIR back-end: --trust replaces the JDK's public CAs (for a test server), as it replaces the NHS chain for LDAP. */
        private SdsClient fhirClient(EnvironmentProfile profile) {
            if (!ldapUrls.isEmpty() || plainLdap || tlsOptions.cert != null || tlsOptions.key != null) {
                throw CliException.usage("--ldap-url, --plain-ldap, --cert and --key are for the LDAP back-end;"
                        + " the FHIR API takes --api-key-file (and --trust only for a test server)");
            }
            SdsFhir.Builder f = SdsFhir.builder().connectTimeout(timeout).responseTimeout(timeout);
            if (fhirUrl != null) {
                Cli.input("(--fhir-url)", () -> f.baseUrl(fhirUrl));
            }
            if (apiKeyFile != null) {
                f.apiKeyFile(apiKeyFile);
            }
            if (tlsOptions.trust != null) {
                f.trust(Cli.input("(--trust)", () -> SpineTlsContext.builder().trustPem(tlsOptions.trust).build()));
            }
            SdsFhir settings = Cli.input("(--api-key-file)", f::build);
            return Cli.input("", () -> SdsClient.builder().profile(profile).noCache().fhir(settings).build());
        }
    }

    /** Runs a look-up with the shared error handling and exit codes. */
    abstract static class LookUp implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Connection connection;

        abstract int run(SdsClient client);

        /** Validates identifiers before connecting. */
        abstract void parse();

        @Override
        public Integer call() {
            parse();
            try (SdsClient client = connection.client()) {
                return run(client);
            }
        }

        int notFound(String message, Map<String, Object> json) {
            if (connection.json) {
                Cli.printJson(spec, json);
            } else {
                Cli.out(spec).println(message);
                Cli.out(spec).flush();
            }
            return Cli.NOT_FOUND;
        }
    }

    /** {@code spine sds route}. */
    @Command(name = "route", mixinStandardHelpOptions = true,
            description = "Find where to send an interaction to an organisation: endpoint, party key, ASID, CPA id, "
                    + "reliability. Exit code 3 when there is no route.")
    static final class RouteCommand extends LookUp {
        @Option(names = "--ods", required = true, paramLabel = "ODS", description = "Receiving organisation's ODS code.")
        String ods;

        @Option(names = "--interaction", required = true, paramLabel = "ID",
                description = "Interaction id, such as urn:nhs:names:services:psis:REPC_IN150016UK05.")
        String interaction;

        @Option(names = "--party-key", paramLabel = "PK", description = "Receiving party key, when there are several.")
        String partyKey;

        @Option(names = "--via-intermediary",
                description = "Forward-reliable interaction: route through Spine's reliable intermediary.")
        boolean viaIntermediary;

        private RouteRequest request;

        @Override
        void parse() {
            request = RouteRequest.of(OdsCode.of(ods), InteractionId.of(interaction));
            if (partyKey != null) {
                request = request.withPartyKey(PartyKey.of(partyKey));
            }
            if (viaIntermediary) {
                request = request.viaReliableIntermediary();
            }
        }

        @Override
        int run(SdsClient client) {
            RouteResult result = client.route(request);
            if (result instanceof RouteResult.NotFound n) {
                Map<String, Object> m = json(client);
                m.put("found", false);
                m.put("reason", n.reason().name());
                m.put("message", n.message());
                m.put("mhsMatches", n.mhsMatches().stream().map(SdsCommand::mhsJson).toList());
                m.put("warnings", warningsJson(n.warnings()));
                return notFound(n.message(), m);
            }
            RouteResult.Found f = (RouteResult.Found) result;
            if (connection.json) {
                Map<String, Object> m = json(client);
                m.put("found", true);
                m.put("route", routeJson(f.route()));
                m.put("candidates", f.candidates().stream().map(SdsCommand::routeJson).toList());
                m.put("warnings", warningsJson(f.warnings()));
                Cli.printJson(spec, m);
                return Cli.OK;
            }
            PrintWriter out = Cli.out(spec);
            Route r = f.route();
            out.println("Route for " + r.odsCode() + " / " + r.interactionId() + " (SDS over " + client.backend() + ")");
            row(out, "endpoint", r.endpoint());
            row(out, "fqdn", r.fqdn());
            row(out, "party key", r.partyKey());
            row(out, "ASID", r.asid());
            row(out, "CPA id", r.cpaId());
            row(out, "service", r.serviceName());
            row(out, "interaction", r.interactionName());
            row(out, "authenticated", r.authentication().map(Authentication::sdsValue).orElse("(not exposed by "
                    + client.backend() + ")"));
            row(out, "reliability", describe(r.reliability()));
            r.intermediary().ifPresent(i -> row(out, "via", "Spine reliable intermediary " + i.partyKey()
                    + " (target endpoint " + r.mhs().endpoint() + ")"));
            row(out, "MHS entry", r.mhs().dn());
            row(out, "AS entry", r.accreditedSystem().dn());
            f.warnings().forEach(w -> row(out, "warning", w.message()));
            if (f.candidates().size() > 1) {
                out.println(f.candidates().size() + " routes match; the first is shown (" + (client.backend().equals("ldap")
                        ? "newest nhsDateApproved" : "the API's order") + "). Others:");
                for (Route other : f.candidates().subList(1, f.candidates().size())) {
                    out.println("  " + other.partyKey() + "  " + other.endpoint() + "  ASID " + other.asid()
                            + other.mhs().dateApproved().map(d -> "  approved " + d).orElse(""));
                }
            }
            out.flush();
            return Cli.OK;
        }
    }

    /** {@code spine sds asid}. */
    @Command(name = "asid", mixinStandardHelpOptions = true,
            description = "Find accredited systems (ASIDs): by ASID, or by ODS code with an interaction or a party key. "
                    + "Exit code 3 when there is none.")
    static final class AsidCommand extends LookUp {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Selector selector;

        static final class Selector {
            @Option(names = "--asid", required = true, paramLabel = "ASID", description = "The ASID (12 digits).")
            String asid;

            @ArgGroup(exclusive = false)
            ByOds byOds;
        }

        static final class ByOds {
            @Option(names = "--ods", required = true, paramLabel = "ODS", description = "The organisation's ODS code.")
            String ods;

            @Option(names = "--interaction", paramLabel = "ID", description = "An interaction the system declares.")
            String interaction;

            @Option(names = "--party-key", paramLabel = "PK", description = "The system's party key.")
            String partyKey;
        }

        private Asid asid;
        private OdsCode ods;
        private InteractionId interaction;
        private PartyKey partyKey;

        @Override
        void parse() {
            if (selector.asid != null) {
                asid = Asid.of(selector.asid);
                return;
            }
            ods = OdsCode.of(selector.byOds.ods);
            if ((selector.byOds.interaction == null) == (selector.byOds.partyKey == null)) {
                throw CliException.usage("with --ods give exactly one of --interaction or --party-key");
            }
            if (selector.byOds.interaction != null) {
                interaction = InteractionId.of(selector.byOds.interaction);
            } else {
                partyKey = PartyKey.of(selector.byOds.partyKey);
            }
        }

        @Override
        int run(SdsClient client) {
            SdsResult<AccreditedSystem> result = asid != null ? client.accreditedSystem(asid)
                    : interaction != null ? client.accreditedSystems(ods, interaction)
                    : client.accreditedSystems(ods, partyKey);
            if (result.isEmpty()) {
                Map<String, Object> m = json(client);
                m.put("found", false);
                m.put("message", "SDS has no " + result.query());
                m.put("accreditedSystems", List.of());
                return notFound("SDS has no " + result.query(), m);
            }
            if (connection.json) {
                Map<String, Object> m = json(client);
                m.put("found", true);
                m.put("accreditedSystems", result.matches().stream().map(SdsCommand::asJson).toList());
                m.put("warnings", warningsJson(result.warnings()));
                Cli.printJson(spec, m);
                return Cli.OK;
            }
            PrintWriter out = Cli.out(spec);
            out.println(result.matches().size() + " " + result.query() + " (SDS over " + client.backend() + ", "
                    + (client.backend().equals("ldap") ? "newest nhsDateApproved first)" : "the API's order)"));
            for (AccreditedSystem as : result.matches()) {
                out.println();
                row(out, "ASID", as.asid());
                row(out, "ODS code", as.odsCode());
                row(out, "party key", as.partyKey());
                row(out, "product", as.productName().orElse("-") + " " + as.productVersion().orElse(""));
                row(out, "clients", as.clients().isEmpty() ? "-" : String.join(", ",
                        as.clients().stream().map(OdsCode::value).toList()));
                row(out, "interactions", as.interactionIds().size());
                row(out, "approved", as.dateApproved().map(Object::toString).orElse("-"));
                row(out, "entry", as.dn());
            }
            result.warnings().forEach(w -> row(out, "warning", w.message()));
            out.flush();
            return Cli.OK;
        }
    }

    /** {@code spine sds org}. */
    @Command(name = "org", mixinStandardHelpOptions = true,
            description = "Find an organisation by ODS code: name, type, address. Exit code 3 when there is none.")
    static final class OrgCommand extends LookUp {
        @Option(names = "--ods", required = true, paramLabel = "ODS", description = "The ODS code.")
        String ods;

        private OdsCode odsCode;

        @Override
        void parse() {
            odsCode = OdsCode.of(ods);
        }

        @Override
        int run(SdsClient client) {
            SdsResult<Organisation> result = client.organisation(odsCode);
            if (result.isEmpty()) {
                Map<String, Object> m = json(client);
                m.put("found", false);
                m.put("message", "SDS has no " + result.query());
                return notFound("SDS has no " + result.query(), m);
            }
            Organisation o = result.matches().get(0);
            if (connection.json) {
                Map<String, Object> m = json(client);
                m.put("found", true);
                m.put("organisation", orgJson(o));
                Cli.printJson(spec, m);
                return Cli.OK;
            }
            PrintWriter out = Cli.out(spec);
            out.println(o.name() + " (" + o.odsCode() + ")");
            row(out, "type", o.type() + " (" + o.typeCode() + ")");
            row(out, "address", String.join(", ", o.addressLines()));
            row(out, "locality", o.locality());
            row(out, "postcode", o.postcode());
            o.parentOrgCode().ifPresent(p -> row(out, "parent", p));
            row(out, "entry", o.dn());
            out.flush();
            return Cli.OK;
        }
    }

    /** A JSON answer, starting with the back-end that gave it ({@code "backend": "ldap"} or {@code "fhir"}). */
    static Map<String, Object> json(SdsClient client) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("backend", client.backend());
        return m;
    }

    private static void row(PrintWriter out, String label, Object value) {
        out.printf("  %-14s %s%n", label, value);
    }

    private static String describe(Reliability r) {
        List<String> parts = new ArrayList<>();
        r.persistDuration().ifPresent(d -> parts.add("persist " + d));
        r.retries().ifPresent(n -> parts.add("retries " + n));
        r.retryInterval().ifPresent(d -> parts.add("retry interval " + d));
        r.ackRequested().ifPresent(a -> parts.add("ack " + a.sdsValue()));
        r.duplicateElimination().ifPresent(a -> parts.add("duplicate elimination " + a.sdsValue()));
        r.syncReplyMode().ifPresent(a -> parts.add("sync reply " + a.sdsValue()));
        r.actor().ifPresent(a -> parts.add("actor " + a.sdsValue()));
        return parts.isEmpty() ? "none stated" : String.join(", ", parts);
    }

    /** Values SDS holds that the look-up skipped (issue 15 item 23): entry DN, attribute, value, reason. */
    static List<Map<String, Object>> warningsJson(List<SdsWarning> warnings) {
        return warnings.stream().map(w -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("entryDn", w.entryDn());
            m.put("attribute", w.attribute());
            m.put("value", w.value());
            m.put("reason", w.reason());
            return m;
        }).toList();
    }

    static Map<String, Object> routeJson(Route r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("odsCode", r.odsCode().value());
        m.put("interactionId", r.interactionId().value());
        m.put("endpoint", r.endpoint().toString());
        m.put("fqdn", r.fqdn());
        m.put("partyKey", r.partyKey().value());
        m.put("asid", r.asid().value());
        m.put("cpaId", r.cpaId());
        m.put("serviceName", r.serviceName());
        m.put("interactionName", r.interactionName());
        m.put("authentication", r.authentication().map(Authentication::sdsValue).orElse(null));
        m.put("authenticated", r.authenticated());
        m.put("reliability", reliabilityJson(r.reliability()));
        m.put("viaIntermediary", r.viaIntermediary());
        r.intermediary().ifPresent(i -> m.put("intermediary", mhsJson(i)));
        m.put("mhs", mhsJson(r.mhs()));
        m.put("accreditedSystem", asJson(r.accreditedSystem()));
        return m;
    }

    static Map<String, Object> reliabilityJson(Reliability r) {
        Map<String, Object> m = new LinkedHashMap<>();
        r.persistDuration().ifPresent(d -> m.put("persistDuration", d.toString()));
        r.retries().ifPresent(n -> m.put("retries", n));
        r.retryInterval().ifPresent(d -> m.put("retryInterval", d.toString()));
        r.ackRequested().ifPresent(a -> m.put("ackRequested", a.sdsValue()));
        r.duplicateElimination().ifPresent(a -> m.put("duplicateElimination", a.sdsValue()));
        r.syncReplyMode().ifPresent(a -> m.put("syncReplyMode", a.sdsValue()));
        r.actor().ifPresent(a -> m.put("actor", a.sdsValue()));
        return m;
    }

    static Map<String, Object> mhsJson(MhsRecord h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dn", h.dn());
        m.put("partyKey", h.partyKey().value());
        m.put("endpoint", h.endpoint().toString());
        m.put("fqdn", h.fqdn());
        m.put("cpaId", h.cpaId());
        h.interactionType().ifPresent(t -> m.put("interactionType", t.sdsValue()));
        m.put("dateApproved", h.dateApproved().map(Object::toString).orElse(null));
        return m;
    }

    static Map<String, Object> asJson(AccreditedSystem as) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dn", as.dn());
        m.put("asid", as.asid().value());
        m.put("odsCode", as.odsCode().value());
        m.put("partyKey", as.partyKey().value());
        as.productName().ifPresent(v -> m.put("productName", v));
        as.productVersion().ifPresent(v -> m.put("productVersion", v));
        m.put("clients", as.clients().stream().map(OdsCode::value).toList());
        m.put("interactionIds", as.interactionIds().stream().map(InteractionId::value).toList());
        m.put("dateApproved", as.dateApproved().map(Object::toString).orElse(null));
        return m;
    }

    static Map<String, Object> orgJson(Organisation o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dn", o.dn());
        m.put("odsCode", o.odsCode().value());
        m.put("name", o.name());
        m.put("type", o.type());
        m.put("typeCode", o.typeCode());
        m.put("addressLines", o.addressLines());
        m.put("locality", o.locality());
        m.put("postcode", o.postcode());
        o.parentOrgCode().ifPresent(p -> m.put("parentOrgCode", p));
        return m;
    }
}
