package io.spinekit.ldap.fhir;

import java.util.Objects;
import java.util.Optional;

/**
 * What the SDS FHIR API said about a failed request: the HTTP status and the first issue of its
 * {@code OperationOutcome} (docs/reference/SDS-FHIR.md section 4). The gateway's own catch-all
 * error ({@code application/json}) has the same shape.
 *
 * @param status the HTTP status, such as 400
 * @param issueCode the issue's {@code code}, such as {@code required}, {@code not-supported}
 * @param spineCode the issue's {@code details.coding[0].code}, such as {@code BAD_REQUEST}
 * @param diagnostics the issue's {@code diagnostics}, as sent (quote it before printing)
 * @param correlationId the {@code X-Correlation-Id} of the request (the one the API echoed, else ours)
 */
public record FhirOutcome(int status, Optional<String> issueCode, Optional<String> spineCode,
        Optional<String> diagnostics, String correlationId) {
    /**
     * Checks the components are present.
     *
     * @param status status
     * @param issueCode issue code
     * @param spineCode Spine error code
     * @param diagnostics diagnostics
     * @param correlationId correlation id
     */
    public FhirOutcome {
        Objects.requireNonNull(issueCode, "issueCode");
        Objects.requireNonNull(spineCode, "spineCode");
        Objects.requireNonNull(diagnostics, "diagnostics");
        Objects.requireNonNull(correlationId, "correlationId");
    }
}
