package io.spinekit.cli;

import picocli.CommandLine.Command;

/** {@code spine cis}: Care Identity Service: URLs, role assertions, CIS2 discovery. */
@Command(name = "cis", mixinStandardHelpOptions = true, description = "Care Identity Service: URLs, role assertions, CIS2 discovery.")
final class CisCommand {
}
