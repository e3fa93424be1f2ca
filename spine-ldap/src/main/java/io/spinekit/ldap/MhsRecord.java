package io.spinekit.ldap;

import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.env.PartyKey;
import java.net.URI;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code nhsMhs} entry of SDS: how one party (party key) receives one interaction.
 *
 * <p>Read over LDAP every component the entry has is here. Read over the SDS FHIR API (an
 * {@code Endpoint} resource) the API does not expose {@code nhsMhsIsAuthenticated},
 * {@code nhsEPInteractionType}, {@code nhsProductKey} or the approval date, so those are empty, and
 * the service and interaction names are derived from the interaction id (docs/reference/SDS-FHIR.md
 * section 6; see {@code io.spinekit.ldap.fhir}).
 *
 * @param dn the entry's DN, such as {@code uniqueIdentifier=...,ou=services,o=nhs}; over FHIR the
 *        resource it was read from, {@code Endpoint/<id>} (a random id per answer: key nothing on it)
 * @param uniqueIdentifier the entry's {@code uniqueIdentifier}
 * @param odsCode the organisation ({@code nhsIDCode})
 * @param partyKey the party key ({@code nhsMhsPartyKey})
 * @param interactionId the interaction ({@code nhsMhsSvcIA})
 * @param serviceName the service name ({@code nhsMhsSN}), such as {@code urn:nhs:names:services:psis}
 * @param interactionName the interaction name ({@code nhsMhsIN}), such as {@code REPC_IN150016UK05}
 * @param endpoint where to send the interaction ({@code nhsMhsEndPoint})
 * @param fqdn the MHS host name ({@code nhsMhsFQDN}); its TLS certificate is issued to it
 * @param cpaId the collaboration protocol agreement id ({@code nhsMhsCPAId})
 * @param authentication whether the MHS authenticates peers ({@code nhsMhsIsAuthenticated}); empty over FHIR
 * @param interactionType the kind of interaction ({@code nhsEPInteractionType})
 * @param productKey the product key ({@code nhsProductKey})
 * @param reliability the ebXML reliability settings
 * @param dateApproved when the entry was approved ({@code nhsDateApproved}, stored as
 *        {@code yyyyMMddHHmmss} without a time zone); empty over FHIR
 */
public record MhsRecord(String dn, String uniqueIdentifier, OdsCode odsCode, PartyKey partyKey,
        InteractionId interactionId, String serviceName, String interactionName, URI endpoint, String fqdn,
        String cpaId, Optional<Authentication> authentication, Optional<InteractionType> interactionType,
        Optional<String> productKey, Reliability reliability, Optional<LocalDateTime> dateApproved) {

    /**
     * Checks that required components are present.
     *
     * @param dn dn
     * @param uniqueIdentifier unique identifier
     * @param odsCode ODS code
     * @param partyKey party key
     * @param interactionId interaction id
     * @param serviceName service name
     * @param interactionName interaction name
     * @param endpoint endpoint
     * @param fqdn FQDN
     * @param cpaId CPA id
     * @param authentication authentication
     * @param interactionType interaction type
     * @param productKey product key
     * @param reliability reliability
     * @param dateApproved approval date
     */
    public MhsRecord {
        Objects.requireNonNull(dn, "dn");
        Objects.requireNonNull(uniqueIdentifier, "uniqueIdentifier");
        Objects.requireNonNull(odsCode, "odsCode");
        Objects.requireNonNull(partyKey, "partyKey");
        Objects.requireNonNull(interactionId, "interactionId");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(interactionName, "interactionName");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(fqdn, "fqdn");
        Objects.requireNonNull(cpaId, "cpaId");
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(interactionType, "interactionType");
        Objects.requireNonNull(productKey, "productKey");
        Objects.requireNonNull(reliability, "reliability");
        Objects.requireNonNull(dateApproved, "dateApproved");
    }

    /**
     * A record read over LDAP, where {@code nhsMhsIsAuthenticated} and {@code nhsDateApproved} are required.
     *
     * @param dn dn
     * @param uniqueIdentifier unique identifier
     * @param odsCode ODS code
     * @param partyKey party key
     * @param interactionId interaction id
     * @param serviceName service name
     * @param interactionName interaction name
     * @param endpoint endpoint
     * @param fqdn FQDN
     * @param cpaId CPA id
     * @param authentication authentication
     * @param interactionType interaction type
     * @param productKey product key
     * @param reliability reliability
     * @param dateApproved approval date
     */
    public MhsRecord(String dn, String uniqueIdentifier, OdsCode odsCode, PartyKey partyKey,
            InteractionId interactionId, String serviceName, String interactionName, URI endpoint, String fqdn,
            String cpaId, Authentication authentication, Optional<InteractionType> interactionType,
            Optional<String> productKey, Reliability reliability, LocalDateTime dateApproved) {
        this(dn, uniqueIdentifier, odsCode, partyKey, interactionId, serviceName, interactionName, endpoint, fqdn,
                cpaId, Optional.of(authentication), interactionType, productKey, reliability,
                Optional.of(dateApproved));
    }
}
