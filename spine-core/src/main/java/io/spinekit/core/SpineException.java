package io.spinekit.core;

/**
 * The one unchecked root of every exception spinekit throws.
 *
 * <p>Each module has its own subclasses (catalog, identifier, WES, TLS, SDS and CIS exceptions),
 * so catching this type catches every spinekit failure. Messages name the offending value, what was
 * expected and the way out, so a message alone is enough to fix the problem.
 */
public class SpineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, naming the value, the expectation and the way out
     */
    public SpineException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong, naming the value, the expectation and the way out
     * @param cause the underlying failure
     */
    public SpineException(String message, Throwable cause) {
        super(message, cause);
    }
}
