package io.spinekit.wes;

/**
 * A cell of a WES table, named as the seed names it.
 *
 * @param table the table
 * @param row the row header, verbatim (e.g. {@code "Care Identity Service application*"})
 * @param column the column header, verbatim (e.g. {@code "Edge***"})
 * @param text the cell text, verbatim (e.g. {@code "Yes*"})
 */
public record CellRef(WesTableId table, String row, String column, String text) {
    /**
     * A readable form: {@code [Care Identity Service application* x Chrome] = "Yes*"}.
     *
     * @return the description
     */
    public String describe() {
        return "[" + row + " x " + column + "] = \"" + text + "\"";
    }
}
