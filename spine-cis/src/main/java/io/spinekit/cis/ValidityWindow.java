package io.spinekit.cis;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When an assertion may be used: from {@code NotBefore} (inclusive) until {@code NotOnOrAfter}
 * (exclusive), as in SAML {@code Conditions}.
 *
 * @param notBefore the first instant it is valid
 * @param notOnOrAfter the first instant it is no longer valid
 */
public record ValidityWindow(Instant notBefore, Instant notOnOrAfter) {
    /**
     * Checks the window.
     *
     * @param notBefore the first valid instant
     * @param notOnOrAfter the first invalid instant
     */
    public ValidityWindow {
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notOnOrAfter, "notOnOrAfter");
        if (!notOnOrAfter.isAfter(notBefore)) {
            throw new CisException(CisException.Reason.MALFORMED, "validity window is empty: NotOnOrAfter "
                    + notOnOrAfter + " is not after NotBefore " + notBefore);
        }
    }

    /**
     * Whether an instant is inside the window, allowing for clock skew at both ends.
     *
     * @param instant the instant to test
     * @param skew allowed clock difference
     * @return true if {@code notBefore - skew <= instant < notOnOrAfter + skew}
     */
    public boolean contains(Instant instant, Duration skew) {
        return !instant.isBefore(notBefore.minus(skew)) && instant.isBefore(notOnOrAfter.plus(skew));
    }

    /**
     * The length of the window.
     *
     * @return {@code notOnOrAfter - notBefore}
     */
    public Duration length() {
        return Duration.between(notBefore, notOnOrAfter);
    }
}
