package io.spinekit.cis;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A smartcard user's role assertion, read from the SAML 1.1 response of CIS's
 * {@code /saml/RoleAssertion} endpoint by {@link RoleAssertionParser}.
 *
 * <p>It identifies the user, the role profile they selected for this session
 * ({@link #sessionRoleUid()}, see {@link #selectedRole()}), the session's mode, when the assertion
 * may be used, and every role profile the user holds. It does not carry the SSO ticket.
 *
 * @param userUid the user's unique identifier ({@code uid}), for example {@code 555006130103}
 * @param userName the user's full name ({@code cn})
 * @param userDn the SAML subject, for example {@code uid=555006130103,ou=People,o=nhs}
 * @param ocsPractitionerCode the OCS practitioner code ({@code nhsOcsPrCode}), when present
 * @param sessionRoleUid the role profile selected for this session ({@code ssbSessionRoleUid})
 * @param mode live or training ({@code ssbMode}); empty when the assertion does not say
 * @param assertionVersion {@code ssbAssertionVersion}, for example {@code 1.1}
 * @param assertionId the SAML {@code AssertionID}
 * @param issuer the SAML {@code Issuer}
 * @param issueInstant the SAML {@code IssueInstant}
 * @param validity the {@code Conditions} window
 * @param roleProfiles every role profile, in document order
 * @param otherAttributes attributes spinekit does not model, by name, values in document order
 */
public record RoleAssertion(String userUid, String userName, String userDn, Optional<String> ocsPractitionerCode,
        String sessionRoleUid, Optional<SessionMode> mode, Optional<String> assertionVersion,
        Optional<String> assertionId, Optional<String> issuer, Optional<Instant> issueInstant,
        ValidityWindow validity, List<RoleProfile> roleProfiles, Map<String, List<String>> otherAttributes) {

    /**
     * Checks and copies.
     *
     * @param userUid user UID
     * @param userName full name
     * @param userDn subject DN
     * @param ocsPractitionerCode OCS practitioner code
     * @param sessionRoleUid selected role profile UID
     * @param mode session mode
     * @param assertionVersion assertion version
     * @param assertionId assertion id
     * @param issuer issuer
     * @param issueInstant issue instant
     * @param validity validity window
     * @param roleProfiles role profiles
     * @param otherAttributes unmodelled attributes
     */
    public RoleAssertion {
        Objects.requireNonNull(userUid, "userUid");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(userDn, "userDn");
        Objects.requireNonNull(ocsPractitionerCode, "ocsPractitionerCode");
        Objects.requireNonNull(sessionRoleUid, "sessionRoleUid");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(assertionVersion, "assertionVersion");
        Objects.requireNonNull(assertionId, "assertionId");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(issueInstant, "issueInstant");
        Objects.requireNonNull(validity, "validity");
        roleProfiles = List.copyOf(roleProfiles);
        otherAttributes = Map.copyOf(otherAttributes);
    }

    /**
     * The role profile the user selected for this session: the one whose UID is {@link #sessionRoleUid()}.
     *
     * @return the selected profile, or empty if the assertion does not list it
     */
    public Optional<RoleProfile> selectedRole() {
        return roleProfile(sessionRoleUid);
    }

    /**
     * A role profile by UID.
     *
     * @param uniqueIdentifier the role profile UID
     * @return the profile, if the user holds it
     */
    public Optional<RoleProfile> roleProfile(String uniqueIdentifier) {
        return roleProfiles.stream().filter(p -> p.uniqueIdentifier().equals(uniqueIdentifier)).findFirst();
    }

    /**
     * Whether the assertion may be used at an instant, allowing no clock skew.
     *
     * @param instant the instant
     * @return true if inside {@link #validity()}
     */
    public boolean isValidAt(Instant instant) {
        return validity.contains(instant, java.time.Duration.ZERO);
    }
}
