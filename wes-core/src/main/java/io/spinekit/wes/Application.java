package io.spinekit.wes;

import java.util.List;
import java.util.stream.Stream;

/** The smartcard-enabled systems of the WES table "NHS Digital Smartcard enabled system", one per row. */
public enum Application {
    /** "Care Identity Service application" (CIS). */
    CARE_IDENTITY_SERVICE("Care Identity Service application", List.of("Care Identity Service", "CIS", "CIS application")),
    /** "SUS" (Secondary Uses Service). */
    SUS("SUS", List.of("Secondary Uses Service")),
    /** "e-RS - Professional" (e-Referral Service, professional application). */
    E_RS_PROFESSIONAL("e-RS - Professional", List.of("e-RS", "e-RS Professional", "ERS")),
    /** "Spine EPS Tracker". */
    SPINE_EPS_TRACKER("Spine EPS Tracker", List.of("EPS Tracker")),
    /** "Spine Reporting Service". */
    SPINE_REPORTING_SERVICE("Spine Reporting Service", List.of("Reporting Service")),
    /** "Spine Demographic application". */
    SPINE_DEMOGRAPHIC_APPLICATION("Spine Demographic application", List.of("Demographic application", "Spine Demographics")),
    /** "Spine TES Alert Viewer". */
    SPINE_TES_ALERT_VIEWER("Spine TES Alert Viewer", List.of("TES Alert Viewer")),
    /** "Spine SCR" (Summary Care Record). */
    SPINE_SCR("Spine SCR", List.of("SCR", "Summary Care Record")),
    /** "Spine MOLES (message tracker) and MESH UI Client". */
    SPINE_MOLES_AND_MESH_UI_CLIENT("Spine MOLES (message tracker) and MESH UI Client",
            List.of("MOLES", "Spine MOLES", "MESH UI Client")),
    /** "Spine MESH Client". */
    SPINE_MESH_CLIENT("Spine MESH Client", List.of("MESH Client"));

    private final String label;
    private final List<String> aliases;

    Application(String label, List<String> aliases) {
        this.label = label;
        this.aliases = aliases;
    }

    /**
     * The seed's wording of the row, without footnote markers.
     *
     * @return e.g. {@code "Care Identity Service application"}
     */
    public String label() {
        return label;
    }

    /**
     * Parses an enum name, the seed's wording or a short alias, case-insensitively; footnote markers
     * and punctuation are ignored ({@code "Spine SCR"}, {@code "SPINE_SCR"}, {@code "spine-scr****"}).
     *
     * @param name the name
     * @return the application
     * @throws WesException naming the value and listing the known applications
     */
    public static Application parse(String name) {
        return Names.parse(Application.class, "application", name, Application::names, Application::label);
    }

    private List<String> names() {
        return Stream.concat(Stream.of(label), aliases.stream()).toList();
    }

    @Override
    public String toString() {
        return label;
    }
}
