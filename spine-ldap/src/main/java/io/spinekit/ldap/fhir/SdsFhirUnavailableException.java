package io.spinekit.ldap.fhir;

import io.spinekit.ldap.SdsUnavailableException;
import io.spinekit.tls.TlsFailure;
import java.util.Optional;

/**
 * The SDS FHIR API could not answer: no connection, a TLS failure, a timeout, a 5xx (500, 502,
 * 503, 504), or 429 past the retries. Like an LDAP outage, a stale cached answer is served instead
 * when there is one (stale-if-error). {@link #outcome()} carries the status and error body when the
 * API answered; {@link #correlationId()} the request's {@code X-Correlation-Id}.
 */
public class SdsFhirUnavailableException extends SdsUnavailableException {
    private static final long serialVersionUID = 1L;

    private final transient FhirOutcome outcome;
    private final String correlationId;

    /**
     * Creates the exception.
     *
     * @param message what failed: the URL, the deadline or status, and the way out
     * @param cause the I/O failure, or {@code null}
     * @param reason why
     * @param tlsFailure how a TLS handshake failed, or {@code null}
     * @param outcome the API's answer, or {@code null}
     * @param correlationId the request's correlation id
     */
    public SdsFhirUnavailableException(String message, Throwable cause, Reason reason, TlsFailure tlsFailure,
            FhirOutcome outcome, String correlationId) {
        super(message, cause, reason, tlsFailure);
        this.outcome = outcome;
        this.correlationId = correlationId;
    }

    /**
     * The API's status and error body.
     *
     * @return the outcome, empty when the API did not answer
     */
    public Optional<FhirOutcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    /**
     * The {@code X-Correlation-Id} of the (last) request.
     *
     * @return the id
     */
    public Optional<String> correlationId() {
        return Optional.ofNullable(correlationId);
    }
}
