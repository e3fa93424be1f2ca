package io.spinekit.cis;

import java.util.Objects;

/**
 * What the Identity Agent posts to {@code /login/authlogout} ({@code service=LOGOUT}) to end a session.
 *
 * @param ticket {@code sso_ticket}
 * @param logSessionId {@code log_session_id}
 * @param deviceId {@code device_id}
 * @param uid {@code uid}: the smartcard user's UID
 */
public record GasLogoutRequest(SsoTicket ticket, String logSessionId, String deviceId, String uid) {
    private static final String WHAT = "GAS logout request";

    /**
     * Checks for nulls.
     *
     * @param ticket the ticket
     * @param logSessionId log session id
     * @param deviceId device id
     * @param uid user UID
     */
    public GasLogoutRequest {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(logSessionId, "logSessionId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(uid, "uid");
    }

    /**
     * Reads the request.
     *
     * @param m the message
     * @return the request
     * @throws CisException (MALFORMED) when the service is not LOGOUT or a parameter is missing
     */
    public static GasLogoutRequest from(GasMessage m) {
        Gas.expectService(m, GasService.LOGOUT, WHAT);
        return new GasLogoutRequest(SsoTicket.of(m.require("sso_ticket", WHAT)), m.value("log_session_id").orElse(""),
                m.value("device_id").orElse(""), m.value("uid").orElse(""));
    }

    /**
     * Writes the request.
     *
     * @return the message
     */
    public GasMessage toMessage() {
        GasMessage.Builder b = GasMessage.builder().service(GasService.LOGOUT).param("sso_ticket", ticket.reveal());
        if (!logSessionId.isEmpty()) {
            b.param("log_session_id", logSessionId);
        }
        if (!deviceId.isEmpty()) {
            b.param("device_id", deviceId);
        }
        if (!uid.isEmpty()) {
            b.param("uid", uid);
        }
        return b.build();
    }
}
