package io.spinekit.ldap.fhir;

import io.spinekit.ldap.SdsLookupException;
import java.util.Objects;
import java.util.Optional;

/**
 * The SDS FHIR API refused a look-up, answered something unreadable, or was asked for a look-up it
 * cannot do. Never retried and never cached. {@link #kind()} says which; {@link #outcome()} carries
 * the status and {@code OperationOutcome} when the API answered; {@link #correlationId()} the
 * {@code X-Correlation-Id} to quote to NHS support.
 *
 * <p>When the API could not be reached, answered 5xx, kept answering 429 or timed out, the failure
 * is an {@link SdsFhirUnavailableException} instead, and a stale cached answer is served if there is one.
 */
public class SdsFhirException extends SdsLookupException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** 400, 404, 405, 406 or another 4xx: the request was wrong; a retry would fail the same way. */
        REJECTED,
        /** 401 or 403: no API key, or the key is not accepted for this API. */
        UNAUTHORIZED,
        /** A 200 whose body is not the Bundle SDS-FHIR.md describes (the message names what was wrong). */
        MALFORMED_RESPONSE,
        /** The API cannot answer this look-up (such as an accredited system by ASID alone). */
        UNSUPPORTED,
        /** A value cannot be sent to the API (the message names it and what was expected). */
        INVALID_VALUE
    }

    private final Kind kind;
    private final transient FhirOutcome outcome;
    private final String correlationId;

    /**
     * Creates the exception.
     *
     * @param kind what went wrong
     * @param message what failed, with every echoed value quoted
     * @param outcome the API's answer, or {@code null}
     * @param correlationId the request's correlation id, or {@code null} when nothing was sent
     */
    public SdsFhirException(Kind kind, String message, FhirOutcome outcome, String correlationId) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.outcome = outcome;
        this.correlationId = correlationId;
    }

    /**
     * What went wrong.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The API's status and {@code OperationOutcome}.
     *
     * @return the outcome, empty when the API did not answer with an error status
     */
    public Optional<FhirOutcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    /**
     * The {@code X-Correlation-Id} of the request.
     *
     * @return the id, empty when no request was sent
     */
    public Optional<String> correlationId() {
        return Optional.ofNullable(correlationId);
    }
}
