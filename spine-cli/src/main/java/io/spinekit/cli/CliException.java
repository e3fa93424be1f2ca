package io.spinekit.cli;

/**
 * A failure a command reports with an exit code, a reason and a message, never a stack trace:
 * thrown by a command's body and turned into output by {@link ErrorHandler}.
 */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final String reason;

    private CliException(int code, String reason, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.reason = reason;
    }

    /**
     * Bad input (exit code 2): an invalid or conflicting argument, an unknown name, a file given on
     * the command line that cannot be read or used.
     *
     * @param message what is wrong and how to put it right
     * @return the exception, to throw
     */
    static CliException usage(String message) {
        return new CliException(Cli.USAGE, "USAGE", message, null);
    }

    /**
     * Bad input (exit code 2) caused by a library failure, keeping the library's message.
     *
     * @param message what is wrong
     * @param cause the library's exception
     * @return the exception, to throw
     */
    static CliException usage(String message, Throwable cause) {
        return new CliException(Cli.USAGE, "USAGE", message, cause);
    }

    /**
     * The operation ran and failed (exit code 1).
     *
     * @param message what failed
     * @return the exception, to throw
     */
    static CliException failure(String message) {
        return new CliException(Cli.FAILURE, "FAILURE", message, null);
    }

    /** @return the exit code */
    int code() {
        return code;
    }

    /** @return the reason for JSON output, such as {@code USAGE} */
    String reason() {
        return reason;
    }
}
