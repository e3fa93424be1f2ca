package io.spinekit.cli;

import static io.spinekit.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command, given bad input, exits 2 with a message and no stack trace; with {@code --json}
 * among the arguments the error is JSON, parse errors included (issue 15, items 15 and 16).
 */
class BadInputTest {
    @TempDir
    Path dir;

    private List<String[]> badInputs() throws IOException {
        String missing = dir.resolve("missing.pem").toString();
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate\n");
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        List<String[]> all = new ArrayList<>();
        // parse errors: unknown flag, missing argument, bad value
        all.add(new String[] {"tls", "inspect", garbage.toString(), "--nope"});
        all.add(new String[] {"tls", "handshake", "--trust", garbage.toString(), "--host"});
        all.add(new String[] {"tls", "handshake", "--trust", garbage.toString(), "--host", "localhost", "--port", "abc"});
        all.add(new String[] {"env", "show"});
        all.add(new String[] {"sds", "org", "--env", "int", "--ods", "A81001", "--timeout-ms", "ten"});
        // numeric options out of range
        all.add(new String[] {"tls", "handshake", "--env", "int", "--host", "localhost", "--port", "443", "--timeout", "2147484"});
        all.add(new String[] {"tls", "handshake", "--env", "int", "--host", "localhost", "--port", "70000"});
        all.add(new String[] {"tls", "handshake", "--env", "int", "--host", "localhost", "--port", "443", "--timeout", "0"});
        all.add(new String[] {"doctor", "--env", "int", "--timeout", "2147484"});
        all.add(new String[] {"sds", "org", "--env", "int", "--ods", "A81001", "--timeout-ms", "99999999999999"});
        all.add(new String[] {"sds", "org", "--env", "int", "--ods", "A81001", "--timeout-ms", "0"});
        all.add(new String[] {"cis", "discovery", "--env", "int", "--timeout", "1e9"});
        all.add(new String[] {"cis", "role-assertion", "--env", "int", "--token-file", missing, "--connect-timeout", "-1"});
        // bad files and malformed values
        all.add(new String[] {"sds", "org", "--env", "int", "--ods", "A81001", "--cert", missing, "--key", missing});
        all.add(new String[] {"sds", "org", "--env", "int", "--ods", "A81001", "--ldap-url", "ldaps://[bad"});
        all.add(new String[] {"sds", "org", "--env", "int", "--ods", "A81001", "--ldap-url", "not a url"});
        all.add(new String[] {"tls", "handshake", "--trust", garbage.toString(), "--host", "localhost", "--port", "443"});
        all.add(new String[] {"tls", "handshake", "--env", "int", "--host", "localhost", "--port", "443", "--cert", missing,
            "--key", missing});
        all.add(new String[] {"tls", "inspect", missing});
        all.add(new String[] {"tls", "inspect", garbage.toString()});
        all.add(new String[] {"tls", "inspect", garbage.toString(), "--password-file", empty.toString()});
        all.add(new String[] {"tls", "csr", "--fqdn", "bad host\n", "--out-key", dir.resolve("k").toString(), "--out-csr",
            dir.resolve("c").toString()});
        all.add(new String[] {"doctor", "--env", "int", "--cert", missing, "--key", missing, "--timeout", "1"});
        all.add(new String[] {"doctor", "--env", "int", "--at", "yesterday"});
        all.add(new String[] {"doctor", "--env", "nowhere"});
        all.add(new String[] {"env", "show", "nowhere"});
        all.add(new String[] {"env", "show", "int", "--overrides", missing});
        all.add(new String[] {"env", "maintenance", "int", "--at", "soon"});
        all.add(new String[] {"env", "registry", "int", "--agent", "nope"});
        all.add(new String[] {"wes", "check", "--application", "nope", "--os", "nope"});
        all.add(new String[] {"cis", "urls", "nowhere"});
        all.add(new String[] {"cis", "discovery", "--url", "not a url", "--trust", garbage.toString()});
        all.add(new String[] {"demo", "--env", "nowhere"});
        return all;
    }

    @Test
    void everyBadInputExitsTwoWithoutAStackTrace() throws IOException {
        for (String[] args : badInputs()) {
            CliRun r = run(args);
            String all = r.out() + r.err();
            assertThat(r.code()).as(String.join(" ", args) + "\n" + all).isEqualTo(Cli.USAGE);
            assertThat(all).as(String.join(" ", args)).doesNotContain("\tat ").doesNotContain("Exception in thread");
            assertThat(r.err()).as(String.join(" ", args)).startsWith("spine ");
        }
    }

    @Test
    void withJsonEveryBadInputIsAJsonErrorWithExitCodeTwo() throws IOException {
        for (String[] args : badInputs()) {
            String[] withJson = new String[args.length + 1];
            withJson[0] = args[0];
            withJson[1] = "--json";
            System.arraycopy(args, 1, withJson, 2, args.length - 1);
            if (args[0].equals("wes") || args[0].equals("env") || args[0].equals("cis") || args[0].equals("sds")
                    || args[0].equals("tls")) {
                // the subcommand's option: after the subcommand name
                withJson = new String[args.length + 1];
                System.arraycopy(args, 0, withJson, 0, 2);
                withJson[2] = "--json";
                System.arraycopy(args, 2, withJson, 3, args.length - 2);
            }
            CliRun r = run(withJson);
            assertThat(r.code()).as(String.join(" ", withJson) + "\n" + r.out() + r.err()).isEqualTo(Cli.USAGE);
            JsonNode json = r.json();
            assertThat(json.path("error").asText()).as(String.join(" ", withJson)).isNotBlank();
            assertThat(json.path("exitCode").asInt()).as(String.join(" ", withJson)).isEqualTo(Cli.USAGE);
        }
    }

    @Test
    void aParseErrorWithJsonIsJson() {
        CliRun unknown = run("tls", "inspect", "x.pem", "--json", "--nope");
        CliRun missingArg = run("sds", "org", "--json", "--env");
        CliRun badValue = run("tls", "handshake", "--json", "--env", "int", "--host", "h", "--port", "https");

        for (CliRun r : List.of(unknown, missingArg, badValue)) {
            assertThat(r.code()).as(r.out() + r.err()).isEqualTo(Cli.USAGE);
            assertThat(r.json().path("exitCode").asInt()).isEqualTo(Cli.USAGE);
        }
        assertThat(unknown.json().path("error").asText()).contains("--nope");
        assertThat(badValue.json().path("error").asText()).contains("--port").contains("https");
    }

    @Test
    void numericOptionsSayTheirRange() {
        CliRun timeout = run("tls", "handshake", "--env", "int", "--host", "localhost", "--port", "443", "--timeout", "2147484");
        CliRun port = run("tls", "handshake", "--env", "int", "--host", "localhost", "--port", "0");
        CliRun millis = run("sds", "org", "--env", "int", "--ods", "A81001", "--timeout-ms", "99999999999999");

        assertThat(timeout.err()).contains("--timeout").contains("2147484").contains("0.1 to 300");
        assertThat(port.err()).contains("--port").contains("1 to 65535");
        assertThat(millis.err()).contains("--timeout-ms").contains("1 to 300000");
    }
}
