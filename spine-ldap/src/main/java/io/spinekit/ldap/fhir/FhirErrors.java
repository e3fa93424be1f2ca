package io.spinekit.ldap.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.spinekit.core.Text;
import io.spinekit.ldap.SdsUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * The SDS FHIR API's error answers (docs/reference/SDS-FHIR.md section 4): the service's
 * {@code OperationOutcome} or the gateway's catch-all of the same shape, read into a
 * {@link FhirOutcome}, and the status turned into the exception the client throws. 400, 404, 405,
 * 406 (and any other 4xx but 429) are the caller's: {@link SdsFhirException}, never retried;
 * 5xx are "unavailable": {@link SdsFhirUnavailableException}, so a stale answer may be served.
 */
final class FhirErrors {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FhirErrors() {
    }

    /** The first issue of an error body; an unreadable body gives empty fields. */
    static FhirOutcome outcome(int status, byte[] body, String correlationId) {
        JsonNode issue = null;
        try {
            JsonNode root = body.length == 0 ? null : JSON.readTree(body);
            if (root != null && root.path("issue").isArray() && !root.path("issue").isEmpty()) {
                issue = root.path("issue").get(0);
            }
        } catch (IOException e) {
            // not JSON: the status says enough
        }
        if (issue == null) {
            return new FhirOutcome(status, Optional.empty(), Optional.empty(), Optional.empty(), correlationId);
        }
        return new FhirOutcome(status, text(issue.path("code")), text(issue.path("details").path("coding").path(0)
                .path("code")), text(issue.path("diagnostics")), correlationId);
    }

    private static Optional<String> text(JsonNode n) {
        return n.isTextual() ? Optional.of(n.asText()) : Optional.empty();
    }

    /** The exception for a status other than 200 and 429. */
    static RuntimeException status(FhirOutcome o, String what, URI url) {
        int status = o.status();
        String said = o.issueCode().map(c -> " " + Text.quote(c, 100)).orElse("")
                + o.spineCode().map(c -> " " + Text.quote(c, 100)).orElse("")
                + o.diagnostics().map(d -> ": " + Text.quote(d, 500)).orElse("");
        String head = "The SDS FHIR API answered " + status + said + " to the " + what + " (X-Correlation-Id "
                + o.correlationId() + ")";
        if (status >= 500) {
            return new SdsFhirUnavailableException(head + ": the API or the directory behind it is failing; a"
                    + " cached answer is served while it lasts", null, status == 504
                            ? SdsUnavailableException.Reason.TIMEOUT : SdsUnavailableException.Reason.UNAVAILABLE,
                    null, o, o.correlationId());
        }
        if (status == 401 || status == 403) {
            return new SdsFhirException(SdsFhirException.Kind.UNAUTHORIZED, head + ": give the application's API key"
                    + " (SdsFhir.Builder.apiKey, apiKeyFile or apiKeyFromEnvironment; spine sds --api-key-file)", o,
                    o.correlationId());
        }
        String fix = switch (status) {
            case 404 -> ": the path is wrong (it is case-sensitive: /Device, /Endpoint); check the base URL "
                    + Text.quote(url.getScheme() + "://" + url.getAuthority() + url.getRawPath(), 200);
            case 405 -> ": only GET is allowed";
            case 406 -> ": the API serves only application/fhir+json and application/json";
            default -> ": the request is wrong and is not retried";
        };
        return new SdsFhirException(SdsFhirException.Kind.REJECTED, head + fix, o, o.correlationId());
    }
}
