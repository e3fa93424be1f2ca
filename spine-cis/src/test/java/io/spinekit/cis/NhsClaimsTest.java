package io.spinekit.cis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NhsClaimsTest {
    @Test
    void readsRolesSelectedRoleAndAssuranceLevels() {
        NhsClaims c = NhsClaims.from(Map.of(
                "nhsid_useruid", "910000000001",
                "nhsid_nrbac_roles", List.of(
                        Map.of("person_roleid", "r1", "person_orgid", "o1", "org_code", "A1", "role_code",
                                "S8000:G8000:R8001", "role_name", "Nurse"),
                        Map.of("person_roleid", "r2", "org_code", "B2")),
                "selected_roleid", "r2",
                "id_assurance_level", 3,
                "authentication_assurance_level", "3"));

        assertThat(c).isEqualTo(new NhsClaims(Optional.of("910000000001"), List.of(
                new NrbacRole("r1", Optional.of("o1"), Optional.of("A1"), Optional.of("S8000:G8000:R8001"),
                        Optional.of("Nurse")),
                new NrbacRole("r2", Optional.empty(), Optional.of("B2"), Optional.empty(), Optional.empty())),
                Optional.of("r2"), Optional.of(3), Optional.of(3)));
        assertThat(c.selectedRole().map(NrbacRole::personRoleId)).contains("r2");
    }

    @Test
    void absentClaimsAreEmpty() {
        NhsClaims c = NhsClaims.from(Map.of("sub", "x"));

        assertThat(c).isEqualTo(new NhsClaims(Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty()));
        assertThat(c.selectedRole()).isEmpty();
    }

    @Test
    void selectedRoleNotAmongTheRolesIsEmpty() {
        NhsClaims c = NhsClaims.from(Map.of("nhsid_nrbac_roles", List.of(Map.of("person_roleid", "r1")),
                "selected_roleid", "r9"));

        assertThat(c.selectedRoleId()).contains("r9");
        assertThat(c.selectedRole()).isEmpty();
    }

    @Test
    void wrongTypesAreRejectedNamingTheClaim() {
        assertThatThrownBy(() -> NhsClaims.from(Map.of("nhsid_nrbac_roles", "r1")))
                .isInstanceOfSatisfying(CisException.class, e -> assertThat(e.reason())
                        .isEqualTo(CisException.Reason.INVALID_TOKEN))
                .hasMessage("NHS claim nhsid_nrbac_roles is not an array: expected a list of role objects");
        assertThatThrownBy(() -> NhsClaims.from(Map.of("nhsid_nrbac_roles", List.of("r1"))))
                .hasMessage("NHS claim nhsid_nrbac_roles[0] is not an object");
        assertThatThrownBy(() -> NhsClaims.from(Map.of("nhsid_nrbac_roles", List.of(Map.of("org_code", "A1")))))
                .hasMessage("NHS claim nhsid_nrbac_roles has a role without person_roleid");
        assertThatThrownBy(() -> NhsClaims.from(Map.of("authentication_assurance_level", "high")))
                .hasMessage("NHS claim authentication_assurance_level is 'high': expected a level number such as 3");
        assertThatThrownBy(() -> NhsClaims.from(Map.of("nhsid_useruid", List.of("x"))))
                .hasMessage("NHS claim claims.nhsid_useruid is not a string");
    }
}
