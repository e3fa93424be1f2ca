package io.spinekit.ldap.internal;

import io.spinekit.env.Asid;
import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.env.PartyKey;
import io.spinekit.ldap.AccreditedSystem;
import io.spinekit.ldap.MhsRecord;
import io.spinekit.ldap.Organisation;
import java.util.List;
import java.util.Optional;

/**
 * Where {@link io.spinekit.ldap.SdsClient} reads SDS: over LDAPS (the default) or over the SDS FHIR
 * API. Each method runs one search, uncached, and answers the records in the back-end's documented
 * order; the client's one cache, coalescing, stale-if-error, statistics and invalidation sit above,
 * keyed the same for both, and so does the route built from the records.
 *
 * <p>A back-end throws {@link io.spinekit.ldap.SdsUnavailableException} when SDS could not be asked
 * (the cache then serves a stale answer if it has one) and {@link io.spinekit.ldap.SdsLookupException}
 * for anything else (a malformed record, a refused query, a look-up the back-end cannot do). Not API.
 */
public interface SdsBackend extends AutoCloseable {
    /**
     * The back-end's name, as {@code spine sds} prints it.
     *
     * @return {@code "ldap"} or {@code "fhir"}
     */
    String name();

    /**
     * Where the back-end reads, for messages and {@code spine sds}.
     *
     * @return LDAP URLs in failover order, or the FHIR API base URL
     */
    List<String> servers();

    /**
     * The {@code nhsMhs} records of an organisation and interaction.
     *
     * @param odsCode the organisation
     * @param interactionId the interaction
     * @param partyKey one party key, or empty for any
     * @return the records, possibly none
     */
    List<MhsRecord> mhs(OdsCode odsCode, InteractionId interactionId, Optional<PartyKey> partyKey);

    /**
     * The accredited systems of an organisation that declare an interaction.
     *
     * @param odsCode the organisation
     * @param interactionId the interaction
     * @return the systems, possibly none
     */
    List<AccreditedSystem> accreditedSystems(OdsCode odsCode, InteractionId interactionId);

    /**
     * The accredited systems of an organisation with a party key.
     *
     * @param odsCode the organisation
     * @param partyKey the party key
     * @return the systems, possibly none
     */
    List<AccreditedSystem> accreditedSystems(OdsCode odsCode, PartyKey partyKey);

    /**
     * The accredited system with an ASID.
     *
     * @param asid the ASID
     * @return the systems (normally at most one)
     */
    List<AccreditedSystem> accreditedSystem(Asid asid);

    /**
     * The organisation with an ODS code.
     *
     * @param odsCode the ODS code
     * @return the organisations (normally at most one)
     */
    List<Organisation> organisation(OdsCode odsCode);

    /** Releases connections and threads. Idempotent. */
    @Override
    void close();
}
