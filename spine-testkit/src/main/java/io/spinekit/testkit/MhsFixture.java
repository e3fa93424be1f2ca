package io.spinekit.testkit;

import com.unboundid.ldap.sdk.Entry;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/** An {@code nhsMhs} entry to add; see {@link EmbeddedSds#mhs(String, String)}. Not thread-safe. */
public final class MhsFixture extends EntryFixture<MhsFixture> {
    MhsFixture(String odsCode, String interactionId) {
        Objects.requireNonNull(odsCode, "odsCode");
        Objects.requireNonNull(interactionId, "interactionId");
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase(Locale.ROOT);
        String fqdn = "mhs." + odsCode.toLowerCase(Locale.ROOT) + ".spinekit.test";
        String service = interactionId;
        String name = interactionId;
        int cut = interactionId.lastIndexOf(':');
        if (interactionId.startsWith("urn:nhs:names:services:")) {
            String rest = interactionId.substring("urn:nhs:names:services:".length());
            int colon = rest.indexOf(':');
            if (colon > 0) {
                service = "urn:nhs:names:services:" + rest.substring(0, colon);
                name = rest.substring(colon + 1);
            }
        } else if (cut > 0) {
            service = interactionId.substring(0, cut);
            name = interactionId.substring(cut + 1);
        }
        attribute("objectClass", "top", "nhsMhs");
        attribute("uniqueIdentifier", id);
        attribute("nhsIDCode", odsCode);
        attribute("nhsMhsPartyKey", odsCode + "-0000001");
        attribute("nhsMhsSvcIA", interactionId);
        attribute("nhsMhsSN", service);
        attribute("nhsMhsIN", name);
        attribute("nhsMhsEndPoint", "https://" + fqdn + "/");
        attribute("nhsMhsFQDN", fqdn);
        attribute("nhsMhsIsAuthenticated", "none");
        attribute("nhsMhsCPAId", id);
        attribute("nhsProductKey", "1");
        attribute("nhsEPInteractionType", "HL7");
        attribute("nhsContractPropertyTemplateKey", "1");
        attribute("nhsRequestorURP", "uniqueIdentifier=000000000001,uniqueIdentifier=000000000002,uid=000000000003,ou=People,o=nhs");
        attribute("nhsApproverURP", "uniqueIdentifier=000000000001,uniqueIdentifier=000000000002,uid=000000000003,ou=People,o=nhs");
        attribute("nhsDNSApprover", "uniqueIdentifier=000000000001,uniqueIdentifier=000000000002,uid=000000000003,ou=People,o=nhs");
        attribute("nhsDateRequested", "20200101110000");
        attribute("nhsDateApproved", "20200101120000");
        attribute("nhsDateDNSApproved", "20200101120000");
    }

    @Override
    MhsFixture self() {
        return this;
    }

    /**
     * Sets the unique identifier (the DN's RDN) and the CPA id to the same value.
     *
     * @param id the identifier
     * @return this
     */
    public MhsFixture uniqueIdentifier(String id) {
        attribute("uniqueIdentifier", id);
        return attribute("nhsMhsCPAId", id);
    }

    /**
     * Sets {@code nhsMhsPartyKey}.
     *
     * @param partyKey the party key
     * @return this
     */
    public MhsFixture partyKey(String partyKey) {
        return attribute("nhsMhsPartyKey", partyKey);
    }

    /**
     * Sets {@code nhsMhsEndPoint}.
     *
     * @param url the endpoint
     * @return this
     */
    public MhsFixture endpoint(String url) {
        return attribute("nhsMhsEndPoint", url);
    }

    /**
     * Sets {@code nhsMhsFQDN}.
     *
     * @param fqdn the host name
     * @return this
     */
    public MhsFixture fqdn(String fqdn) {
        return attribute("nhsMhsFQDN", fqdn);
    }

    /**
     * Sets {@code nhsMhsCPAId}.
     *
     * @param cpaId the CPA id
     * @return this
     */
    public MhsFixture cpaId(String cpaId) {
        return attribute("nhsMhsCPAId", cpaId);
    }

    /**
     * Sets {@code nhsMhsSN} and {@code nhsMhsIN}.
     *
     * @param serviceName the service name
     * @param interactionName the interaction name
     * @return this
     */
    public MhsFixture names(String serviceName, String interactionName) {
        attribute("nhsMhsSN", serviceName);
        return attribute("nhsMhsIN", interactionName);
    }

    /**
     * Sets {@code nhsMhsIsAuthenticated}.
     *
     * @param value {@code none}, {@code transient} or {@code persistent}
     * @return this
     */
    public MhsFixture authenticated(String value) {
        return attribute("nhsMhsIsAuthenticated", value);
    }

    /**
     * Sets {@code nhsEPInteractionType}.
     *
     * @param value {@code FHIR}, {@code HL7}, {@code EBXML} or {@code N/A}
     * @return this
     */
    public MhsFixture interactionType(String value) {
        return attribute("nhsEPInteractionType", value);
    }

    /**
     * Sets the ebXML reliability attributes.
     *
     * @param persistDuration {@code nhsMhsPersistDuration}, such as {@code PT5M}
     * @param retries {@code nhsMhsRetries}, such as {@code 2}
     * @param retryInterval {@code nhsMhsRetryInterval}, such as {@code PT1M}
     * @return this
     */
    public MhsFixture reliability(String persistDuration, String retries, String retryInterval) {
        attribute("nhsMhsPersistDuration", persistDuration);
        attribute("nhsMhsRetries", retries);
        return attribute("nhsMhsRetryInterval", retryInterval);
    }

    /**
     * Sets the ebXML messaging flags.
     *
     * @param ackRequested {@code nhsMhsAckRequested}: {@code always} or {@code never}
     * @param duplicateElimination {@code nhsMhsDuplicateElimination}: {@code always} or {@code never}
     * @param syncReplyMode {@code nhsMhsSyncReplyMode}, such as {@code MSHSignalsOnly}
     * @param actor {@code nhsMhsActor}, such as {@code urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH}
     * @return this
     */
    public MhsFixture messaging(String ackRequested, String duplicateElimination, String syncReplyMode,
            String actor) {
        attribute("nhsMhsAckRequested", ackRequested);
        attribute("nhsMhsDuplicateElimination", duplicateElimination);
        attribute("nhsMhsSyncReplyMode", syncReplyMode);
        return attribute("nhsMhsActor", actor);
    }

    /**
     * Sets {@code nhsDateApproved}.
     *
     * @param yyyyMMddHHmmss the approval time
     * @return this
     */
    public MhsFixture dateApproved(String yyyyMMddHHmmss) {
        return attribute("nhsDateApproved", yyyyMMddHHmmss);
    }

    @Override
    Entry entry() {
        return toEntry("uniqueIdentifier=" + value("uniqueIdentifier") + "," + EmbeddedSds.SERVICES);
    }
}
