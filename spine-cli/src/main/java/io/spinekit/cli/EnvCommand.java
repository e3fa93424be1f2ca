package io.spinekit.cli;

import picocli.CommandLine.Command;

/** {@code spine env}: Spine environments: list, show, maintenance windows, Identity Agent registry files. */
@Command(name = "env", mixinStandardHelpOptions = true, description = "Spine environments: list, show, maintenance windows, Identity Agent registry files.")
final class EnvCommand {
}
