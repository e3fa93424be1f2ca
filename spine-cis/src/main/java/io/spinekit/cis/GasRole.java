package io.spinekit.cis;

import java.util.Objects;
import java.util.Optional;

/**
 * A role entry of a GAS {@code authvalidate} answer:
 * {@code <gpPARAM name="nhsjobrole0" id="555008642106" orgcode="B81012">ORG NAME, "Area":"Sub area":"Role"</gpPARAM>}.
 * The {@code id} is the role profile UID to pass as {@code selectedRoleUid} to role selection.
 *
 * @param index N of {@code nhsjobroleN}
 * @param id the role profile UID ({@code id})
 * @param orgCode the organisation's ODS code ({@code orgcode})
 * @param description the text: organisation name, a comma, then the quoted job role
 */
public record GasRole(int index, String id, String orgCode, String description) {
    /**
     * Checks the parts.
     *
     * @param index the index
     * @param id the role profile UID
     * @param orgCode the ODS code
     * @param description the text
     */
    public GasRole {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orgCode, "orgCode");
        Objects.requireNonNull(description, "description");
        if (index < 0) {
            throw new CisException(CisException.Reason.MALFORMED, "GAS role index " + index + " is negative");
        }
        if (id.isBlank() || orgCode.isBlank()) {
            throw new CisException(CisException.Reason.MALFORMED, "GAS role nhsjobrole" + index
                    + " needs a non-empty id and orgcode");
        }
    }

    /**
     * A role entry from its parts.
     *
     * @param index N of {@code nhsjobroleN}
     * @param id the role profile UID
     * @param orgCode the ODS code
     * @param orgName the organisation's name
     * @param jobRole the job role, such as {@code "Admin & Clerical":"Admin":"Demographic Administrator"}
     * @return the role
     */
    public static GasRole of(int index, String id, String orgCode, String orgName, String jobRole) {
        return new GasRole(index, id, orgCode, orgName + ", " + jobRole);
    }

    /**
     * The organisation name: the text before {@code , "}.
     *
     * @return the name, or empty when the text has no quoted job role
     */
    public Optional<String> orgName() {
        int i = description.indexOf(", \"");
        return i < 0 ? Optional.empty() : Optional.of(description.substring(0, i).strip());
    }

    /**
     * The job role: the quoted part after the organisation name.
     *
     * @return for example {@code "Admin & Clerical":"Admin":"Demographic Administrator"}
     */
    public Optional<String> jobRole() {
        int i = description.indexOf(", \"");
        return i < 0 ? Optional.empty() : Optional.of(description.substring(i + 2).strip());
    }

    /**
     * The job role's name: the last quoted part.
     *
     * @return for example {@code Demographic Administrator}
     */
    public Optional<String> jobRoleName() {
        return jobRole().map(RoleProfile::segments).filter(s -> !s.isEmpty()).map(s -> s.get(s.size() - 1));
    }
}
