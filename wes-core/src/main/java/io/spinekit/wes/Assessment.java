package io.spinekit.wes;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The result of assessing a client environment against the WES for one system or authenticator.
 *
 * @param table the table consulted
 * @param subject the system or authenticator, as the seed words it (e.g. {@code "Spine SCR"})
 * @param environment the environment assessed (for a User-Agent: the most favourable reading of it;
 *     empty when the User-Agent names no operating system)
 * @param userAgent the User-Agent the environment was read from, if any
 * @param date the date the end-of-support warnings are for
 * @param edition the WES edition date
 * @param verdict the verdict
 * @param conditions the conditions to meet or confirm (empty unless {@link Verdict#SUPPORTED_WITH_CONDITIONS})
 * @param reasons every cell, footnote and statement consulted, in order
 * @param warnings vendor end-of-support warnings as of {@code date}
 */
public record Assessment(WesTableId table, String subject, Optional<ClientEnvironment> environment,
        Optional<UserAgent> userAgent, LocalDate date, LocalDate edition, Verdict verdict, List<Condition> conditions,
        List<Reason> reasons, List<EndOfSupportWarning> warnings) {

    /**
     * Whether the verdict is {@link Verdict#SUPPORTED} or {@link Verdict#SUPPORTED_WITH_CONDITIONS}.
     *
     * @return true unless not supported
     */
    public boolean supported() {
        return verdict != Verdict.NOT_SUPPORTED;
    }

    /**
     * The reasons that ruled the environment out.
     *
     * @return the {@link Reason.Outcome#NOT_MET} reasons
     */
    public List<Reason> failures() {
        return reasons.stream().filter(r -> r.outcome() == Reason.Outcome.NOT_MET).toList();
    }

    /**
     * Whether a condition of a kind is present.
     *
     * @param kind the kind
     * @return true when present
     */
    public boolean hasCondition(ConditionKind kind) {
        return conditions.stream().anyMatch(c -> c.kind() == kind);
    }

    /**
     * A readable multi-line report: verdict, conditions, reasons, warnings.
     *
     * @return the report
     */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(subject).append(" on ").append(environment.map(ClientEnvironment::describe).orElse("(unrecognised environment)"))
                .append(": ").append(verdict).append('\n');
        b.append("  WES edition ").append(edition).append(", assessed for ").append(date).append('\n');
        if (!conditions.isEmpty()) {
            b.append("  conditions:\n");
            conditions.forEach(c -> b.append("    - ").append(c.footnote().map(f -> "(" + f + ") ").orElse(""))
                    .append(c.text()).append('\n'));
        }
        b.append("  reasons:\n");
        reasons.forEach(r -> b.append("    - ").append(r.describe()).append('\n'));
        if (!warnings.isEmpty()) {
            b.append("  warnings:\n");
            warnings.forEach(w -> b.append("    - ").append(w.message()).append('\n'));
        }
        return b.toString();
    }
}
