package io.spinekit.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --timeout SECONDS}: the deadline of a command's network operations, shared by every command
 * that opens a connection (a picocli mixin). Bounded to {@link Bounded.Seconds}' range.
 */
final class TimeoutOption {
    @Option(names = "--timeout", paramLabel = "SECONDS", converter = Bounded.Seconds.class,
            description = "Deadline in seconds, " + Bounded.Seconds.RANGE + " (default: 10; doctor: 5 for each check).")
    Duration timeout;

    /**
     * The deadline given, or the command's default.
     *
     * @param fallback the command's default
     * @return the deadline
     */
    Duration orElse(Duration fallback) {
        return timeout != null ? timeout : fallback;
    }
}
