package io.spinekit.cis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The NHS-specific claims of a CIS2 ID token or userinfo response: the user's UID, their national
 * RBAC roles, the role selected for this session and the assurance levels.
 *
 * @param nhsidUseruid {@code nhsid_useruid}: the user's UID (the same UID as the smartcard SAML {@code uid})
 * @param nrbacRoles {@code nhsid_nrbac_roles}: every national RBAC role
 * @param selectedRoleId {@code selected_roleid}: the {@code person_roleid} chosen for this session
 * @param idAssuranceLevel {@code id_assurance_level}: identity assurance (IAL), for example 3
 * @param authenticationAssuranceLevel {@code authentication_assurance_level}: authentication assurance (AAL), for example 3
 */
public record NhsClaims(Optional<String> nhsidUseruid, List<NrbacRole> nrbacRoles, Optional<String> selectedRoleId,
        Optional<Integer> idAssuranceLevel, Optional<Integer> authenticationAssuranceLevel) {
    /**
     * Checks and copies.
     *
     * @param nhsidUseruid user UID
     * @param nrbacRoles roles
     * @param selectedRoleId selected role id
     * @param idAssuranceLevel IAL
     * @param authenticationAssuranceLevel AAL
     */
    public NhsClaims {
        Objects.requireNonNull(nhsidUseruid, "nhsidUseruid");
        nrbacRoles = List.copyOf(nrbacRoles);
        Objects.requireNonNull(selectedRoleId, "selectedRoleId");
        Objects.requireNonNull(idAssuranceLevel, "idAssuranceLevel");
        Objects.requireNonNull(authenticationAssuranceLevel, "authenticationAssuranceLevel");
    }

    /**
     * Reads the NHS claims from a token's or userinfo's claims. Absent claims are empty; claims of the
     * wrong type are an error.
     *
     * @param claims claim name to value, as JSON maps to Java (strings, numbers, lists, maps)
     * @return the NHS claims
     * @throws CisException (INVALID_TOKEN) naming the claim and what was expected
     */
    public static NhsClaims from(Map<String, ?> claims) {
        Objects.requireNonNull(claims, "claims");
        List<NrbacRole> roles = new ArrayList<>();
        Object raw = claims.get("nhsid_nrbac_roles");
        if (raw != null) {
            if (!(raw instanceof List<?> list)) {
                throw invalid("nhsid_nrbac_roles is not an array: expected a list of role objects");
            }
            int i = 0;
            for (Object o : list) {
                if (!(o instanceof Map<?, ?> m)) {
                    throw invalid("nhsid_nrbac_roles[" + i + "] is not an object");
                }
                String roleId = text(m, "person_roleid", "nhsid_nrbac_roles[" + i + "]")
                        .orElseThrow(() -> invalid("nhsid_nrbac_roles has a role without person_roleid"));
                String where = "nhsid_nrbac_roles[" + i + "]";
                roles.add(new NrbacRole(roleId, text(m, "person_orgid", where), text(m, "org_code", where),
                        text(m, "role_code", where), text(m, "role_name", where)));
                i++;
            }
        }
        return new NhsClaims(text(claims, "nhsid_useruid", "claims"), roles,
                text(claims, "selected_roleid", "claims"), level(claims, "id_assurance_level"),
                level(claims, "authentication_assurance_level"));
    }

    /**
     * The role selected for this session: the one whose {@code person_roleid} is {@link #selectedRoleId()}.
     *
     * @return the role, or empty if none is selected or it is not listed
     */
    public Optional<NrbacRole> selectedRole() {
        return selectedRoleId.flatMap(id -> nrbacRoles.stream().filter(r -> r.personRoleId().equals(id)).findFirst());
    }

    private static Optional<String> text(Map<?, ?> m, String name, String where) {
        Object v = m.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof String s) {
            return s.isBlank() ? Optional.empty() : Optional.of(s);
        }
        if (v instanceof Number n) {
            return Optional.of(n.toString());
        }
        throw invalid(where + "." + name + " is not a string");
    }

    private static Optional<Integer> level(Map<String, ?> claims, String name) {
        Object v = claims.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return Optional.of(n.intValue());
        }
        if (v instanceof String s && s.strip().matches("[0-9]{1,2}")) {
            return Optional.of(Integer.parseInt(s.strip()));
        }
        throw invalid(name + " is '" + v + "': expected a level number such as 3");
    }

    private static CisException invalid(String message) {
        return new CisException(CisException.Reason.INVALID_TOKEN, "NHS claim " + message);
    }
}
