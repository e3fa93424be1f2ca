package io.spinekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.spinekit.env.SpineCatalog;
import io.spinekit.tls.NhsCertificateAuthority;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded CLI jar (what {@code ./spine} runs) in a child JVM, as a user does: the unit tests
 * run the commands in-process on Maven's class path, so a fault only the one-jar build has (such as
 * every package reporting the CLI's manifest version, which made {@code ./spine demo} fail at step
 * 6) passed them all. Run by maven-failsafe-plugin in {@code verify}, after {@code package} built the
 * jar; the pom passes its path as {@code spinekit.cli.shadedJar}.
 */
class ShadedJarIT {
    /** The demo takes about 15 s on a 2-core machine: a run past this is hung. */
    private static final Duration DEMO_DEADLINE = Duration.ofSeconds(120);
    private static final Duration COMMAND_DEADLINE = Duration.ofSeconds(60);
    /** More output than any command prints: a bound on what the test reads back. */
    private static final long MAX_OUTPUT = 1 << 20;
    /** The demo's steps, in order, as {@link DemoCommand} titles them. */
    private static final List<String> DEMO_STEPS = List.of(
            "Pick the environment",
            "Start the loopback stand-ins for Spine",
            "Define the loopback environment in the catalog",
            "Build the mutual TLS context",
            "Look up the route in SDS",
            "Send a reliable ebXML message and receive the asynchronous response",
            "Turn an SSO ticket into a role assertion",
            "Assess a client machine against the WES",
            "Exchange a MESH message between two mailboxes");
    private static final Pattern STEP_LINE = Pattern.compile("\\[(\\d+)/(\\d+)] (.+) \\.\\.\\. (.+)");

    private static Path jar;

    @TempDir
    Path dir;

    @BeforeAll
    static void findTheShadedJar() {
        String path = System.getProperty("spinekit.cli.shadedJar");
        assertThat(path).as("system property spinekit.cli.shadedJar (set by spine-cli's pom for failsafe)")
                .isNotBlank();
        jar = Path.of(path);
        assertThat(jar).as("the shaded jar: run mvn verify, whose package phase builds it").isRegularFile();
    }

    /**
     * A finished run of the jar.
     *
     * @param code the exit code
     * @param out standard output
     * @param err error output
     */
    private record JarRun(int code, String out, String err) {
        String describe() {
            return "exit " + code + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    /**
     * Runs {@code java -jar JAR args} with the build's JVM; destroys it and fails past the deadline.
     *
     * @param deadline how long the run may take
     * @param args the CLI's arguments
     * @return its exit code and output
     */
    private JarRun runJar(Duration deadline, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        // the launcher announces these options on stderr ("Picked up ..."): run the jar as a user's shell would
        Map<String, String> env = pb.environment();
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("JDK_JAVA_OPTIONS");
        env.remove("_JAVA_OPTIONS");
        Process p = pb.start();
        p.getOutputStream().close(); // no input: a command that reads standard input sees its end
        if (!p.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("java -jar " + jar.getFileName() + " " + String.join(" ", args)
                    + " did not finish within " + deadline.toSeconds() + " s; destroyed it. Output so far:\n"
                    + read(out) + "--- stderr ---\n" + read(err));
        }
        return new JarRun(p.exitValue(), read(out), read(err));
    }

    private static String read(Path file) throws IOException {
        long size = Files.size(file);
        assertThat(size).as("output size of " + file).isLessThanOrEqualTo(MAX_OUTPUT);
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void demoPassesEveryStepFromTheShadedJar() throws Exception {
        long t0 = System.nanoTime();
        JarRun run = runJar(DEMO_DEADLINE, "demo");
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);

        List<String> passed = new ArrayList<>();
        List<String> stepLines = new ArrayList<>();
        for (String line : run.out().split("\\R")) {
            Matcher m = STEP_LINE.matcher(line);
            if (m.matches()) {
                stepLines.add(line);
                assertThat(m.group(1)).as(run.describe()).isEqualTo(String.valueOf(stepLines.size()));
                assertThat(m.group(2)).as(run.describe()).isEqualTo(String.valueOf(DEMO_STEPS.size()));
                assertThat(m.group(4)).as("step %s of\n%s", m.group(1), run.describe()).matches("ok \\(\\d+ ms\\)");
                passed.add(m.group(3));
            }
        }
        assertThat(passed).as(run.describe()).containsExactlyElementsOf(DEMO_STEPS);
        assertThat(run.out()).as(run.describe())
                .contains("Summary: " + DEMO_STEPS.size() + " of " + DEMO_STEPS.size() + " steps passed in ")
                .doesNotContain("FAILED")
                // the message step accepted into the embedded H2 store: H2, Flyway and HikariCP work shaded
                .containsPattern("store: +embedded durable store, H2 file .* ACKNOWLEDGED after 1 attempt");
        assertThat(run.code()).as(run.describe()).isZero();
        // nothing on stderr: no SLF4J "no providers" warning, no stack trace, no illegal-access notice
        assertThat(run.err()).as(run.describe()).isEmpty();
        System.out.println("ShadedJarIT: java -jar " + jar.getFileName() + " demo took " + seconds + " s");
    }

    @Test
    void versionIsTheProjectVersionFromTheShadedManifest() throws Exception {
        JarRun run = runJar(COMMAND_DEADLINE, "--version");

        assertThat(run.code()).as(run.describe()).isZero();
        assertThat(run.out().strip()).as(run.describe()).isEqualTo("spine " + System.getProperty("spinekit.cli.version"));
        assertThat(run.err()).as(run.describe()).isEmpty();
    }

    @Test
    void helpListsEveryCommand() throws Exception {
        JarRun run = runJar(COMMAND_DEADLINE, "--help");

        assertThat(run.code()).as(run.describe()).isZero();
        assertThat(run.out()).as(run.describe()).startsWith("Usage: spine ");
        for (String command : List.of("env", "wes", "tls", "sds", "cis", "mesh", "doctor", "demo")) {
            assertThat(run.out()).as(run.describe()).containsPattern("(?m)^\\s+" + command + "\\s");
        }
        assertThat(run.err()).as(run.describe()).isEmpty();
    }

    @Test
    void trustPrintsTheBundledIntegrationCaCertificatesAsPem() throws Exception {
        JarRun run = runJar(COMMAND_DEADLINE, "tls", "trust", "int", "--format", "pem");

        assertThat(run.code()).as(run.describe()).isZero();
        assertThat(run.out()).as(run.describe()).startsWith("-----BEGIN CERTIFICATE-----");
        List<X509Certificate> printed = certificates(run.out());
        // the jar's bundled catalog and CA certificates are the ones the module builds with
        List<X509Certificate> expected = NhsCertificateAuthority.trustedBy(SpineCatalog.load().profile("int")).stream()
                .map(NhsCertificateAuthority::certificate).toList();
        assertThat(expected).isNotEmpty();
        assertThat(printed).as(run.describe()).containsExactlyElementsOf(expected);
        for (X509Certificate c : printed) {
            assertThat(run.err()).as(run.describe()).contains(TrustCommand.sha256(c));
        }
    }

    private static List<X509Certificate> certificates(String pem) throws CertificateException, IOException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        try (InputStream in = new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))) {
            cf.generateCertificates(in).forEach(c -> out.add((X509Certificate) c));
        }
        return out;
    }
}
