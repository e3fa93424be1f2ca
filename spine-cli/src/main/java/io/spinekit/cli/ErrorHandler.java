package io.spinekit.cli;

import io.spinekit.cis.CisException;
import io.spinekit.core.FileReadException;
import io.spinekit.core.SpineException;
import io.spinekit.env.CatalogException;
import io.spinekit.env.InvalidIdentifierException;
import io.spinekit.ldap.SdsUnavailableException;
import io.spinekit.messaging.MessagingException;
import io.spinekit.tls.TlsConfigurationException;
import io.spinekit.wes.WesException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place where a failure becomes output and an exit code, for every command: parse errors
 * (unknown option, missing or bad value) and exceptions a command throws. Prints
 * {@code spine <command>: message} on the error stream and, when {@code --json} is among the
 * arguments, {@code {"error", "exitCode", "reason"}} on standard output. Never prints a stack trace
 * (unless the environment variable {@code SPINE_DEBUG} is set, for a failure that is not bad input).
 *
 * <p>Exit codes: 2 for bad input (parse errors, {@link CliException#usage}, invalid identifiers,
 * TLS configuration from the command's files, unreadable input files, WES names); 1 for everything
 * else that failed.
 */
final class ErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler {
    /** The longest message printed; longer ones are cut, saying how much. */
    static final int MAX_MESSAGE = 2000;

    /**
     * Installs the handler on a command line and its subcommands.
     *
     * @param cli the command line
     * @return the same command line
     */
    static CommandLine install(CommandLine cli) {
        ErrorHandler h = new ErrorHandler();
        return cli.setParameterExceptionHandler(h).setExecutionExceptionHandler(h);
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        boolean json = wantsJson(List.of(args));
        report(cl, json, Cli.USAGE, "USAGE", ex.getMessage());
        if (!json) {
            PrintWriter err = cl.getErr();
            UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for the options.");
            err.flush();
        }
        return Cli.USAGE;
    }

    /** An exit code and the reason printed with {@code --json}. */
    private record Outcome(int code, String reason) {
    }

    /** A spinekit exception type that maps to one outcome, whatever its details. */
    private record ByType(Class<? extends Exception> type, Outcome outcome) {
    }

    /** The exception types whose outcome depends on the type alone (disjoint subclasses of SpineException). */
    private static final List<ByType> BY_TYPE = List.of(
            new ByType(InvalidIdentifierException.class, new Outcome(Cli.USAGE, "INVALID_IDENTIFIER")),
            new ByType(TlsConfigurationException.class, new Outcome(Cli.USAGE, "TLS_CONFIGURATION")),
            new ByType(WesException.class, new Outcome(Cli.USAGE, "WES")),
            new ByType(CatalogException.class, new Outcome(Cli.FAILURE, "CATALOG")),
            new ByType(SdsUnavailableException.class, new Outcome(Cli.FAILURE, "SDS_UNAVAILABLE")));

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        boolean json = wantsJson(parsed.originalArgs());
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        Outcome outcome = outcome(ex);
        if (ex instanceof SdsUnavailableException) {
            message = message + rootCause(ex);
        } else if (outcome.reason().equals("INTERNAL")) {
            message = "internal error (" + ex.getClass().getName() + "): " + message
                    + "; please report it (set SPINE_DEBUG=1 for the stack trace)";
            if (System.getenv("SPINE_DEBUG") != null) {
                ex.printStackTrace(cl.getErr());
            }
        }
        report(cl, json, outcome.code(), outcome.reason(), message);
        return outcome.code();
    }

    /** The exit code and reason of an exception a command threw. */
    private static Outcome outcome(Exception ex) {
        if (ex instanceof CliException c) {
            return new Outcome(c.code(), c.reason());
        }
        if (ex instanceof FileReadException f) {
            return new Outcome(Cli.USAGE, "FILE_" + f.reason().name());
        }
        if (ex instanceof MessagingException m) {
            boolean input = m.reason() == MessagingException.Reason.INVALID_ARGUMENT
                    || m.reason() == MessagingException.Reason.TOO_LARGE;
            return new Outcome(input ? Cli.USAGE : Cli.FAILURE, m.reason().name());
        }
        if (ex instanceof CisException c) {
            return new Outcome(c.reason() == CisException.Reason.CONFIGURATION ? Cli.USAGE : Cli.FAILURE,
                    c.reason().name());
        }
        for (ByType t : BY_TYPE) {
            if (t.type().isInstance(ex)) {
                return t.outcome();
            }
        }
        return ex instanceof SpineException ? new Outcome(Cli.FAILURE, "FAILURE") : new Outcome(Cli.FAILURE, "INTERNAL");
    }

    /** Whether {@code --json} is among the arguments (before a {@code --} end of options). */
    static boolean wantsJson(List<String> args) {
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (a.equals("--json")) {
                return true;
            }
        }
        return false;
    }

    private static void report(CommandLine cl, boolean json, int code, String reason, String message) {
        String safe = safe(message);
        if (json) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("error", safe);
            error.put("exitCode", code);
            error.put("reason", reason);
            Cli.printJson(cl.getOut(), error);
        }
        cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": " + safe);
        cl.getErr().flush();
    }

    /** Escapes control characters (a line break cannot forge an output line) and cuts a long message. */
    static String safe(String message) {
        StringBuilder out = new StringBuilder(Math.min(message.length(), MAX_MESSAGE) + 16);
        int i = 0;
        for (; i < message.length() && out.length() < MAX_MESSAGE; i++) {
            char c = message.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (i < message.length()) {
            out.append(" (cut: ").append(message.length() - i).append(" more characters)");
        }
        return out.toString();
    }

    private static String rootCause(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c == e ? "" : " [" + c.getClass().getSimpleName() + ": " + c.getMessage() + "]";
    }
}
