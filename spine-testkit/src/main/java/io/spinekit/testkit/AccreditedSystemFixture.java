package io.spinekit.testkit;

import com.unboundid.ldap.sdk.Entry;
import java.util.Objects;

/** An {@code nhsAs} entry to add; see {@link EmbeddedSds#accreditedSystem(String, String)}. Not thread-safe. */
public final class AccreditedSystemFixture extends EntryFixture<AccreditedSystemFixture> {
    AccreditedSystemFixture(String asid, String odsCode) {
        Objects.requireNonNull(asid, "asid");
        Objects.requireNonNull(odsCode, "odsCode");
        attribute("objectClass", "top", "nhsAs");
        attribute("uniqueIdentifier", asid);
        attribute("nhsIDCode", odsCode);
        attribute("nhsMhsPartyKey", odsCode + "-0000001");
        attribute("nhsRequestorURP", "uniqueIdentifier=000000000001,uniqueIdentifier=000000000002,uid=000000000003,ou=People,o=nhs");
        attribute("nhsApproverURP", "uniqueIdentifier=000000000001,uniqueIdentifier=000000000002,uid=000000000003,ou=People,o=nhs");
        attribute("nhsDateRequested", "20200101110000");
        attribute("nhsDateApproved", "20200101120000");
    }

    @Override
    AccreditedSystemFixture self() {
        return this;
    }

    /**
     * Sets {@code nhsMhsPartyKey}.
     *
     * @param partyKey the party key
     * @return this
     */
    public AccreditedSystemFixture partyKey(String partyKey) {
        return attribute("nhsMhsPartyKey", partyKey);
    }

    /**
     * Sets {@code nhsAsSvcIA}.
     *
     * @param interactionIds the interaction ids
     * @return this
     */
    public AccreditedSystemFixture interactions(String... interactionIds) {
        return attribute("nhsAsSvcIA", interactionIds);
    }

    /**
     * Sets {@code nhsAsClient}.
     *
     * @param odsCodes the client organisations
     * @return this
     */
    public AccreditedSystemFixture clients(String... odsCodes) {
        return attribute("nhsAsClient", odsCodes);
    }

    /**
     * Sets {@code nhsProductName} and {@code nhsProductVersion}.
     *
     * @param name the product name
     * @param version the product version
     * @return this
     */
    public AccreditedSystemFixture product(String name, String version) {
        attribute("nhsProductName", name);
        return attribute("nhsProductVersion", version);
    }

    /**
     * Sets {@code nhsDateApproved}.
     *
     * @param yyyyMMddHHmmss the approval time
     * @return this
     */
    public AccreditedSystemFixture dateApproved(String yyyyMMddHHmmss) {
        return attribute("nhsDateApproved", yyyyMMddHHmmss);
    }

    @Override
    Entry entry() {
        return toEntry("uniqueIdentifier=" + value("uniqueIdentifier") + "," + EmbeddedSds.SERVICES);
    }
}
