package io.spinekit.cli;

import io.spinekit.env.EnvironmentProfile;
import io.spinekit.env.SpineCatalog;
import io.spinekit.core.BoundedFiles;
import io.spinekit.core.SpineException;
import io.spinekit.core.Text;
import io.spinekit.tls.CertificateInspector;
import io.spinekit.tls.CertificateSummary;
import io.spinekit.tls.Csr;
import io.spinekit.tls.Finding;
import io.spinekit.tls.HandshakeReport;
import io.spinekit.tls.Inspection;
import io.spinekit.tls.SpineTlsContext;
import io.spinekit.tls.TlsConfigurationException;
import io.spinekit.tls.TlsProbe;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spine tls}: NHS trust and mutual TLS: inspect certificates, make CSRs, test handshakes. */
@Command(name = "tls", mixinStandardHelpOptions = true,
        description = "NHS trust and mutual TLS: inspect certificates, make CSRs, test handshakes, export trust.",
        subcommands = {TlsCommand.InspectCommand.class, TlsCommand.CsrCommand.class, TlsCommand.HandshakeCommand.class,
                TrustCommand.class})
final class TlsCommand {
    private TlsCommand() {
    }

    /** The largest password file read: a passphrase is one short line. */
    static final long MAX_SECRET_FILE = 64 * 1024;

    /** Reads a password file's first line (without the line ending), bounded. */
    static char[] readSecret(Path file, String option) {
        if (file == null) {
            return null;
        }
        String text;
        try {
            text = BoundedFiles.readString(file, MAX_SECRET_FILE, option);
        } catch (SpineException e) {
            throw CliException.usage(e.getMessage() + " (" + option + " is a file whose first line is the secret)", e);
        }
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        if (line.isEmpty()) {
            throw CliException.usage(option + " " + Text.quote(file.toString()) + " is empty; expected the secret on its first line");
        }
        return line.toCharArray();
    }

    static EnvironmentProfile profile(String env) {
        return Cli.input("", () -> SpineCatalog.load().profile(env));
    }

    private static void printChain(PrintWriter out, List<CertificateSummary> chain) {
        for (int i = 0; i < chain.size(); i++) {
            CertificateSummary c = chain.get(i);
            out.printf("    [%d] %s%n        issuer %s, valid until %s%s%n", i, c.subject(), c.issuer(), c.notAfter(),
                    c.nhsCa().map(id -> ", bundled NHS CA " + id).orElse(""));
        }
    }

    /** {@code spine tls inspect}: what is right and wrong with a certificate. */
    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = "Inspect a certificate or chain (PEM, DER or PKCS#12): chain to the environment's NHS trust, "
                    + "issuing CA and generation, validity, key, signature, key usage, host name, key match, CRL/OCSP. "
                    + "Exits 1 when any finding is an ERROR.")
    static final class InspectCommand extends JsonOption implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "Certificate or chain: PEM (any extension, also .der"
                + " files holding PEM), DER or PKCS#12.")
        Path file;

        @Option(names = "--env", paramLabel = "ENV", description = "Check the chain against this environment's NHS trust"
                + " (integration, int, Integration, ... or a custom environment).")
        String env;

        @Option(names = "--fqdn", paramLabel = "HOST", description = "Check the certificate's names against this host.")
        String fqdn;

        @Option(names = "--key", paramLabel = "KEYFILE", description = "Check that this PEM private key matches.")
        Path key;

        @Option(names = "--password-file", paramLabel = "F", description = "File whose first line is the PKCS#12"
                + " password or the key passphrase.")
        Path passwordFile;

        @Option(names = "--crl", paramLabel = "CRL", description = "Check revocation against this certificate "
                + "revocation list (PEM or DER, as the CRL distribution point serves it); repeatable.")
        List<Path> crls = new ArrayList<>();

        @Override
        public Integer call() {
            CertificateInspector.Builder b = CertificateInspector.builder().fqdn(fqdn);
            String envName = null;
            b.crls(Cli.input("(--crl)", () -> ClientTlsOptions.loadCrls(crls)));
            if (env != null) {
                EnvironmentProfile p = profile(env);
                Cli.input("(--env)", () -> b.trust(p));
                envName = p.name();
            }
            char[] password = readSecret(passwordFile, "--password-file");
            CertificateInspector.Loaded loaded;
            try {
                loaded = CertificateInspector.load(file, password);
            } catch (SpineException e) {
                throw CliException.usage(Cli.hints(e.getMessage()), e);
            }
            if (key != null) {
                b.privateKey(Cli.input("(--key, --password-file)", () -> io.spinekit.tls.Pem.loadPrivateKey(key, password)));
            } else {
                loaded.privateKey().ifPresent(b::privateKey);
            }
            Inspection r = b.build().inspect(loaded.chain());
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("file", file.toString());
                out.put("environment", envName);
                out.put("fqdn", fqdn);
                out.put("usable", r.usable());
                out.put("worst", r.worst());
                out.put("inspection", r);
                Cli.printJson(spec, out);
            } else {
                PrintWriter out = Cli.out(spec);
                out.printf("%s: %s%n", file, r.certificate().subject());
                out.printf("  issuer       %s%s%n", r.certificate().issuer(),
                        r.issuingCa().map(id -> " (NHS CA " + id + ", " + r.generation().orElse("?") + ")").orElse(""));
                out.printf("  valid        %s to %s (%s)%n", r.notBefore(), r.notAfter(), Cli.daysLeft(r.notAfter(), r.daysLeft()));
                out.printf("  key          %s %d-bit, signed %s%n", r.keyAlgorithm(), r.keySize(), r.signatureAlgorithm());
                out.printf("  names        CN %s; subjectAltNames %s%n", r.commonName().orElse("(none)"),
                        r.subjectAltNames().isEmpty() ? "(none)" : String.join(", ", r.subjectAltNames()));
                out.printf("  usage        %s; extended %s%n", r.keyUsage(), r.extendedKeyUsage());
                out.println("Findings:");
                for (Finding f : r.findings()) {
                    out.printf("  %-7s %-11s %s%n", f.severity(), f.check(), f.message());
                    if (!f.fix().isEmpty() && f.severity().compareTo(Finding.Severity.WARNING) >= 0) {
                        out.printf("          fix: %s%n", Cli.hints(f.fix()));
                    }
                }
                out.printf("Result: %s%n", r.usable() ? (r.worst() == Finding.Severity.WARNING ? "usable, with warnings"
                        : "usable") : "NOT usable (" + r.findings().stream()
                        .filter(f -> f.severity() == Finding.Severity.ERROR).count() + " error(s))");
                out.flush();
            }
            return r.usable() ? Cli.OK : Cli.FAILURE;
        }
    }

    /** {@code spine tls csr}: a new key and certificate signing request for an endpoint. */
    @Command(name = "csr", mixinStandardHelpOptions = true,
            description = "Generate a key pair (RSA 2048, or EC P-256 with --ec) and a PKCS#10 CSR with CN = the FQDN. "
                    + "The key is written owner-only, encrypted with --passphrase-file; files are written atomically and "
                    + "never replaced without --force.")
    static final class CsrCommand extends JsonOption implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--fqdn", required = true, paramLabel = "HOST", description = "The endpoint's FQDN (the CN).")
        String fqdn;

        @Option(names = "--out-key", required = true, paramLabel = "KEY", description = "Where to write the private key.")
        Path outKey;

        @Option(names = "--out-csr", required = true, paramLabel = "CSR", description = "Where to write the CSR.")
        Path outCsr;

        @Option(names = "--ec", description = "EC P-256 key instead of RSA 2048.")
        boolean ec;

        @Option(names = "--passphrase-file", paramLabel = "F", description = "Encrypt the key with the passphrase on"
                + " this file's first line.")
        Path passphraseFile;

        @Option(names = "--force", description = "Replace existing files.")
        boolean force;

        @Option(names = "--org", paramLabel = "O", description = "Organisation (O).")
        String organisation;

        @Option(names = "--ou", paramLabel = "OU", description = "Organisational unit (OU).")
        String organisationalUnit;

        @Option(names = "--locality", paramLabel = "L", description = "Locality (L).")
        String locality;

        @Option(names = "--state", paramLabel = "ST", description = "State or county (ST).")
        String state;

        @Option(names = "--country", paramLabel = "C", description = "Two-letter country code (C), such as GB.")
        String country;

        @Override
        public Integer call() {
            char[] passphrase = readSecret(passphraseFile, "--passphrase-file");
            try {
                Csr csr = Cli.input("", () -> {
                    Csr.Builder b = Csr.builder(fqdn).organisation(organisation).organisationalUnit(organisationalUnit)
                            .locality(locality).state(state).country(country);
                    if (ec) {
                        b.ec();
                    }
                    return b.build();
                });
                OutputPaths.requireDistinct("--out-key", outKey, "--out-csr", outCsr);
                OutputPaths.requireNewOrForced(outKey, force);
                OutputPaths.requireNewOrForced(outCsr, force);
                try {
                    csr.write(outKey, outCsr, passphrase, force);
                } catch (TlsConfigurationException e) {
                    throw OutputPaths.refused(e, force); // a file that appeared since the check above, or cannot be written
                }
                return print(csr);
            } finally {
                if (passphrase != null) {
                    Arrays.fill(passphrase, '\0');
                }
            }
        }

        private int print(Csr csr) {
            boolean encrypted = passphraseFile != null;
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("fqdn", csr.fqdn());
                out.put("subject", csr.subject());
                out.put("keyAlgorithm", ec ? "EC P-256" : "RSA 2048");
                out.put("keyFile", outKey.toString());
                out.put("keyEncrypted", encrypted);
                out.put("csrFile", outCsr.toString());
                out.put("csrPem", csr.pem());
                Cli.printJson(spec, out);
            } else {
                PrintWriter out = Cli.out(spec);
                out.printf("Wrote %s (%s private key, %s, owner-only)%n", outKey, ec ? "EC P-256" : "RSA 2048",
                        encrypted ? "encrypted" : "NOT encrypted");
                out.printf("Wrote %s (CSR for %s)%n", outCsr, csr.subject());
                out.println("Submit the CSR to the NHS for your endpoint certificate; keep the key private and backed up.");
                out.flush();
            }
            return Cli.OK;
        }
    }

    /** {@code spine tls handshake}: a real TLS handshake with a server, explained. */
    @Command(name = "handshake", mixinStandardHelpOptions = true,
            description = "Make a real TLS handshake and report protocol, cipher, the server's chain and the verification "
                    + "result, or the specific reason it failed (expired, wrong host, unknown CA, missing intermediate, "
                    + "protocol version, client certificate rejected...). Exits 1 on failure.")
    static final class HandshakeCommand extends JsonOption implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--env", paramLabel = "ENV", description = "Trust this environment's NHS CAs (or give --trust).")
        String env;

        @Option(names = "--host", required = true, paramLabel = "HOST", description = "Server host name.")
        String host;

        @Option(names = "--port", required = true, paramLabel = "PORT", converter = Bounded.Port.class,
                description = "Server port, " + Bounded.Port.RANGE + ".")
        int port;

        @Mixin
        ClientTlsOptions tlsOptions;

        @Mixin
        TimeoutOption timeout;

        @Override
        public Integer call() {
            if (env != null && tlsOptions.trust != null) {
                throw CliException.usage("--env and --trust are mutually exclusive: trust either the "
                        + "environment's NHS CAs or the certificates in a PEM file");
            }
            if (env == null && tlsOptions.trust == null) {
                throw CliException.usage("say what to trust: --env ENV (its NHS CAs) or --trust PEM");
            }
            tlsOptions.requireUsable();
            EnvironmentProfile profile = env != null ? profile(env) : null;
            SpineTlsContext tls = Cli.input(ClientTlsOptions.HINT, () -> tlsOptions.builder(profile).orElseThrow().build());
            HandshakeReport r = TlsProbe.handshake(tls, host, port, timeout.orElse(TlsProbe.DEFAULT_TIMEOUT),
                    TlsProbe.DEFAULT_ALERT_WAIT);
            if (json) {
                Cli.printJson(spec, r);
            } else {
                PrintWriter out = Cli.out(spec);
                out.printf("Handshake with %s:%d: %s%n", host, port, r.success() ? "OK"
                        : "FAILED (" + r.failure().map(Enum::name).orElse("?") + ")");
                out.printf("  %s%n", r.message());
                r.fix().ifPresent(f -> out.printf("  fix: %s%n", Cli.hints(f)));
                r.protocol().ifPresent(p -> out.printf("  protocol      %s%n", p));
                r.cipherSuite().ifPresent(c -> out.printf("  cipher suite  %s%n", c));
                if (!r.serverChain().isEmpty()) {
                    out.println("  server chain:");
                    printChain(out, r.serverChain());
                }
                out.printf("  client certificate: %s%s%n", r.clientCertificate().map(CertificateSummary::subject)
                        .orElse("(none sent)"), r.clientCertificateRequested() ? " (the server asked for one)" : "");
                out.flush();
            }
            return r.success() ? Cli.OK : Cli.FAILURE;
        }
    }
}
