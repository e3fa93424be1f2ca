package io.spinekit.tls;

import java.util.Objects;

/**
 * One result of {@link CertificateInspector}: what was checked, how serious it is, and what to do.
 *
 * @param check a stable code for the check, such as {@code "validity"}, {@code "signature"} or {@code "host"}
 * @param severity how serious it is
 * @param message what was found, naming the value
 * @param fix what to do about it, in plain language; empty for {@link Severity#OK} findings
 */
public record Finding(String check, Severity severity, String message, String fix) {

    /** How serious a finding is. */
    public enum Severity {
        /** Checked and fine. */
        OK,
        /** Worth knowing; nothing to do. */
        INFO,
        /** Works now but should be fixed (expiring soon, missing extended key usage for one role). */
        WARNING,
        /** Will not work with Spine, or is insecure: fix before use. */
        ERROR
    }

    /**
     * Validates.
     *
     * @param check the check code
     * @param severity the severity
     * @param message the message
     * @param fix the fix
     */
    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        fix = fix == null ? "" : fix;
    }

    static Finding ok(String check, String message) {
        return new Finding(check, Severity.OK, message, "");
    }

    static Finding info(String check, String message) {
        return new Finding(check, Severity.INFO, message, "");
    }
}
