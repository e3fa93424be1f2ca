package io.spinekit.ldap;

/**
 * Told of every look-up an {@link SdsClient} answers, for metrics: set with
 * {@link SdsClient.Builder#lookupListener(SdsLookupListener)}. One event per call of a look-up
 * method ({@code route}, {@code mhsRecords}, {@code accreditedSystems}, {@code accreditedSystem},
 * {@code organisation}), whether the cache answered it or SDS did, after it ended (found, empty, or
 * thrown). Called on the caller's thread, so it must be thread-safe and quick; an exception it
 * throws is caught and logged (SLF4J, logger {@code io.spinekit.ldap.SdsLookupListener}) and the
 * look-up's own answer or exception is returned as if there were no listener.
 */
@FunctionalInterface
public interface SdsLookupListener {
    /**
     * A look-up ended.
     *
     * @param event what was looked up, how it ended, and whether the cache answered
     */
    void lookedUp(SdsLookupEvent event);
}
