package io.spinekit.cis;

import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of the role selection page ({@code RoleSelectionGP.jsp}): the ticket and the chosen
 * role profile, and the optional ones the BT Identity Agent also sends. {@link #toString()} redacts
 * the ticket.
 *
 * @param ticket the SSO ticket
 * @param selectedRoleUid the role profile UID the user picked
 * @param mode {@code ssbMode}: live or training
 * @param gacVersion {@code gacVersion}: the Identity Agent's version string
 * @param fallbackStatus {@code fallbackStatus}: as the Identity Agent reports it (for example {@code 0})
 */
public record RoleSelection(SsoTicket ticket, String selectedRoleUid, Optional<SessionMode> mode,
        Optional<String> gacVersion, Optional<String> fallbackStatus) {
    /**
     * Checks the parameters.
     *
     * @param ticket the ticket
     * @param selectedRoleUid the role profile UID
     * @param mode the mode
     * @param gacVersion the agent version
     * @param fallbackStatus the fallback status
     */
    public RoleSelection {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(selectedRoleUid, "selectedRoleUid");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(gacVersion, "gacVersion");
        Objects.requireNonNull(fallbackStatus, "fallbackStatus");
        if (selectedRoleUid.isBlank()) {
            throw new CisException(CisException.Reason.CONFIGURATION,
                    "selectedRoleUid is empty: expected the role profile UID the user picked, such as 555006304103");
        }
    }

    /**
     * The two required parameters.
     *
     * @param ticket the ticket
     * @param selectedRoleUid the role profile UID
     * @return the selection
     */
    public static RoleSelection of(SsoTicket ticket, String selectedRoleUid) {
        return new RoleSelection(ticket, selectedRoleUid, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * A copy with {@code ssbMode}.
     *
     * @param m the mode
     * @return a new selection
     */
    public RoleSelection withMode(SessionMode m) {
        return new RoleSelection(ticket, selectedRoleUid, Optional.of(m), gacVersion, fallbackStatus);
    }

    /**
     * A copy with {@code gacVersion}.
     *
     * @param version the Identity Agent version string
     * @return a new selection
     */
    public RoleSelection withGacVersion(String version) {
        return new RoleSelection(ticket, selectedRoleUid, mode, Optional.of(version), fallbackStatus);
    }

    /**
     * A copy with {@code fallbackStatus}.
     *
     * @param status the fallback status
     * @return a new selection
     */
    public RoleSelection withFallbackStatus(String status) {
        return new RoleSelection(ticket, selectedRoleUid, mode, gacVersion, Optional.of(status));
    }
}
