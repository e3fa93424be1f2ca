package io.spinekit.cli;

import picocli.CommandLine.Command;

/** {@code spine tls}: NHS trust and mutual TLS: inspect certificates, make CSRs, test handshakes. */
@Command(name = "tls", mixinStandardHelpOptions = true, description = "NHS trust and mutual TLS: inspect certificates, make CSRs, test handshakes.")
final class TlsCommand {
}
