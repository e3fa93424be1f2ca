package io.spinekit.cis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One of a user's role profiles from a role assertion: the organisation, the job role and the
 * business functions, areas of work and workgroups that go with it.
 *
 * <p>Names and their codes come as separate lists, as in the assertion ({@code nhsBusinessFunctions}
 * and {@code nhsBusinessFunctionsCodes}); nothing published says the two lists are in the same
 * order, so they are not paired here.
 *
 * @param uniqueIdentifier the role profile UID ({@code uniqueIdentifier}), for example {@code 555006304103}
 * @param orgCode the organisation's ODS code ({@code nhsIdCode}), for example {@code RME}
 * @param orgName the organisation's name ({@code o})
 * @param jobRole the job role as published ({@code nhsJobRole}), for example
 *     {@code "Clinical":"Clinical Provision":"Health Professional Access Role"}
 * @param jobRoleCode the job role code ({@code nhsJobRoleCode}), for example {@code S8000:G8000:R8003}
 * @param businessFunctions business function names ({@code nhsBusinessFunctions})
 * @param businessFunctionCodes business function codes ({@code nhsBusinessFunctionsCodes}), for example {@code B0264}
 * @param areasOfWork area of work names ({@code nhsAreaOfWork})
 * @param areaOfWorkCodes area of work codes ({@code nhsAreaOfWorkCodes})
 * @param workgroups workgroup names ({@code nhsWorkGroups})
 * @param workgroupCodes workgroup codes ({@code nhsWorkGroupsCodes})
 */
public record RoleProfile(String uniqueIdentifier, String orgCode, Optional<String> orgName, Optional<String> jobRole,
        Optional<String> jobRoleCode, List<String> businessFunctions, List<String> businessFunctionCodes,
        List<String> areasOfWork, List<String> areaOfWorkCodes, List<String> workgroups, List<String> workgroupCodes) {

    /**
     * Checks and copies.
     *
     * @param uniqueIdentifier role profile UID
     * @param orgCode ODS code
     * @param orgName organisation name
     * @param jobRole job role
     * @param jobRoleCode job role code
     * @param businessFunctions business functions
     * @param businessFunctionCodes business function codes
     * @param areasOfWork areas of work
     * @param areaOfWorkCodes area of work codes
     * @param workgroups workgroups
     * @param workgroupCodes workgroup codes
     */
    public RoleProfile {
        Objects.requireNonNull(uniqueIdentifier, "uniqueIdentifier");
        Objects.requireNonNull(orgCode, "orgCode");
        Objects.requireNonNull(orgName, "orgName");
        Objects.requireNonNull(jobRole, "jobRole");
        Objects.requireNonNull(jobRoleCode, "jobRoleCode");
        businessFunctions = List.copyOf(businessFunctions);
        businessFunctionCodes = List.copyOf(businessFunctionCodes);
        areasOfWork = List.copyOf(areasOfWork);
        areaOfWorkCodes = List.copyOf(areaOfWorkCodes);
        workgroups = List.copyOf(workgroups);
        workgroupCodes = List.copyOf(workgroupCodes);
    }

    /**
     * The job role's name: the last part of {@link #jobRole()} without quotes.
     *
     * @return for example {@code Health Professional Access Role}
     */
    public Optional<String> jobRoleName() {
        return jobRole.map(RoleProfile::segments).filter(s -> !s.isEmpty()).map(s -> s.get(s.size() - 1));
    }

    /**
     * The role code: the last part of {@link #jobRoleCode()}.
     *
     * @return for example {@code R8003}
     */
    public Optional<String> roleCode() {
        return jobRoleCode.map(c -> c.substring(c.lastIndexOf(':') + 1).strip()).filter(s -> !s.isEmpty());
    }

    /**
     * Splits a hierarchical value such as {@code "Clinical":"Clinical Provision":"Health Professional
     * Access Role"} into its parts, without the quotes. Unquoted values are split on colons.
     *
     * @param value the value
     * @return the parts, outermost first
     */
    static List<String> segments(String value) {
        List<String> parts = new ArrayList<>();
        String v = value.strip();
        if (v.startsWith("\"")) {
            StringBuilder current = null;
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == '"') {
                    if (current == null) {
                        current = new StringBuilder();
                    } else {
                        parts.add(current.toString());
                        current = null;
                    }
                } else if (current != null) {
                    current.append(c);
                }
            }
            if (current != null) {
                parts.add(current.toString());
            }
        } else {
            for (String p : v.split(":")) {
                if (!p.isBlank()) {
                    parts.add(p.strip());
                }
            }
        }
        return parts;
    }
}
