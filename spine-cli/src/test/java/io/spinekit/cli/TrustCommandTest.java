package io.spinekit.cli;

import static io.spinekit.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.spinekit.env.SpineCatalog;
import io.spinekit.tls.NhsCertificateAuthority;
import io.spinekit.tls.Pem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spine tls trust ENV} and the trust chain in {@code spine env show} (issue 15 item 20). */
class TrustCommandTest {
    @TempDir
    Path dir;

    private static List<X509Certificate> expected(String env) {
        return NhsCertificateAuthority.trustedBy(SpineCatalog.load().profile(env)).stream().map(NhsCertificateAuthority::certificate)
                .toList();
    }

    private static List<X509Certificate> readStore(Path file, String type, String password) throws Exception {
        KeyStore ks = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password.toCharArray());
        }
        List<X509Certificate> out = new ArrayList<>();
        for (String alias : Collections.list(ks.aliases())) {
            assertThat(ks.isCertificateEntry(alias)).as(alias).isTrue();
            out.add((X509Certificate) ks.getCertificate(alias));
        }
        return out;
    }

    @Test
    void exportsPkcs12AndJksTrustStoresThatReadBackWithTheFingerprintsPrinted() throws Exception {
        for (String format : List.of("pkcs12", "jks")) {
            Path file = dir.resolve("int." + format);

            CliRun r = run("tls", "trust", "int", "--format", format, "--out", file.toString());

            assertThat(r.code()).as(r.out() + r.err()).isEqualTo(Cli.OK);
            List<X509Certificate> read = readStore(file, format.equals("jks") ? "JKS" : "PKCS12", "changeit");
            assertThat(read).containsExactlyInAnyOrderElementsOf(expected("int"));
            for (X509Certificate c : read) {
                assertThat(r.out()).contains(TrustCommand.sha256(c));
            }
            assertThat(r.out()).contains("Wrote " + file).contains("password changeit").contains("G2");
        }
    }

    @Test
    void exportsPemToStandardOutputAndToAFileWithAPasswordForStores() throws Exception {
        CliRun pem = run("tls", "trust", "dev");

        assertThat(pem.code()).as(pem.err()).isEqualTo(Cli.OK);
        List<Certificate> read = new ArrayList<>(CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.out().getBytes(StandardCharsets.US_ASCII))));
        assertThat(read).containsExactlyInAnyOrderElementsOf(expected("dev"));
        assertThat(pem.err()).contains("SHA-256");

        Path pw = Files.writeString(dir.resolve("pw"), "s3cret\n");
        Path p12 = dir.resolve("dev.p12");
        CliRun store = run("tls", "trust", "dev", "--format", "PKCS12", "--out", p12.toString(), "--password-file",
                pw.toString(), "--json");
        assertThat(store.code()).as(store.err()).isEqualTo(Cli.OK);
        assertThat(readStore(p12, "PKCS12", "s3cret")).containsExactlyInAnyOrderElementsOf(expected("dev"));
        assertThat(store.json().path("authorities").get(0).path("sha256").asText()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }

    @Test
    void writtenFilesReadBackToTheSameCertificatesAndAreReadableByAllLikeTheCsr() throws Exception {
        Path pem = dir.resolve("int.pem");
        Path p12 = Files.writeString(dir.resolve("int.p12"), "old\n");
        Files.setPosixFilePermissions(p12, PosixFilePermissions.fromString("rw-------"));

        CliRun pemRun = run("tls", "trust", "int", "--out", pem.toString());
        CliRun p12Run = run("tls", "trust", "int", "--format", "pkcs12", "--out", p12.toString(), "--force");

        assertThat(pemRun.code()).as(pemRun.err()).isEqualTo(Cli.OK);
        assertThat(p12Run.code()).as(p12Run.err()).isEqualTo(Cli.OK);
        assertThat(Pem.loadCertificates(pem)).containsExactlyElementsOf(expected("int"));
        assertThat(readStore(p12, "PKCS12", "changeit")).containsExactlyInAnyOrderElementsOf(expected("int"));
        // CA certificates are public: written rw-r--r--, as spine-tls writes a CSR, so that a server running
        // as another user (Tomcat, a MESH client) can read its trust store.
        for (Path f : List.of(pem, p12)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString())
                    .isEqualTo("rw-r--r--");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no temporary file left")
                    .noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void refusesToOverwriteWithoutForce() throws IOException {
        Path file = Files.writeString(dir.resolve("trust.pem"), "keep me\n");

        CliRun refused = run("tls", "trust", "int", "--out", file.toString());
        String kept = Files.readString(file);
        CliRun forced = run("tls", "trust", "int", "--out", file.toString(), "--force");

        assertThat(refused.code()).isEqualTo(Cli.USAGE);
        assertThat(refused.err()).contains("already exists").contains("--force");
        assertThat(kept).isEqualTo("keep me\n");
        assertThat(forced.code()).as(forced.err()).isEqualTo(Cli.OK);
        assertThat(Files.readString(file)).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void binaryFormatsNeedAnOutputFile() {
        CliRun r = run("tls", "trust", "int", "--format", "jks");

        assertThat(r.code()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).contains("--out");
    }

    @Test
    void envShowNamesEachCaWithGenerationValidityAndFingerprint() {
        CliRun text = run("env", "show", "int");
        CliRun json = run("env", "show", "int", "--json");

        assertThat(text.code()).isEqualTo(Cli.OK);
        for (NhsCertificateAuthority ca : NhsCertificateAuthority.trustedBy(SpineCatalog.load().profile("int"))) {
            assertThat(text.out()).contains(ca.id() + "  " + ca.commonName() + " (" + ca.generation())
                    .contains(TrustCommand.sha256(ca.certificate()))
                    .contains("to " + ca.certificate().getNotAfter().toInstant());
        }
        assertThat(json.json().path("trustAuthorities").get(0).path("commonName").asText()).isNotBlank();
        assertThat(json.json().path("trustAuthorities").get(0).path("notAfter").asText()).isNotBlank();
    }
}
