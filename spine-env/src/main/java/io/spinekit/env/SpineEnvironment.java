package io.spinekit.env;

import io.spinekit.core.Text;
import java.util.Locale;

/**
 * The NHS Spine environments: the three Path to Live (PTL) environments and live.
 *
 * <p>Pick one by enum in code and tests ({@code SpineEnvironment.INTEGRATION}); its facts come
 * from {@link SpineCatalog}. Custom environments (a local mock Spine) are named by string in the
 * catalog and are first-class there.
 */
public enum SpineEnvironment {
    /** Development (PTL), "DEV": early design, development and system test. */
    DEVELOPMENT("dev", "Development"),
    /** Integration (PTL), "INT": supervised integration testing and assurance. */
    INTEGRATION("int", "Integration"),
    /** Deployment (PTL), "DEP": in-situ testing before live deployment, and UAT. */
    DEPLOYMENT("dep", "Deployment"),
    /** Live (production). */
    LIVE("live", "Live");

    private final String shortName;
    private final String displayName;

    SpineEnvironment(String shortName, String displayName) {
        this.shortName = shortName;
        this.displayName = displayName;
    }

    /**
     * The short name used in keys and files, such as {@code "int"}.
     *
     * @return the lower-case short name
     */
    public String shortName() {
        return shortName;
    }

    /**
     * The name NHS pages use, such as {@code "Integration"}.
     *
     * @return the display name
     */
    public String displayName() {
        return displayName;
    }

    /**
     * The key prefix of this environment in overrides: {@code spinekit.<name>.} in system
     * properties and {@code SPINEKIT_<NAME>_} in environment variables, where the name is the
     * lower-case enum name (for example {@code spinekit.integration.ldap.url}).
     *
     * @return the lower-case enum name, such as {@code "integration"}
     */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses an environment from its enum name, short name or display name, case-insensitively,
     * also in the NHS pages' wording ({@code "Spine Integration"}, {@code "Integration environments"}).
     *
     * @param text for example {@code "INTEGRATION"}, {@code "int"} or {@code "Integration"}
     * @return the environment
     * @throws CatalogException naming the value and the known environments
     */
    public static SpineEnvironment parse(String text) {
        if (text != null) {
            String t = text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            t = t.startsWith("spine ") ? t.substring(6) : t;
            t = t.endsWith(" environments") ? t.substring(0, t.length() - 13)
                    : t.endsWith(" environment") ? t.substring(0, t.length() - 12) : t;
            for (SpineEnvironment e : values()) {
                if (e.name().equalsIgnoreCase(t) || e.shortName.equalsIgnoreCase(t) || e.displayName.equalsIgnoreCase(t)) {
                    return e;
                }
            }
        }
        throw new CatalogException("Unknown Spine environment " + Text.quote(text)
               + ": expected one of DEVELOPMENT (dev), INTEGRATION (int), DEPLOYMENT (dep), LIVE (live)");
    }
}
