package io.spinekit.cli;

import picocli.CommandLine.Option;

/**
 * {@code --json}: the option every command shares (a picocli mixin, or a superclass of a mixin).
 * With it, results and errors (parse errors included) are printed as JSON on standard output; an
 * error is {@code {"error": ..., "exitCode": ..., "reason": ...}}.
 */
class JsonOption {
    @Option(names = "--json", description = "Print JSON (errors too, as {\"error\", \"exitCode\", \"reason\"}).")
    boolean json;
}
