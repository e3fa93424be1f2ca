package io.spinekit.env;

/**
 * What a catalog fact is for; every catalog key has exactly one purpose.
 */
public enum Purpose {
    /** How the environment is meant to be used, prerequisites and contacts. */
    GENERAL("General"),
    /** Whether the environment is in service (for example DEV's decommissioning notice). */
    STATUS("Status"),
    /** The CIS portal page and the portal services (SCRa, self service, alerts, ...). */
    PORTAL("Portal URLs"),
    /** Spine application URLs (SCR, EPS prescription tracker, Care ID Service, EPR, ...). */
    APPLICATION("Spine application URLs"),
    /** System URLs: LDAPS directory, GAS, sbapi (naming service, role assertion), CIS2, SDS FHIR. */
    SYSTEM("System URLs"),
    /** The Spine party key and the messaging URLs (sync, reliable, unreliable, ...). */
    MESSAGING("Messaging URLs"),
    /** Firewall ranges to open and outbound NAT addresses Spine sends from. */
    NETWORK("Firewall and outbound NAT"),
    /** NHS e-Referral Service (e-RS) sub-environments. */
    ERS("e-Referral Service (e-RS)"),
    /** The CA chain that signs the environment's certificates. */
    TLS("RootCA and SubCA certificates"),
    /** Message Exchange for Social Care and Health (MESH) endpoints and keystore. */
    MESH("MESH"),
    /** National services available in the environment. */
    SERVICES("Services available"),
    /** Scheduled maintenance slots. */
    MAINTENANCE("Maintenance slots");

    private final String title;

    Purpose(String title) {
        this.title = title;
    }

    /**
     * The heading used when printing facts of this purpose.
     *
     * @return for example {@code "Messaging URLs"}
     */
    public String title() {
        return title;
    }
}
