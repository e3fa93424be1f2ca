package io.spinekit.tls;

import io.spinekit.core.Text;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes several files all-or-nothing: each is written to a temporary file in its target directory
 * (owner-only from creation on POSIX systems), flushed to disk, then moved into place atomically.
 * Existing files are never replaced unless {@code force} is set. Package-private.
 */
final class SecureFiles {
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> PUBLIC_READ = PosixFilePermissions.fromString("rw-r--r--");

    record Output(Path target, String content, boolean secret) {
    }

    private SecureFiles() {
    }

    /**
     * Whether two paths name one file, comparing what they resolve to (symbolic links followed, in
     * the file and in its directories), not their spelling: {@link Files#isSameFile} when both
     * exist, otherwise the real path of each directory plus the file name.
     */
    static boolean sameFile(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
            return resolved(a).equals(resolved(b));
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    private static Path resolved(Path p) throws IOException {
        Path abs = p.toAbsolutePath();
        Path parent = abs.getParent();
        if (parent == null || !Files.exists(parent)) {
            return abs.normalize();
        }
        Path real = parent.toRealPath().resolve(abs.getFileName());
        // A dangling link in the last place: follow it once.
        if (Files.isSymbolicLink(real)) {
            Path target = Files.readSymbolicLink(real);
            return real.getParent().resolve(target).normalize();
        }
        return real;
    }

    static void writeAll(List<Output> outputs, boolean force) {
        for (int i = 0; i < outputs.size(); i++) {
            for (int j = i + 1; j < outputs.size(); j++) {
                Path a = outputs.get(i).target();
                Path b = outputs.get(j).target();
                if (sameFile(a, b)) {
                    throw new TlsConfigurationException("Cannot write " + Text.quote(a.toString(), 200) + " and "
                            + Text.quote(b.toString(), 200) + ": they are the same file (through a link or a relative"
                            + " path), and one would overwrite the other; nothing was written. Give two different files");
                }
            }
        }
        for (Output o : outputs) {
            Path parent = o.target().toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw new TlsConfigurationException("Cannot write " + Text.quote(o.target().toString(), 200)
                        + ": directory " + Text.quote(String.valueOf(parent), 200) + " does not exist; create it first");
            }
            if (Files.exists(o.target()) && !force) {
                throw new TlsConfigurationException(Text.quote(o.target().toString(), 200) + " already exists; nothing"
                        + " was written. Choose another name, or ask to replace it (force)");
            }
        }
        List<Path> temps = new ArrayList<>();
        try {
            for (Output o : outputs) {
                temps.add(writeTemp(o));
            }
            List<Path> created = new ArrayList<>();
            for (int i = 0; i < outputs.size(); i++) {
                Output o = outputs.get(i);
                boolean existed = Files.exists(o.target());
                try {
                    move(temps.get(i), o.target(), force);
                } catch (IOException e) {
                    for (Path c : created) {
                        Files.deleteIfExists(c);
                    }
                    throw new TlsConfigurationException("Cannot move " + Text.quote(o.target().toString(), 200)
                            + " into place: " + e.getMessage()
                            + (created.isEmpty() ? "; nothing was written" : "; files written so far were removed"), e);
                }
                if (!existed) {
                    created.add(o.target());
                }
            }
        } catch (IOException e) {
            throw new TlsConfigurationException("Cannot write " + Text.quote(outputs.get(temps.size() < outputs.size()
                    ? temps.size() : 0).target().toString(), 200) + ": " + e.getMessage() + "; nothing was written", e);
        } finally {
            for (Path t : temps) {
                try {
                    Files.deleteIfExists(t);
                } catch (IOException ignored) {
                    // best effort: the temporary file is owner-only
                }
            }
        }
    }

    private static Path writeTemp(Output o) throws IOException {
        Path dir = o.target().toAbsolutePath().getParent();
        boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
        FileAttribute<?>[] attrs = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Path tmp = Files.createTempFile(dir, "." + o.target().getFileName() + ".", ".tmp", attrs);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(o.content().getBytes(StandardCharsets.US_ASCII));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        if (posix && !o.secret()) {
            Files.setPosixFilePermissions(tmp, PUBLIC_READ);
        }
        if (!posix && o.secret()) {
            // Non-POSIX file systems: at least make it unreadable to others where the platform allows.
            tmp.toFile().setReadable(false, false);
            tmp.toFile().setReadable(true, true);
        }
        return tmp;
    }

    private static void move(Path tmp, Path target, boolean force) throws IOException {
        if (!force) {
            // A plain rename within one directory; fails rather than replace a file that appeared meanwhile.
            try {
                Files.move(tmp, target);
            } catch (FileAlreadyExistsException e) {
                throw new IOException(target + " appeared while writing; not replaced", e);
            }
            return;
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
