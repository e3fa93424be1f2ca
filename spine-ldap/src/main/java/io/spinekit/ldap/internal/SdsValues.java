package io.spinekit.ldap.internal;

import io.spinekit.ldap.Actor;
import io.spinekit.ldap.AlwaysOrNever;
import io.spinekit.ldap.Reliability;
import io.spinekit.ldap.SdsLookupException;
import io.spinekit.ldap.SyncReplyMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Parses the reliability values of an MHS record as both back-ends read them: trimmed, enum
 * constants ignoring case (SDS holds {@code None} and {@code none}), durations as ISO 8601, and a
 * value that does not parse is an {@link SdsLookupException} naming the record, the attribute and
 * the value. Not API.
 */
public final class SdsValues {
    private SdsValues() {
    }

    /**
     * An ISO 8601 duration, not negative.
     *
     * @param record the record the value is in (an LDAP DN or a FHIR resource)
     * @param attribute the LDAP attribute name
     * @param value the value as stored
     * @return the duration
     */
    public static Duration duration(String record, String attribute, String value) {
        try {
            Duration d = Duration.parse(value.trim());
            if (!d.isNegative()) {
                return d;
            }
            throw new SdsLookupException(record, attribute, value, "a non-negative ISO 8601 duration");
        } catch (DateTimeParseException ex) {
            throw new SdsLookupException(record, attribute, value, "an ISO 8601 duration such as 'PT5M' or 'PT1H30M'");
        }
    }

    /**
     * A whole number, 0 or more.
     *
     * @param record the record the value is in
     * @param attribute the LDAP attribute name
     * @param value the value as stored
     * @return the number
     */
    public static int count(String record, String attribute, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ex) {
            // reported below
        }
        throw new SdsLookupException(record, attribute, value, "a whole number, 0 or more");
    }

    /**
     * {@code always} or {@code never}, ignoring case.
     *
     * @param record the record the value is in
     * @param attribute the LDAP attribute name
     * @param value the value as stored
     * @return the constant
     */
    public static AlwaysOrNever alwaysOrNever(String record, String attribute, String value) {
        return constant(record, attribute, value, AlwaysOrNever::fromSds, AlwaysOrNever.values(),
                AlwaysOrNever::sdsValue);
    }

    /**
     * A synchronous reply mode, ignoring case.
     *
     * @param record the record the value is in
     * @param attribute the LDAP attribute name
     * @param value the value as stored
     * @return the constant
     */
    public static SyncReplyMode syncReplyMode(String record, String attribute, String value) {
        return constant(record, attribute, value, SyncReplyMode::fromSds, SyncReplyMode.values(),
                SyncReplyMode::sdsValue);
    }

    /**
     * An ebXML actor, ignoring case.
     *
     * @param record the record the value is in
     * @param attribute the LDAP attribute name
     * @param value the value as stored
     * @return the constant
     */
    public static Actor actor(String record, String attribute, String value) {
        return constant(record, attribute, value, Actor::fromSds, Actor.values(), Actor::sdsValue);
    }

    /**
     * The reliability settings of an MHS record, each read by its LDAP attribute name (the FHIR
     * back-end finds the like-named nested extension, SDS-FHIR.md section 3).
     *
     * @param record the record the values are in
     * @param value the single value of an attribute, by LDAP name, as stored; empty when absent
     * @return the settings
     */
    public static Reliability reliability(String record, Function<String, Optional<String>> value) {
        return new Reliability(
                value.apply("nhsMhsPersistDuration").map(v -> duration(record, "nhsMhsPersistDuration", v)),
                value.apply("nhsMhsRetryInterval").map(v -> duration(record, "nhsMhsRetryInterval", v)),
                value.apply("nhsMhsRetries").map(v -> count(record, "nhsMhsRetries", v)),
                value.apply("nhsMhsAckRequested").map(v -> alwaysOrNever(record, "nhsMhsAckRequested", v)),
                value.apply("nhsMhsDuplicateElimination").map(v -> alwaysOrNever(record, "nhsMhsDuplicateElimination", v)),
                value.apply("nhsMhsSyncReplyMode").map(v -> syncReplyMode(record, "nhsMhsSyncReplyMode", v)),
                value.apply("nhsMhsActor").map(v -> actor(record, "nhsMhsActor", v)));
    }

    /**
     * Checks a setting is a positive duration.
     *
     * @param d the duration
     * @param name the setting, for the message
     * @return {@code d}
     */
    public static Duration positive(Duration d, String name) {
        java.util.Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
        return d;
    }

    /**
     * Checks a setting is zero or a positive duration.
     *
     * @param d the duration
     * @param name the setting, for the message
     * @return {@code d}
     */
    public static Duration notNegative(Duration d, String name) {
        java.util.Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + d);
        }
        return d;
    }

    private static <T> T constant(String record, String attribute, String value, Function<String, Optional<T>> parse,
            T[] all, Function<T, String> sdsValue) {
        return parse.apply(value.trim()).orElseThrow(() -> new SdsLookupException(record, attribute, value, "one of "
                + Arrays.stream(all).map(v -> "'" + sdsValue.apply(v) + "'").collect(Collectors.joining(", "))));
    }
}
