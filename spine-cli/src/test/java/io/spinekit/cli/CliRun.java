package io.spinekit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * One in-process run of the {@code spine} command, with its exit code and captured output.
 *
 * @param code the exit code
 * @param out standard output
 * @param err error output
 */
record CliRun(int code, String out, String err) {

    /**
     * Runs the CLI in-process through {@link SpineCli#commandLine()}.
     *
     * @param args the arguments
     * @return the exit code and output
     */
    static CliRun run(String... args) {
        CommandLine cli = SpineCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * Standard output parsed as JSON.
     *
     * @return the document
     */
    JsonNode json() {
        try {
            return Cli.JSON.readTree(out);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + out, e);
        }
    }

    /**
     * One text field of every element of a JSON array.
     *
     * @param array the array
     * @param field the field name
     * @return the texts, in order
     */
    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }
}
