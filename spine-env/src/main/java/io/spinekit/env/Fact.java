package io.spinekit.env;

import io.spinekit.core.Text;
import java.util.Objects;

/**
 * One value of an environment profile, with where it comes from.
 *
 * <p>For example key {@code ldap.url}, value {@code ldaps://ldap.vn03.national.ncrs.nhs.uk:636},
 * provenance {@link Provenance#SEED}, source {@code "NHS Digital 'Development environments' page
 * (seed 002), System URLs"}. Overridden values have provenance {@link Provenance#OVERRIDE} and a
 * source naming the file and line, system property or environment variable.
 *
 * @param key the catalog key, such as {@code messaging.sync.url}
 * @param value the value as text, never blank
 * @param provenance seed, public, inferred or override
 * @param source a human-readable description of where the value comes from
 */
public record Fact(String key, String value, Provenance provenance, String source) {
    /**
     * Checks that no part is missing.
     *
     * @param key the catalog key
     * @param value the value
     * @param provenance the provenance
     * @param source the source description
     * @throws NullPointerException when a part is null
     * @throws CatalogException when the value is blank
     */
    public Fact {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(source, "source");
        if (value.isBlank()) {
            throw new CatalogException("blank value for catalog key " + Text.quote(key) + " from " + source
                    + ": expected a value");
        }
    }

    /**
     * Whether the value is inferred (follows a pattern, not published): check before relying on it.
     *
     * @return {@code true} when the provenance is {@link Provenance#INFERRED}
     */
    public boolean inferred() {
        return provenance == Provenance.INFERRED;
    }

    @Override
    public String toString() {
        return key + "=" + value + " (" + provenance + ": " + source + ")";
    }
}
