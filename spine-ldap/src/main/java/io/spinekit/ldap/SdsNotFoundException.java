package io.spinekit.ldap;

/**
 * Nothing in SDS matched a look-up whose caller required a match (for example
 * {@link RouteResult#orElseThrow()}). The message names the query and what was missing.
 */
public class SdsNotFoundException extends SdsLookupException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the query and what was missing
     */
    public SdsNotFoundException(String message) {
        super(message);
    }
}
