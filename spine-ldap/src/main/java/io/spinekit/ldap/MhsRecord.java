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
 * @param dn the entry's DN, such as {@code uniqueIdentifier=...,ou=services,o=nhs}
 * @param uniqueIdentifier the entry's {@code uniqueIdentifier}
 * @param odsCode the organisation ({@code nhsIDCode})
 * @param partyKey the party key ({@code nhsMhsPartyKey})
 * @param interactionId the interaction ({@code nhsMhsSvcIA})
 * @param serviceName the service name ({@code nhsMhsSN}), such as {@code urn:nhs:names:services:psis}
 * @param interactionName the interaction name ({@code nhsMhsIN}), such as {@code REPC_IN150016UK05}
 * @param endpoint where to send the interaction ({@code nhsMhsEndPoint})
 * @param fqdn the MHS host name ({@code nhsMhsFQDN}); its TLS certificate is issued to it
 * @param cpaId the collaboration protocol agreement id ({@code nhsMhsCPAId})
 * @param authentication whether the MHS authenticates peers ({@code nhsMhsIsAuthenticated})
 * @param interactionType the kind of interaction ({@code nhsEPInteractionType})
 * @param productKey the product key ({@code nhsProductKey})
 * @param reliability the ebXML reliability settings
 * @param dateApproved when the entry was approved ({@code nhsDateApproved}, stored as
 *        {@code yyyyMMddHHmmss} without a time zone)
 */
public record MhsRecord(String dn, String uniqueIdentifier, OdsCode odsCode, PartyKey partyKey,
        InteractionId interactionId, String serviceName, String interactionName, URI endpoint, String fqdn,
        String cpaId, Authentication authentication, Optional<InteractionType> interactionType,
        Optional<String> productKey, Reliability reliability, LocalDateTime dateApproved) {

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
}
