package io.spinekit.cli;

import io.spinekit.env.EnvironmentProfile;
import io.spinekit.tls.Pem;
import io.spinekit.tls.SpineTlsContext;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --trust}, {@code --cert}, {@code --key}, {@code --password-file} and {@code --crl}: the
 * options every command that opens a mutual TLS connection shares (a picocli mixin).
 */
final class ClientTlsOptions {
    /** The CLI's hint after a library message about the trust or the client identity. */
    static final String HINT = "(check --trust, --cert, --key, --password-file and --crl)";

    @Option(names = "--trust", paramLabel = "PEM",
            description = "CA certificates to trust (PEM), instead of the environment's NHS CA chain.")
    Path trust;

    @Option(names = "--cert", paramLabel = "CERT", description = "Client certificate chain (PEM), with --key.")
    Path cert;

    @Option(names = "--key", paramLabel = "KEY", description = "Private key of the client certificate (PEM), with --cert.")
    Path key;

    @Option(names = "--crl", paramLabel = "CRL",
            description = "Refuse a peer certificate listed on this certificate revocation list (PEM or DER); repeatable.")
    List<Path> crls = new ArrayList<>();

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File whose first line is the passphrase of an encrypted --key (kept off the command line).")
    Path passwordFile;

    /**
     * What is wrong with the combination given, if anything.
     *
     * @return a usage message, or empty
     */
    Optional<String> usageProblem() {
        if ((cert == null) != (key == null)) {
            return Optional.of("--cert and --key go together: give both (the client certificate chain and its private "
                    + "key, PEM) or neither");
        }
        if (passwordFile != null && key == null) {
            return Optional.of("--password-file is the passphrase of --key: give it with --cert and --key");
        }
        return Optional.empty();
    }

    /**
     * Refuses an incomplete combination.
     *
     * @throws CliException a usage error naming what is missing
     */
    void requireUsable() {
        usageProblem().ifPresent(problem -> {
            throw CliException.usage(problem);
        });
    }

    /**
     * The passphrase of {@code --key}, read from {@code --password-file}.
     *
     * @return the passphrase, or null when no password file was given (the key is not encrypted)
     */
    char[] passphrase() {
        return TlsCommand.readSecret(passwordFile, "--password-file");
    }

    /**
     * A builder with the trust ({@code --trust}, else the environment's chain) and the client
     * identity when given.
     *
     * @param profile the environment whose trust applies without {@code --trust}; may be null
     * @return the builder, or empty when there is neither {@code --trust} nor an environment
     */
    Optional<SpineTlsContext.Builder> builder(EnvironmentProfile profile) {
        SpineTlsContext.Builder b = SpineTlsContext.builder();
        if (trust != null) {
            b.trustPem(trust);
        } else if (profile != null) {
            b.trust(profile);
        } else {
            return Optional.empty();
        }
        if (cert != null) {
            b.clientIdentityPem(cert, key, passphrase());
        }
        b.crls(loadCrls(crls));
        return Optional.of(b);
    }

    /** Reads every {@code --crl} file. */
    static List<X509CRL> loadCrls(List<Path> files) {
        List<X509CRL> out = new ArrayList<>();
        for (Path f : files) {
            out.addAll(Cli.input("(--crl)", () -> Pem.loadCrls(f)));
        }
        return out;
    }
}
