package io.spinekit.ldap;

import com.unboundid.ldap.sdk.Entry;
import io.spinekit.core.Text;
import io.spinekit.env.Asid;
import io.spinekit.env.InteractionId;
import io.spinekit.env.InvalidIdentifierException;
import io.spinekit.env.OdsCode;
import io.spinekit.env.PartyKey;
import io.spinekit.ldap.internal.SdsValues;
import java.net.URI;
import java.net.URISyntaxException;
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
 * Maps SDS entries to records, reading real data tolerantly (issue 15 item 23; the shapes are those
 * FACTS.md section 3 lists from a capture of NHS's OpenTest SDS):
 *
 * <ul>
 *   <li>attribute names are matched ignoring case (UnboundID's {@link Entry} does: {@code nhsMHSPartyKey},
 *       {@code nhsMHsSN});
 *   <li>every value is trimmed before it is parsed, as the directory's matching rules
 *       ({@code caseIgnoreMatch}, {@code caseExactMatch}) ignore leading and trailing spaces: the ASID
 *       {@code uniqueIdentifier} with a trailing space seen in OpenTest is that ASID; enum values match
 *       ignoring case ({@code None}, {@code none}; {@code ebXML}, {@code EBXML}); party keys compare
 *       ignoring case ({@code caseIgnoreMatch}), interaction ids exactly ({@code caseExactMatch});
 *   <li>a malformed value of a multi-valued attribute the answer does not depend on (an
 *       {@code nhsAsSvcIA} value that is not an interaction id, such as
 *       {@code sdfsd:AccreditedSystemSearchRequest_1_0}, among an accredited system's 327; an
 *       {@code nhsAsClient} value that is not an ODS code) is skipped, kept visible as an
 *       {@link SdsWarning} on the record (the client logs each distinct warning once, {@link SdsWarnings});
 *   <li>a missing required attribute or a malformed value the answer needs (a single-valued
 *       attribute) is an {@link SdsLookupException} naming the entry DN, the attribute and the value.
 * </ul>
 */
final class SdsEntries {
    /** {@code nhsDateApproved} and friends: {@code yyyyMMddHHmmss}, no zone. */
    static final DateTimeFormatter SDS_DATE = DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    /** Newest {@code nhsDateApproved} first, then by DN (so the order is total and repeatable). */
    static final Comparator<MhsRecord> MHS_ORDER = Comparator
            .comparing((MhsRecord m) -> m.dateApproved().orElse(LocalDateTime.MIN)).reversed()
            .thenComparing(MhsRecord::dn);
    /** Newest {@code nhsDateApproved} first, then by DN. */
    static final Comparator<AccreditedSystem> AS_ORDER = Comparator
            .comparing((AccreditedSystem a) -> a.dateApproved().orElse(LocalDateTime.MIN)).reversed()
            .thenComparing(AccreditedSystem::dn);
    /** By DN. */
    static final Comparator<Organisation> ORG_ORDER = Comparator.comparing(Organisation::dn);

    private SdsEntries() {
    }

    static MhsRecord mhs(Entry e) {
        String dn = e.getDN();
        Reliability reliability = SdsValues.reliability(dn, attribute -> optional(e, attribute));
        String auth = required(e, "nhsMhsIsAuthenticated");
        return new MhsRecord(
                e.getDN(),
                text(e, "uniqueIdentifier"),
                identifier(e, "nhsIDCode", OdsCode::of),
                identifier(e, "nhsMhsPartyKey", PartyKey::of),
                identifier(e, "nhsMhsSvcIA", InteractionId::of),
                text(e, "nhsMhsSN"),
                text(e, "nhsMhsIN"),
                uri(e, "nhsMhsEndPoint", required(e, "nhsMhsEndPoint")),
                text(e, "nhsMhsFQDN"),
                text(e, "nhsMhsCPAId"),
                Optional.of(constant(e, "nhsMhsIsAuthenticated", auth, Authentication.fromSds(auth.trim()),
                        Authentication.expected())),
                optional(e, "nhsEPInteractionType").map(v -> constant(e, "nhsEPInteractionType", v,
                        InteractionType.fromSds(v.trim()), InteractionType.expected())),
                optionalText(e, "nhsProductKey"),
                reliability,
                Optional.of(date(e, "nhsDateApproved", required(e, "nhsDateApproved"))));
    }

    static AccreditedSystem accreditedSystem(Entry e) {
        // Read the identifiers the answer needs first, so an entry that is unusable fails before any
        // warning about it is logged.
        Asid asid = identifier(e, "uniqueIdentifier", Asid::of);
        OdsCode odsCode = identifier(e, "nhsIDCode", OdsCode::of);
        PartyKey partyKey = identifier(e, "nhsMhsPartyKey", PartyKey::of);
        LocalDateTime approved = date(e, "nhsDateApproved", required(e, "nhsDateApproved"));
        List<SdsWarning> warnings = new ArrayList<>();
        List<InteractionId> interactions = tolerant(e, "nhsAsSvcIA", InteractionId::of, "not an interaction id",
                warnings);
        List<OdsCode> clients = tolerant(e, "nhsAsClient", OdsCode::of, "not an ODS code", warnings);
        return new AccreditedSystem(
                e.getDN(),
                asid,
                odsCode,
                partyKey,
                interactions,
                clients,
                optionalText(e, "nhsProductName"),
                optionalText(e, "nhsProductVersion"),
                optionalText(e, "nhsProductKey"),
                optionalText(e, "description"),
                Optional.of(approved),
                warnings);
    }

    /**
     * The values of a multi-valued attribute the answer does not depend on: each trimmed and parsed;
     * a value that does not parse is skipped and added to {@code warnings}.
     */
    private static <T> List<T> tolerant(Entry e, String attribute, Function<String, T> parser, String reason,
            List<SdsWarning> warnings) {
        String[] raw = values(e, attribute);
        List<T> out = new ArrayList<>(raw.length);
        for (String v : raw) {
            try {
                out.add(parser.apply(v.trim()));
            } catch (InvalidIdentifierException ex) {
                warnings.add(new SdsWarning(e.getDN(), attribute, v, reason));
            }
        }
        return out;
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
                text(e, "o"),
                text(e, "nhsOrgType"),
                text(e, "nhsOrgTypeCode"),
                lines,
                text(e, "l"),
                text(e, "postalCode"),
                optionalText(e, "nhsParentOrgCode"));
    }

    private static String[] values(Entry e, String attribute) {
        String[] v = e.getAttributeValues(attribute);
        return v == null ? new String[0] : v;
    }

    /**
     * The single value of an attribute as stored (not trimmed, so a failure can show it), empty when
     * absent; several values are malformed.
     */
    static Optional<String> optional(Entry e, String attribute) {
        String[] v = e.getAttributeValues(attribute);
        if (v == null || v.length == 0) {
            return Optional.empty();
        }
        if (v.length > 1) {
            StringBuilder shown = new StringBuilder();
            for (int i = 0; i < Math.min(v.length, 3); i++) {
                shown.append(i == 0 ? "" : ", ").append(Text.quote(v[i], SdsLookupException.QUOTE_LIMIT));
            }
            if (v.length > 3) {
                shown.append(" and ").append(v.length - 3).append(" more");
            }
            throw new SdsLookupException("SDS entry " + Text.quote(e.getDN(), SdsLookupException.QUOTE_LIMIT)
                    + " has " + v.length + " values for single-valued attribute " + attribute + " (" + shown
                    + "): expected a single value", e.getDN(), attribute, String.join(", ", v), null);
        }
        return Optional.of(v[0]);
    }

    static String required(Entry e, String attribute) {
        return optional(e, attribute)
                .orElseThrow(() -> new SdsLookupException(e.getDN(), attribute, null, "a value"));
    }

    /** A required text value, trimmed. */
    private static String text(Entry e, String attribute) {
        return required(e, attribute).trim();
    }

    /** An optional text value, trimmed. */
    private static Optional<String> optionalText(Entry e, String attribute) {
        return optional(e, attribute).map(String::trim);
    }

    private static <T> T identifier(Entry e, String attribute, Function<String, T> parser) {
        return parse(e, attribute, required(e, attribute), parser);
    }

    /** Parses the trimmed value; a failure names the value as stored. */
    private static <T> T parse(Entry e, String attribute, String value, Function<String, T> parser) {
        try {
            return parser.apply(value.trim());
        } catch (InvalidIdentifierException ex) {
            String message = ex.getMessage();
            int i = message.indexOf(": expected ");
            throw new SdsLookupException(e.getDN(), attribute, value,
                    i < 0 ? message : message.substring(i + ": expected ".length()));
        }
    }

    static LocalDateTime date(Entry e, String attribute, String value) {
        try {
            return LocalDateTime.parse(value.trim(), SDS_DATE);
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
