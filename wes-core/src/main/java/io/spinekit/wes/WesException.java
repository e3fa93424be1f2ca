package io.spinekit.wes;

/**
 * Bad WES input (an unknown application, operating system, browser or JRE name, a malformed
 * User-Agent) or a WES data file that fails its checks. The message names the offending value and
 * what was expected.
 *
 * <p>wes-core depends on no other spinekit module, so this is its own unchecked root.
 */
public class WesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong, naming the value and what was expected
     */
    public WesException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, naming the value and what was expected
     * @param cause the underlying failure
     */
    public WesException(String message, Throwable cause) {
        super(message, cause);
    }
}
