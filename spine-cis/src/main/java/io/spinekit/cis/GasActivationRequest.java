package io.spinekit.cis;

import java.util.Objects;

/**
 * What the Identity Agent posts to {@code /login/authactivate} ({@code service=ACTIVATION}) to get a challenge.
 *
 * @param authMethod {@code auth_method}, for example {@code 3}
 * @param appUrl {@code app_url}, for example {@code NHST}
 * @param logSessionId {@code log_session_id}: the agent's session id for logs
 * @param deviceId {@code device_id}: the device id and client IP, for example {@code b02edd23,ClientIP=10.0.0.1}
 */
public record GasActivationRequest(String authMethod, String appUrl, String logSessionId, String deviceId) {
    private static final String WHAT = "GAS activation request";

    /**
     * Checks for nulls.
     *
     * @param authMethod auth method
     * @param appUrl app URL
     * @param logSessionId log session id
     * @param deviceId device id
     */
    public GasActivationRequest {
        Objects.requireNonNull(authMethod, "authMethod");
        Objects.requireNonNull(appUrl, "appUrl");
        Objects.requireNonNull(logSessionId, "logSessionId");
        Objects.requireNonNull(deviceId, "deviceId");
    }

    /**
     * Reads the request from a message.
     *
     * @param m the message
     * @return the request
     * @throws CisException (MALFORMED) when the service is not ACTIVATION or a parameter is missing
     */
    public static GasActivationRequest from(GasMessage m) {
        Gas.expectService(m, GasService.ACTIVATION, WHAT);
        return new GasActivationRequest(m.require("auth_method", WHAT), m.require("app_url", WHAT),
                m.require("log_session_id", WHAT), m.require("device_id", WHAT));
    }

    /**
     * Writes the request.
     *
     * @return the message
     */
    public GasMessage toMessage() {
        return GasMessage.builder().param("auth_method", authMethod).param("app_url", appUrl)
                .param("log_session_id", logSessionId).param("device_id", deviceId).service(GasService.ACTIVATION)
                .build();
    }
}
