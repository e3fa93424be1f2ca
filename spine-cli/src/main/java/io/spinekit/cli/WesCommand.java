package io.spinekit.cli;

import picocli.CommandLine.Command;

/** {@code spine wes}: Warranted Environment Specification: check a client environment, print the matrix. */
@Command(name = "wes", mixinStandardHelpOptions = true, description = "Warranted Environment Specification: check a client environment, print the matrix.")
final class WesCommand {
}
