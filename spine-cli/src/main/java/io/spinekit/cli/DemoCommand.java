package io.spinekit.cli;

import io.spinekit.cis.CisClient;
import io.spinekit.cis.RoleAssertion;
import io.spinekit.cis.RoleProfile;
import io.spinekit.cis.SsoTicket;
import io.spinekit.env.EnvironmentProfile;
import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.env.SpineCatalog;
import io.spinekit.env.SpineEnvironment;
import io.spinekit.ldap.Route;
import io.spinekit.ldap.RouteResult;
import io.spinekit.ldap.SdsClient;
import io.spinekit.mesh.MeshClient;
import io.spinekit.mesh.MeshMessage;
import io.spinekit.mesh.OutgoingMessage;
import io.spinekit.mesh.SentMessage;
import io.spinekit.mesh.TrackingInfo;
import io.spinekit.messaging.InboundServer;
import io.spinekit.messaging.SpineMessaging;
import io.spinekit.testkit.EmbeddedSds;
import io.spinekit.testkit.FakeCis;
import io.spinekit.testkit.FakeMesh;
import io.spinekit.testkit.FakeMhs;
import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.PemFiles;
import io.spinekit.testpki.TestPki;
import io.spinekit.tls.SpineTlsContext;
import io.spinekit.wes.Application;
import io.spinekit.wes.Assessment;
import io.spinekit.wes.ClientEnvironment;
import io.spinekit.wes.ClientHints;
import io.spinekit.wes.Wes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spine demo}: the main job end to end on loopback, with no outside network.
 *
 * <p>It starts the testkit's stand-ins for Spine (an embedded SDS over LDAPS that requires a client
 * certificate, the fake Spine MHS and fake CIS endpoints, both HTTPS with client authentication,
 * all with a throw-away PKI shaped like NHS's), then does what a supplier system does: picks the
 * environment, builds the TLS context, looks up the route in SDS, sends a reliable ebXML message
 * to the route's endpoint over mutual TLS with {@link SpineMessaging} (acknowledged by the fake MHS,
 * which checks it strictly), accepted first into the embedded durable message store (an H2 file
 * in the demo's working directory), and receives the asynchronous response the fake MHS posts back on the
 * demo's own {@link InboundServer}, turns an SSO ticket into a role assertion, assesses a client machine
 * against the WES, and exchanges a MESH message between two mailboxes of the testkit's fake MESH
 * (send, list the inbox, download, acknowledge). Every server it started is stopped before it returns.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the main job end to end on loopback: environment, TLS, SDS route, message, "
                + "role assertion, WES, MESH. Needs no network; starts and stops its own servers.")
final class DemoCommand implements Callable<Integer> {
    static final String ODS = "X26";
    static final String INTERACTION = "urn:nhs:names:services:psis:REPC_IN150016UK05";
    static final String LOOPBACK = "loopback";
    /** How many repeat route look-ups the demo times against the cache. */
    static final int CACHED_LOOKUPS = 10_000;
    /** The MESH mailboxes the demo sends from and to (two of FakeMesh's sandbox mailboxes). */
    static final String MESH_SENDER = "X26ABC1";
    static final String MESH_RECIPIENT = "X26ABC2";

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the steps and their results as JSON.")
    boolean json;

    @Option(names = "--env", defaultValue = "INTEGRATION",
            description = "The Spine environment whose published facts are shown and whose shape the loopback "
                    + "stand-ins take (default: ${DEFAULT-VALUE}).")
    String environment;

    @Override
    public Integer call() {
        SpineEnvironment env = Cli.input("(--env)", () -> SpineEnvironment.parse(environment));
        Steps steps = new Steps(Cli.out(spec), json, 9);
        if (!json) {
            Cli.out(spec).println("spine demo: the main job on loopback (no outside network; every server is local "
                    + "and stopped at the end)");
            Cli.out(spec).println();
        }
        Path workDir = null;
        try (World world = new World()) {
            workDir = Files.createTempDirectory("spine-demo");
            Path dir = workDir;
            steps.run("Pick the environment", () -> pickEnvironment(env));
            steps.run("Start the loopback stand-ins for Spine", () -> world.start());
            EnvironmentProfile loopback = steps.run("Define the loopback environment in the catalog",
                    () -> world.defineEnvironment());
            SpineTlsContext tls = steps.run("Build the mutual TLS context", () -> world.buildTls(dir));
            Route route = steps.run("Look up the route in SDS", () -> world.lookUpRoute(loopback, tls));
            steps.run("Send a reliable ebXML message and receive the asynchronous response",
                    () -> world.send(route, tls, dir));
            steps.run("Turn an SSO ticket into a role assertion", () -> world.roleAssertion(loopback, tls));
            steps.run("Assess a client machine against the WES", this::assessWes);
            steps.run("Exchange a MESH message between two mailboxes", () -> world.mesh(loopback));
        } catch (IOException e) {
            steps.fail("Prepare a working directory", e);
        } finally {
            if (workDir != null) {
                deleteQuietly(workDir);
            }
        }
        return steps.finish();
    }

    private StepResult<Void> pickEnvironment(SpineEnvironment env) {
        SpineCatalog catalog = SpineCatalog.load();
        EnvironmentProfile p = catalog.profile(env);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("environment", env.name() + " (" + env.displayName() + ")");
        d.put("catalog edition", catalog.edition());
        d.put("Spine party key", p.spinePartyKey().map(Object::toString).orElse("not published"));
        d.put("SDS (LDAPS)", describe(p, "ldap.url"));
        d.put("RoleAssertion", describe(p, "sbapi.roleassertion.url"));
        d.put("CA chain", String.join(", ", p.trustChain()));
        d.put("status", p.status().state() + p.status().notice().map(n -> ": " + n).orElse(""));
        d.put("note", "published facts of " + env.name() + "; the next steps use loopback stand-ins of the same shape");
        return StepResult.of(null, d);
    }

    private static String describe(EnvironmentProfile p, String key) {
        return p.fact(key).map(f -> f.value() + " [" + f.provenance().toString().toLowerCase() + "]")
                .orElse("not published (set " + p.systemProperty(key) + ")");
    }

    private StepResult<Void> assessWes() {
        Wes wes = Wes.bundled();
        ClientEnvironment machine = ClientEnvironment.parse("Windows 10", "Edge").withJre("8u281");
        Assessment a = wes.assess(Application.parse("Care Identity Service application"), machine);
        String ua = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0";
        Assessment b = wes.assessUserAgent(Application.parse("Spine SCR"), ua);
        ClientHints windows11 = ClientHints.fromHeaders(Map.of(ClientHints.PLATFORM, "\"Windows\"",
                ClientHints.PLATFORM_VERSION, "\"13.0.0\"", ClientHints.BITNESS, "\"64\"", ClientHints.WOW64, "?0"));
        Assessment c = wes.assessUserAgent(Application.parse("Spine SCR"), ua, windows11);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("WES edition", a.edition());
        d.put("machine", machine.describe());
        d.put("Care Identity Service application", a.verdict());
        for (int i = 0; i < a.conditions().size(); i++) {
            d.put("  condition " + (i + 1), a.conditions().get(i).text());
        }
        if (!a.warnings().isEmpty()) {
            d.put("vendor end of support", a.warnings().stream().map(w -> w.message()).collect(Collectors.joining("; ")));
        }
        d.put("visitor (User-Agent)", b.subject() + ": " + b.verdict());
        if (!b.conditions().isEmpty()) {
            d.put("  visitor condition", b.conditions().get(0).text());
        }
        d.put("same visitor + client hints", "Sec-CH-UA-Platform-Version \"13.0.0\" (Windows 11): " + c.verdict()
                + c.failures().stream().findFirst().map(r -> " (" + r.message() + ")").orElse(""));
        return StepResult.of(null, d);
    }

    /** The loopback stand-ins and what the demo built on them; closing stops every server. */
    private static final class World implements AutoCloseable {
        private final TestPki pki = TestPki.create("Demo");
        private EmbeddedSds sds;
        private FakeMhs mhs;
        private final DemoMessaging messaging = new DemoMessaging();
        private FakeCis cis;
        private FakeMesh mesh;
        private SdsClient sdsClient;
        private CisClient cisClient;
        private final SsoTicket ticket = SsoTicket.of("demo-" + UUID.randomUUID());

        StepResult<Void> start() {
            sds = EmbeddedSds.builder().pki(pki).clientAuth(EmbeddedSds.ClientAuth.REQUIRED).start();
            mhs = FakeMhs.start(pki);
            cis = FakeCis.start(pki);
            mesh = FakeMesh.start(pki);
            URI endpoint = mhs.endpoint("/reliablemessaging/reliablerequest");
            sds.addOrganisation(EmbeddedSds.organisation(ODS, "SPINEKIT DEMO TRUST"));
            sds.addMhs(EmbeddedSds.mhs(ODS, INTERACTION)
                    .partyKey(ODS + "-823848")
                    .endpoint(endpoint.toString())
                    .fqdn("localhost")
                    .authenticated("persistent")
                    .reliability("PT5M", "2", "PT1M")
                    .messaging("always", "always", "MSHSignalsOnly", "urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH"));
            sds.addAccreditedSystem(EmbeddedSds.accreditedSystem("918999198993", ODS)
                    .partyKey(ODS + "-823848")
                    .interactions(INTERACTION)
                    .product("spinekit demo MHS", "0.1"));
            cis.givenAssertion(ticket);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("PKI", pki.root().certificate().getSubjectX500Principal().getName() + " > "
                    + pki.subCa().certificate().getSubjectX500Principal().getName());
            d.put("SDS", sds.url() + " (LDAPS, client certificate required, real SDS schema, "
                    + sds.entryCount() + " entries)");
            d.put("MHS endpoint", endpoint + " (fake Spine MHS: HTTPS, client certificate required, strict ebXML)");
            d.put("CIS", cis.baseUrl() + " (HTTPS, client certificate required)");
            d.put("MESH", mesh.url() + " (HTTPS, client certificate required, mailboxes " + MESH_SENDER + ", "
                    + MESH_RECIPIENT + ")");
            return StepResult.of(null, d);
        }

        StepResult<EnvironmentProfile> defineEnvironment() {
            Properties overrides = cis.overrides(LOOPBACK);
            overrides.setProperty("spinekit." + LOOPBACK + ".ldap.url", sds.url());
            overrides.setProperty("spinekit." + LOOPBACK + ".mesh.url", mesh.url().toString());
            EnvironmentProfile p = SpineCatalog.builder().systemProperties(overrides).build().profile(LOOPBACK);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("environment", p.name() + " (custom, defined by overrides as a user would with -Dspinekit.loopback.*)");
            d.put("SDS (LDAPS)", p.requireUrl("ldap.url"));
            d.put("RoleAssertion", p.requireUrl("sbapi.roleassertion.url"));
            d.put("MESH", p.requireUrl("mesh.url"));
            return StepResult.of(p, d);
        }

        StepResult<SpineTlsContext> buildTls(Path dir) {
            IssuedCertificate client = pki.certificate("mhs.supplier.example").clientAuth().issue();
            PemFiles files = client.writePem(dir, "endpoint");
            Path trust = dir.resolve("trust.pem");
            try {
                Files.writeString(trust, pki.rootPem(), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            SpineTlsContext tls = SpineTlsContext.builder()
                    .trustPem(trust)
                    .clientIdentityPem(files.certificate(), files.privateKey())
                    .build();
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("trust", tls.trustedCertificates().stream()
                    .map(c -> c.getSubjectX500Principal().getName()).collect(Collectors.joining("; "))
                    + " (stands in for the environment's NHS CA chain)");
            d.put("client identity", client.certificate().getSubjectX500Principal().getName()
                    + " from PEM (" + files.certificate().getFileName() + ", " + files.privateKey().getFileName() + ")");
            d.put("protocols", String.join(", ", tls.protocols()));
            d.put("hostname verification", "on (CN fallback when a certificate has no subjectAltName)");
            return StepResult.of(tls, d);
        }

        StepResult<Route> lookUpRoute(EnvironmentProfile loopback, SpineTlsContext tls) {
            sdsClient = SdsClient.builder().profile(loopback).tls(tls).build();
            RouteResult result = sdsClient.route(OdsCode.of(ODS), InteractionId.of(INTERACTION));
            if (!(result instanceof RouteResult.Found found)) {
                throw new IllegalStateException("no route: " + ((RouteResult.NotFound) result).message());
            }
            // Repeat look-ups hit the cache: time a batch, since one call on a cold JVM mostly measures class loading.
            OdsCode ods = OdsCode.of(ODS);
            InteractionId interaction = InteractionId.of(INTERACTION);
            long t0 = System.nanoTime();
            for (int i = 0; i < CACHED_LOOKUPS; i++) {
                sdsClient.route(ods, interaction);
            }
            double cachedMicros = (System.nanoTime() - t0) / 1_000.0 / CACHED_LOOKUPS;
            Route r = found.route();
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("query", "ODS " + ODS + ", interaction " + INTERACTION);
            d.put("endpoint", r.endpoint());
            d.put("party key", r.partyKey());
            d.put("ASID", r.asid());
            d.put("CPA id", r.cpaId());
            d.put("reliability", "persist " + r.reliability().persistDuration().map(Object::toString).orElse("-")
                    + ", retries " + r.reliability().retries().map(Object::toString).orElse("-")
                    + ", retry interval " + r.reliability().retryInterval().map(Object::toString).orElse("-")
                    + ", ack " + r.reliability().ackRequested().map(Object::toString).orElse("-"));
            d.put("repeat look-ups", String.format(java.util.Locale.ROOT, "%,d served from the cache, %.2f µs each on "
                    + "this cold JVM (%,d cache hits; %d LDAP searches in all)", CACHED_LOOKUPS, cachedMicros,
                    sdsClient.cacheStats().hits(), sds.searchCount()));
            return StepResult.of(r, d);
        }

        StepResult<Void> send(Route route, SpineTlsContext tls, Path dir) {
            return messaging.send(pki, mhs, sdsClient, route, tls, dir);
        }

        StepResult<Void> roleAssertion(EnvironmentProfile loopback, SpineTlsContext tls) {
            cisClient = CisClient.builder().profile(loopback).spineTls(tls).build();
            RoleAssertion a = cisClient.roleAssertion(ticket);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("ticket", ticket + " (redacted: the ticket is a secret)");
            d.put("user", a.userName() + " (uid " + a.userUid() + ")");
            d.put("selected role", a.selectedRole().map(DemoCommand::describeRole).orElse(a.sessionRoleUid()));
            d.put("role profiles", a.roleProfiles().size());
            d.put("valid", a.validity().notBefore() + " to " + a.validity().notOnOrAfter()
                    + (a.isValidAt(Instant.now()) ? " (valid now)" : " (NOT valid now)"));
            return StepResult.of(null, d);
        }

        StepResult<Void> mesh(EnvironmentProfile loopback) {
            byte[] letter = "A discharge letter for the demo (no patient data)".getBytes(StandardCharsets.UTF_8);
            try (MeshClient from = meshClient(loopback, MESH_SENDER); MeshClient to = meshClient(loopback, MESH_RECIPIENT)) {
                from.handshake();
                to.handshake();
                SentMessage sent = from.send(OutgoingMessage.to(MESH_RECIPIENT, FakeMesh.DEFAULT_WORKFLOW)
                        .fileName("letter.txt").subject("spinekit demo").localId("demo-1").build(),
                        new ByteArrayInputStream(letter));
                List<String> inbox = to.inbox();
                if (!inbox.contains(sent.messageId())) {
                    throw new IllegalStateException("message " + sent.messageId() + " is not in " + MESH_RECIPIENT
                            + "'s inbox " + inbox);
                }
                ByteArrayOutputStream received = new ByteArrayOutputStream();
                MeshMessage m = to.download(sent.messageId(), received);
                if (!Arrays.equals(received.toByteArray(), letter)) {
                    throw new IllegalStateException("the downloaded bytes differ from the bytes sent");
                }
                to.acknowledge(sent.messageId());
                TrackingInfo t = from.track(sent.messageId());
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("API", from.apiUrl() + " (mesh.url of " + loopback.name() + ")");
                d.put("handshake", MESH_SENDER + " and " + MESH_RECIPIENT + " (each with its own client certificate, "
                        + "CN <mailbox>.<ods>.api.mesh-client.nhs.uk; NHSMESH authorisation, a fresh token per request)");
                d.put("sent", MESH_SENDER + " -> " + MESH_RECIPIENT + ", workflow " + FakeMesh.DEFAULT_WORKFLOW + ", "
                        + sent.bytes() + " bytes in " + sent.chunks() + " chunk(s): message_id " + sent.messageId());
                d.put("inbox", inbox.size() + " message(s) in " + MESH_RECIPIENT);
                d.put("downloaded", m.bytes() + " bytes from " + m.from().orElse("?") + ", " + m.messageType()
                        + ", bytes match");
                d.put("acknowledged", "inbox now holds " + to.inbox().size() + " message(s); tracking status "
                        + t.status());
                return StepResult.of(null, d);
            }
        }

        private MeshClient meshClient(EnvironmentProfile loopback, String mailbox) {
            IssuedCertificate c = mesh.clientCertificate(mailbox);
            SpineTlsContext tls = SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate()))
                    .clientIdentity(c.privateKey(), c.chain()).build();
            return MeshClient.builder().environment(loopback).mailbox(mailbox)
                    .password(FakeMesh.DEFAULT_PASSWORD.toCharArray())
                    .sharedKey(FakeMesh.DEFAULT_SHARED_KEY.toCharArray()).tls(tls).build();
        }

        @Override
        public void close() {
            closeQuietly(messaging);
            closeQuietly(sdsClient);
            closeQuietly(cisClient);
            closeQuietly(sds);
            closeQuietly(mhs);
            closeQuietly(cis);
            closeQuietly(mesh);
        }

        private static void closeQuietly(AutoCloseable c) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // stopping a loopback server: nothing more to do
                }
            }
        }
    }

    private static String describeRole(RoleProfile r) {
        return r.jobRoleName().orElse("?") + " (" + r.roleCode().orElse("?") + ") at " + r.orgCode()
                + r.orgName().map(n -> " " + n).orElse("");
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temporary files only
        }
    }

    /**
     * A step's value and what to show about it.
     *
     * @param value the value later steps use
     * @param details label to value, printed in order
     * @param <T> the value type
     */
    record StepResult<T>(T value, Map<String, Object> details) {
        static <T> StepResult<T> of(T value, Map<String, Object> details) {
            return new StepResult<>(value, details);
        }
    }

    /** Runs steps in order, prints progress and timing, and skips the rest after a failure. */
    static final class Steps {
        private final PrintWriter out;
        private final boolean json;
        private final int total;
        private final List<Map<String, Object>> report = new ArrayList<>();
        private final long started = System.nanoTime();
        private boolean failed;

        Steps(PrintWriter out, boolean json, int total) {
            this.out = out;
            this.json = json;
            this.total = total;
        }

        <T> T run(String title, java.util.function.Supplier<StepResult<T>> step) {
            int n = report.size() + 1;
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("step", n);
            entry.put("title", title);
            report.add(entry);
            if (failed) {
                entry.put("status", "SKIPPED");
                if (!json) {
                    out.printf("[%d/%d] %s ... skipped%n", n, total, title);
                }
                return null;
            }
            if (!json) {
                out.printf("[%d/%d] %s ...", n, total, title);
                out.flush();
            }
            long t0 = System.nanoTime();
            try {
                StepResult<T> r = step.get();
                long ms = (System.nanoTime() - t0) / 1_000_000;
                entry.put("status", "OK");
                entry.put("millis", ms);
                Map<String, String> details = new LinkedHashMap<>();
                r.details().forEach((k, v) -> details.put(k.trim(), String.valueOf(v)));
                entry.put("details", details);
                if (!json) {
                    out.printf(" ok (%d ms)%n", ms);
                    r.details().forEach((k, v) -> out.printf("      %-22s %s%n", k + ":", v));
                    out.flush();
                }
                return r.value();
            } catch (RuntimeException e) {
                fail(entry, t0, e);
                return null;
            }
        }

        void fail(String title, Exception e) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("step", report.size() + 1);
            entry.put("title", title);
            report.add(entry);
            if (!json) {
                out.printf("[%d/%d] %s ...", report.size(), total, title);
            }
            fail(entry, System.nanoTime(), e);
        }

        private void fail(Map<String, Object> entry, long t0, Exception e) {
            failed = true;
            long ms = (System.nanoTime() - t0) / 1_000_000;
            entry.put("status", "FAILED");
            entry.put("millis", ms);
            entry.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
            if (!json) {
                out.printf(" FAILED (%d ms)%n      %s: %s%n", ms, e.getClass().getSimpleName(), e.getMessage());
                out.flush();
            }
        }

        int finish() {
            long ms = (System.nanoTime() - started) / 1_000_000;
            long ok = report.stream().filter(e -> "OK".equals(e.get("status"))).count();
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("result", failed ? "FAILED" : "OK");
                doc.put("millis", ms);
                doc.put("steps", report);
                try {
                    out.println(Cli.JSON.writeValueAsString(doc));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            } else {
                out.println();
                out.printf("Summary: %d of %d steps passed in %d ms; every server the demo started is stopped.%n",
                        ok, report.size(), ms);
                if (failed) {
                    out.println("The demo FAILED: see the step marked FAILED above.");
                }
            }
            out.flush();
            return failed ? Cli.FAILURE : Cli.OK;
        }
    }
}
