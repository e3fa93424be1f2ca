package io.spinekit.messaging;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code nasp:error} in a SOAP fault's {@code detail/nasp:errorList} (MESSAGING.md section 3).
 * Every field is optional on input, because Spine's fixtures are the only source.
 *
 * @param codeContext {@code nasp:codeContext}, such as {@code urn:nhs:names:error:tms}
 * @param errorCode {@code nasp:errorCode}, such as {@code 206}
 * @param severity {@code nasp:severity}
 * @param location {@code nasp:location}
 * @param description {@code nasp:description}
 */
public record FaultError(Optional<String> codeContext, String errorCode, Optional<String> severity,
        Optional<String> location, Optional<String> description) {

    /**
     * The codes MHS retries: 200 (system failure to process message), 206 (routing delivery
     * failure), 208 (failure storing variable in memo); MHS {@code m/soap_fault_envelope.py}.
     */
    public static final Set<String> RETRIABLE_CODES = Set.of("200", "206", "208");

    /**
     * Checks that no component is {@code null}.
     *
     * @param codeContext code context
     * @param errorCode code
     * @param severity severity
     * @param location location
     * @param description description
     */
    public FaultError {
        Objects.requireNonNull(codeContext, "codeContext");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(description, "description");
    }

    /**
     * An error in the TMS code context with severity {@code Error}.
     *
     * @param errorCode such as {@code 206}
     * @param description such as {@code Routing delivery failure}
     * @return the error
     */
    public static FaultError of(String errorCode, String description) {
        return new FaultError(Optional.of("urn:nhs:names:error:tms"), errorCode, Optional.of("Error"),
                Optional.of("Not Supported"), Optional.of(description));
    }

    /**
     * Whether this code alone is retriable.
     *
     * @return {@code true} for 200, 206 and 208
     */
    public boolean retriable() {
        return RETRIABLE_CODES.contains(errorCode.strip());
    }
}
