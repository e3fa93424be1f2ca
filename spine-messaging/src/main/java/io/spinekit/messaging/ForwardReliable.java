package io.spinekit.messaging;

import io.spinekit.env.InteractionId;
import java.util.Set;

/**
 * The interactions the SDS API sends through Spine's reliable intermediary (MESSAGING.md section 4,
 * read from {@code routing_reliability_handler.py} of NHSDigital/spine-directory-service-api): the
 * service must be one of {@link #SERVICES} and the interaction one of {@link #INTERACTIONS}.
 * The two "forward express" interactions (PRSC_IN080000UK03, PRSC_IN040000UK03) go through the
 * express intermediary there; MHS does not implement that workflow and neither does this module
 * (they are sent direct).
 */
final class ForwardReliable {
    static final Set<String> SERVICES = Set.of("cc", "ebs", "ebsepr", "ebsnpr", "gp2gp", "pat", "itk", "dis", "ed",
            "op", "caf", "adm", "ooh", "am", "mh", "nd", "dir");
    static final Set<String> INTERACTIONS = Set.of("COPC_IN000001UK01", "PRSC_IN040000UK08", "PRSC_IN080000UK07",
            "PRPA_IN010000UK07", "PRPA_IN020000UK06", "PRSC_IN050000UK06", "PRSC_IN090000UK09", "PRPA_IN030000UK08",
            "PRSC_IN100000UK06", "PRSC_IN070000UK08", "PRSC_IN140000UK06", "RCMR_IN010000UK05", "RCMR_IN030000UK06",
            "PRSC_IN130000UK07", "PRSC_IN110000UK08", "PRSC_IN060000UK06", "PRSC_IN150000UK06", "POLB_IN020006UK01",
            "POLB_IN020005UK01", "COMT_IN000004GB01", "MCCI_IN010000UK13");

    private ForwardReliable() {
    }

    static boolean applies(InteractionId id) {
        return id.form() == InteractionId.Form.NHS && SERVICES.contains(id.service())
                && INTERACTIONS.contains(id.interaction());
    }
}
