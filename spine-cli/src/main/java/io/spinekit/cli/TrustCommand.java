package io.spinekit.cli;

import io.spinekit.env.EnvironmentProfile;
import io.spinekit.tls.NhsCertificateAuthority;
import io.spinekit.tls.Pem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spine tls trust ENV}: exports an environment's NHS CA certificates for other tools (a
 * Tomcat or MESH client trust store, curl's {@code --cacert}), printing each CA's fingerprint.
 */
@Command(name = "trust", mixinStandardHelpOptions = true,
        description = "Export an environment's trusted NHS CA certificates as PEM (for curl --cacert), PKCS#12 or JKS "
                + "(trust stores for Tomcat, a MESH client, Java), with each CA's name, generation, validity and SHA-256 "
                + "fingerprint. Never replaces a file without --force.")
final class TrustCommand implements Callable<Integer> {
    /** The password of an exported PKCS#12 or JKS trust store without {@code --password-file} (the JDK's convention). */
    static final String DEFAULT_STORE_PASSWORD = "changeit";

    /** Export formats. */
    enum Format { PEM, PKCS12, JKS }

    @Spec
    CommandSpec spec;

    @Mixin
    EnvCommand.CatalogOptions options;

    @Parameters(index = "0", paramLabel = "ENV", description = "The environment, such as integration, int or live.")
    String environment;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "pem",
            description = "pem, pkcs12 or jks (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here (required for pkcs12 and jks); PEM is "
            + "printed without it.")
    Path out;

    @Option(names = "--force", description = "Replace an existing --out file.")
    boolean force;

    @Option(names = "--password-file", paramLabel = "FILE", description = "File whose first line is the trust store's "
            + "password (pkcs12, jks; default: " + DEFAULT_STORE_PASSWORD + ").")
    Path passwordFile;

    @Override
    public Integer call() {
        if (out == null && format != Format.PEM) {
            throw CliException.usage("--format " + format.name().toLowerCase(Locale.ROOT) + " is binary: give --out FILE");
        }
        if (passwordFile != null && format == Format.PEM) {
            throw CliException.usage("--password-file is the trust store's password: it goes with --format pkcs12 or jks");
        }
        EnvironmentProfile profile = EnvCommand.profile(Cli.input("", options::catalog), environment);
        List<NhsCertificateAuthority> cas = Cli.input("", () -> NhsCertificateAuthority.trustedBy(profile));
        if (out != null) {
            OutputPaths.requireNewOrForced(out, force);
        }
        char[] password = passwordFile != null ? TlsCommand.readSecret(passwordFile, "--password-file")
                : DEFAULT_STORE_PASSWORD.toCharArray();
        byte[] bytes = encode(cas, password);
        if (out != null) {
            OutputPaths.write(out, bytes, force);
        }
        if (options.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("environment", profile.name());
            m.put("format", format.name());
            m.put("file", out == null ? null : out.toString());
            if (out == null) {
                m.put("pem", new String(bytes, StandardCharsets.US_ASCII));
            }
            m.put("authorities", cas.stream().map(TrustCommand::json).toList());
            Cli.printJson(spec, m);
            return Cli.OK;
        }
        PrintWriter w = Cli.out(spec);
        if (out == null) {
            w.print(new String(bytes, StandardCharsets.US_ASCII));
            w.flush();
            PrintWriter err = Cli.err(spec);
            describe(err, profile, cas);
            err.flush();
            return Cli.OK;
        }
        w.println("Wrote " + out + " (" + format + ", " + cas.size() + " CA certificate" + (cas.size() == 1 ? "" : "s")
                + (format == Format.PEM ? "" : passwordFile != null ? ", password from --password-file"
                        : ", password " + DEFAULT_STORE_PASSWORD) + ")");
        describe(w, profile, cas);
        w.flush();
        return Cli.OK;
    }

    private byte[] encode(List<NhsCertificateAuthority> cas, char[] password) {
        List<X509Certificate> certs = cas.stream().map(NhsCertificateAuthority::certificate).toList();
        if (format == Format.PEM) {
            return Pem.encodeCertificates(certs).getBytes(StandardCharsets.US_ASCII);
        }
        try {
            KeyStore ks = KeyStore.getInstance(format == Format.JKS ? "JKS" : "PKCS12");
            ks.load(null, null);
            for (NhsCertificateAuthority ca : cas) {
                ks.setCertificateEntry(ca.id(), ca.certificate());
            }
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            ks.store(buf, password);
            return buf.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw CliException.failure("Cannot build the " + format + " trust store: " + e.getMessage());
        }
    }

    /**
     * Prints an environment's trust chain: each CA's name, generation, validity and fingerprint.
     *
     * @param w where to
     * @param profile the environment
     * @param cas its CAs
     */
    static void describe(PrintWriter w, EnvironmentProfile profile, List<NhsCertificateAuthority> cas) {
        w.println("Trust for " + profile.name() + " (" + cas.size() + " NHS CA" + (cas.size() == 1 ? "" : "s") + "):");
        for (NhsCertificateAuthority ca : cas) {
            X509Certificate c = ca.certificate();
            w.printf("  %s  %s (%s %s)%n", ca.id(), ca.commonName(), ca.generation(), ca.isRoot() ? "root" : "sub CA");
            w.printf("      valid %s to %s%n", c.getNotBefore().toInstant(), c.getNotAfter().toInstant());
            w.printf("      SHA-256 %s%n", sha256(c));
        }
    }

    /**
     * One CA as JSON.
     *
     * @param ca the CA
     * @return id, name, generation, root, validity and SHA-256 fingerprint
     */
    static Map<String, Object> json(NhsCertificateAuthority ca) {
        X509Certificate c = ca.certificate();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", ca.id());
        m.put("commonName", ca.commonName());
        m.put("generation", ca.generation().name());
        m.put("root", ca.isRoot());
        m.put("notBefore", c.getNotBefore().toInstant().toString());
        m.put("notAfter", c.getNotAfter().toInstant().toString());
        m.put("sha256", sha256(c));
        return m;
    }

    /**
     * A certificate's SHA-256 fingerprint as {@code openssl x509 -fingerprint -sha256} prints it.
     *
     * @param c the certificate
     * @return upper-case hex pairs separated by colons
     */
    static String sha256(X509Certificate c) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
