package io.spinekit.env;

import io.spinekit.core.SpineException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The catalog's key schema: every key a profile may hold, its value type, purpose and meaning.
 * Bundled data and overrides are checked against it; a {@code *} in a pattern stands for one
 * lower-case name token (an e-RS sub-environment such as {@code dev1}).
 */
final class Keys {
    /** CA ids known to spine-tls (file base names of its bundled PEMs). */
    static final Set<String> CA_IDS = Set.of("nhs-ptl-root-authority", "nhs-dev-level-1c", "nhs-int-level-1c",
            "nhs-dep-level-1c", "nhs-ptl-root-authority-g2", "nhs-int-authentication-g2", "nhs-root-authority-g2",
            "nhs-authentication-g2", "nhs-root-authority", "nhs-level-1c");
    /** Expired G1 live CAs: recognised, never trusted. */
    static final Set<String> NEVER_TRUSTED = Set.of("nhs-root-authority", "nhs-level-1c");

    private static final Pattern TOKEN = Pattern.compile("[a-z0-9]+");
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    private static final Pattern EMAIL_ADDRESS = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    /** Value types, each with its check. */
    enum Type {
        URL("an absolute http, https, ldap or ldaps URL with a host, such as 'https://gas.nis1.national.ncrs.nhs.uk/login/authactivate'"),
        HOST("a DNS host name, such as 'msg-out.dev.spine2.ncrs.nhs.uk'"),
        IP("an IPv4 address, such as '10.239.14.29'"),
        ADDRESS("an IPv4 address or CIDR range, such as '10.196.94.115' or '10.239.58.0/24'"),
        CIDR("an IPv4 CIDR range, such as '10.239.67.128/25'"),
        PORT("a TCP port 1-65535 or 'any'"),
        PORTS("comma-separated TCP ports, such as '636,443'"),
        PARTY_KEY(PartyKey.EXPECTED),
        ASID(Asid.EXPECTED),
        ODS_CODE(OdsCode.EXPECTED),
        TEXT("non-blank text"),
        EMAIL("an e-mail address, such as 'platforms.supportdesk@nhs.net'"),
        DATE("an ISO date, such as '2025-07-31'"),
        STATUS("one of active, decommissioning, decommissioned"),
        CA_LIST("comma-separated CA ids from " + String.join(", ", new java.util.TreeSet<>(CA_IDS))),
        SERVICE_LIST("comma-separated services: spine_core, smsp, ssp, mesh, cis, cis2, cim, ers, ers_api"),
        NAME_LIST("comma-separated names of letters and digits, such as 'Dev1,Dev3'"),
        MAINTENANCE(MaintenanceWindow.EXPECTED);

        final String expected;

        Type(String expected) {
            this.expected = expected;
        }

        /** Returns an explanation when the value is invalid, empty when it is fine. */
        Optional<String> check(String value) {
            if (value == null || value.isBlank()) {
                return Optional.of("empty value");
            }
            try {
                boolean ok = switch (this) {
                    case URL -> url(value);
                    case HOST -> HOST_NAME.matcher(value).matches();
                    case IP -> IPV4.matcher(value).matches();
                    case ADDRESS -> IPV4.matcher(value).matches() || cidr(value);
                    case CIDR -> cidr(value);
                    case PORT -> value.equals("any") || port(value);
                    case PORTS -> list(value).stream().allMatch(Keys::port);
                    case PARTY_KEY -> PartyKey.of(value) != null;
                    case ASID -> Asid.of(value) != null;
                    case ODS_CODE -> OdsCode.of(value) != null;
                    case TEXT -> true;
                    case EMAIL -> EMAIL_ADDRESS.matcher(value).matches();
                    case DATE -> LocalDate.parse(value) != null;
                    case STATUS -> EnvironmentStatus.State.parse(value) != null;
                    case CA_LIST -> !list(value).isEmpty() && CA_IDS.containsAll(list(value));
                    case SERVICE_LIST -> list(value).stream().allMatch(s -> SpineService.parse(s) != null);
                    case NAME_LIST -> list(value).stream().allMatch(s -> NAME.matcher(s).matches());
                    case MAINTENANCE -> !MaintenanceWindow.parseAll(value).isEmpty();
                };
                return ok ? Optional.empty() : Optional.of("expected " + expected);
            } catch (SpineException e) {
                return Optional.of(e.getMessage());
            } catch (IllegalArgumentException | DateTimeParseException e) {
                // The JDK's messages echo the raw value; ours quote it, so say only what was expected.
                return Optional.of("expected " + expected);
            }
        }

        /** The canonical form of a valid value: party keys upper case, list items trimmed; others as given. */
        String normalise(String value) {
            return switch (this) {
                case PARTY_KEY -> PartyKey.of(value.strip()).value();
                case ODS_CODE -> OdsCode.of(value.strip()).value();
                case CA_LIST, SERVICE_LIST, NAME_LIST, PORTS -> String.join(",", list(value));
                default -> value.strip();
            };
        }
    }

    /** One key (or key pattern) of the schema. */
    record Def(String pattern, Type type, Purpose purpose, String description) {
        boolean matches(String key) {
            return matches(pattern.split("\\."), key.split("\\.", -1));
        }

        private static boolean matches(String[] p, String[] k) {
            if (p.length != k.length) {
                return false;
            }
            for (int i = 0; i < p.length; i++) {
                if (p[i].equals("*") ? !TOKEN.matcher(k[i]).matches() : !p[i].equals(k[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final List<Def> DEFS;

    static {
        List<Def> d = new ArrayList<>();
        // general
        d.add(new Def("usage", Type.TEXT, Purpose.GENERAL, "How the environment should be used"));
        d.add(new Def("network", Type.TEXT, Purpose.GENERAL, "The network the environment is reached over"));
        d.add(new Def("contact.support.email", Type.EMAIL, Purpose.GENERAL, "Platforms support desk (smartcards, further assistance)"));
        d.add(new Def("contact.testdata.email", Type.EMAIL, Purpose.GENERAL, "Where to request access to test data"));
        // status
        d.add(new Def("status", Type.STATUS, Purpose.STATUS, "Whether the environment is in service"));
        d.add(new Def("status.date", Type.DATE, Purpose.STATUS, "The date the status notice takes effect"));
        d.add(new Def("status.notice", Type.TEXT, Purpose.STATUS, "The status notice"));
        // portal
        d.add(new Def("portal.url", Type.URL, Purpose.PORTAL, "Portal page with links to Spine Core and CIS applications (Identity Agent LaunchAppsPath)"));
        portal(d, "scr", "Used for the CSA (SCRa) service");
        portal(d, "selfservice", "Used for self service");
        portal(d, "alerts", "Used for the alert service");
        portal(d, "dsa", "Used for the DSA service");
        portal(d, "etpadmin", "Used for the ETP admin service");
        portal(d, "srs", "Used for the SRS service");
        portal(d, "moles", "Used for the MOLES service");
        // applications
        app(d, "scr", "Summary Care Record (SCR)");
        app(d, "scr1click", "SCR 1-Click");
        app(d, "saml", "SAML");
        app(d, "eps", "EPS Prescription Tracker");
        app(d, "cis", "Care ID Service (Smartcard Management)");
        app(d, "epr", "End Point Registration Service (EPR)");
        app(d, "srs", "Spine Reporting Service");
        app(d, "dsa", "Demographic Spine Application (DSA)");
        app(d, "das", "Data Access Service (DAS)");
        app(d, "ndsadmin", "NDS Admin Portal");
        app(d, "tes", "TES Alert Viewer");
        app(d, "sus", "SUS: Business Intelligence");
        // system
        d.add(new Def("ldap.url", Type.URL, Purpose.SYSTEM, "LDAPS service to the directory (SDS), TCP 636"));
        d.add(new Def("gas.activate.url", Type.URL, Purpose.SYSTEM, "GAS: client side (Identity Agent) smartcard activation"));
        d.add(new Def("gas.logout.url", Type.URL, Purpose.SYSTEM, "GAS: client side (Identity Agent) logout"));
        d.add(new Def("gas.validate.url", Type.URL, Purpose.SYSTEM, "GAS: server side ticket validation"));
        d.add(new Def("sbapi.namingservice.url", Type.URL, Purpose.SYSTEM, "sbapi: ID server naming service (case sensitive)"));
        d.add(new Def("sbapi.roleassertion.url", Type.URL, Purpose.SYSTEM, "sbapi: SAML role assertion (case sensitive)"));
        d.add(new Def("sbapi.roleselection.url", Type.URL, Purpose.SYSTEM, "sbapi: role selection page used by the Identity Agent (RoleSelectionGP.jsp)"));
        d.add(new Def("sbapi.roleselectionwt.url", Type.URL, Purpose.SYSTEM, "sbapi: role selection page the BT Identity Agent starts the browser on (RoleSelectionWT.jsp)"));
        d.add(new Def("sbapi.deviceidlogger.url", Type.URL, Purpose.SYSTEM, "sbapi: device id logger used by the BT Identity Agent"));
        d.add(new Def("cis2.issuer", Type.URL, Purpose.SYSTEM, "CIS2 OpenID Connect issuer (discovery at issuer + /.well-known/openid-configuration)"));
        d.add(new Def("sds.fhir.url", Type.URL, Purpose.SYSTEM, "SDS FHIR API base (internet-facing, public CA)"));
        d.add(new Def("sds.fhir.sandbox.url", Type.URL, Purpose.SYSTEM, "SDS FHIR API sandbox base"));
        // messaging
        d.add(new Def("spine.partykey", Type.PARTY_KEY, Purpose.MESSAGING, "The Spine party key: look up messaging properties in SDS with it"));
        d.add(new Def("spine.core.ods", Type.ODS_CODE, Purpose.MESSAGING, "The Spine core ODS code: Spine's own SDS entries (the reliable intermediary) are under it"));
        messaging(d, "sync", "Synchronous messaging, all domains; also the entry point for NN4B messages");
        messaging(d, "reliable", "Reliable messaging, all domains");
        messaging(d, "unreliable", "Unreliable messaging, all domains");
        messaging(d, "intermediary", "Intermediary messaging, all domains");
        messaging(d, "gazetteer", "Gazetteer postcode look-up web service (not a user service)");
        messaging(d, "smsp", "Spine Mini Service Provider (SMSP) messaging, TLS 1.2");
        messaging(d, "ssp", "Spine Secure Proxy (GP Connect): requests go to <url>/<provider service root url>/<fhir request>, TLS 1.2");
        messaging(d, "internet", "Internet-facing messaging (public CA)");
        // network
        d.add(new Def("firewall.range", Type.CIDR, Purpose.NETWORK, "IP range to open in local firewalls (system URLs move within it)"));
        d.add(new Def("firewall.ports", Type.PORTS, Purpose.NETWORK, "Ports to open to the firewall range (636 LDAP, 443 sbapi, GAS and portal)"));
        d.add(new Def("nat.messaging.host", Type.HOST, Purpose.NETWORK, "All messages are sent out as coming from this name (nothing is ever sent to it)"));
        d.add(new Def("nat.messaging.ip", Type.IP, Purpose.NETWORK, "Outbound NAT address of messages"));
        d.add(new Def("nat.messaging.port", Type.PORT, Purpose.NETWORK, "Port of outbound messages"));
        d.add(new Def("nat.tokenevents.address", Type.ADDRESS, Purpose.NETWORK, "Outbound token events to registered listeners come from this address or range"));
        d.add(new Def("nat.tokenevents.port", Type.PORT, Purpose.NETWORK, "Port of token events (CIS responds on the port the client request names)"));
        // e-RS
        d.add(new Def("ers.environments", Type.NAME_LIST, Purpose.ERS, "The e-RS sub-environments using this Spine environment for messaging"));
        d.add(new Def("ers.*.description", Type.TEXT, Purpose.ERS, "What the e-RS sub-environment is for"));
        d.add(new Def("ers.*.partykey", Type.PARTY_KEY, Purpose.ERS, "e-RS party key"));
        d.add(new Def("ers.*.asid", Type.ASID, Purpose.ERS, "e-RS Accredited System ID (ASID)"));
        ers(d, "professional", "e-RS professional webapp");
        ers(d, "patient", "e-RS patient webapp");
        ers(d, "api", "e-RS API");
        ers(d, "messaging", "e-RS messaging endpoint");
        // TLS
        d.add(new Def("tls.trust", Type.CA_LIST, Purpose.TLS, "CA ids spine-tls trusts for this environment"));
        d.add(new Def("ca.root.name", Type.TEXT, Purpose.TLS, "RootCA as the environment page names it"));
        d.add(new Def("ca.sub.name", Type.TEXT, Purpose.TLS, "SubCA as the environment page names it"));
        // MESH
        d.add(new Def("mesh.url", Type.URL, Purpose.MESH, "MESH primary URL, internet-facing (server certificates from the NHS CA chain, docs/reference/MESH.md section 1)"));
        d.add(new Def("mesh.hscn.url", Type.URL, Purpose.MESH, "MESH URL over HSCN (deprecated)"));
        d.add(new Def("mesh.keystore.path", Type.TEXT, Purpose.MESH, "MESH client keystore path"));
        d.add(new Def("mesh.keystore.alias", Type.TEXT, Purpose.MESH, "MESH client keystore name (alias)"));
        // services
        d.add(new Def("services", Type.SERVICE_LIST, Purpose.SERVICES, "Services available in the environment"));
        // maintenance
        d.add(new Def("maintenance.core", Type.MAINTENANCE, Purpose.MAINTENANCE, "Spine Core maintenance slots"));
        d.add(new Def("maintenance.cis", Type.MAINTENANCE, Purpose.MAINTENANCE, "Spine CIS maintenance slots"));
        d.add(new Def("maintenance.ers", Type.MAINTENANCE, Purpose.MAINTENANCE, "e-RS maintenance slots"));
        d.add(new Def("maintenance.ers.*", Type.MAINTENANCE, Purpose.MAINTENANCE, "Maintenance slots of one e-RS sub-environment"));
        DEFS = Collections.unmodifiableList(d);
        PARTS = d.stream().map(def -> def.pattern().split("\\.")).toList();
    }

    private static final List<String[]> PARTS;
    private static final Map<String, Integer> INDEX = new java.util.concurrent.ConcurrentHashMap<>();

    private Keys() {
    }

    private static void portal(List<Def> d, String id, String description) {
        d.add(new Def("portal." + id + ".url", Type.URL, Purpose.PORTAL, description));
        d.add(new Def("portal." + id + ".ip", Type.IP, Purpose.PORTAL, description + ": IP address"));
    }

    private static void app(List<Def> d, String id, String description) {
        d.add(new Def("app." + id + ".url", Type.URL, Purpose.APPLICATION, description));
    }

    private static void messaging(List<Def> d, String id, String description) {
        d.add(new Def("messaging." + id + ".url", Type.URL, Purpose.MESSAGING, description));
        d.add(new Def("messaging." + id + ".ip", Type.IP, Purpose.MESSAGING, description + ": IP address"));
    }

    private static void ers(List<Def> d, String id, String description) {
        d.add(new Def("ers.*." + id + ".url", Type.URL, Purpose.ERS, description));
        d.add(new Def("ers.*." + id + ".ip", Type.IP, Purpose.ERS, description + ": IP address"));
    }

    /** All definitions, in display order. */
    static List<Def> all() {
        return DEFS;
    }

    /** The definition a key falls under. */
    static Optional<Def> find(String key) {
        int i = order(key);
        return i == Integer.MAX_VALUE ? Optional.empty() : Optional.of(DEFS.get(i));
    }

    /** The index of a key's definition (its display order), {@code Integer.MAX_VALUE} when unknown; memoised. */
    static int order(String key) {
        if (key == null) {
            return Integer.MAX_VALUE;
        }
        Integer cached = INDEX.get(key);
        if (cached != null) {
            return cached;
        }
        String[] k = key.split("\\.", -1);
        int found = Integer.MAX_VALUE;
        for (int i = 0; i < DEFS.size(); i++) {
            if (Def.matches(PARTS.get(i), k)) {
                found = i;
                break;
            }
        }
        if (INDEX.size() < 10_000) {
            INDEX.put(key, found);
        }
        return found;
    }

    /** The system property that supplies a key for an environment. */
    static String systemProperty(String envName, String key) {
        return "spinekit." + envName + "." + key;
    }

    /** The environment variable that supplies a key for an environment. */
    static String environmentVariable(String envName, String key) {
        return ("SPINEKIT_" + envName + "_" + key).replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** Splits a comma-separated list, trimming items and dropping empty ones. */
    static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        for (String s : value.split(",")) {
            if (!s.isBlank()) {
                items.add(s.trim());
            }
        }
        return items;
    }

    /** Keys sorted in schema order, then alphabetically. */
    static <V> Map<String, V> ordered(Map<String, V> facts) {
        List<String> keys = new ArrayList<>(facts.keySet());
        keys.sort((a, b) -> {
            int c = Integer.compare(order(a), order(b));
            return c != 0 ? c : a.compareTo(b);
        });
        Map<String, V> out = new LinkedHashMap<>();
        for (String k : keys) {
            out.put(k, facts.get(k));
        }
        return Collections.unmodifiableMap(out);
    }

    private static boolean url(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            return uri.isAbsolute() && uri.getHost() != null && scheme != null
                    && Set.of("http", "https", "ldap", "ldaps").contains(scheme.toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean cidr(String value) {
        int slash = value.indexOf('/');
        if (slash < 0 || !IPV4.matcher(value.substring(0, slash)).matches()) {
            return false;
        }
        try {
            int bits = Integer.parseInt(value.substring(slash + 1));
            return bits >= 0 && bits <= 32;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean port(String value) {
        try {
            int p = Integer.parseInt(value.trim());
            return p >= 1 && p <= 65535;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
