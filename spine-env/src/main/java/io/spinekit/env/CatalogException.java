package io.spinekit.env;

import io.spinekit.core.SpineException;

/**
 * The environment catalog could not be loaded or a value it needs is missing or invalid.
 *
 * <p>The message names the source (bundled data, override file, system property or environment
 * variable), the key and the value, and says how to supply a correct one.
 */
public class CatalogException extends SpineException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message names the source, key and value
     */
    public CatalogException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message names the source, key and value
     * @param cause the underlying failure
     */
    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
