package io.spinekit.ldap;

import com.unboundid.ldap.sdk.Entry;
import io.spinekit.env.Asid;
import io.spinekit.env.InteractionId;
import io.spinekit.env.InvalidIdentifierException;
import io.spinekit.env.OdsCode;
import io.spinekit.env.PartyKey;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Maps SDS entries to records. Attribute names are matched ignoring case (UnboundID's {@link Entry}
 * does); a missing optional attribute is empty; a missing required attribute or a malformed value is
 * an {@link SdsLookupException} naming the entry DN, the attribute and the value.
 */
final class SdsEntries {
    /** {@code nhsDateApproved} and friends: {@code yyyyMMddHHmmss}, no zone. */
    static final DateTimeFormatter SDS_DATE = DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    /** Newest {@code nhsDateApproved} first, then by DN (so the order is total and repeatable). */
    static final Comparator<MhsRecord> MHS_ORDER = Comparator.comparing(MhsRecord::dateApproved).reversed()
            .thenComparing(MhsRecord::dn);
    /** Newest {@code nhsDateApproved} first, then by DN. */
    static final Comparator<AccreditedSystem> AS_ORDER = Comparator.comparing(AccreditedSystem::dateApproved)
            .reversed().thenComparing(AccreditedSystem::dn);
    /** By DN. */
    static final Comparator<Organisation> ORG_ORDER = Comparator.comparing(Organisation::dn);

    private SdsEntries() {
    }

    static MhsRecord mhs(Entry e) {
        Reliability reliability = new Reliability(
                optional(e, "nhsMhsPersistDuration").map(v -> duration(e, "nhsMhsPersistDuration", v)),
                optional(e, "nhsMhsRetryInterval").map(v -> duration(e, "nhsMhsRetryInterval", v)),
                optional(e, "nhsMhsRetries").map(v -> count(e, "nhsMhsRetries", v)),
                optional(e, "nhsMhsAckRequested").map(v -> constant(e, "nhsMhsAckRequested", v,
                        AlwaysOrNever.fromSds(v), AlwaysOrNever.expected())),
                optional(e, "nhsMhsDuplicateElimination").map(v -> constant(e, "nhsMhsDuplicateElimination", v,
                        AlwaysOrNever.fromSds(v), AlwaysOrNever.expected())),
                optional(e, "nhsMhsSyncReplyMode").map(v -> constant(e, "nhsMhsSyncReplyMode", v,
                        SyncReplyMode.fromSds(v), SyncReplyMode.expected())),
                optional(e, "nhsMhsActor").map(v -> constant(e, "nhsMhsActor", v, Actor.fromSds(v),
                        Actor.expected())));
        String auth = required(e, "nhsMhsIsAuthenticated");
        return new MhsRecord(
                e.getDN(),
                required(e, "uniqueIdentifier"),
                identifier(e, "nhsIDCode", OdsCode::of),
                identifier(e, "nhsMhsPartyKey", PartyKey::of),
                identifier(e, "nhsMhsSvcIA", InteractionId::of),
                required(e, "nhsMhsSN"),
                required(e, "nhsMhsIN"),
                uri(e, "nhsMhsEndPoint", required(e, "nhsMhsEndPoint")),
                required(e, "nhsMhsFQDN"),
                required(e, "nhsMhsCPAId"),
                constant(e, "nhsMhsIsAuthenticated", auth, Authentication.fromSds(auth), Authentication.expected()),
                optional(e, "nhsEPInteractionType").map(v -> constant(e, "nhsEPInteractionType", v,
                        InteractionType.fromSds(v), InteractionType.expected())),
                optional(e, "nhsProductKey"),
                reliability,
                date(e, "nhsDateApproved", required(e, "nhsDateApproved")));
    }

    static AccreditedSystem accreditedSystem(Entry e) {
        List<InteractionId> interactions = new ArrayList<>();
        for (String v : values(e, "nhsAsSvcIA")) {
            interactions.add(parse(e, "nhsAsSvcIA", v, InteractionId::of));
        }
        List<OdsCode> clients = new ArrayList<>();
        for (String v : values(e, "nhsAsClient")) {
            clients.add(parse(e, "nhsAsClient", v, OdsCode::of));
        }
        return new AccreditedSystem(
                e.getDN(),
                identifier(e, "uniqueIdentifier", Asid::of),
                identifier(e, "nhsIDCode", OdsCode::of),
                identifier(e, "nhsMhsPartyKey", PartyKey::of),
                interactions,
                clients,
                optional(e, "nhsProductName"),
                optional(e, "nhsProductVersion"),
                optional(e, "nhsProductKey"),
                optional(e, "description"),
                date(e, "nhsDateApproved", required(e, "nhsDateApproved")));
    }

    static Organisation organisation(Entry e) {
        String address = required(e, "postalAddress");
        List<String> lines = Arrays.stream(address.split("\\$"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        return new Organisation(
                e.getDN(),
                identifier(e, "nhsIDCode", OdsCode::of),
                required(e, "o"),
                required(e, "nhsOrgType"),
                required(e, "nhsOrgTypeCode"),
                lines,
                required(e, "l"),
                required(e, "postalCode"),
                optional(e, "nhsParentOrgCode"));
    }

    private static String[] values(Entry e, String attribute) {
        String[] v = e.getAttributeValues(attribute);
        return v == null ? new String[0] : v;
    }

    /** The single value of an attribute, empty when absent; several values are malformed. */
    static Optional<String> optional(Entry e, String attribute) {
        String[] v = e.getAttributeValues(attribute);
        if (v == null || v.length == 0) {
            return Optional.empty();
        }
        if (v.length > 1) {
            throw new SdsLookupException(e.getDN(), attribute, String.join("', '", v), "a single value");
        }
        return Optional.of(v[0]);
    }

    static String required(Entry e, String attribute) {
        return optional(e, attribute)
                .orElseThrow(() -> new SdsLookupException(e.getDN(), attribute, null, "a value"));
    }

    private static <T> T identifier(Entry e, String attribute, Function<String, T> parser) {
        return parse(e, attribute, required(e, attribute), parser);
    }

    private static <T> T parse(Entry e, String attribute, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (InvalidIdentifierException ex) {
            String message = ex.getMessage();
            int i = message.indexOf(": expected ");
            throw new SdsLookupException(e.getDN(), attribute, value,
                    i < 0 ? message : message.substring(i + ": expected ".length()));
        }
    }

    static Duration duration(Entry e, String attribute, String value) {
        try {
            Duration d = Duration.parse(value);
            if (d.isNegative()) {
                throw new SdsLookupException(e.getDN(), attribute, value, "a non-negative ISO 8601 duration");
            }
            return d;
        } catch (DateTimeParseException ex) {
            throw new SdsLookupException(e.getDN(), attribute, value,
                    "an ISO 8601 duration such as 'PT5M' or 'PT1H30M'");
        }
    }

    static int count(Entry e, String attribute, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ex) {
            // reported below
        }
        throw new SdsLookupException(e.getDN(), attribute, value, "a whole number, 0 or more");
    }

    static LocalDateTime date(Entry e, String attribute, String value) {
        try {
            return LocalDateTime.parse(value, SDS_DATE);
        } catch (DateTimeParseException ex) {
            throw new SdsLookupException(e.getDN(), attribute, value,
                    "a date and time as yyyyMMddHHmmss, such as '20240131093000'");
        }
    }

    private static URI uri(Entry e, String attribute, String value) {
        try {
            URI u = new URI(value.trim());
            String scheme = u.getScheme();
            if (u.getHost() != null && scheme != null
                    && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
                return u;
            }
        } catch (URISyntaxException ex) {
            // reported below
        }
        throw new SdsLookupException(e.getDN(), attribute, value, "an absolute https:// (or http://) URL with a host");
    }

    private static <T> T constant(Entry e, String attribute, String value, Optional<T> parsed, String expected) {
        return parsed.orElseThrow(() -> new SdsLookupException(e.getDN(), attribute, value, expected));
    }
}
