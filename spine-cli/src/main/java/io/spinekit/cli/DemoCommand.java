package io.spinekit.cli;

import picocli.CommandLine.Command;

/** {@code spine demo}: Run the main job end to end on loopback: environment, TLS, SDS route, message, role assertion, WES. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run the main job end to end on loopback: environment, TLS, SDS route, message, role assertion, WES.")
final class DemoCommand {
}
