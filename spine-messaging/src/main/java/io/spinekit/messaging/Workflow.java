package io.spinekit.messaging;

import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.ldap.AlwaysOrNever;
import io.spinekit.ldap.ForwardReliable;
import io.spinekit.ldap.Route;
import io.spinekit.ldap.RouteRequest;
import io.spinekit.ldap.SyncReplyMode;
import java.util.Optional;

/**
 * How a message is sent (MESSAGING.md section 5). {@link #of(Route)} picks it from the route: a
 * route through Spine's reliable intermediary (spine-ldap applies MESSAGING.md section 4's list of
 * forward-reliable interactions) is {@link #FORWARD_RELIABLE}; a route whose SDS entry has
 * {@code nhsMhsAckRequested=always} is {@link #RELIABLE}; any other is {@link #EXPRESS}.
 */
public enum Workflow {
    /** Asynchronous express: no acknowledgement requested, no retries. */
    EXPRESS,
    /** Asynchronous reliable: acknowledgement requested, duplicate elimination, retries from SDS. */
    RELIABLE,
    /** Forward reliable through Spine's intermediary: as reliable, acknowledged by the next MSH. */
    FORWARD_RELIABLE,
    /**
     * Synchronous SOAP with WS-Addressing (MESSAGING.md section 5): never picked by {@link #of(Route)},
     * because no SDS attribute says an interaction is synchronous; {@link SpineMessaging#sendSync} uses it.
     */
    SYNC;

    /**
     * The workflow for a route.
     *
     * @param route the SDS route
     * @return the workflow
     */
    public static Workflow of(Route route) {
        if (route.viaIntermediary()) {
            return FORWARD_RELIABLE;
        }
        return route.reliability().reliable() ? RELIABLE : EXPRESS;
    }

    /**
     * The SDS route request for an interaction, as {@link SpineMessaging#sendAsync(OdsCode,
     * InteractionId, OutboundMessage)} makes it: {@link RouteRequest#viaReliableIntermediary()} for
     * the interactions MESSAGING.md section 4 routes through Spine's reliable intermediary.
     *
     * @param odsCode the receiving organisation
     * @param interactionId the interaction
     * @return the request
     */
    public static RouteRequest routeRequest(OdsCode odsCode, InteractionId interactionId) {
        RouteRequest request = RouteRequest.of(odsCode, interactionId);
        return ForwardReliable.applies(interactionId) ? request.viaReliableIntermediary() : request;
    }

    /** Whether the workflow is reliable (retries retriable SOAP faults). */
    boolean reliable() {
        return this == RELIABLE || this == FORWARD_RELIABLE;
    }

    /**
     * {@code eb:AckRequested}'s actor: from SDS ({@code nhsMhsAckRequested} and {@code nhsMhsActor},
     * as SpineTools does, MESSAGING.md section 4). Where the route has no {@code nhsMhsAckRequested},
     * the workflow decides (reliable ones ask); where it has no {@code nhsMhsActor}, the workflow's
     * actor from MESSAGING.md section 5 (toPartyMSH, nextMSH for forward reliable).
     */
    Optional<String> ackRequestedActor(Route route) {
        boolean ask = route.reliability().ackRequested().map(v -> v == AlwaysOrNever.ALWAYS).orElse(reliable());
        if (!ask) {
            return Optional.empty();
        }
        return Optional.of(route.reliability().actor().map(a -> a.sdsValue()).orElse(this == FORWARD_RELIABLE
                ? EbxmlRequest.ACTOR_NEXT_MSH : EbxmlRequest.ACTOR_TO_PARTY_MSH));
    }

    /**
     * {@code eb:DuplicateElimination}: iff {@code nhsMhsDuplicateElimination=always}; where the route
     * has none, the workflow decides (reliable ones eliminate duplicates, section 5).
     */
    boolean duplicateElimination(Route route) {
        return route.reliability().duplicateElimination().map(v -> v == AlwaysOrNever.ALWAYS).orElse(reliable());
    }

    /**
     * {@code eb:SyncReply}: iff {@code nhsMhsSyncReplyMode=MSHSignalsOnly} (SpineTools, section 4);
     * where the route has none, the workflow table of section 5 (yes except forward reliable).
     */
    boolean syncReply(Route route) {
        return route.reliability().syncReplyMode().map(v -> v == SyncReplyMode.MSH_SIGNALS_ONLY)
                .orElse(this != FORWARD_RELIABLE);
    }
}
