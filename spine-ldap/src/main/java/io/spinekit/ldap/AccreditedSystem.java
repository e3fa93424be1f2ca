package io.spinekit.ldap;

import io.spinekit.env.Asid;
import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.env.PartyKey;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code nhsAs} entry of SDS: an accredited system, identified by its ASID.
 *
 * <p>Read over the SDS FHIR API (a {@code Device} resource) the ASID is the Device's
 * {@code nhsSpineASID}, never the Endpoint's {@code nhsMHSId}; the API exposes no product name,
 * version or key, description or approval date (empty here), at most one client ODS code
 * ({@code owner}), and the ODS code is the organisation the query matched on {@code nhsIDCode}.
 *
 * @param dn the entry's DN; over FHIR the resource it was read from, {@code Device/<id>} (a random
 *        id per answer: key nothing on it)
 * @param asid the ASID ({@code uniqueIdentifier})
 * @param odsCode the organisation that runs the system ({@code nhsIDCode})
 * @param partyKey the party key of its MHS ({@code nhsMhsPartyKey})
 * @param interactionIds the interactions it may take part in ({@code nhsAsSvcIA}), as stored
 * @param clients the organisations it serves ({@code nhsAsClient}), may be empty
 * @param productName the product name ({@code nhsProductName})
 * @param productVersion the product version ({@code nhsProductVersion})
 * @param productKey the product key ({@code nhsProductKey})
 * @param description the description ({@code description})
 * @param dateApproved when the entry was approved ({@code nhsDateApproved}, no time zone); empty
 *        over FHIR, which does not expose it
 * @param warnings the malformed values the record skipped (an {@code nhsAsSvcIA} value that is not
 *        an interaction id, an {@code nhsAsClient} value that is not an ODS code), possibly none
 */
public record AccreditedSystem(String dn, Asid asid, OdsCode odsCode, PartyKey partyKey,
        List<InteractionId> interactionIds, List<OdsCode> clients, Optional<String> productName,
        Optional<String> productVersion, Optional<String> productKey, Optional<String> description,
        Optional<LocalDateTime> dateApproved, List<SdsWarning> warnings) {

    /**
     * Copies the lists and checks that required components are present.
     *
     * @param dn dn
     * @param asid ASID
     * @param odsCode ODS code
     * @param partyKey party key
     * @param interactionIds interactions
     * @param clients client ODS codes
     * @param productName product name
     * @param productVersion product version
     * @param productKey product key
     * @param description description
     * @param dateApproved approval date
     * @param warnings skipped values
     */
    public AccreditedSystem {
        Objects.requireNonNull(dn, "dn");
        Objects.requireNonNull(asid, "asid");
        Objects.requireNonNull(odsCode, "odsCode");
        Objects.requireNonNull(partyKey, "partyKey");
        interactionIds = List.copyOf(interactionIds);
        clients = List.copyOf(clients);
        Objects.requireNonNull(productName, "productName");
        Objects.requireNonNull(productVersion, "productVersion");
        Objects.requireNonNull(productKey, "productKey");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(dateApproved, "dateApproved");
        warnings = List.copyOf(warnings);
    }

    /**
     * A record with nothing skipped (the constructor before {@link #warnings()} existed).
     *
     * @param dn dn
     * @param asid ASID
     * @param odsCode ODS code
     * @param partyKey party key
     * @param interactionIds interactions
     * @param clients client ODS codes
     * @param productName product name
     * @param productVersion product version
     * @param productKey product key
     * @param description description
     * @param dateApproved approval date
     */
    public AccreditedSystem(String dn, Asid asid, OdsCode odsCode, PartyKey partyKey,
            List<InteractionId> interactionIds, List<OdsCode> clients, Optional<String> productName,
            Optional<String> productVersion, Optional<String> productKey, Optional<String> description,
            LocalDateTime dateApproved) {
        this(dn, asid, odsCode, partyKey, interactionIds, clients, productName, productVersion, productKey,
                description, Optional.of(dateApproved), List.of());
    }

    /**
     * Whether the system declares the interaction.
     *
     * @param interactionId the interaction
     * @return {@code true} when it is one of {@link #interactionIds()}
     */
    public boolean supports(InteractionId interactionId) {
        return interactionIds.contains(interactionId);
    }
}
