package io.spinekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code spine} launcher builds the CLI with Maven in batch mode, quiet and without colour, so
 * the first run prints no escape codes (issue 15 item 19). Runs the real script with a stand-in
 * {@code mvn} on the PATH that records its arguments.
 */
class SpineScriptTest {
    @TempDir
    Path dir;

    @Test
    void theFirstRunBuildsWithMavenInBatchModeWithoutColour() throws IOException, InterruptedException {
        Path script = Path.of("..", "spine").toAbsolutePath().normalize();
        assertThat(script).exists();
        Path root = Files.createDirectories(dir.resolve("checkout"));
        Files.copy(script, root.resolve("spine"));
        root.resolve("spine").toFile().setExecutable(true);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path args = dir.resolve("mvn-args");
        Path mvn = Files.writeString(bin.resolve("mvn"), "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + args + "'\nexit 0\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));

        ProcessBuilder pb = new ProcessBuilder(root.resolve("spine").toString(), "--version").redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String output = new String(p.getInputStream().readNBytes(64 * 1024), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(output).contains("building the CLI").doesNotContain("\u001b[");
        assertThat(Files.readAllLines(args)).contains("-B", "-q", "-Dstyle.color=never");
    }
}
