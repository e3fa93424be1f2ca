package io.spinekit.env;

/**
 * Where a catalog value comes from, and so how far to trust it.
 *
 * <p>Only {@link #SEED} and {@link #PUBLIC} values are published facts. An {@link #INFERRED}
 * value follows a naming pattern that nothing shows directly: check it before relying on it,
 * and override it when you know better. A value nobody publishes is not in the catalog at all.
 */
public enum Provenance {
    /** Printed on the NHS environment pages the catalog was built from (the seed pages). */
    SEED,
    /** Seen in public NHS code or documentation (for example the MESH client, the MHS adaptor). */
    PUBLIC,
    /** Follows a naming pattern of published values; not shown anywhere directly. */
    INFERRED,
    /** Supplied by the user: override file, system property or environment variable. */
    OVERRIDE;

    /**
     * Whether the value was published (seed or public) rather than inferred or supplied.
     *
     * @return {@code true} for {@link #SEED} and {@link #PUBLIC}
     */
    public boolean published() {
        return this == SEED || this == PUBLIC;
    }
}
