package io.spinekit.env;

import io.spinekit.core.Text;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A national service listed under "Services available" on the NHS environment pages.
 */
public enum SpineService {
    /** Spine Core messaging and applications (SCRa, DSA). */
    SPINE_CORE("Spine Core Messaging and Spine Core applications",
            "Messaging for certified endpoint message handling systems to query and update national demographic "
                    + "and prescriptions data; the messaging interface for e-RS; the SCRa and DSA applications."),
    /** Spine Mini Service Provider (SMSP). */
    SMSP("Spine Mini Service Provider",
            "An interface to submit a limited number of demographic messages in a simple format."),
    /** Spine Secure Proxy (SSP). */
    SSP("Spine Secure Proxy",
            "A simpler interface for demographic messaging: retrievals and simple trace only, no updates."),
    /** Message Exchange for Social Care and Health (MESH). */
    MESH("Message Exchange for Social Care and Health (MESH)",
            "Workflow-based data transfer between secure mailboxes (pathology, discharge notes, ...)."),
    /** Care Identity Service (CIS). */
    CIS("Care Identity Service (CIS)",
            "Controls user access to national systems: smartcards, role based access control, and the "
                    + "certification and management of message handling systems."),
    /** Care Identity Service 2 (CIS2). */
    CIS2("Care Identity Service 2 (CIS2)",
            "Non-smartcard, non-HSCN access to applications reached through the CIS portal; "
                    + "HSCN smartcard access is still supported."),
    /** Care Identity Management (CIM). */
    CIM("Care Identity Management (CIM)",
            "Controls user access as part of CIS/CIS2 (smartcard, security keys or authenticators); "
                    + "replaces CIS user identity management (summer 2024, per the integration page)."),
    /** NHS e-Referral Service (e-RS). */
    ERS("NHS e-Referral Service (e-RS)",
            "Electronic booking with a choice of place, date and time for first hospital or clinic appointments."),
    /** NHS e-Referral Service Application Programming Interface (e-RS API). */
    ERS_API("NHS e-Referral Service Application Programming Interface (e-RS API)",
            "Lets patient systems perform clinical actions within e-RS through an external API.");

    private final String displayName;
    private final String description;

    SpineService(String displayName, String description) {
        this.displayName = displayName;
        this.description = description;
    }

    /**
     * The heading the NHS pages use.
     *
     * @return for example {@code "Spine Secure Proxy"}
     */
    public String displayName() {
        return displayName;
    }

    /**
     * What the service does, as the NHS pages describe it.
     *
     * @return a one-sentence description
     */
    public String description() {
        return description;
    }

    /**
     * Parses a service from its enum name (case-insensitive, {@code -} for {@code _} allowed) or its heading.
     *
     * @param text for example {@code "SSP"}, {@code "ers-api"} or {@code "Spine Secure Proxy"}
     * @return the service
     * @throws CatalogException naming the value and the known services
     */
    public static SpineService parse(String text) {
        if (text != null) {
            String t = text.trim();
            for (SpineService s : values()) {
                if (s.name().equalsIgnoreCase(t.replace('-', '_')) || s.displayName.equalsIgnoreCase(t)) {
                    return s;
                }
            }
        }
        throw new CatalogException("Unknown Spine service " + Text.quote(text) + ": expected one of "
                + Arrays.stream(values()).map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }
}
