package io.spinekit.wes;

/** The outcome of a WES assessment. */
public enum Verdict {
    /** Every cell consulted warrants the environment and nothing remains to confirm. */
    SUPPORTED,
    /** Warranted provided the listed conditions are met (or with the listed limitations). */
    SUPPORTED_WITH_CONDITIONS,
    /** At least one cell, footnote or statement of the WES rules the environment out. */
    NOT_SUPPORTED
}
