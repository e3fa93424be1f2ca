package io.spinekit.tls;

import io.spinekit.core.SpineException;

/**
 * TLS material or settings are unusable: a PEM file is malformed, truncated or empty, a password is
 * wrong, a key does not match its certificate, a trust source is missing, or a setting would weaken
 * the strict defaults.
 *
 * <p>The message names the file or value, what was expected and how to fix it. When this is thrown
 * nothing has been changed: a builder, a reloading identity or an output file is left as it was.
 */
public class TlsConfigurationException extends SpineException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message names the file or value, the expectation and the fix
     */
    public TlsConfigurationException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message names the file or value, the expectation and the fix
     * @param cause the underlying failure
     */
    public TlsConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
