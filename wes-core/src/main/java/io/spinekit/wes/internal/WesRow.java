package io.spinekit.wes.internal;

import io.spinekit.wes.Application;
import io.spinekit.wes.Authenticator;
import java.util.List;
import java.util.Optional;

/**
 * A row of a WES table.
 *
 * @param key the row's enum name ({@link Application} or {@link Authenticator})
 * @param header the row header, verbatim (e.g. {@code "Spine SCR****"})
 * @param label the header without footnote markers
 * @param markers the footnote markers on the header
 * @param platform the platform the header names, for authenticator rows that have one
 * @param conditions footnote conditions that govern the row as a whole (e.g. "Currently not available")
 * @param cells the cells, in the table's column order
 */
public record WesRow(String key, String header, String label, List<String> markers, Optional<PlatformRequirement> platform,
        List<FootnoteCondition> conditions, List<WesCell> cells) {

    /**
     * The cell of a column.
     *
     * @param column the column
     * @return the cell, empty when the table has no such column
     */
    public Optional<WesCell> cell(WesColumn column) {
        return cells.stream().filter(c -> c.column() == column).findFirst();
    }
}
