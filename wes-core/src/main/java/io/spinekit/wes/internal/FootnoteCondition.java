package io.spinekit.wes.internal;

import io.spinekit.wes.ConditionKind;
import java.util.List;
import java.util.Optional;

/**
 * A typed condition of a footnote and the cells it governs. It governs a cell when the cell's
 * column is in {@code columns} (or the scope is the whole row), the row is in {@code rows} (or
 * {@code rows} is empty), the footnote's marker stands on the row header, the column header or the
 * cell, and the cell warrants use (a condition on a "No" or "N/A" cell would be moot).
 *
 * @param marker the footnote marker
 * @param kind the condition kind
 * @param rowScope true when the condition applies to the row as a whole (authenticator footnotes)
 * @param columns the columns it governs (empty for a row-scoped condition)
 * @param rows the row keys it is limited to (empty: every row carrying the marker)
 * @param jre the JRE limit, for {@link ConditionKind#JRE_VERSION_LIMIT}
 * @param windows10 the Windows 10 limit, for {@link ConditionKind#WINDOWS_10_RELEASE_LIMIT}
 */
public record FootnoteCondition(String marker, ConditionKind kind, boolean rowScope, List<WesColumn> columns,
        List<String> rows, Optional<JreLimit> jre, Optional<Windows10Limit> windows10) {
}
