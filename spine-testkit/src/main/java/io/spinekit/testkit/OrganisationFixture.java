package io.spinekit.testkit;

import com.unboundid.ldap.sdk.Entry;
import java.util.Objects;

/** An {@code nhsOrg} entry to add; see {@link EmbeddedSds#organisation(String, String)}. Not thread-safe. */
public final class OrganisationFixture extends EntryFixture<OrganisationFixture> {
    OrganisationFixture(String odsCode, String name) {
        Objects.requireNonNull(odsCode, "odsCode");
        Objects.requireNonNull(name, "name");
        attribute("objectClass", "top", "organization", "nhsOrg");
        attribute("uniqueIdentifier", odsCode);
        attribute("nhsIDCode", odsCode);
        attribute("o", name);
        attribute("nhsOrgType", "GP PRACTICE");
        attribute("nhsOrgTypeCode", "PR");
        attribute("postalAddress", "1 Test Street");
        attribute("l", "LEEDS");
        attribute("postalCode", "LS1 4HR");
    }

    @Override
    OrganisationFixture self() {
        return this;
    }

    /**
     * Sets {@code nhsOrgType} and {@code nhsOrgTypeCode}.
     *
     * @param type such as {@code GP PRACTICE}
     * @param typeCode such as {@code PR}
     * @return this
     */
    public OrganisationFixture type(String type, String typeCode) {
        attribute("nhsOrgType", type);
        return attribute("nhsOrgTypeCode", typeCode);
    }

    /**
     * Sets the address: {@code postalAddress} (lines joined with {@code $}), {@code l} and {@code postalCode}.
     *
     * @param locality the town or city
     * @param postcode the postcode
     * @param lines the address lines
     * @return this
     */
    public OrganisationFixture address(String locality, String postcode, String... lines) {
        attribute("postalAddress", String.join("$", lines));
        attribute("l", locality);
        return attribute("postalCode", postcode);
    }

    @Override
    Entry entry() {
        return toEntry("uniqueIdentifier=" + value("uniqueIdentifier") + "," + EmbeddedSds.ORGANISATIONS);
    }
}
