package io.spinekit.examples.boot;

import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.ldap.Route;
import io.spinekit.ldap.RouteResult;
import io.spinekit.ldap.SdsClient;
import io.spinekit.messaging.OutboundMessage;
import io.spinekit.messaging.SendOutcome;
import io.spinekit.messaging.SpineMessaging;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The application's own code: resolve a route in SDS and send an HL7 message through Spine, with
 * nothing but the beans the starter configured.
 */
@Service
public class ReferralSender {
    private final SdsClient sds;
    private final SpineMessaging messaging;

    /**
     * Injected by Spring.
     *
     * @param sds the SDS client (each look-up timed for the spinekit.sds.lookups meter)
     * @param messaging the Spine messaging client
     */
    public ReferralSender(SdsClient sds, SpineMessaging messaging) {
        this.sds = sds;
        this.messaging = messaging;
    }

    /**
     * The route an interaction takes to an organisation.
     *
     * @param ods the organisation
     * @param interaction the interaction
     * @return the route, empty when SDS has none
     */
    public Optional<Route> route(String ods, String interaction) {
        RouteResult r = sds.route(OdsCode.of(ods), InteractionId.of(interaction));
        return r instanceof RouteResult.Found found ? Optional.of(found.route()) : Optional.empty();
    }

    /**
     * Sends an HL7 message to an organisation: the route is resolved from SDS (cached), the workflow
     * (express, reliable) chosen from its attributes.
     *
     * @param ods the organisation
     * @param interaction the interaction
     * @param message the HL7 payload, optionally with its MessageId
     * @return the outcome
     */
    public SendOutcome send(String ods, String interaction, OutboundMessage message) {
        return messaging.send(OdsCode.of(ods), InteractionId.of(interaction), message);
    }
}
