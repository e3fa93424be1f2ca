package io.spinekit.wes;

/** A WES data file that is malformed or fails the loader's consistency checks; the message names the file and the place. */
public final class WesDataException extends WesException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong, naming the file and the value
     */
    public WesDataException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, naming the file and the value
     * @param cause the underlying failure
     */
    public WesDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
