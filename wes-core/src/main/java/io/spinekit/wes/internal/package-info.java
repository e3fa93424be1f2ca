/**
 * The storage model of the WES tables (tables, rows, cells, columns, footnotes and the limits they
 * carry), as read from the WES data file. It is the implementation behind {@link io.spinekit.wes.Wes}
 * and the {@code spine wes matrix} command.
 *
 * <p><b>This package carries no compatibility promise</b>: its types may change or go in any
 * release. Use {@link io.spinekit.wes.Wes#assess} and the types of {@code io.spinekit.wes}.
 */
package io.spinekit.wes.internal;
