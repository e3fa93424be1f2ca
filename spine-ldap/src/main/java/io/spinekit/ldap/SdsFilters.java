package io.spinekit.ldap;

import com.unboundid.ldap.sdk.Filter;
import java.util.ArrayList;
import java.util.List;

/**
 * The LDAP filters of the SDS look-ups, built with UnboundID's filter factories so that every value
 * is escaped (RFC 4515): a value such as {@code X26)(objectClass=*} matches only an attribute whose
 * value is literally that text. Takes plain strings on purpose so the escaping can be tested with
 * hostile input; {@link SdsClient} passes validated identifiers.
 */
final class SdsFilters {
    static final String OBJECT_CLASS = "objectClass";
    static final String ODS = "nhsIDCode";
    static final String PARTY_KEY = "nhsMhsPartyKey";
    static final String MHS_INTERACTION = "nhsMhsSvcIA";
    static final String AS_INTERACTION = "nhsAsSvcIA";
    static final String UNIQUE_ID = "uniqueIdentifier";

    private SdsFilters() {
    }

    /**
     * {@code (&(objectClass=nhsMhs)(nhsIDCode=ods)(nhsMhsSvcIA=interaction)[(nhsMhsPartyKey=pk)])}.
     *
     * @param ods the ODS code
     * @param interaction the interaction id
     * @param partyKey the party key, or {@code null} for any
     * @return the filter
     */
    static Filter mhs(String ods, String interaction, String partyKey) {
        List<Filter> parts = new ArrayList<>(4);
        parts.add(Filter.createEqualityFilter(OBJECT_CLASS, "nhsMhs"));
        parts.add(Filter.createEqualityFilter(ODS, ods));
        parts.add(Filter.createEqualityFilter(MHS_INTERACTION, interaction));
        if (partyKey != null) {
            parts.add(Filter.createEqualityFilter(PARTY_KEY, partyKey));
        }
        return Filter.createANDFilter(parts);
    }

    /**
     * {@code (&(objectClass=nhsAs)(nhsIDCode=ods)(nhsAsSvcIA=interaction))}.
     *
     * @param ods the ODS code
     * @param interaction the interaction id
     * @return the filter
     */
    static Filter accreditedSystemsForInteraction(String ods, String interaction) {
        return Filter.createANDFilter(
                Filter.createEqualityFilter(OBJECT_CLASS, "nhsAs"),
                Filter.createEqualityFilter(ODS, ods),
                Filter.createEqualityFilter(AS_INTERACTION, interaction));
    }

    /**
     * {@code (&(objectClass=nhsAs)(nhsIDCode=ods)(nhsMhsPartyKey=partyKey))}.
     *
     * @param ods the ODS code
     * @param partyKey the party key
     * @return the filter
     */
    static Filter accreditedSystemsForPartyKey(String ods, String partyKey) {
        return Filter.createANDFilter(
                Filter.createEqualityFilter(OBJECT_CLASS, "nhsAs"),
                Filter.createEqualityFilter(ODS, ods),
                Filter.createEqualityFilter(PARTY_KEY, partyKey));
    }

    /**
     * {@code (&(objectClass=nhsAs)(uniqueIdentifier=asid))}.
     *
     * @param asid the ASID
     * @return the filter
     */
    static Filter accreditedSystem(String asid) {
        return Filter.createANDFilter(
                Filter.createEqualityFilter(OBJECT_CLASS, "nhsAs"),
                Filter.createEqualityFilter(UNIQUE_ID, asid));
    }

    /**
     * {@code (&(|(objectClass=nhsOrg)(objectClass=nhsGPPractice))(nhsIDCode=ods))}: GP practices are
     * {@code nhsGPPractice} entries, a sibling of {@code nhsOrg} with the same name and address attributes.
     *
     * @param ods the ODS code
     * @return the filter
     */
    static Filter organisation(String ods) {
        return Filter.createANDFilter(
                Filter.createORFilter(
                        Filter.createEqualityFilter(OBJECT_CLASS, "nhsOrg"),
                        Filter.createEqualityFilter(OBJECT_CLASS, "nhsGPPractice")),
                Filter.createEqualityFilter(ODS, ods));
    }
}
