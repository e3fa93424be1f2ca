package io.spinekit.cis;

import java.util.Optional;

/** The {@code service} parameter of a GAS {@code gpOBJECT} message. */
public enum GasService {
    /** {@code /login/authactivate}: the Identity Agent asks for a challenge. */
    ACTIVATION,
    /** {@code /login/authvalidate}: the Identity Agent returns the signed challenge and gets a ticket. */
    AUTHENTICATION,
    /** {@code /login/authlogout}: the Identity Agent ends the session. */
    LOGOUT;

    /**
     * Reads a service name exactly as GAS writes it (upper case).
     *
     * @param value for example {@code AUTHENTICATION}
     * @return the service, or empty for any other value
     */
    public static Optional<GasService> find(String value) {
        for (GasService s : values()) {
            if (s.name().equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
