package io.spinekit.wes.internal;

import io.spinekit.wes.Bitness;
import io.spinekit.wes.Windows10Release;

/**
 * A Windows 10 limit from a footnote: highest release and bitness (CIS: 20H2, 64-bit).
 *
 * @param maxRelease the highest release warranted, inclusive
 * @param bitness the bitness required
 */
public record Windows10Limit(Windows10Release maxRelease, Bitness bitness) {
    /**
     * A readable form, e.g. {@code "Windows 10 up to and including 20H2 (64-bit)"}.
     *
     * @return the description
     */
    public String describe() {
        return "Windows 10 up to and including " + maxRelease.label() + " (" + bitness.label() + ")";
    }
}
