package io.spinekit.ldap;

import io.spinekit.env.InteractionId;
import java.util.Set;

/**
 * The interactions Spine's reliable intermediary forwards, as the SDS FHIR API decides them
 * (docs/reference/SDS-FHIR.md section 5, from {@code utilities/constants.py} and
 * {@code request/routing_reliability_handler.py} of NHSDigital/spine-directory-service-api): an
 * interaction id {@code urn:nhs:names:services:<service>:<interaction>} whose service is one of
 * {@link #SERVICES} and whose interaction is one of {@link #INTERACTIONS}.
 *
 * <p>{@link SdsClient#route(RouteRequest)} routes these through the intermediary on both back-ends,
 * so the rule is the same whether the API already applied it (FHIR) or the client applies it (LDAP).
 * The API also swaps the endpoint of the two {@link #FORWARD_EXPRESS} interactions for Spine's
 * express intermediary; spinekit sends those direct, as NHS's MHS adaptor does, so over FHIR, where
 * their own endpoint cannot be read, their route look-up fails saying so.
 */
public final class ForwardReliable {
    /** The services of forward-reliable interactions ({@code RELIABLE_SERVICES}). */
    public static final Set<String> SERVICES = Set.of("cc", "ebs", "ebsepr", "ebsnpr", "gp2gp", "pat", "itk", "dis",
            "ed", "op", "caf", "adm", "ooh", "am", "mh", "nd", "dir");
    /** The forward-reliable interactions ({@code FORWARD_RELIABLE}). */
    public static final Set<String> INTERACTIONS = Set.of("COPC_IN000001UK01", "PRSC_IN040000UK08",
            "PRSC_IN080000UK07", "PRPA_IN010000UK07", "PRPA_IN020000UK06", "PRSC_IN050000UK06", "PRSC_IN090000UK09",
            "PRPA_IN030000UK08", "PRSC_IN100000UK06", "PRSC_IN070000UK08", "PRSC_IN140000UK06", "RCMR_IN010000UK05",
            "RCMR_IN030000UK06", "PRSC_IN130000UK07", "PRSC_IN110000UK08", "PRSC_IN060000UK06", "PRSC_IN150000UK06",
            "POLB_IN020006UK01", "POLB_IN020005UK01", "COMT_IN000004GB01", "MCCI_IN010000UK13");
    /** The forward-express interactions ({@code FORWARD_EXPRESS}). */
    public static final Set<String> FORWARD_EXPRESS = Set.of("PRSC_IN080000UK03", "PRSC_IN040000UK03");

    private ForwardReliable() {
    }

    /**
     * Whether an interaction goes through Spine's reliable intermediary.
     *
     * @param interactionId the interaction
     * @return {@code true} for an NHS-form id with a service of {@link #SERVICES} and an interaction
     *     of {@link #INTERACTIONS}
     */
    public static boolean applies(InteractionId interactionId) {
        return nhs(interactionId) && INTERACTIONS.contains(interactionId.interaction());
    }

    /**
     * Whether the SDS FHIR API swaps an interaction's endpoint for Spine's express intermediary.
     *
     * @param interactionId the interaction
     * @return {@code true} for an NHS-form id with a service of {@link #SERVICES} and an interaction
     *     of {@link #FORWARD_EXPRESS}
     */
    public static boolean forwardExpress(InteractionId interactionId) {
        return nhs(interactionId) && FORWARD_EXPRESS.contains(interactionId.interaction());
    }

    private static boolean nhs(InteractionId id) {
        return id.form() == InteractionId.Form.NHS && SERVICES.contains(id.service());
    }
}
