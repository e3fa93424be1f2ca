package io.spinekit.cis;

import io.spinekit.core.Text;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What GAS answers to a successful {@code authvalidate}: the SSO ticket, the user's name, the logout
 * URL, the session times and the user's role entries ({@code nhsjobroleN} with {@code id} and
 * {@code orgcode}).
 *
 * @param ticket {@code sso_ticket}
 * @param cn {@code cn}: the user's name
 * @param logoutUrl {@code sso_logout_url}
 * @param sessionTime {@code sso_session_time} (seconds)
 * @param maxSessionTime {@code sso_max_session_time} (seconds)
 * @param roles the {@code nhsjobroleN} entries, by N
 */
public record GasAuthenticationResponse(SsoTicket ticket, Optional<String> cn, Optional<URI> logoutUrl,
        Optional<Duration> sessionTime, Optional<Duration> maxSessionTime, List<GasRole> roles) {
    private static final String WHAT = "GAS authentication response";
    private static final Pattern ROLE = Pattern.compile("nhsjobrole([0-9]{1,4})");

    /**
     * Checks and copies.
     *
     * @param ticket the ticket
     * @param cn the name
     * @param logoutUrl the logout URL
     * @param sessionTime the session time
     * @param maxSessionTime the maximum session time
     * @param roles the roles
     */
    public GasAuthenticationResponse {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(cn, "cn");
        Objects.requireNonNull(logoutUrl, "logoutUrl");
        Objects.requireNonNull(sessionTime, "sessionTime");
        Objects.requireNonNull(maxSessionTime, "maxSessionTime");
        roles = List.copyOf(roles);
    }

    /**
     * Reads the response. It must carry an {@code sso_ticket}; a GAS answer without one is a failed
     * validation.
     *
     * @param m the message
     * @return the response
     * @throws CisException (MALFORMED) naming the missing or bad parameter; never the ticket
     */
    public static GasAuthenticationResponse from(GasMessage m) {
        if (m.value("service").isPresent()) {
            Gas.expectService(m, GasService.AUTHENTICATION, WHAT);
        }
        SsoTicket ticket = SsoTicket.of(m.value("sso_ticket").orElseThrow(() -> new CisException(
                CisException.Reason.MALFORMED, WHAT + " has no sso_ticket: the smartcard validation did not succeed")));
        List<GasRole> roles = new ArrayList<>();
        for (GasParam p : m.params()) {
            Matcher r = ROLE.matcher(p.name());
            if (r.matches()) {
                String id = p.attributes().get("id");
                String org = p.attributes().get("orgcode");
                if (id == null || org == null) {
                    throw new CisException(CisException.Reason.MALFORMED, WHAT + " role " + p.name()
                            + " has no " + (id == null ? "id" : "orgcode") + " attribute");
                }
                roles.add(new GasRole(Integer.parseInt(r.group(1)), id, org, p.value()));
            }
        }
        roles.sort(Comparator.comparingInt(GasRole::index));
        return new GasAuthenticationResponse(ticket, m.value("cn"), m.value("sso_logout_url").map(u -> url(u)),
                seconds(m, "sso_session_time"), seconds(m, "sso_max_session_time"), roles);
    }

    /**
     * Writes the response with {@code service=AUTHENTICATION}.
     *
     * @return the message
     */
    public GasMessage toMessage() {
        GasMessage.Builder b = GasMessage.builder();
        cn.ifPresent(v -> b.param("cn", v));
        for (GasRole r : roles) {
            Map<String, String> attrs = new java.util.LinkedHashMap<>();
            attrs.put("id", r.id());
            attrs.put("orgcode", r.orgCode());
            b.param(new GasParam("nhsjobrole" + r.index(), attrs, r.description()));
        }
        b.param("sso_ticket", ticket.reveal());
        maxSessionTime.ifPresent(d -> b.param("sso_max_session_time", Long.toString(d.toSeconds())));
        sessionTime.ifPresent(d -> b.param("sso_session_time", Long.toString(d.toSeconds())));
        logoutUrl.ifPresent(u -> b.param("sso_logout_url", u.toString()));
        return b.service(GasService.AUTHENTICATION).build();
    }

    /**
     * A role entry by role profile UID.
     *
     * @param id the role profile UID
     * @return the role, if listed
     */
    public Optional<GasRole> role(String id) {
        return roles.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    private static URI url(String v) {
        try {
            return new URI(v);
        } catch (URISyntaxException e) {
            throw new CisException(CisException.Reason.MALFORMED, WHAT + " sso_logout_url " + Text.quote(v)
                    + " is not a URL");
        }
    }

    private static Optional<Duration> seconds(GasMessage m, String name) {
        Optional<String> v = m.value(name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (!v.get().matches("[0-9]{1,9}")) {
            throw new CisException(CisException.Reason.MALFORMED, WHAT + " " + name + " is " + Text.quote(v.get())
                    + ": expected a number of seconds");
        }
        return Optional.of(Duration.ofSeconds(Long.parseLong(v.get())));
    }
}
