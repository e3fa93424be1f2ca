package io.spinekit.cli;

import static io.spinekit.cli.CliRun.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.PemFiles;
import io.spinekit.testpki.TestPki;
import io.spinekit.testpki.TestTlsServer;
import io.spinekit.tls.NhsCertificateAuthority;
import io.spinekit.tls.Pem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spine tls inspect|csr|handshake}, run in-process against real files and loopback TLS servers. */
class TlsCommandTest {
    private static TestPki pki;

    @TempDir
    Path dir;

    @BeforeAll
    static void pki() {
        pki = TestPki.create();
    }



    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static List<String> findings(JsonNode inspection, String severity) {
        List<String> out = new ArrayList<>();
        inspection.path("findings").forEach(f -> {
            if (f.path("severity").asText().equals(severity)) {
                out.add(f.path("check").asText() + ": " + f.path("message").asText());
            }
        });
        return out;
    }

    @Test
    void inspectGoodCertificateWithFqdnAndKeyIsUsable() throws IOException {
        IssuedCertificate cert = pki.certificate("endpoint.example.nhs.uk").issue();
        PemFiles files = cert.writePem(dir, "endpoint");

        CliRun r = run("tls", "inspect", files.certificate().toString(), "--fqdn", "endpoint.example.nhs.uk",
                "--key", files.privateKey().toString());

        assertThat(r.code()).as(r.err()).isEqualTo(Cli.OK);
        assertThat(r.out()).contains("endpoint.crt: CN=endpoint.example.nhs.uk,OU=Test,O=nhs")
                .contains("key          RSA 2048-bit, signed SHA256withRSA")
                .containsPattern("OK\\s+host\\s+Valid for endpoint.example.nhs.uk \\(by subjectAltName\\)")
                .containsPattern("OK\\s+private-key\\s+The private key matches the certificate")
                .contains("Result: usable");
    }

    @Test
    void inspectSha1WeakKeyCertificateFailsWithFindingsInJson() throws IOException {
        IssuedCertificate cert = pki.certificate("endpoint.example.nhs.uk").rsa(1024).signatureAlgorithm("SHA1withRSA").issue();
        Path pem = file("weak.pem", cert.chainPem());

        CliRun r = run("tls", "inspect", pem.toString(), "--json");

        assertThat(r.code()).isEqualTo(Cli.FAILURE);
        JsonNode json = r.json();
        assertThat(json.path("usable").asBoolean()).isFalse();
        assertThat(json.path("worst").asText()).isEqualTo("ERROR");
        assertThat(json.path("inspection").path("keySize").asInt()).isEqualTo(1024);
        assertThat(findings(json.path("inspection"), "ERROR")).containsExactlyInAnyOrder(
                "key: RSA 1024-bit key: too weak (under 2048 bits)",
                "signature: Signed with SHA1withRSA: SHA-1 and MD5 signatures are broken and refused by current TLS stacks");
    }

    @Test
    void inspectExplainsTheExpiredG1LiveChain() throws IOException {
        Path der = file("nhs-level-1c.der", Pem.encodeCertificates(List.of(NhsCertificateAuthority.LEVEL_1C.certificate())));

        CliRun r = run("tls", "inspect", der.toString(), "--env", "live");

        assertThat(r.code()).isEqualTo(Cli.FAILURE);
        assertThat(r.out()).contains("issued under the G1 live root, expired 2024-06-04")
                .contains("fix: Request a G2 certificate")
                .contains("Not trusted for Live: the G1 live chain is never trusted")
                .contains("Result: NOT usable")
                .containsPattern("to 2024-06-04T11:28:31Z \\(expired \\d{3,} days ago\\)")
                .doesNotContainPattern("\\(-\\d").doesNotContain("days left");
    }

    @Test
    void inspectStatesTheDaysLeftOfACurrentCertificate() throws IOException {
        IssuedCertificate cert = pki.certificate("endpoint.example.nhs.uk").validity(java.time.Instant.now().minusSeconds(60),
                java.time.Instant.now().plus(java.time.Duration.ofDays(10)).plusSeconds(3600)).issue();
        Path pem = file("ten-days.pem", cert.certificatePem());

        CliRun r = run("tls", "inspect", pem.toString());

        assertThat(r.out()).contains("(10 days left)");
    }

    @Test
    void inspectChecksTheChainAgainstAnEnvironmentNamedInThePagesWording() throws IOException {
        Path pem = file("int-g2.pem", Pem.encodeCertificates(List.of(NhsCertificateAuthority.INT_AUTHENTICATION_G2.certificate())));

        CliRun r = run("tls", "inspect", pem.toString(), "--env", "Integration", "--json");

        assertThat(r.code()).isEqualTo(Cli.OK);
        assertThat(r.json().path("environment").asText()).isEqualTo("integration");
        assertThat(r.json().path("inspection").path("generation").asText()).isEqualTo("G2");
    }

    @Test
    void inspectUnknownEnvironmentIsAUsageErrorListingTheKnownOnes() throws IOException {
        Path pem = file("c.pem", pki.certificate("a.example.nhs.uk").issue().chainPem());

        CliRun r = run("tls", "inspect", pem.toString(), "--env", "staging");

        assertThat(r.code()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).contains("Unknown environment \"staging\"").contains("integration");
    }

    @Test
    void inspectMalformedFileFailsWithAClearMessage() throws IOException {
        Path pem = file("bad.pem", "-----BEGIN CERTIFICATE-----\nnot base64!!\n-----END CERTIFICATE-----\n");

        CliRun r = run("tls", "inspect", pem.toString(), "--json");

        assertThat(r.code()).as("a malformed input file is bad input").isEqualTo(Cli.USAGE);
        assertThat(r.json().path("error").asText()).contains(pem.toString()).contains("malformed");
    }

    @Test
    void inspectReadsPkcs12WithItsPasswordFile() throws Exception {
        IssuedCertificate cert = pki.certificate("endpoint.example.nhs.uk").issue();
        Path p12 = dir.resolve("endpoint.p12");
        try (var out = Files.newOutputStream(p12)) {
            cert.keyStore("endpoint", "secret".toCharArray()).store(out, "secret".toCharArray());
        }
        Path pw = file("pw.txt", "secret\n");

        CliRun ok = run("tls", "inspect", p12.toString(), "--password-file", pw.toString(), "--json");
        CliRun wrong = run("tls", "inspect", p12.toString(), "--password-file", file("bad.txt", "nope\n").toString());

        assertThat(ok.code()).isEqualTo(Cli.OK);
        assertThat(findings(ok.json().path("inspection"), "OK")).contains("private-key: The private key matches the certificate");
        assertThat(wrong.code()).as("a wrong password file is bad input").isEqualTo(Cli.USAGE);
        assertThat(wrong.err()).contains("the password is wrong");
    }

    @Test
    void csrWritesKeyAndRequestAndRefusesToOverwriteWithoutForce() throws IOException {
        Path key = dir.resolve("endpoint.key");
        Path csr = dir.resolve("endpoint.csr");
        String[] args = {"tls", "csr", "--fqdn", "endpoint.example.nhs.uk", "--out-key", key.toString(),
            "--out-csr", csr.toString(), "--org", "Example NHS Trust", "--country", "GB", "--json"};

        CliRun first = run(args);
        String firstCsr = Files.readString(csr);
        CliRun second = run(args);

        assertThat(first.code()).as(first.err()).isEqualTo(Cli.OK);
        assertThat(first.json().path("subject").asText()).isEqualTo("C=GB,O=Example NHS Trust,CN=endpoint.example.nhs.uk");
        assertThat(first.json().path("keyEncrypted").asBoolean()).isFalse();
        assertThat(first.json().path("csrPem").asText()).isEqualTo(firstCsr);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(second.code()).as("an existing output without --force is bad input").isEqualTo(Cli.USAGE);
        assertThat(second.json().path("error").asText()).contains("already exists; nothing was written")
                .contains("(use --force to replace it)");
        assertThat(Files.readString(csr)).isEqualTo(firstCsr);

        CliRun forced = run("tls", "csr", "--fqdn", "endpoint.example.nhs.uk", "--out-key", key.toString(),
                "--out-csr", csr.toString(), "--ec", "--force");
        assertThat(forced.code()).isEqualTo(Cli.OK);
        assertThat(forced.out()).contains("EC P-256 private key, NOT encrypted, owner-only");
        assertThat(Files.readString(csr)).isNotEqualTo(firstCsr);
    }

    @Test
    void csrFilesReadBackAndOnlyTheKeyIsOwnerOnlyAlsoWhenReplacingReadableFiles() throws Exception {
        Path key = file("endpoint.key", "old key\n");
        Path csr = file("endpoint.csr", "old csr\n");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(csr, PosixFilePermissions.fromString("rw-------"));

        CliRun r = run("tls", "csr", "--fqdn", "endpoint.example.nhs.uk", "--out-key", key.toString(),
                "--out-csr", csr.toString(), "--force", "--json");

        assertThat(r.code()).as(r.err()).isEqualTo(Cli.OK);
        PKCS10CertificationRequest request;
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(csr))) {
            request = (PKCS10CertificationRequest) parser.readObject();
            assertThat(parser.readObject()).as("one CSR in the file").isNull();
        }
        assertThat(request.getSubject()).isEqualTo(new X500Name("CN=endpoint.example.nhs.uk"));
        assertThat(request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(request.getSubjectPublicKeyInfo())))
                .isTrue();
        PublicKey inCsr = new JcaPKCS10CertificationRequest(request).getPublicKey();
        PrivateKey written = Pem.loadPrivateKey(key, null);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(written);
        signer.update(new byte[] {1, 2, 3});
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(inCsr);
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signer.sign())).as("the key file holds the CSR's private key").isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).as("the private key")
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(csr))).as("the CSR is public")
                .isEqualTo("rw-r--r--");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no temporary file left")
                    .noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void csrWithPassphraseFileEncryptsTheKey() throws IOException {
        Path key = dir.resolve("endpoint.key");
        Path pass = file("pass.txt", "correct horse\n");

        CliRun r = run("tls", "csr", "--fqdn", "endpoint.example.nhs.uk", "--out-key", key.toString(),
                "--out-csr", dir.resolve("endpoint.csr").toString(), "--ec", "--passphrase-file", pass.toString());

        assertThat(r.code()).isEqualTo(Cli.OK);
        assertThat(Files.readString(key)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertThat(Pem.loadPrivateKey(key, "correct horse".toCharArray()).getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void csrRejectsAnInvalidFqdn() {
        CliRun r = run("tls", "csr", "--fqdn", "*.example.nhs.uk", "--out-key", dir.resolve("k").toString(),
                "--out-csr", dir.resolve("c").toString());

        assertThat(r.code()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).contains("\"*.example.nhs.uk\" is not a fully qualified domain name");
        assertThat(dir.resolve("k")).doesNotExist();
    }

    @Test
    void handshakeWithMutualTlsReportsProtocolCipherAndChainAsJson() throws IOException {
        IssuedCertificate client = pki.certificate("client.example.nhs.uk").clientAuth().issue();
        PemFiles files = client.writePem(dir, "client");
        Path root = file("root.pem", pki.rootPem());
        try (TestTlsServer server = pki.server(pki.certificate("localhost").serverAuth().issue())
                .requireClientCertificate().start()) {
            CliRun r = run("tls", "handshake", "--trust", root.toString(), "--host", "localhost",
                    "--port", String.valueOf(server.port()), "--cert", files.certificate().toString(),
                    "--key", files.privateKey().toString(), "--json");

            assertThat(r.code()).as(r.out() + r.err()).isEqualTo(Cli.OK);
            JsonNode json = r.json();
            assertThat(json.path("success").asBoolean()).isTrue();
            assertThat(json.path("protocol").asText()).isEqualTo("TLSv1.3");
            assertThat(json.path("cipherSuite").asText()).startsWith("TLS_");
            assertThat(json.path("serverChain").get(0).path("subject").asText()).isEqualTo("CN=localhost,OU=Test,O=nhs");
            assertThat(json.path("clientCertificate").path("subject").asText())
                    .isEqualTo("CN=client.example.nhs.uk,OU=Test,O=nhs");
            assertThat(json.path("failure").isNull()).isTrue();
        }
    }

    @Test
    void handshakeWithAnEncryptedKeyUsesThePasswordFileAndNamesAWrongOne() throws IOException {
        IssuedCertificate client = pki.certificate("client.example.nhs.uk").clientAuth().issue();
        Path cert = file("client.crt", client.chainPem());
        Path key = file("client.key", Pem.encodePrivateKey(client.privateKey(), "s3cret pass".toCharArray()));
        Path pass = file("pass.txt", "s3cret pass\n");
        Path wrong = file("wrong.txt", "not it\n");
        Path root = file("root.pem", pki.rootPem());
        try (TestTlsServer server = pki.server(pki.certificate("localhost").serverAuth().issue())
                .requireClientCertificate().start()) {
            String port = String.valueOf(server.port());
            CliRun ok = run("tls", "handshake", "--trust", root.toString(), "--host", "localhost", "--port", port,
                    "--cert", cert.toString(), "--key", key.toString(), "--password-file", pass.toString(), "--json");
            CliRun bad = run("tls", "handshake", "--trust", root.toString(), "--host", "localhost", "--port", port,
                    "--cert", cert.toString(), "--key", key.toString(), "--password-file", wrong.toString());
            CliRun none = run("tls", "handshake", "--trust", root.toString(), "--host", "localhost", "--port", port,
                    "--cert", cert.toString(), "--key", key.toString());

            assertThat(ok.code()).as(ok.out() + ok.err()).isEqualTo(Cli.OK);
            assertThat(ok.json().path("clientCertificate").path("subject").asText())
                    .isEqualTo("CN=client.example.nhs.uk,OU=Test,O=nhs");
            assertThat(bad.code()).isEqualTo(Cli.USAGE);
            assertThat(bad.err()).contains(key.toString()).containsIgnoringCase("passphrase");
            assertThat(none.code()).isEqualTo(Cli.USAGE);
            assertThat(none.err()).contains(key.toString()).containsIgnoringCase("encrypted");
            assertThat(server.clientCertificates()).hasSize(1);
        }
    }

    @Test
    void inspectAndHandshakeCheckRevocationAgainstCrlFiles() throws IOException, java.security.cert.CRLException {
        IssuedCertificate revoked = pki.certificate("localhost").serverAuth().issue();
        Path crl = Files.write(dir.resolve("sub.crl"), pki.crl(revoked.certificate()).getEncoded());
        Path cert = file("revoked.pem", revoked.chainPem());
        Path root = file("root.pem", pki.rootPem());
        Path notACrl = file("not-a-crl.pem", pki.rootPem());

        CliRun inspect = run("tls", "inspect", cert.toString(), "--crl", crl.toString());
        CliRun badCrl = run("tls", "inspect", cert.toString(), "--crl", notACrl.toString());
        try (TestTlsServer server = pki.server(revoked).start()) {
            CliRun handshake = run("tls", "handshake", "--trust", root.toString(), "--host", "localhost",
                    "--port", String.valueOf(server.port()), "--crl", crl.toString(), "--json");
            CliRun without = run("tls", "handshake", "--trust", root.toString(), "--host", "localhost",
                    "--port", String.valueOf(server.port()));

            assertThat(handshake.code()).isEqualTo(Cli.FAILURE);
            assertThat(handshake.json().path("failure").asText()).isEqualTo("REVOKED");
            assertThat(handshake.json().path("message").asText()).contains("localhost was revoked on");
            assertThat(without.code()).as(without.out()).isEqualTo(Cli.OK);
        }
        assertThat(inspect.code()).isEqualTo(Cli.FAILURE);
        assertThat(inspect.out()).contains("ERROR   revocation  localhost was revoked on");
        assertThat(badCrl.code()).isEqualTo(Cli.USAGE);
        assertThat(badCrl.err()).contains(notACrl.toString()).contains("holds no CRL (found a certificate)");
    }

    @Test
    void handshakeToAServerWithAnotherHostsCertificateFailsWithTheReason() throws IOException {
        Path root = file("root.pem", pki.rootPem());
        try (TestTlsServer server = pki.server(pki.certificate("spine.example.nhs.uk").serverAuth().issue()).start()) {
            CliRun r = run("tls", "handshake", "--trust", root.toString(), "--host", "localhost",
                    "--port", String.valueOf(server.port()));

            assertThat(r.code()).isEqualTo(Cli.FAILURE);
            assertThat(r.out()).contains("FAILED (WRONG_HOST)").contains("spine.example.nhs.uk")
                    .contains("fix: The certificate is for a different host name")
                    .contains("server chain:");
        }
    }

    @Test
    void handshakeWithEnvironmentTrustRejectsANonNhsServer() {
        try (TestTlsServer server = pki.server(pki.certificate("localhost").serverAuth().issue()).start()) {
            CliRun r = run("tls", "handshake", "--env", "int", "--host", "localhost",
                    "--port", String.valueOf(server.port()), "--json");

            assertThat(r.code()).isEqualTo(Cli.FAILURE);
            assertThat(r.json().path("failure").asText()).isEqualTo("UNKNOWN_CA");
            assertThat(r.json().path("message").asText()).contains("Test PTL Root Authority G2");
        }
    }

    @Test
    void handshakeRejectsConflictingOrIncompleteOptions() throws IOException {
        Path root = file("root.pem", pki.rootPem());

        CliRun both = run("tls", "handshake", "--env", "int", "--trust", root.toString(), "--host", "h", "--port", "1");
        CliRun certOnly = run("tls", "handshake", "--trust", root.toString(), "--host", "h", "--port", "1",
                "--cert", root.toString());

        assertThat(both.code()).isEqualTo(Cli.USAGE);
        assertThat(both.err()).contains("mutually exclusive");
        CliRun neither = run("tls", "handshake", "--host", "h", "--port", "1");
        CliRun passwordOnly = run("tls", "handshake", "--trust", root.toString(), "--host", "h", "--port", "1",
                "--password-file", root.toString());

        assertThat(certOnly.code()).isEqualTo(Cli.USAGE);
        assertThat(certOnly.err()).contains("--cert and --key go together");
        assertThat(neither.code()).isEqualTo(Cli.USAGE);
        assertThat(neither.err()).contains("--env ENV").contains("--trust PEM");
        assertThat(passwordOnly.code()).isEqualTo(Cli.USAGE);
        assertThat(passwordOnly.err()).contains("--password-file is the passphrase of --key");
    }

    @Test
    void csrRefusesTheSameFileThroughASymlinkedDirectoryEvenWithForce() throws IOException {
        Path real = Files.createDirectory(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        Path key = real.resolve("endpoint.pem");
        Files.writeString(key, "the old key\n");

        CliRun r = run("tls", "csr", "--fqdn", "endpoint.example.nhs.uk", "--out-key", key.toString(),
                "--out-csr", link.resolve("endpoint.pem").toString(), "--force", "--json");

        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(Cli.USAGE);
        assertThat(r.json().path("error").asText()).contains("same file");
        assertThat(Files.readString(key)).isEqualTo("the old key\n");
    }

    @Test
    void csrRefusesTheSameNewFileThroughASymlinkedDirectory() throws IOException {
        Path real = Files.createDirectory(dir.resolve("real2"));
        Path link = Files.createSymbolicLink(dir.resolve("link2"), real);

        CliRun r = run("tls", "csr", "--fqdn", "endpoint.example.nhs.uk", "--out-key", real.resolve("new.pem").toString(),
                "--out-csr", link.resolve("new.pem").toString());

        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).contains("same file");
        assertThat(real.resolve("new.pem")).doesNotExist();
    }

    @Test
    void handshakeWithAPlainHttpPortSaysItIsNotATlsPort() throws IOException {
        com.sun.net.httpserver.HttpServer http = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", ex -> {
            ex.sendResponseHeaders(400, -1);
            ex.close();
        });
        http.start();
        try {
            Path root = file("root.pem", pki.rootPem());

            CliRun r = run("tls", "handshake", "--trust", root.toString(), "--host", "localhost", "--port",
                    String.valueOf(http.getAddress().getPort()), "--timeout", "5");
            CliRun json = run("tls", "handshake", "--trust", root.toString(), "--host", "localhost", "--port",
                    String.valueOf(http.getAddress().getPort()), "--timeout", "5", "--json");

            assertThat(r.code()).isEqualTo(Cli.FAILURE);
            assertThat(r.out()).contains("FAILED (NOT_TLS)").containsIgnoringCase("not speak TLS")
                    .doesNotContain("must be upgraded");
            assertThat(json.json().path("failure").asText()).isEqualTo("NOT_TLS");
        } finally {
            http.stop(0);
        }
    }
}
