package io.spinekit.cis;

import io.spinekit.cis.internal.CisXml;
import io.spinekit.core.Text;
import io.spinekit.core.xml.XmlElement;
import io.spinekit.core.xml.XmlLimits;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the SAML 1.1 response of CIS's {@code /saml/RoleAssertion} endpoint into a
 * {@link RoleAssertion}, with a hardened XML parser.
 *
 * <p>What it checks, in order: the document passes the hardened parser (no DTD, no entities,
 * {@link XmlLimits}); it is not an HTML page; the root is a SAML 1.x {@code samlp:Response}; its
 * status is {@code samlp:Success} (otherwise {@link CisException.Reason#FAILED_STATUS} with the status
 * codes and message); it holds exactly one {@code saml:Assertion} with a {@code Conditions} window
 * that contains the current time, allowing {@link #clockSkew()} (otherwise {@code EXPIRED} or
 * {@code NOT_YET_VALID}); and the attribute statement carries the NHS person attributes
 * ({@code uid}, {@code cn}, {@code ssbSessionRoleUid}; namespace {@code http://www.syntegra.com}).
 *
 * <p>Attribute names are matched case-insensitively (NHS documentation spells {@code nhsIDCode},
 * responses {@code nhsIdCode}). Order does not matter: person attributes may appear anywhere, and
 * role profile attributes are grouped into blocks, a new block starting whenever an attribute
 * already present in the current block appears again (with documented responses, where each block
 * starts with {@code nhsIdCode}, this splits exactly at each {@code nhsIdCode}; it also copes with
 * blocks whose {@code nhsIdCode} is not first). Every block must have one {@code nhsIdCode} and one
 * {@code uniqueIdentifier}.
 *
 * <p>The response embeds the SSO ticket (in the inner assertion's {@code SubjectConfirmationData});
 * the parser never copies it into the result or into a message. The signature-less SAML 1.1
 * response is trusted because it arrives over mutual TLS from the Spine endpoint, as NHS documents.
 *
 * <p>Immutable and thread-safe.
 */
public final class RoleAssertionParser {
    /** The default allowance for clock differences at both ends of the validity window: 60 seconds. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

    static final String SAMLP = "urn:oasis:names:tc:SAML:1.0:protocol";
    static final String SAML = "urn:oasis:names:tc:SAML:1.0:assertion";
    static final String SYNTEGRA = "http://www.syntegra.com";
    private static final String WHAT = "role assertion response";

    private static final String SSB_VERSION = "ssbassertionversion";
    private static final String CN = "cn";
    private static final String UID = "uid";
    private static final String OCS = "nhsocsprcode";
    private static final String SESSION_ROLE = "ssbsessionroleuid";
    private static final String MODE = "ssbmode";
    private static final Set<String> PERSON = Set.of(SSB_VERSION, CN, UID, OCS, SESSION_ROLE, MODE);

    private static final String ID_CODE = "nhsidcode";
    private static final String ORG = "o";
    private static final String JOB_ROLE = "nhsjobrole";
    private static final String JOB_ROLE_CODE = "nhsjobrolecode";
    private static final String ROLE_UID = "uniqueidentifier";
    private static final String BF = "nhsbusinessfunctions";
    private static final String BF_CODES = "nhsbusinessfunctionscodes";
    private static final String AOW = "nhsareaofwork";
    private static final String AOW_CODES = "nhsareaofworkcodes";
    private static final String WG = "nhsworkgroups";
    private static final String WG_CODES = "nhsworkgroupscodes";
    private static final Set<String> ROLE = Set.of(ID_CODE, ORG, JOB_ROLE, JOB_ROLE_CODE, ROLE_UID, BF, BF_CODES,
            AOW, AOW_CODES, WG, WG_CODES);
    private static final Set<String> ROLE_SINGLE = Set.of(ID_CODE, ORG, JOB_ROLE, JOB_ROLE_CODE, ROLE_UID);

    private final Clock clock;
    private final Duration clockSkew;
    private final XmlLimits limits;
    private final boolean checkValidity;

    private RoleAssertionParser(Builder b) {
        this.clock = b.clock;
        this.clockSkew = b.clockSkew;
        this.limits = b.limits;
        this.checkValidity = b.checkValidity;
    }

    /**
     * A parser with the defaults: system UTC clock, {@link #DEFAULT_CLOCK_SKEW}, {@link XmlLimits#DEFAULT},
     * validity checked.
     *
     * @return a parser
     */
    public static RoleAssertionParser create() {
        return builder().build();
    }

    /**
     * Starts a parser with non-default settings.
     *
     * @return a builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The clock-skew allowance.
     *
     * @return the skew
     */
    public Duration clockSkew() {
        return clockSkew;
    }

    /**
     * The XML limits.
     *
     * @return the limits
     */
    public XmlLimits limits() {
        return limits;
    }

    /**
     * Parses a response body.
     *
     * @param body the bytes the endpoint returned
     * @return the assertion
     * @throws CisException with reason {@code REJECTED_XML}, {@code MALFORMED}, {@code NOT_A_ROLE_ASSERTION},
     *     {@code FAILED_STATUS}, {@code EXPIRED} or {@code NOT_YET_VALID}
     */
    public RoleAssertion parse(byte[] body) {
        Objects.requireNonNull(body, "body");
        rejectHtml(new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1));
        return read(CisXml.parse(body, limits, WHAT), null);
    }

    /**
     * Parses a response held as text.
     *
     * @param body the response text
     * @return the assertion
     * @throws CisException as for {@link #parse(byte[])}
     */
    public RoleAssertion parse(String body) {
        Objects.requireNonNull(body, "body");
        rejectHtml(body.substring(0, Math.min(body.length(), 512)));
        return read(CisXml.parse(body, limits, WHAT), null);
    }

    /**
     * Parses a response body fetched for a ticket, removing the ticket from every message before
     * anything in it is cut (a server may echo the ticket, for example in its status message).
     *
     * @param body the response text
     * @param ticket the ticket the response was asked for
     * @return the assertion
     * @throws CisException as for {@link #parse(byte[])}, never containing any part of the ticket
     */
    public RoleAssertion parse(String body, SsoTicket ticket) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(ticket, "ticket");
        rejectHtml(body.substring(0, Math.min(body.length(), 512)));
        return read(CisXml.parse(body, limits, WHAT), ticket);
    }

    /**
     * Parses a response body fetched for a ticket (see {@link #parse(String, SsoTicket)}).
     *
     * @param body the bytes the endpoint returned
     * @param ticket the ticket the response was asked for
     * @return the assertion
     * @throws CisException as for {@link #parse(byte[])}, never containing any part of the ticket
     */
    public RoleAssertion parse(byte[] body, SsoTicket ticket) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(ticket, "ticket");
        rejectHtml(new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1));
        return read(CisXml.parse(body, limits, WHAT), ticket);
    }

    private static void rejectHtml(String head) {
        String h = head.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("\ufeff")) {
            h = h.substring(1);
        }
        if (h.startsWith("<!doctype html") || h.startsWith("<html")) {
            throw new CisException(CisException.Reason.NOT_A_ROLE_ASSERTION, WHAT + " is an HTML page, not a SAML "
                    + "response: the endpoint may be a login or error page; check the sbapi.roleassertion.url and "
                    + "that the ticket is current");
        }
    }

    private RoleAssertion read(XmlElement root, SsoTicket ticket) {
        if (!root.is(SAMLP, "Response")) {
            throw new CisException(CisException.Reason.NOT_A_ROLE_ASSERTION, WHAT + " has root " + root
                    + ": expected a SAML 1.1 <samlp:Response> in namespace " + SAMLP);
        }
        String major = root.attribute("MajorVersion").orElse("1").strip();
        if (!major.equals("1")) {
            throw new CisException(CisException.Reason.NOT_A_ROLE_ASSERTION, WHAT + " has MajorVersion "
                    + quote(major, ticket) + ": expected SAML 1.x (MajorVersion 1)");
        }
        checkStatus(root, ticket);
        List<XmlElement> assertions = root.children(SAML, "Assertion");
        if (assertions.size() != 1) {
            throw new CisException(assertions.isEmpty() ? CisException.Reason.NOT_A_ROLE_ASSERTION
                    : CisException.Reason.MALFORMED, WHAT + " has " + assertions.size()
                    + " <saml:Assertion> elements: expected exactly one");
        }
        XmlElement assertion = assertions.get(0);
        ValidityWindow validity = validity(assertion, ticket);
        if (checkValidity) {
            checkTime(validity);
        }
        List<XmlElement> statements = assertion.children(SAML, "AttributeStatement");
        if (statements.size() != 1) {
            throw new CisException(statements.isEmpty() ? CisException.Reason.NOT_A_ROLE_ASSERTION
                    : CisException.Reason.MALFORMED, WHAT + " has " + statements.size()
                    + " <saml:AttributeStatement> elements: expected exactly one with the user's attributes");
        }
        XmlElement statement = statements.get(0);
        String userDn = statement.child(SAML, "Subject").flatMap(s -> s.child(SAML, "NameIdentifier"))
                .map(XmlElement::trimmedText).filter(s -> !s.isEmpty())
                .orElseThrow(() -> new CisException(CisException.Reason.MALFORMED, WHAT
                        + " has no <saml:Subject><saml:NameIdentifier>: expected uid=<user UID>,ou=People,o=nhs"));

        Map<String, List<String>> person = new LinkedHashMap<>();
        Map<String, List<String>> other = new LinkedHashMap<>();
        List<Map<String, List<String>>> blocks = new ArrayList<>();
        Map<String, List<String>> current = null;
        for (XmlElement attribute : statement.children(SAML, "Attribute")) {
            String name = attribute.attribute("AttributeName").map(String::strip).orElse("");
            if (name.isEmpty()) {
                throw new CisException(CisException.Reason.MALFORMED, WHAT
                        + " has a <saml:Attribute> without AttributeName");
            }
            List<String> values = new ArrayList<>();
            for (XmlElement v : attribute.children(SAML, "AttributeValue")) {
                String text = v.trimmedText();
                if (!text.isEmpty()) {
                    values.add(text);
                }
            }
            if (values.isEmpty()) {
                continue;
            }
            String ns = attribute.attribute("AttributeNamespace").map(String::strip).orElse("");
            String key = name.toLowerCase(Locale.ROOT);
            if (!ns.equals(SYNTEGRA)) {
                other.computeIfAbsent(ns.isEmpty() ? name : "{" + ns + "}" + name, k -> new ArrayList<>()).addAll(values);
            } else if (PERSON.contains(key)) {
                if (person.containsKey(key)) {
                    throw new CisException(CisException.Reason.MALFORMED, WHAT + " has attribute " + quote(name, ticket)
                            + " twice: expected it once, in the person block");
                }
                person.put(key, values);
            } else if (ROLE.contains(key)) {
                if (current == null || current.containsKey(key)) {
                    current = new LinkedHashMap<>();
                    blocks.add(current);
                }
                current.put(key, values);
            } else {
                other.computeIfAbsent(name, k -> new ArrayList<>()).addAll(values);
            }
        }
        if (!person.containsKey(UID) && !person.containsKey(SESSION_ROLE) && blocks.isEmpty()) {
            throw new CisException(CisException.Reason.NOT_A_ROLE_ASSERTION, WHAT + " has no NHS role attributes "
                    + "(uid, ssbSessionRoleUid, role profiles in namespace " + SYNTEGRA + "): it is not a role assertion");
        }
        String uid = single(person, UID, "uid");
        String dnUid = dnUid(userDn);
        if (dnUid != null && !dnUid.equals(uid)) {
            throw new CisException(CisException.Reason.MALFORMED, WHAT + " is inconsistent: subject "
                    + quote(userDn, ticket) + " names user " + quote(dnUid, ticket) + " but the uid attribute is " + quote(uid, ticket));
        }
        String cn = single(person, CN, "cn");
        String sessionRole = single(person, SESSION_ROLE, "ssbSessionRoleUid");
        Optional<SessionMode> mode = optionalSingle(person, MODE, "ssbMode").map(SessionMode::fromSsbMode);
        List<RoleProfile> profiles = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < blocks.size(); i++) {
            RoleProfile p = profile(blocks.get(i), i + 1, ticket);
            if (!seen.add(p.uniqueIdentifier())) {
                throw new CisException(CisException.Reason.MALFORMED, WHAT + " lists role profile "
                        + quote(p.uniqueIdentifier(), ticket) + " twice: expected each uniqueIdentifier once");
            }
            profiles.add(p);
        }
        return new RoleAssertion(uid, cn, userDn, optionalSingle(person, OCS, "nhsOcsPrCode"), sessionRole, mode,
                optionalSingle(person, SSB_VERSION, "ssbAssertionVersion"),
                assertion.attribute("AssertionID"), assertion.attribute("Issuer"),
                assertion.attribute("IssueInstant").map(v -> instant(v, ticket, "IssueInstant")),
                validity, profiles, other);
    }

    private static void checkStatus(XmlElement response, SsoTicket ticket) {
        XmlElement status = response.child(SAMLP, "Status").orElseThrow(() -> new CisException(
                CisException.Reason.MALFORMED, WHAT + " has no <samlp:Status>: expected samlp:Success"));
        XmlElement code = status.child(SAMLP, "StatusCode").orElseThrow(() -> new CisException(
                CisException.Reason.MALFORMED, WHAT + " has no <samlp:StatusCode>: expected samlp:Success"));
        String value = code.attribute("Value").map(String::strip).orElse("");
        if (isSuccess(code, value)) {
            return;
        }
        List<String> codes = new ArrayList<>();
        XmlElement c = code;
        while (c != null && codes.size() < 5) {
            codes.add(quote(c.attribute("Value").orElse("").strip(), ticket));
            c = c.child(SAMLP, "StatusCode").orElse(null);
        }
        String message = status.child(SAMLP, "StatusMessage").map(XmlElement::trimmedText)
                .filter(s -> !s.isEmpty()).map(s -> ", message " + quote(s.replaceAll("\\s+", " "), ticket, 200))
                .orElse("");
        throw new CisException(CisException.Reason.FAILED_STATUS, WHAT + " has status " + String.join(" / ", codes)
                + message + ": expected samlp:Success; the SSO ticket may have expired or been logged out, or the "
                + "user has not selected a role");
    }

    private static boolean isSuccess(XmlElement code, String value) {
        int colon = value.indexOf(':');
        String local = colon < 0 ? value : value.substring(colon + 1);
        if (!local.equals("Success")) {
            return false;
        }
        Optional<String> ns = code.resolvePrefix(value);
        return ns.map(SAMLP::equals).orElse(value.equals("samlp:Success"));
    }

    private static ValidityWindow validity(XmlElement assertion, SsoTicket ticket) {
        List<XmlElement> all = assertion.children(SAML, "Conditions");
        if (all.size() > 1) {
            throw new CisException(CisException.Reason.MALFORMED, WHAT + " has " + all.size()
                    + " <saml:Conditions> elements: expected exactly one");
        }
        XmlElement conditions = all.stream().findFirst().orElseThrow(() -> new CisException(
                CisException.Reason.MALFORMED, WHAT + " has no <saml:Conditions>: cannot tell whether it is still "
                        + "valid, so it is refused"));
        Instant notBefore = conditions.attribute("NotBefore").map(v -> instant(v, ticket, "NotBefore"))
                .orElseThrow(() -> new CisException(CisException.Reason.MALFORMED, WHAT
                        + " has no Conditions NotBefore: cannot tell when it becomes valid, so it is refused"));
        Instant notOnOrAfter = conditions.attribute("NotOnOrAfter").map(v -> instant(v, ticket, "NotOnOrAfter"))
                .orElseThrow(() -> new CisException(CisException.Reason.MALFORMED, WHAT
                        + " has no Conditions NotOnOrAfter: cannot tell when it expires, so it is refused"));
        return new ValidityWindow(notBefore, notOnOrAfter);
    }

    private void checkTime(ValidityWindow validity) {
        Instant now = clock.instant();
        if (now.plus(clockSkew).isBefore(validity.notBefore())) {
            throw new CisException(CisException.Reason.NOT_YET_VALID, "role assertion is not valid until "
                    + validity.notBefore() + " (now " + now + ", allowed clock skew " + clockSkew.toSeconds()
                    + "s): check this machine's clock");
        }
        if (!now.minus(clockSkew).isBefore(validity.notOnOrAfter())) {
            throw new CisException(CisException.Reason.EXPIRED, "role assertion expired at "
                    + validity.notOnOrAfter() + " (now " + now + ", allowed clock skew " + clockSkew.toSeconds()
                    + "s): ask for a fresh assertion, and check this machine's clock");
        }
    }

    private static Instant instant(String value, SsoTicket ticket, String name) {
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                // SAML 1.1 times are UTC; accept a value that forgot the 'Z'.
                return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new CisException(CisException.Reason.MALFORMED, WHAT + " has " + name + " " + quote(v, ticket)
                        + ": expected an xsd:dateTime such as 2018-06-28T14:31:51Z");
            }
        }
    }

    private static RoleProfile profile(Map<String, List<String>> block, int index, SsoTicket ticket) {
        for (String key : ROLE_SINGLE) {
            List<String> v = block.get(key);
            if (v != null && v.size() > 1) {
                throw new CisException(CisException.Reason.MALFORMED, WHAT + " role profile " + index + " has "
                        + v.size() + " values for " + key + ": expected one");
            }
        }
        String code = first(block, ID_CODE).map(c -> quote(c, ticket)).orElse("no nhsIdCode");
        String uid = first(block, ROLE_UID).orElseThrow(() -> new CisException(CisException.Reason.MALFORMED, WHAT
                + " role profile " + index + " (" + code
                + ") has no uniqueIdentifier: expected the role profile UID"));
        String org = first(block, ID_CODE).orElseThrow(() -> new CisException(CisException.Reason.MALFORMED, WHAT
                + " role profile " + quote(uid, ticket) + " has no nhsIdCode: expected the organisation's ODS code"));
        return new RoleProfile(uid, org, first(block, ORG), first(block, JOB_ROLE), first(block, JOB_ROLE_CODE),
                all(block, BF), all(block, BF_CODES), all(block, AOW), all(block, AOW_CODES), all(block, WG),
                all(block, WG_CODES));
    }

    private static Optional<String> first(Map<String, List<String>> block, String key) {
        List<String> v = block.get(key);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    private static List<String> all(Map<String, List<String>> block, String key) {
        return block.getOrDefault(key, List.of());
    }

    private static String single(Map<String, List<String>> person, String key, String name) {
        return optionalSingle(person, key, name).orElseThrow(() -> new CisException(CisException.Reason.MALFORMED,
                WHAT + " has no " + name + " attribute: a role assertion always carries it"));
    }

    private static Optional<String> optionalSingle(Map<String, List<String>> person, String key, String name) {
        List<String> v = person.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v.size() != 1) {
            throw new CisException(CisException.Reason.MALFORMED, WHAT + " has " + v.size() + " values for " + name
                    + ": expected one");
        }
        return Optional.of(v.get(0));
    }

    private static String dnUid(String dn) {
        String first = dn.split(",", 2)[0].strip();
        int eq = first.indexOf('=');
        if (eq > 0 && first.substring(0, eq).strip().equalsIgnoreCase("uid")) {
            return first.substring(eq + 1).strip();
        }
        return null;
    }

    /** Quotes a value for a message: the ticket (and any run of it) removed first, then cut. */
    private static String quote(String s, SsoTicket ticket) {
        return quote(s, ticket, Text.DEFAULT_LIMIT);
    }

    private static String quote(String s, SsoTicket ticket, int limit) {
        return Text.quote(ticket == null ? s : ticket.redact(s), limit);
    }

    /** Settings for a {@link RoleAssertionParser}. Not thread-safe; the parser it builds is. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private Duration clockSkew = DEFAULT_CLOCK_SKEW;
        private XmlLimits limits = XmlLimits.DEFAULT;
        private boolean checkValidity = true;

        private Builder() {
        }

        /**
         * The clock used to check the validity window (default: system UTC).
         *
         * @param clock the clock
         * @return this
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The allowance for clock differences at both ends of the window (default 60 s).
         *
         * @param skew zero or positive, at most 10 minutes
         * @return this
         */
        public Builder clockSkew(Duration skew) {
            Objects.requireNonNull(skew, "skew");
            if (skew.isNegative() || skew.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new CisException(CisException.Reason.CONFIGURATION, "clock skew " + skew
                        + " is out of range: expected between 0 and 10 minutes");
            }
            this.clockSkew = skew;
            return this;
        }

        /**
         * The XML limits (default {@link XmlLimits#DEFAULT}).
         *
         * @param limits the limits
         * @return this
         */
        public Builder limits(XmlLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Whether to refuse assertions outside their validity window (default true). Turn it off only to
         * inspect a stored assertion, never to authorise a user.
         *
         * @param check false to skip the time check
         * @return this
         */
        public Builder checkValidity(boolean check) {
            this.checkValidity = check;
            return this;
        }

        /**
         * Builds the parser.
         *
         * @return a parser
         */
        public RoleAssertionParser build() {
            return new RoleAssertionParser(this);
        }
    }
}
