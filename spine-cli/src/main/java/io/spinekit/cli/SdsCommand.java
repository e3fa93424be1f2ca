package io.spinekit.cli;

import picocli.CommandLine.Command;

/** {@code spine sds}: Spine Directory Service look-ups: routes, accredited systems, organisations. */
@Command(name = "sds", mixinStandardHelpOptions = true, description = "Spine Directory Service look-ups: routes, accredited systems, organisations.")
final class SdsCommand {
}
