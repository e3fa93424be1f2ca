package io.spinekit.wes.internal;

import io.spinekit.wes.Application;
import io.spinekit.wes.Authenticator;
import io.spinekit.wes.OsProduct;
import io.spinekit.wes.WesTableId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One of the two WES tables, as data.
 *
 * @param id which table
 * @param title the table title, verbatim
 * @param columns the columns, in order
 * @param columnHeaders the column headers, verbatim, by column
 * @param columnOs the operating systems each OS column covers
 * @param rows the rows, in order
 * @param footnotes the footnotes
 */
public record WesTable(WesTableId id, String title, List<WesColumn> columns, Map<WesColumn, String> columnHeaders,
        Map<WesColumn, List<OsRequirement>> columnOs, List<WesRow> rows, List<Footnote> footnotes) {

    /**
     * The row with a key.
     *
     * @param key an {@link Application} or {@link Authenticator} enum name
     * @return the row
     */
    public Optional<WesRow> row(String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst();
    }

    /**
     * The OS column covering a product, and the requirement it places on it.
     *
     * @param product the operating system
     * @return the column and requirement, empty when the table lists no column for it
     */
    public Optional<Map.Entry<WesColumn, OsRequirement>> osColumn(OsProduct product) {
        for (WesColumn c : columns) {
            for (OsRequirement r : columnOs.getOrDefault(c, List.of())) {
                if (r.product() == product) {
                    return Optional.of(Map.entry(c, r));
                }
            }
        }
        return Optional.empty();
    }
}
