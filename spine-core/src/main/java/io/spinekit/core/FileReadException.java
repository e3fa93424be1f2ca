package io.spinekit.core;

import java.nio.file.Path;

/**
 * A file spinekit was asked to read could not be read: missing, not a regular file, not readable,
 * or larger than the limit for what it is. {@link #reason()} says which, {@link #file()} which file.
 */
public class FileReadException extends SpineException {
    private static final long serialVersionUID = 1L;

    /** Why a file could not be read. */
    public enum Reason {
        /** No file at that path. */
        NOT_FOUND,
        /** The path names a directory or another non-file. */
        NOT_A_FILE,
        /** The process may not read the file. */
        PERMISSION_DENIED,
        /** The file is larger than the limit for what it is. */
        TOO_LARGE,
        /** Another I/O failure. */
        IO
    }

    /** Why the file could not be read. */
    private final Reason reason;
    /** The file, as given. */
    private final transient Path file;

    /**
     * Creates the exception.
     *
     * @param reason why
     * @param file the file
     * @param message the message, naming the file
     */
    public FileReadException(Reason reason, Path file, String message) {
        super(message);
        this.reason = reason;
        this.file = file;
    }

    /**
     * Creates the exception with a cause.
     *
     * @param reason why
     * @param file the file
     * @param message the message, naming the file
     * @param cause the I/O failure
     */
    public FileReadException(Reason reason, Path file, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.file = file;
    }

    /**
     * Why the file could not be read.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * The file that could not be read.
     *
     * @return the path as given, or {@code null} after deserialisation
     */
    public Path file() {
        return file;
    }
}
