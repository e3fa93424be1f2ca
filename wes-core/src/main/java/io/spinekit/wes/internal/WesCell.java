package io.spinekit.wes.internal;

import java.util.List;

/**
 * A cell of a WES table.
 *
 * @param column the column
 * @param text the cell text, verbatim (e.g. {@code "Yes*"})
 * @param value the value without markers
 * @param markers the footnote markers written in the cell
 * @param conditions the footnote conditions that govern this cell (from the cell, its row or its column)
 */
public record WesCell(WesColumn column, String text, CellValue value, List<String> markers,
        List<FootnoteCondition> conditions) {
}
