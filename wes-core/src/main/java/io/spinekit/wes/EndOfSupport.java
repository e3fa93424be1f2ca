package io.spinekit.wes;

import java.time.LocalDate;

/**
 * A vendor end-of-support date for a product (public vendor lifecycle dates; not part of the WES).
 *
 * @param product the product's enum name ({@link OsProduct} or {@link BrowserProduct})
 * @param label the product's name
 * @param date the date support ends or ended
 * @param event what happens then, e.g. {@code "end of extended support"} or {@code "retired"}
 */
public record EndOfSupport(String product, String label, LocalDate date, String event) {
}
