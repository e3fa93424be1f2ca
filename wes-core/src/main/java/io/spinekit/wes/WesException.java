package io.spinekit.wes;

import io.spinekit.core.SpineException;

/**
 * Bad WES input (an unknown application, operating system, browser or JRE name, a malformed
 * User-Agent) or a WES data file that fails its checks. The message names the offending value and
 * what was expected.
 *
 * <p>A {@link SpineException}, so a caller who catches that catches WES failures too.
 */
public class WesException extends SpineException {
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
