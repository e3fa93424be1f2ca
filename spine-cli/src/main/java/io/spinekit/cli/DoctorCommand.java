package io.spinekit.cli;

import io.spinekit.env.EnvironmentProfile;
import io.spinekit.env.MaintenanceSchedule;
import io.spinekit.env.MaintenanceWindow;
import io.spinekit.env.SpineCatalog;
import io.spinekit.core.SpineException;
import io.spinekit.ldap.SdsCheck;
import io.spinekit.mesh.MeshClient;
import io.spinekit.mesh.MeshException;
import io.spinekit.mesh.RetryPolicy;
import io.spinekit.tls.CertificateInspector;
import io.spinekit.tls.ConnectionCheck;
import io.spinekit.tls.Finding;
import io.spinekit.tls.Inspection;
import io.spinekit.tls.Pem;
import io.spinekit.tls.SpineTlsContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spine doctor}: checks this machine's connection to a Spine environment, in order, and
 * reports PASS, WARN or FAIL with a fix for each check.
 *
 * <p>Checks: the environment's facts are complete for the checks; each host resolves; TCP connects
 * (443 and 636, or the ports in the URLs) within the timeout; the TLS handshake verifies against
 * the environment's trust (presenting the client certificate when given); the client certificate is
 * valid, chained, not near expiry and issued to this machine's FQDN; LDAP answers an anonymous bind
 * and a root DSE read; the CIS endpoints answer; when a mailbox is given ({@code --mailbox},
 * {@code --mailbox-password-file}, {@code --shared-key-file}, as {@code spine mesh} takes them), the
 * MESH handshake at the environment's {@code mesh.url} succeeds; whether a maintenance window is open now. Works
 * against custom environments (for example loopback servers defined in an overrides file).
 *
 * <p>The DNS, TCP and TLS checks are spine-tls's {@link ConnectionCheck} and the LDAP check is
 * spine-ldap's {@link SdsCheck}, each with its own total deadline; this command chooses what to
 * check, formats the steps (text or {@code --json}) with the CLI's flag hints, and sets the exit code.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check this machine's connection to a Spine environment, step by step, with a fix for each "
                + "problem. Exit code 0 when nothing FAILs, 1 otherwise.")
final class DoctorCommand implements Callable<Integer> {
    /** Check outcome. */
    enum Status { PASS, WARN, FAIL }

    /** The deadline of each network check without {@code --timeout}. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** Days of remaining validity under which a client certificate is a warning. */
    static final int EXPIRY_WARNING_DAYS = 30;

    private static final List<String> CIS_KEYS = List.of("sbapi.roleassertion.url", "gas.validate.url");

    @Spec
    CommandSpec spec;

    @Mixin
    EnvCommand.CatalogOptions catalogOptions;

    @Option(names = "--env", required = true, paramLabel = "ENV",
            description = "The environment: DEVELOPMENT, INTEGRATION, DEPLOYMENT, LIVE (or dev, int, dep, live), "
                    + "or a custom environment defined by overrides.")
    String environment;

    @Mixin
    ClientTlsOptions tlsOptions;

    @Option(names = "--fqdn", paramLabel = "HOST",
            description = "This machine's FQDN for the client certificate check (default: the canonical host name).")
    String fqdn;

    @Mixin
    TimeoutOption timeoutOption;

    @ArgGroup(exclusive = false, multiplicity = "0..1",
            heading = "MESH check (when a mailbox is given; uses --cert and --key as the mailbox's certificate):%n")
    MailboxOptions mailbox;

    @Option(names = "--sds-api-key-file", paramLabel = "FILE",
            description = "SDS FHIR API key file: when given, check the SDS FHIR API too (DNS, TCP, TLS with the JDK's"
                    + " public CAs, an authenticated query).")
    Path sdsApiKeyFile;

    @Option(names = "--sds-fhir-url", paramLabel = "URL",
            description = "SDS FHIR API base URL (default: the environment's sds.fhir.url).")
    String sdsFhirUrl;

    @Option(names = "--sds-fhir-trust", paramLabel = "PEM",
            description = "Trust for the SDS FHIR API instead of the JDK's public CAs (a test server only).")
    Path sdsFhirTrust;

    @Option(names = "--at", paramLabel = "INSTANT", converter = Bounded.InstantValue.class,
            description = "The instant for the maintenance check (ISO 8601, default: now).")
    Instant at;

    private final List<Map<String, Object>> results = new ArrayList<>();
    private SpineTlsContext givenTls;

    @Override
    public Integer call() {
        boolean json = catalogOptions.json;
        tlsOptions.requireUsable();
        if (mailbox != null && tlsOptions.cert == null) {
            throw CliException.usage("the MESH check needs the mailbox's client certificate: give --cert and --key "
                    + "with --mailbox");
        }
        if (mailbox != null) {
            mailbox.requireReadable();
        }
        SpineCatalog catalog = Cli.input("", catalogOptions::catalog);
        EnvironmentProfile profile = EnvCommand.profile(catalog, environment);
        if (tlsOptions.trust != null || tlsOptions.cert != null || !tlsOptions.crls.isEmpty()) {
            // files given on the command line: one that cannot be used is bad input, before any check runs
            givenTls = Cli.input(ClientTlsOptions.HINT, () -> tlsOptions.builder(profile).orElseThrow().build());
        }
        Duration timeout = timeoutOption.orElse(DEFAULT_TIMEOUT);
        if (!json) {
            Cli.out(spec).println("spine doctor: " + profile.displayName() + " (" + profile.name() + ")");
            Cli.out(spec).println();
        }
        run(profile, timeout);
        return finish(profile, json);
    }

    private void run(EnvironmentProfile profile, Duration timeout) {
        // 1. Facts.
        Optional<URI> ldap = profile.url("ldap.url");
        List<URI> cisUrls = CIS_KEYS.stream().map(profile::url).flatMap(Optional::stream).toList();
        List<String> missing = new ArrayList<>();
        if (ldap.isEmpty()) {
            missing.add("ldap.url");
        }
        CIS_KEYS.stream().filter(k -> profile.url(k).isEmpty()).forEach(missing::add);
        if (tlsOptions.trust == null && profile.trustChain().isEmpty()) {
            missing.add("tls.trust");
        }
        if (missing.isEmpty()) {
            report("facts", profile.name(), Status.PASS, "LDAP, CIS and trust facts are known", null);
        } else {
            Status s = ldap.isEmpty() && cisUrls.isEmpty() ? Status.FAIL : Status.WARN;
            report("facts", profile.name(), s, "not published for this environment: " + String.join(", ", missing),
                    "supply them with " + missing.stream().map(profile::systemProperty).collect(Collectors.joining(", "))
                            + " (or the SPINEKIT_* variables, or an --overrides file)");
        }

        List<String> inferred = new ArrayList<>();
        List<String> used = new ArrayList<>(List.of("ldap.url", "sbapi.roleassertion.url", "gas.validate.url"));
        if (tlsOptions.trust == null) {
            used.add("tls.trust");
        }
        for (String k : used) {
            profile.fact(k).filter(f -> f.inferred()).ifPresent(f -> inferred.add(k + " = " + f.value()));
        }
        if (!inferred.isEmpty()) {
            report("facts", profile.name(), Status.WARN, "inferred from NHS naming patterns, not published: "
                    + String.join("; ", inferred), "confirm these with NHS England (or your HSCN provider) and set the "
                    + "published value with " + inferred.stream().map(i -> profile.systemProperty(i.substring(0, i.indexOf(' '))))
                            .collect(Collectors.joining(", ")));
        }

        // 2-3. Hosts resolve, TCP connects.
        Optional<URI> mesh = mailbox == null ? Optional.empty() : profile.url("mesh.url");
        Set<URI> endpoints = new LinkedHashSet<>();
        ldap.ifPresent(endpoints::add);
        endpoints.addAll(cisUrls);
        mesh.ifPresent(endpoints::add);
        Set<String> resolved = new LinkedHashSet<>();
        for (String host : endpoints.stream().map(URI::getHost).collect(Collectors.toCollection(LinkedHashSet::new))) {
            if (resolve(host, timeout)) {
                resolved.add(host);
            }
        }
        Set<URI> reachable = new LinkedHashSet<>();
        Set<String> seenSockets = new LinkedHashSet<>();
        for (URI u : endpoints) {
            if (resolved.contains(u.getHost()) && seenSockets.add(u.getHost() + ":" + port(u))
                    && connect(u.getHost(), port(u), timeout)) {
                reachable.add(u);
            }
        }

        // 4. TLS handshakes.
        SpineTlsContext tls = tlsContext(profile);
        Set<URI> verified = new LinkedHashSet<>();
        if (tls != null) {
            // reachable holds one URI per host and port already
            for (URI u : reachable) {
                if (isTls(u) && handshake(tls, u, timeout)) {
                    verified.add(u);
                }
            }
        }

        // 5. Client certificate.
        if (tlsOptions.cert != null) {
            checkClientCertificate(profile, tlsOptions.cert, tlsOptions.key, tlsOptions.trust);
        }

        // 6. LDAP.
        if (ldap.isPresent()) {
            URI l = ldap.get();
            if (tls != null && reachable.stream().anyMatch(u -> sameSocket(u, l))
                    && (!isTls(l) || verified.stream().anyMatch(u -> sameSocket(u, l)))) {
                checkLdap(l, tls, timeout);
            } else {
                report("ldap", l.toString(), Status.WARN, "not checked: the host or handshake failed above",
                        "fix the checks above first");
            }
        }

        // 7. CIS endpoints.
        for (URI u : cisUrls) {
            if (tls != null && verified.stream().anyMatch(v -> sameSocket(v, u))) {
                checkHttp(u, tls, timeout);
            } else {
                report("cis", u.toString(), Status.WARN, "not checked: the host or handshake failed above",
                        "fix the checks above first");
            }
        }

        // 7b. MESH handshake, when a mailbox is given.
        if (mailbox != null) {
            if (mesh.isEmpty()) {
                report("mesh", profile.name(), Status.FAIL, "no internet MESH URL (mesh.url) for this environment",
                        "supply it with " + profile.systemProperty("mesh.url") + " (or an --overrides file)");
            } else if (tls != null && verified.stream().anyMatch(v -> sameSocket(v, mesh.get()))) {
                checkMesh(mesh.get(), tls, timeout);
            } else {
                report("mesh", mesh.get().toString(), Status.WARN, "not checked: the host or handshake failed above",
                        "fix the checks above first");
            }
        }

        // 7c. The SDS FHIR API, when an API key is given: its own public trust, never the Spine one.
        if (sdsApiKeyFile != null) {
            SdsFhirDoctor.check(profile, sdsFhirUrl, sdsApiKeyFile, sdsFhirTrust, timeout, this::report,
                    (c, t, st, d, f) -> report(c, t, Status.valueOf(st), d, f));
        }

        // 8. Maintenance.
        checkMaintenance(profile, at != null ? at : Instant.now());
    }

    private boolean resolve(String host, Duration timeout) {
        return report(ConnectionCheck.dns(host, timeout));
    }

    private boolean connect(String host, int port, Duration timeout) {
        return report(ConnectionCheck.tcp(host, port, timeout));
    }

    private SpineTlsContext tlsContext(EnvironmentProfile profile) {
        if (givenTls != null) {
            return givenTls;
        }
        try {
            return tlsOptions.builder(profile).orElseThrow().build();
        } catch (SpineException e) {
            report("tls-context", profile.name(), Status.FAIL, e.getMessage(),
                    "fix the trust (--trust or tls.trust) or the client certificate and key (--cert, --key)");
            return null;
        }
    }

    private boolean handshake(SpineTlsContext tls, URI u, Duration timeout) {
        return report(ConnectionCheck.tls(tls, u.getHost(), port(u), timeout));
    }

    private void checkClientCertificate(EnvironmentProfile profile, Path cert, Path key, Path trust) {
        String host = fqdn != null ? fqdn : canonicalHostName();
        try {
            CertificateInspector.Builder b = CertificateInspector.builder()
                    .fqdn(host)
                    .expiryWarning(Duration.ofDays(EXPIRY_WARNING_DAYS))
                    .privateKey(Pem.loadPrivateKey(key, tlsOptions.passphrase()))
                    .crls(ClientTlsOptions.loadCrls(tlsOptions.crls));
            if (trust != null) {
                b.trustCertificates(Pem.loadCertificates(trust));
            } else {
                b.trust(profile);
            }
            Inspection inspection = b.build().inspect(CertificateInspector.load(cert, null).chain());
            Status worst = Status.PASS;
            List<String> problems = new ArrayList<>();
            List<String> fixes = new ArrayList<>();
            for (Finding f : inspection.findings()) {
                Status s = switch (f.severity()) {
                    case ERROR -> Status.FAIL;
                    case WARNING -> Status.WARN;
                    default -> null;
                };
                if (s != null) {
                    problems.add(f.message());
                    fixes.add(f.fix());
                    if (s.ordinal() > worst.ordinal()) {
                        worst = s;
                    }
                }
            }
            String summary = inspection.certificate().subject() + ", issued by " + inspection.certificate().issuer()
                    + ", " + Cli.daysLeft(inspection.notAfter(), inspection.daysLeft());
            report("client-certificate", cert.toString(), worst,
                    problems.isEmpty() ? summary + "; chained, valid, issued to " + host
                            : summary + "; " + String.join("; ", problems),
                    fixes.isEmpty() ? null : String.join(" ", fixes.stream().distinct().toList()));
        } catch (SpineException e) {
            report("client-certificate", cert.toString(), Status.FAIL, e.getMessage(),
                    "give the PEM certificate chain and its private key (--cert, --key)");
        }
    }

    private void checkLdap(URI l, SpineTlsContext tls, Duration timeout) {
        report(SdsCheck.check(l.toString(), tls, timeout));
    }

    private void checkHttp(URI u, SpineTlsContext tls, Duration timeout) {
        CheckDeadline.Resource open = new CheckDeadline.Resource();
        CheckDeadline.Verdict v = CheckDeadline.within(timeout, open, () -> {
            try (CloseableHttpClient http = open.hold(Cli.httpClient(tls, timeout, timeout).disableAutomaticRetries().build())) {
                int code = http.execute(new HttpGet(u), response -> {
                    EntityUtils.consume(response.getEntity());
                    return response.getCode();
                });
                Status s = code >= 500 ? Status.WARN : Status.PASS;
                return new CheckDeadline.Verdict(s, "answers over HTTPS (HTTP " + code + " without a ticket)",
                        s == Status.WARN ? "the service answers with a server error: check the Forward Change Schedule and "
                                + "maintenance slots, then the National Service Desk" : null);
            } catch (IOException e) {
                return new CheckDeadline.Verdict(Status.FAIL, "no HTTP answer: " + e.getMessage(),
                        "check the URL, the client certificate (--cert, --key) and proxies between this machine and Spine");
            }
        });
        report("cis", u.toString(), v.status(), v.detail(), v.fix());
    }

    /** The MESH handshake within the check's total deadline, without retries (a check reports, it does not wait). */
    private void checkMesh(URI u, SpineTlsContext tls, Duration timeout) {
        CheckDeadline.Resource open = new CheckDeadline.Resource();
        CheckDeadline.Verdict v = CheckDeadline.within(timeout, open, () -> {
            try (MeshClient client = open.hold(mailbox.build(MeshClient.builder().url(u).tls(tls)
                    .connectTimeout(timeout).handshakeTimeout(timeout).responseTimeout(timeout)
                    .retryPolicy(RetryPolicy.NONE)))) {
                client.handshake();
                return new CheckDeadline.Verdict(Status.PASS, "handshake OK: mailbox " + client.mailboxId() + " at "
                        + client.apiUrl(), null);
            } catch (MeshException e) {
                return new CheckDeadline.Verdict(Status.FAIL, e.reason() + ": " + ErrorHandler.safe(e.getMessage()),
                        meshFix(e.reason()));
            }
        });
        report("mesh", u.toString(), v.status(), v.detail(), v.fix());
    }

    private static String meshFix(MeshException.Reason reason) {
        return switch (reason) {
            case FORBIDDEN -> "check --mailbox, --mailbox-password-file and --shared-key-file (the environment's "
                    + "shared key), and this machine's clock (a token is refused more than 2 hours from MESH's time)";
            case TLS_FAILED -> "check the mailbox's client certificate (--cert, --key) and the trust (--trust)";
            case CONFIGURATION -> "check --mailbox and the environment's mesh.url";
            default -> "check the MESH service status and anything in between (proxy, firewall), then retry";
        };
    }

    private void checkMaintenance(EnvironmentProfile profile, Instant now) {
        MaintenanceSchedule schedule = profile.maintenance();
        if (schedule.services().isEmpty()) {
            report("maintenance", profile.name(), Status.PASS, "no maintenance slots are published for this environment", null);
            return;
        }
        DateTimeFormatter f = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK);
        for (MaintenanceSchedule.ServiceMaintenance s : schedule.services()) {
            MaintenanceSchedule.State state = schedule.state(s.service(), now);
            MaintenanceWindow.Occurrence next = schedule.nextWindow(s.service(), now);
            String window = f.format(next.start()) + " - " + f.format(next.end()) + " (London)";
            switch (state) {
                case IN_MAINTENANCE -> report("maintenance", s.displayName(), Status.WARN,
                        "a maintenance slot is open now: " + window,
                        "expect outages until the slot ends; failures now may not be yours");
                case POSSIBLY_IN_MAINTENANCE -> report("maintenance", s.displayName(), Status.WARN,
                        "inside a slot that applies only in the week after a live e-RS release: " + window,
                        "check the Forward Change Schedule to know whether it applies this week");
                default -> report("maintenance", s.displayName(), Status.PASS,
                        "no slot open now; next " + (next.conditional() ? "(if after an e-RS release) " : "") + window, null);
            }
        }
    }

    /**
     * Reports a library step: OK is PASS, FAILED is FAIL, SKIPPED is WARN; a TLS or LDAP failure's
     * detail starts with its kind ({@code UNKNOWN_CA: ...}), and fixes get the CLI's flag hints.
     */
    private boolean report(ConnectionCheck.Step step) {
        Status status = switch (step.outcome()) {
            case OK -> Status.PASS;
            case FAILED -> Status.FAIL;
            case SKIPPED -> Status.WARN;
        };
        boolean named = !step.name().equals(ConnectionCheck.DNS) && !step.name().equals(ConnectionCheck.TCP);
        String detail = step.failure().filter(f -> named)
                .map(f -> f.name() + ": ").orElse("") + step.detail();
        report(step.name(), step.target(), status, detail, step.fix().map(Cli::hints).orElse(null));
        return step.ok();
    }

    private void report(String check, String target, Status status, String detail, String fix) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("check", check);
        r.put("target", target);
        r.put("status", status.name());
        r.put("detail", detail);
        if (fix != null) {
            r.put("fix", fix);
        }
        results.add(r);
        if (!catalogOptions.json) {
            PrintWriter out = Cli.out(spec);
            out.printf("%-4s  %-18s %s%n", status, check, target);
            out.printf("      %s%n", detail);
            if (fix != null) {
                out.printf("      fix: %s%n", fix);
            }
            out.flush();
        }
    }

    private int finish(EnvironmentProfile profile, boolean json) {
        long fails = results.stream().filter(r -> "FAIL".equals(r.get("status"))).count();
        long warns = results.stream().filter(r -> "WARN".equals(r.get("status"))).count();
        long passes = results.size() - fails - warns;
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("environment", profile.name());
            doc.put("result", fails > 0 ? "FAIL" : warns > 0 ? "WARN" : "PASS");
            doc.put("checks", results);
            Cli.printJson(spec, doc);
        } else {
            Cli.out(spec).println();
            Cli.out(spec).printf("Result: %d PASS, %d WARN, %d FAIL%n", passes, warns, fails);
            Cli.out(spec).flush();
        }
        return fails > 0 ? Cli.FAILURE : Cli.OK;
    }

    private static String canonicalHostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static boolean isTls(URI u) {
        String s = u.getScheme().toLowerCase(Locale.ROOT);
        return s.equals("https") || s.equals("ldaps");
    }

    private static int port(URI u) {
        if (u.getPort() > 0) {
            return u.getPort();
        }
        return switch (u.getScheme().toLowerCase(Locale.ROOT)) {
            case "ldaps" -> 636;
            case "ldap" -> 389;
            case "http" -> 80;
            default -> 443;
        };
    }

    private static boolean sameSocket(URI a, URI b) {
        return a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }
}
