package io.spinekit.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a file whole, but never more than a stated number of bytes: a file that is larger (or a
 * device such as {@code /dev/zero} whose size is unknown and which never ends) is refused after
 * reading at most one byte past the limit, so a wrong path cannot exhaust the heap. Missing files,
 * directories and files the process may not read each get their own {@link FileReadException.Reason}
 * and a message that names the file, what it was for, and the limit.
 *
 * <p>The buffers it grows or trims on the way are zeroed, so a key file read with it leaves one copy
 * of its bytes: the array returned, which the caller zeroes when done.
 *
 * <p>Thread-safe and stateless.
 */
public final class BoundedFiles {
    /** The limit spinekit uses for small text inputs: certificates, keys, CRLs, overrides: 4 MiB. */
    public static final long SMALL_FILE_LIMIT = 4L * 1024 * 1024;

    private BoundedFiles() {
    }

    /**
     * Reads a file of at most {@code maxBytes} bytes.
     *
     * @param file the file
     * @param maxBytes the most bytes accepted, at least 1
     * @param what what the file is for, for the message ("client certificate", "overrides file")
     * @return the file's bytes
     * @throws FileReadException when the file is missing, not a regular file, not readable, larger
     *     than {@code maxBytes} or cannot be read
     */
    public static byte[] read(Path file, long maxBytes, String what) {
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxBytes must be between 1 and " + (Integer.MAX_VALUE - 16)
                    + ", was " + maxBytes);
        }
        String name = Text.quote(String.valueOf(file), 200);
        if (Files.isDirectory(file)) {
            throw new FileReadException(FileReadException.Reason.NOT_A_FILE, file,
                    "Cannot read the " + what + " " + name + ": it is a directory; give the path of a file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            int limit = (int) maxBytes;
            byte[] buf = new byte[(int) Math.min(limit + 1L, 8192)];
            int n = 0;
            while (true) {
                if (n == buf.length) {
                    if (n > limit) {
                        break;
                    }
                    byte[] old = buf;
                    buf = Arrays.copyOf(old, (int) Math.min(limit + 1L, (long) old.length * 2));
                    Arrays.fill(old, (byte) 0); // the file may be a key: leave no copy behind
                }
                int r = in.read(buf, n, buf.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            if (n > limit) {
                Arrays.fill(buf, (byte) 0);
                throw new FileReadException(FileReadException.Reason.TOO_LARGE, file,
                        "Cannot read the " + what + " " + name + ": it is larger than the limit of "
                                + describe(maxBytes) + "; is this the right file?");
            }
            if (n == buf.length) {
                return buf;
            }
            byte[] exact = Arrays.copyOf(buf, n);
            Arrays.fill(buf, (byte) 0);
            return exact;
        } catch (NoSuchFileException e) {
            throw new FileReadException(FileReadException.Reason.NOT_FOUND, file,
                    "Cannot read the " + what + " " + name + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new FileReadException(FileReadException.Reason.PERMISSION_DENIED, file,
                    "Cannot read the " + what + " " + name + ": permission denied; check the file's owner and mode", e);
        } catch (IOException e) {
            throw new FileReadException(FileReadException.Reason.IO, file,
                    "Cannot read the " + what + " " + name + ": " + Text.escape(String.valueOf(e.getMessage())), e);
        }
    }

    /**
     * Reads a UTF-8 text file of at most {@code maxBytes} bytes.
     *
     * @param file the file
     * @param maxBytes the most bytes accepted
     * @param what what the file is for, for the message
     * @return the file's text
     * @throws FileReadException as {@link #read(Path, long, String)}
     */
    public static String readString(Path file, long maxBytes, String what) {
        return new String(read(file, maxBytes, what), StandardCharsets.UTF_8);
    }

    /**
     * Describes a byte count for a message: {@code 4 MiB}, {@code 512 KiB} or {@code 100 bytes}.
     *
     * @param bytes the count
     * @return the description
     */
    public static String describe(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
