package io.spinekit.cli;

import io.spinekit.core.Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks on the files a command writes: two outputs of one command must be different files, compared
 * as the file system resolves them (symbolic links in the path, hard links), not as written.
 */
final class OutputPaths {
    private OutputPaths() {
    }

    /**
     * Refuses two outputs that are the same file.
     *
     * @param optionA the first output's option, for the message
     * @param a the first output
     * @param optionB the second output's option
     * @param b the second output
     * @throws CliException a usage error when both name the same file
     */
    static void requireDistinct(String optionA, Path a, String optionB, Path b) {
        if (sameFile(a, b)) {
            throw CliException.usage(optionA + " " + Text.quote(a.toString()) + " and " + optionB + " "
                    + Text.quote(b.toString()) + " are the same file" + (a.equals(b) ? "" : " (through a link)")
                    + ": give two different files; nothing was written");
        }
    }

    /**
     * Whether two paths name the same file: for existing files {@link Files#isSameFile}, otherwise
     * the real path of the nearest existing parent directory joined with the rest.
     *
     * @param a a path
     * @param b another path
     * @return true when writing one would write the other
     */
    static boolean sameFile(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // fall through to the comparison of real parents
        }
        return resolved(a).equals(resolved(b));
    }

    /** The path with its nearest existing ancestor replaced by that ancestor's real path. */
    static Path resolved(Path p) {
        Path abs = p.toAbsolutePath();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs.normalize();
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (IOException e) {
            return abs.normalize();
        }
    }
}
