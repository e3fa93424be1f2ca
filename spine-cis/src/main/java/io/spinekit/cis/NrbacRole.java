package io.spinekit.cis;

import java.util.Objects;
import java.util.Optional;

/**
 * One national RBAC role from a CIS2 token's {@code nhsid_nrbac_roles} claim.
 *
 * @param personRoleId {@code person_roleid}: the role profile's id, which {@code selected_roleid} refers to
 * @param personOrgId {@code person_orgid}: the user's membership of the organisation
 * @param orgCode {@code org_code}: the organisation's ODS code
 * @param roleCode {@code role_code}: the job role code, such as {@code S8000:G8000:R8001}
 * @param roleName {@code role_name}: the job role's name
 */
public record NrbacRole(String personRoleId, Optional<String> personOrgId, Optional<String> orgCode,
        Optional<String> roleCode, Optional<String> roleName) {
    /**
     * Checks for nulls.
     *
     * @param personRoleId role id
     * @param personOrgId org membership id
     * @param orgCode ODS code
     * @param roleCode role code
     * @param roleName role name
     */
    public NrbacRole {
        Objects.requireNonNull(personRoleId, "personRoleId");
        Objects.requireNonNull(personOrgId, "personOrgId");
        Objects.requireNonNull(orgCode, "orgCode");
        Objects.requireNonNull(roleCode, "roleCode");
        Objects.requireNonNull(roleName, "roleName");
    }
}
