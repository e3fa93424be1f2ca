package io.spinekit.cli;

import picocli.CommandLine.Command;

/** {@code spine doctor}: Check this machine's connection to a Spine environment, step by step. */
@Command(name = "doctor", mixinStandardHelpOptions = true, description = "Check this machine's connection to a Spine environment, step by step.")
final class DoctorCommand {
}
