package io.spinekit.cis;

import java.util.Objects;

/**
 * What GAS answers to an activation: a challenge for the smartcard to sign and GAS's signature over it,
 * both echoed back in the {@link GasAuthenticationRequest}. Both are base64 text; {@link #toString()}
 * hides them.
 *
 * @param challenge {@code challenge}
 * @param signature {@code signature}
 */
public record GasActivationResponse(String challenge, String signature) {
    private static final String WHAT = "GAS activation response";

    /**
     * Checks for nulls.
     *
     * @param challenge the challenge
     * @param signature the server's signature
     */
    public GasActivationResponse {
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(signature, "signature");
    }

    /**
     * Reads the response (which must carry a challenge and a signature; a {@code service} parameter, if
     * present, must be ACTIVATION).
     *
     * @param m the message
     * @return the response
     * @throws CisException (MALFORMED) when a parameter is missing
     */
    public static GasActivationResponse from(GasMessage m) {
        if (m.value("service").isPresent()) {
            Gas.expectService(m, GasService.ACTIVATION, WHAT);
        }
        return new GasActivationResponse(m.require("challenge", WHAT), m.require("signature", WHAT));
    }

    /**
     * Writes the response with {@code service=ACTIVATION}.
     *
     * @return the message
     */
    public GasMessage toMessage() {
        return GasMessage.builder().param("challenge", challenge).param("signature", signature)
                .service(GasService.ACTIVATION).build();
    }

    /**
     * Hides both values.
     *
     * @return a placeholder
     */
    @Override
    public String toString() {
        return "GasActivationResponse[challenge=[redacted], signature=[redacted]]";
    }
}
