package io.spinekit.mesh;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPOutputStream;

/**
 * Chunk maths and chunk bodies. The uncompressed data is split into chunks of the chunk size (the
 * last one shorter); each chunk is gzipped on its own when compressing (MESH.md section 3). An empty
 * message is one empty chunk.
 */
final class Chunks {
    private Chunks() {
    }

    /** How many chunks {@code size} bytes make. */
    static int count(long size, long chunkSize) {
        if (size <= 0) {
            return 1;
        }
        long n = (size + chunkSize - 1) / chunkSize;
        if (n > Integer.MAX_VALUE) {
            throw new MeshException(MeshException.Reason.CONFIGURATION, "a message of " + size
                    + " bytes makes too many chunks of " + chunkSize + " bytes: raise the chunk size");
        }
        return (int) n;
    }

    /** The offset of chunk k (1-based). */
    static long offset(int k, long chunkSize) {
        return (k - 1) * chunkSize;
    }

    /** The length of chunk k (1-based) of a message of {@code size} bytes. */
    static long length(int k, long size, long chunkSize) {
        return Math.max(0, Math.min(chunkSize, size - offset(k, chunkSize)));
    }

    /** The region of a file as a stream (closing it closes the file). */
    static InputStream region(Path file, long offset, long length) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        ch.position(offset);
        InputStream in = Channels.newInputStream(ch);
        return new FilterInputStream(in) {
            private long left = length;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int r = super.read(b, off, (int) Math.min(len, left));
                if (r > 0) {
                    left -= r;
                }
                return r;
            }
        };
    }

    /** Gzips a region of a file into a new temporary file. */
    static Path gzipRegion(Path file, long offset, long length, Path tempDir) throws IOException {
        Path out = Files.createTempFile(tempDir, "spinekit-mesh-", ".gz");
        try (InputStream in = region(file, offset, length);
                OutputStream gz = new GZIPOutputStream(Files.newOutputStream(out), 64 * 1024)) {
            in.transferTo(gz);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(out);
            throw e;
        }
        return out;
    }
}
