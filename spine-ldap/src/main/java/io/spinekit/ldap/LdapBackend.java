package io.spinekit.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.SearchResultEntry;
import io.spinekit.env.Asid;
import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.env.PartyKey;
import io.spinekit.ldap.internal.SdsBackend;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The LDAP back-end of {@link SdsClient}: the searches of {@link SdsFilters} run by
 * {@link SdsDirectory}, entries read by {@link SdsEntries}, each result sorted newest
 * {@code nhsDateApproved} first, then by DN. Thread-safe.
 */
final class LdapBackend implements SdsBackend {
    private final SdsDirectory directory;
    private final String servicesBase;
    private final String organisationsBase;

    /**
     * @param directory the connections
     * @param searchBase the directory root ({@code o=nhs})
     */
    LdapBackend(SdsDirectory directory, String searchBase) {
        this.directory = directory;
        this.servicesBase = "ou=services," + searchBase;
        this.organisationsBase = "ou=organisations," + searchBase;
    }

    @Override
    public String name() {
        return "ldap";
    }

    @Override
    public List<String> servers() {
        return directory.servers().stream().map(LdapServer::url).toList();
    }

    @Override
    public List<MhsRecord> mhs(OdsCode odsCode, InteractionId interactionId, Optional<PartyKey> partyKey) {
        String pk = partyKey.map(PartyKey::value).orElse(null);
        String what = "nhsMhs entries for ODS code " + odsCode + " and interaction " + interactionId
                + partyKey.map(p -> " with party key " + p).orElse("");
        return search(servicesBase, SdsFilters.mhs(odsCode.value(), interactionId.value(), pk), what, SdsEntries::mhs,
                SdsEntries.MHS_ORDER);
    }

    @Override
    public List<AccreditedSystem> accreditedSystems(OdsCode odsCode, InteractionId interactionId) {
        return search(servicesBase, SdsFilters.accreditedSystemsForInteraction(odsCode.value(), interactionId.value()),
                "accredited systems for ODS code " + odsCode + " and interaction " + interactionId,
                SdsEntries::accreditedSystem, SdsEntries.AS_ORDER);
    }

    @Override
    public List<AccreditedSystem> accreditedSystems(OdsCode odsCode, PartyKey partyKey) {
        return search(servicesBase, SdsFilters.accreditedSystemsForPartyKey(odsCode.value(), partyKey.value()),
                "accredited systems for ODS code " + odsCode + " and party key " + partyKey,
                SdsEntries::accreditedSystem, SdsEntries.AS_ORDER);
    }

    @Override
    public List<AccreditedSystem> accreditedSystem(Asid asid) {
        return search(servicesBase, SdsFilters.accreditedSystem(asid.value()), "accredited system with ASID " + asid,
                SdsEntries::accreditedSystem, SdsEntries.AS_ORDER);
    }

    @Override
    public List<Organisation> organisation(OdsCode odsCode) {
        return search(organisationsBase, SdsFilters.organisation(odsCode.value()),
                "organisation with ODS code " + odsCode, SdsEntries::organisation, SdsEntries.ORG_ORDER);
    }

    private <T> List<T> search(String base, Filter filter, String what, Function<SearchResultEntry, T> mapper,
            Comparator<T> order) {
        List<T> out = new ArrayList<>();
        for (SearchResultEntry e : directory.search(base, filter, what)) {
            out.add(mapper.apply(e));
        }
        out.sort(order);
        return out;
    }

    SdsDirectory directory() {
        return directory;
    }

    @Override
    public void close() {
        directory.close();
    }
}
