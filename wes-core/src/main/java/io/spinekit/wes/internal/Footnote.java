package io.spinekit.wes.internal;

import java.util.List;

/**
 * A footnote of a WES table: its marker, verbatim text and typed conditions.
 *
 * @param marker {@code "*"}, {@code "**"}...
 * @param text the footnote text, verbatim
 * @param conditions the typed conditions
 */
public record Footnote(String marker, String text, List<FootnoteCondition> conditions) {
}
