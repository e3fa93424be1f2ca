package io.spinekit.wes;

import java.util.Objects;
import java.util.Optional;

/**
 * One step of an assessment's reasoning: which cell or footnote was consulted and what it meant.
 *
 * @param outcome whether the step was met, left a condition, ruled the environment out, or is for information
 * @param cell the table cell consulted, if any
 * @param footnote the footnote marker consulted, if any
 * @param message the explanation
 */
public record Reason(Outcome outcome, Optional<CellRef> cell, Optional<String> footnote, String message) {

    /** What a reason did to the verdict. */
    public enum Outcome {
        /** The requirement is met. */
        MET,
        /** The requirement leaves a condition. */
        CONDITION,
        /** The requirement is not met: not supported. */
        NOT_MET,
        /** For information; no effect on the verdict. */
        INFO
    }

    /**
     * Checks the parts are present.
     *
     * @param outcome the outcome
     * @param cell the cell
     * @param footnote the footnote
     * @param message the message
     */
    public Reason {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(footnote, "footnote");
        Objects.requireNonNull(message, "message");
    }

    /**
     * A readable line: {@code NOT_MET [SUS x Firefox] = "No": ...}.
     *
     * @return the description
     */
    public String describe() {
        return outcome + cell.map(c -> " " + c.describe()).orElse("") + footnote.map(f -> " footnote " + f).orElse("")
                + ": " + message;
    }
}
