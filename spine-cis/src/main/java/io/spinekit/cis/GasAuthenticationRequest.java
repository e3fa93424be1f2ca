package io.spinekit.cis;

import java.util.Map;
import java.util.Objects;

/**
 * What the Identity Agent posts to {@code /login/authvalidate} ({@code service=AUTHENTICATION}): the
 * challenge and GAS's signature echoed back, the card's user id and the signed response
 * ({@code <gpPARAM name="response" encoding="base64">}). {@link #toString()} hides the credentials.
 *
 * @param authMethod {@code auth_method}
 * @param appUrl {@code app_url}
 * @param logSessionId {@code log_session_id}
 * @param deviceId {@code device_id}
 * @param challenge {@code challenge}, as received
 * @param signature {@code signature}, GAS's, as received
 * @param uid {@code uid}: the smartcard user's UID
 * @param cardType {@code card_type}, for example {@code p11}
 * @param response {@code response}: the base64 signed challenge
 * @param mobility {@code mobility}, for example {@code 0}
 */
public record GasAuthenticationRequest(String authMethod, String appUrl, String logSessionId, String deviceId,
        String challenge, String signature, String uid, String cardType, String response, String mobility) {
    private static final String WHAT = "GAS authentication request";

    /**
     * Checks for nulls.
     *
     * @param authMethod auth method
     * @param appUrl app URL
     * @param logSessionId log session id
     * @param deviceId device id
     * @param challenge challenge
     * @param signature GAS signature
     * @param uid user UID
     * @param cardType card type
     * @param response signed response
     * @param mobility mobility flag
     */
    public GasAuthenticationRequest {
        Objects.requireNonNull(authMethod, "authMethod");
        Objects.requireNonNull(appUrl, "appUrl");
        Objects.requireNonNull(logSessionId, "logSessionId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(cardType, "cardType");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(mobility, "mobility");
    }

    /**
     * Reads the request.
     *
     * @param m the message
     * @return the request
     * @throws CisException (MALFORMED) when the service is not AUTHENTICATION or a parameter is missing
     */
    public static GasAuthenticationRequest from(GasMessage m) {
        Gas.expectService(m, GasService.AUTHENTICATION, WHAT);
        return new GasAuthenticationRequest(m.require("auth_method", WHAT), m.require("app_url", WHAT),
                m.require("log_session_id", WHAT), m.require("device_id", WHAT), m.require("challenge", WHAT),
                m.require("signature", WHAT), m.require("uid", WHAT), m.value("card_type").orElse(""),
                m.require("response", WHAT), m.value("mobility").orElse(""));
    }

    /**
     * Writes the request.
     *
     * @return the message
     */
    public GasMessage toMessage() {
        GasMessage.Builder b = GasMessage.builder().param("auth_method", authMethod).param("app_url", appUrl)
                .param("log_session_id", logSessionId).param("device_id", deviceId)
                .service(GasService.AUTHENTICATION).param("challenge", challenge).param("signature", signature)
                .param("uid", uid);
        if (!cardType.isEmpty()) {
            b.param("card_type", cardType);
        }
        b.param(new GasParam("response", Map.of("encoding", "base64"), response));
        if (!mobility.isEmpty()) {
            b.param("mobility", mobility);
        }
        return b.build();
    }

    /**
     * The non-secret parts.
     *
     * @return a summary without challenge, signature or response
     */
    @Override
    public String toString() {
        return "GasAuthenticationRequest[uid=" + uid + ", logSessionId=" + logSessionId + ", deviceId=" + deviceId
                + ", cardType=" + cardType + "]";
    }
}
