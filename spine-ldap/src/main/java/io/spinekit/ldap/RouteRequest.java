package io.spinekit.ldap;

import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.env.PartyKey;
import java.util.Objects;
import java.util.Optional;

/**
 * What to route: an organisation, an interaction, optionally the party key to use, and whether
 * the message goes through Spine's reliable intermediary.
 *
 * <pre>{@code
 * RouteRequest r = RouteRequest.of(OdsCode.of("X26"), InteractionId.of("urn:nhs:names:services:psis:REPC_IN150016UK05"))
 *         .withPartyKey(PartyKey.of("X26-823848"))
 *         .viaReliableIntermediary();
 * }</pre>
 *
 * @param odsCode the receiving organisation
 * @param interactionId the interaction to send
 * @param partyKey the receiving party key, when the organisation has several
 * @param reliableIntermediary {@code true} for a forward-reliable interaction: the message is
 *        sent to Spine's own MHS ({@value SdsClient#RELIABLE_INTERMEDIARY}) under the Spine core ODS
 *        code, which forwards it to the receiver
 */
public record RouteRequest(OdsCode odsCode, InteractionId interactionId, Optional<PartyKey> partyKey,
        boolean reliableIntermediary) {

    /**
     * Checks that the components are present.
     *
     * @param odsCode ODS code
     * @param interactionId interaction id
     * @param partyKey party key
     * @param reliableIntermediary whether to route through the intermediary
     */
    public RouteRequest {
        Objects.requireNonNull(odsCode, "odsCode");
        Objects.requireNonNull(interactionId, "interactionId");
        Objects.requireNonNull(partyKey, "partyKey");
    }

    /**
     * A direct route request for any party key of the organisation.
     *
     * @param odsCode the receiving organisation
     * @param interactionId the interaction
     * @return the request
     */
    public static RouteRequest of(OdsCode odsCode, InteractionId interactionId) {
        return new RouteRequest(odsCode, interactionId, Optional.empty(), false);
    }

    /**
     * A copy restricted to one party key.
     *
     * @param key the receiving party key
     * @return a new request
     */
    public RouteRequest withPartyKey(PartyKey key) {
        return new RouteRequest(odsCode, interactionId, Optional.of(key), reliableIntermediary);
    }

    /**
     * A copy that routes through Spine's reliable intermediary (forward-reliable interactions).
     *
     * @return a new request
     */
    public RouteRequest viaReliableIntermediary() {
        return new RouteRequest(odsCode, interactionId, partyKey, true);
    }

    @Override
    public String toString() {
        return "route for ODS code " + odsCode + " and interaction " + interactionId
                + partyKey.map(pk -> " with party key " + pk).orElse("")
                + (reliableIntermediary ? " via the reliable intermediary" : "");
    }
}
