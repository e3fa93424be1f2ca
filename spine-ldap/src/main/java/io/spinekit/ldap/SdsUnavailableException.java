package io.spinekit.ldap;

/**
 * No SDS server answered: every configured server refused the connection, the TLS handshake
 * failed, or the answer did not come within the configured response timeout.
 *
 * <p>The message names the servers tried and the timeout. A cached entry, even an expired one, is
 * served instead of this exception when there is one (stale-if-error); see {@link SdsClient}.
 */
public class SdsUnavailableException extends SdsLookupException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which servers were tried, the timeout, and what happened
     * @param cause the LDAP failure
     */
    public SdsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
