package io.spinekit.messaging;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code eb:Error} of an {@code eb:ErrorList} (MESSAGING.md section 3), such as
 * {@code ValueNotRecognized} / {@code 501319:Unknown eb:CPAId}.
 *
 * @param errorCode {@code eb:errorCode} (required by the schema)
 * @param severity {@code eb:severity}: {@code Warning} or {@code Error}
 * @param codeContext {@code eb:codeContext}; the schema's default
 *     {@code urn:oasis:names:tc:ebxml-msg:service:errors} when absent
 * @param location {@code eb:location}, if present
 * @param id {@code eb:id}, if present
 * @param description the {@code eb:Description} text, if present
 */
public record EbxmlError(String errorCode, String severity, String codeContext, Optional<String> location,
        Optional<String> id, Optional<String> description) {

    /** The schema's default {@code eb:codeContext}. */
    public static final String DEFAULT_CODE_CONTEXT = "urn:oasis:names:tc:ebxml-msg:service:errors";

    /**
     * Checks that no component is {@code null}.
     *
     * @param errorCode code
     * @param severity severity
     * @param codeContext code context
     * @param location location
     * @param id id
     * @param description description
     */
    public EbxmlError {
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(codeContext, "codeContext");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
    }

    /**
     * An error with the default code context, severity {@code Error} and a description.
     *
     * @param errorCode such as {@code ValueNotRecognized}
     * @param description such as {@code 501319:Unknown eb:CPAId}
     * @return the error
     */
    public static EbxmlError of(String errorCode, String description) {
        return new EbxmlError(errorCode, "Error", DEFAULT_CODE_CONTEXT, Optional.empty(), Optional.empty(),
                Optional.of(description));
    }
}
