package io.spinekit.wes;

import java.util.Objects;
import java.util.Optional;

/**
 * A condition a supported environment must meet, or a limitation it has, e.g. "needs NHS Credential
 * Management or the Chrome extension".
 *
 * @param kind the kind
 * @param footnote the WES footnote marker it comes from ({@code "*"}, {@code "**"}...), if any
 * @param text what must be done or confirmed
 */
public record Condition(ConditionKind kind, Optional<String> footnote, String text) {
    /**
     * Checks the parts are present.
     *
     * @param kind the kind
     * @param footnote the footnote
     * @param text the text
     */
    public Condition {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(footnote, "footnote");
        Objects.requireNonNull(text, "text");
    }
}
