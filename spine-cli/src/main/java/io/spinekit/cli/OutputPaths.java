package io.spinekit.cli;

import io.spinekit.core.SpineException;
import io.spinekit.core.Text;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The files a command writes, for every command that writes one: an existing file is replaced only
 * with {@code --force}; a file is written whole or not at all (a temporary file in the same
 * directory, moved into place); two outputs of one command must be different files, compared as the
 * file system resolves them (symbolic links in the path, hard links), not as written.
 */
final class OutputPaths {
    private OutputPaths() {
    }

    /** The permissions of a written file on POSIX file systems: the owner writes, everyone reads. */
    static final Set<PosixFilePermission> PUBLIC_READ = PosixFilePermissions.fromString("rw-r--r--");

    /** What the CLI adds to a refusal to replace an existing file. */
    static final String FORCE_HINT = " (use --force to replace it)";

    /**
     * Refuses an output file that exists already, unless {@code --force} was given.
     *
     * @param out the output
     * @param force whether {@code --force} was given
     * @throws CliException a usage error naming the file when it exists and {@code force} is false
     */
    static void requireNewOrForced(Path out, boolean force) {
        if (!force && Files.exists(out)) {
            throw alreadyExists(out);
        }
    }

    /**
     * Writes a public file whole: through a temporary file in the target's directory, moved into place
     * (atomically replacing an existing file with {@code --force}), so no half-written file is left.
     * On POSIX file systems the file is {@code rw-r--r--}, as spine-tls writes a CSR (the JDK would make
     * the temporary file owner-only, so a server running as another user could not read, say, an
     * exported trust store). Not for secrets: spine-tls writes those owner-only.
     *
     * @param out the output
     * @param bytes its content
     * @param force whether {@code --force} was given (replace an existing file)
     * @throws CliException a usage error when the file exists without {@code force}, or cannot be written
     */
    static void write(Path out, byte[] bytes, boolean force) {
        Path target = out.toAbsolutePath();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(target.getParent(), ".spine-", ".tmp");
            Files.write(tmp, bytes);
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, PUBLIC_READ);
            }
            if (force) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(tmp, target);
            }
            tmp = null;
        } catch (FileAlreadyExistsException e) {
            throw alreadyExists(out);
        } catch (IOException e) {
            throw CliException.usage("Cannot write " + Text.quote(out.toString()) + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // best effort: the temporary file is in the target's directory
                }
            }
        }
    }

    /**
     * A library's refusal to write an output as a usage error, with {@link #FORCE_HINT} added when
     * it refused because a file exists and {@code --force} was not given.
     *
     * @param e the library's exception
     * @param force whether {@code --force} was given
     * @return the usage error, to throw
     */
    static CliException refused(SpineException e, boolean force) {
        String m = String.valueOf(e.getMessage());
        boolean exists = !force && m.contains("already exists");
        return CliException.usage(m + (exists && !m.contains(FORCE_HINT) ? FORCE_HINT : ""), e);
    }

    private static CliException alreadyExists(Path out) {
        return CliException.usage(Text.quote(out.toString()) + " already exists; nothing was written" + FORCE_HINT);
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
