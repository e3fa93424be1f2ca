package io.spinekit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.spinekit.tls.SpineTlsContext;
import java.io.PrintWriter;
import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import picocli.CommandLine.Model.CommandSpec;

/** Shared output helpers for every command: text to the command's out, JSON with {@code --json}. */
final class Cli {
    /** Exit code: success. */
    static final int OK = 0;
    /** Exit code: the operation ran and failed (check failed, handshake failed, server error). */
    static final int FAILURE = 1;
    /** Exit code: bad usage (picocli's own code for invalid input). */
    static final int USAGE = 2;
    /** Exit code: the thing asked for does not exist (no route, no such ASID or organisation). */
    static final int NOT_FOUND = 3;

    /** Pretty JSON with ISO dates, Optionals unwrapped. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Cli() {
    }

    /**
     * The command's standard output (so tests can capture it through {@code CommandLine.setOut}).
     *
     * @param spec the command spec injected with {@code @Spec}
     * @return the writer
     */
    static PrintWriter out(CommandSpec spec) {
        return spec.commandLine().getOut();
    }

    /**
     * The command's error output.
     *
     * @param spec the command spec injected with {@code @Spec}
     * @return the writer
     */
    static PrintWriter err(CommandSpec spec) {
        return spec.commandLine().getErr();
    }

    /**
     * Prints a value as pretty JSON to the command's output.
     *
     * @param spec the command spec
     * @param value a record, map or list
     */
    static void printJson(CommandSpec spec, Object value) {
        printJson(out(spec), value);
    }

    /**
     * Prints a value as pretty JSON.
     *
     * @param out where to
     * @param value a record, map or list
     */
    static void printJson(PrintWriter out, Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass().getName(), e);
        }
    }

    /**
     * Runs a step that turns the command's arguments into library objects (a catalog, a TLS context,
     * a client): any failure in it is bad input, exit code 2, with the library's message.
     *
     * @param <T> what the step builds
     * @param hint the CLI's hint appended to the library's message (naming the options to fix), or empty
     * @param step the step
     * @return what it built
     * @throws CliException a usage error, for any spinekit failure or invalid argument in the step
     */
    static <T> T input(String hint, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (CliException e) {
            throw e;
        } catch (io.spinekit.core.SpineException | IllegalArgumentException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw CliException.usage(hint.isEmpty() || m.contains(hint) ? m : m + " " + hint, e);
        }
    }

    /**
     * An HttpClient 5 builder whose connections use the context's strict TLS strategy (trust, client
     * certificate, hostname check) and the given timeouts.
     *
     * @param tls the TLS context
     * @param connectTimeout connect timeout
     * @param socketTimeout socket (read) timeout
     * @return a builder, to be built and closed by the caller
     */
    static HttpClientBuilder httpClient(SpineTlsContext tls, Duration connectTimeout, Duration socketTimeout) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(tls.httpClientTlsStrategy())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(socketTimeout))
                                .build())
                        .build());
    }

    /**
     * A certificate's remaining validity in words: "30 days left", "less than a day left",
     * "expired less than a day ago" or "expired 12 days ago".
     *
     * @param notAfter the end of the validity
     * @param daysLeft whole days until expiry (truncated towards zero; negative once expired)
     * @return the phrase
     */
    static String daysLeft(java.time.Instant notAfter, long daysLeft) {
        boolean expired = notAfter.isBefore(java.time.Instant.now());
        if (!expired) {
            return daysLeft == 0 ? "less than a day left" : daysLeft + (daysLeft == 1 ? " day left" : " days left");
        }
        long ago = Math.abs(daysLeft);
        return ago == 0 ? "expired less than a day ago" : "expired " + ago + (ago == 1 ? " day ago" : " days ago");
    }

    /**
     * A library message with the CLI's options named: library messages speak of "the password",
     * "the client certificate" and "the trust", never of command-line flags, so the CLI adds them.
     *
     * @param message the library's message or fix
     * @return the message, with a hint appended where it helps
     */
    static String hints(String message) {
        if (message == null) {
            return null;
        }
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("password") && !message.contains("--password-file")) {
            return message + " (use --password-file)";
        }
        if (lower.contains("client certificate") && !message.contains("--cert")) {
            return message + " (give it with --cert and --key)";
        }
        if ((lower.contains("trust") || lower.contains("environment")) && !message.contains("--trust")
                && !message.contains("--env")) {
            return message + " (choose the trust with --env ENV, or --trust PEM)";
        }
        return message;
    }
}
