package io.spinekit.ldap;

import io.spinekit.env.OdsCode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code nhsOrg} entry of SDS: an organisation by ODS code.
 *
 * @param dn the entry's DN, such as {@code uniqueIdentifier=X26,ou=organisations,o=nhs}
 * @param odsCode the ODS code ({@code nhsIDCode})
 * @param name the name ({@code o})
 * @param type the organisation type ({@code nhsOrgType}), such as {@code GP PRACTICE}
 * @param typeCode the organisation type code ({@code nhsOrgTypeCode})
 * @param addressLines the postal address lines ({@code postalAddress}, split at {@code $})
 * @param locality the town or city ({@code l})
 * @param postcode the postcode ({@code postalCode})
 * @param parentOrgCode the parent organisation ({@code nhsParentOrgCode}), when stored
 */
public record Organisation(String dn, OdsCode odsCode, String name, String type, String typeCode,
        List<String> addressLines, String locality, String postcode, Optional<String> parentOrgCode) {

    /**
     * Copies the address and checks that required components are present.
     *
     * @param dn dn
     * @param odsCode ODS code
     * @param name name
     * @param type type
     * @param typeCode type code
     * @param addressLines address lines
     * @param locality locality
     * @param postcode postcode
     * @param parentOrgCode parent organisation code
     */
    public Organisation {
        Objects.requireNonNull(dn, "dn");
        Objects.requireNonNull(odsCode, "odsCode");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(typeCode, "typeCode");
        addressLines = List.copyOf(addressLines);
        Objects.requireNonNull(locality, "locality");
        Objects.requireNonNull(postcode, "postcode");
        Objects.requireNonNull(parentOrgCode, "parentOrgCode");
    }
}
