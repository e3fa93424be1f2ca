package io.spinekit.messaging;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What came back for an ebXML message (MESSAGING.md section 3), parsed by
 * {@link EbxmlCodec#parseReply(int, String, byte[])}: an acknowledgement, an ebXML error list, a
 * SOAP fault, or something else.
 */
public sealed interface SpineReply permits SpineReply.Acknowledged, SpineReply.MessageError, SpineReply.SoapFault,
        SpineReply.SyncResponse, SpineReply.Unexpected {

    /**
     * The HTTP status it came with.
     *
     * @return the status code
     */
    int status();

    /**
     * An {@code eb:Acknowledgment}, or an empty 202 answer to a send (MHS treats 202 as success,
     * MESSAGING.md section 3).
     *
     * @param status HTTP status
     * @param header the acknowledgement's MessageHeader, empty for an empty body
     * @param refToMessageId the acknowledged message id, if the body carried one
     */
    record Acknowledged(int status, Optional<MessageHeader> header, Optional<String> refToMessageId)
            implements SpineReply {
        /**
         * Checks that no component is {@code null}.
         *
         * @param status status
         * @param header header
         * @param refToMessageId acknowledged message
         */
        public Acknowledged {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(refToMessageId, "refToMessageId");
        }
    }

    /**
     * An {@code eb:ErrorList} (a negative acknowledgement). Never retried (MHS {@code w/asynchronous_reliable.py}).
     *
     * @param status HTTP status
     * @param header the MessageHeader, if the envelope had one
     * @param errors the errors, in order
     */
    record MessageError(int status, Optional<MessageHeader> header, List<EbxmlError> errors) implements SpineReply {
        /**
         * Copies.
         *
         * @param status status
         * @param header header
         * @param errors errors
         */
        public MessageError {
            Objects.requireNonNull(header, "header");
            errors = List.copyOf(errors);
        }
    }

    /**
     * A {@code SOAP:Fault}.
     *
     * @param status HTTP status (500 from Spine)
     * @param faultCode {@code faultcode}, such as {@code SOAP:Server}
     * @param faultString {@code faultstring}, such as {@code Application Exception}
     * @param errors the {@code nasp:errorList} entries
     */
    record SoapFault(int status, String faultCode, String faultString, List<FaultError> errors) implements SpineReply {
        /**
         * Copies.
         *
         * @param status status
         * @param faultCode fault code
         * @param faultString fault string
         * @param errors errors
         */
        public SoapFault {
            Objects.requireNonNull(faultCode, "faultCode");
            Objects.requireNonNull(faultString, "faultString");
            errors = List.copyOf(errors);
        }

        /**
         * Whether the fault may be retried: only if there is at least one error and every code is
         * retriable (200, 206, 208). MHS also retries an empty code list; spinekit does not, so a
         * fault that says nothing is not resent in a loop (MESSAGING.md section 3, inferred guard).
         *
         * @return whether a resend may succeed
         */
        public boolean retriable() {
            return !errors.isEmpty() && errors.stream().allMatch(FaultError::retriable);
        }
    }

    /**
     * The answer to a synchronous SOAP request (MESSAGING.md section 5): the content of the
     * response's {@code SOAP-ENV:Body}, byte for byte as sent.
     *
     * @param status HTTP status (200)
     * @param relatesTo the {@code wsa:RelatesTo}, if the response had one (it matched the request)
     * @param body the Body's content, such as {@code <hl7:retrievalQueryResponse>...}
     */
    record SyncResponse(int status, Optional<String> relatesTo, byte[] body) implements SpineReply {
        /**
         * Copies.
         *
         * @param status status
         * @param relatesTo RelatesTo
         * @param body body
         */
        public SyncResponse {
            Objects.requireNonNull(relatesTo, "relatesTo");
            body = Objects.requireNonNull(body, "body").clone();
        }

        /**
         * A copy of the body.
         *
         * @return the bytes
         */
        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SyncResponse r && status == r.status && relatesTo.equals(r.relatesTo)
                    && java.util.Arrays.equals(body, r.body);
        }

        @Override
        public int hashCode() {
            return Objects.hash(status, relatesTo, java.util.Arrays.hashCode(body));
        }

        /**
         * Status and size, never the content.
         *
         * @return a description
         */
        @Override
        public String toString() {
            return "SyncResponse[status=" + status + ", relatesTo=" + relatesTo.orElse("") + ", " + body.length
                    + " bytes]";
        }
    }

    /**
     * Anything else: a status and body that is none of the above (an HTML error page, a 404).
     *
     * @param status HTTP status
     * @param contentType the Content-Type, empty if none
     * @param detail what was found, for messages (never the whole body)
     */
    record Unexpected(int status, String contentType, String detail) implements SpineReply {
        /**
         * Checks that no component is {@code null}.
         *
         * @param status status
         * @param contentType content type
         * @param detail detail
         */
        public Unexpected {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
