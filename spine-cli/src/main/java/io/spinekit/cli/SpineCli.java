package io.spinekit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code spine} command: environments, WES, TLS, SDS, CIS, doctor and demo.
 *
 * <p>Every command prints readable text, or JSON with {@code --json}, and exits 0 on success, 1 when the
 * operation failed, 2 for bad input and 3 when what was asked for does not exist; failures are
 * reported by {@link ErrorHandler}.
 */
@Command(name = "spine", mixinStandardHelpOptions = true, versionProvider = SpineCli.Version.class,
        description = "spinekit: NHS Spine connectivity from the command line.",
        subcommands = {EnvCommand.class, WesCommand.class, TlsCommand.class, SdsCommand.class, CisCommand.class,
                MeshCommand.class, MessagingCommand.class, DoctorCommand.class, DemoCommand.class})
public final class SpineCli {
    private SpineCli() {
    }

    /**
     * Builds the picocli command line, for running in-process (tests, embedding).
     *
     * @return a new command line
     */
    public static CommandLine commandLine() {
        return ErrorHandler.install(new CommandLine(new SpineCli()).setCaseInsensitiveEnumValuesAllowed(true));
    }

    /**
     * Runs the CLI and exits with its exit code.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SpineCli.class.getPackage().getImplementationVersion();
            return new String[] {"spine " + (v == null ? "(development build)" : v)};
        }
    }
}
