package io.spinekit.ldap;

import io.spinekit.core.Text;
import java.util.Objects;

/**
 * A value SDS holds that a look-up skipped because it was malformed and the answer did not depend
 * on it, such as one of the 327 {@code nhsAsSvcIA} values of an accredited system that is not an
 * interaction id (a shape seen in NHS's OpenTest SDS). The look-up succeeds; the warning is on the
 * record ({@link AccreditedSystem#warnings()}), on the result ({@link SdsResult#warnings()},
 * {@link RouteResult#warnings()}) and logged at WARN when the entry is read.
 *
 * <p>A malformed value the answer needs (the ASID, party key or ODS code of the entry, say) is not
 * a warning but an {@link SdsLookupException} naming the entry and attribute.
 *
 * @param entryDn the DN of the entry holding the value
 * @param attribute the attribute holding the value
 * @param value the value as stored
 * @param reason why it was skipped, such as {@code "not an interaction id"}
 */
public record SdsWarning(String entryDn, String attribute, String value, String reason) {
    /**
     * Checks that every component is present.
     *
     * @param entryDn entry DN
     * @param attribute attribute
     * @param value value
     * @param reason reason
     */
    public SdsWarning {
        Objects.requireNonNull(entryDn, "entryDn");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * A one-line description, with the DN and value quoted by {@link Text#quote(CharSequence)} (control
     * characters escaped, long values cut), safe to log.
     *
     * @return for example {@code SDS entry "uniqueIdentifier=...,ou=services,o=nhs": skipped nhsAsSvcIA
     *     value "sdfsd:AccreditedSystemSearchRequest_1_0" (not an interaction id)}
     */
    public String message() {
        return "SDS entry " + Text.quote(entryDn, 200) + ": skipped " + attribute + " value " + Text.quote(value)
                + " (" + reason + ")";
    }

    @Override
    public String toString() {
        return message();
    }
}
