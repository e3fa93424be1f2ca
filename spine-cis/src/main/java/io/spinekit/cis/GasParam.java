package io.spinekit.cis;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One {@code <gpPARAM name="...">value</gpPARAM>} of a GAS message, with any other attributes (role
 * entries carry {@code id} and {@code orgcode}; the signed response carries {@code encoding}).
 *
 * @param name the {@code name} attribute, such as {@code sso_ticket} or {@code nhsjobrole0}
 * @param attributes the other attributes, in document order
 * @param value the text, without surrounding white space
 */
public record GasParam(String name, Map<String, String> attributes, String value) {
    /** Parameters whose values are secrets or credentials: {@link #toString()} hides them. */
    public static final Set<String> SENSITIVE = Set.of("sso_ticket", "challenge", "signature", "response");

    /**
     * Checks and copies.
     *
     * @param name the name
     * @param attributes other attributes
     * @param value the value
     */
    public GasParam {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isBlank()) {
            throw new CisException(CisException.Reason.MALFORMED, "GAS parameter name is empty");
        }
        if (attributes.containsKey("name")) {
            throw new CisException(CisException.Reason.MALFORMED, "GAS parameter attributes must not repeat 'name'");
        }
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }

    /**
     * A parameter with no other attributes.
     *
     * @param name the name
     * @param value the value
     * @return the parameter
     */
    public static GasParam of(String name, String value) {
        return new GasParam(name, Map.of(), value);
    }

    /**
     * The name and value, with {@link #SENSITIVE} values hidden.
     *
     * @return for example {@code cn=Example Alex} or {@code sso_ticket=[redacted]}
     */
    @Override
    public String toString() {
        return name + (attributes.isEmpty() ? "" : attributes) + "=" + (SENSITIVE.contains(name) ? "[redacted]" : value);
    }
}
