package io.spinekit.wes.internal;

import io.spinekit.wes.Bitness;

/**
 * A JRE limit from a footnote: feature version, highest update, bitness (CIS: 8, 281, 32-bit).
 *
 * @param feature the feature version required
 * @param maxUpdate the highest update warranted, inclusive
 * @param bitness the bitness required
 */
public record JreLimit(int feature, int maxUpdate, Bitness bitness) {
    /**
     * A readable form, e.g. {@code "JRE 8 (32-bit) up to and including 8u281"}.
     *
     * @return the description
     */
    public String describe() {
        return "JRE " + feature + " (" + bitness.label() + ") up to and including " + feature + "u" + maxUpdate;
    }
}
