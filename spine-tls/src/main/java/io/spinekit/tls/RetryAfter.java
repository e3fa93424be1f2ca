package io.spinekit.tls;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one parser of the HTTP {@code Retry-After} header for spinekit's clients (MESH, the SDS FHIR
 * API): {@code delay-seconds} or an {@code HTTP-date} (RFC 9110 section 10.2.3), the date in any of
 * the three forms a recipient must accept (RFC 9110 section 5.6.7: IMF-fixdate
 * {@code Sun, 06 Nov 1994 08:49:37 GMT}, the obsolete RFC 850 form {@code Sunday, 06-Nov-94 08:49:37 GMT}
 * and ANSI C's asctime {@code Sun Nov  6 08:49:37 1994}).
 *
 * <p>A date in the past means "now" (zero); a wait longer than {@link #MAX} is cut to it, so an absurd
 * value cannot overflow or park a caller for ever (callers still compare it with their own longest
 * wait). Anything else (empty, negative, a fraction, garbage) is no answer, and the caller falls back
 * on its own backoff. Needs no HTTP library; thread-safe.
 */
public final class RetryAfter {
    /** The longest wait this parser returns: one day. */
    public static final Duration MAX = Duration.ofDays(1);

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            // RFC 850: a two-digit year; RFC 9110 reads one more than 50 years ahead as the past century
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("EEEE, dd-MMM-")
                    .appendValueReduced(ChronoField.YEAR, 2, 2, LocalDate.now(ZoneOffset.UTC).getYear() - 49)
                    .appendPattern(" HH:mm:ss 'GMT'").toFormatter(Locale.US).withZone(ZoneOffset.UTC),
            // asctime: the day padded with a space
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("EEE MMM ppd HH:mm:ss yyyy")
                    .toFormatter(Locale.US).withZone(ZoneOffset.UTC));

    private RetryAfter() {
    }

    /**
     * Parses a {@code Retry-After} value.
     *
     * @param value the header value, possibly null
     * @param now the time the answer was received, for an HTTP-date
     * @return the wait, zero to {@link #MAX}; empty when the value is missing or not a valid Retry-After
     */
    public static Optional<Duration> parse(String value, Instant now) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // more digits than a day has seconds: cap without parsing (no overflow)
            if (v.replaceFirst("^0+(?=.)", "").length() > 6) {
                return Optional.of(MAX);
            }
            return Optional.of(cap(Duration.ofSeconds(Long.parseLong(v))));
        }
        for (DateTimeFormatter f : DATES) {
            try {
                Duration d = Duration.between(now, ZonedDateTime.parse(v, f).toInstant());
                return Optional.of(d.isNegative() ? Duration.ZERO : cap(d));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    /**
     * Parses a {@code Retry-After} value received now.
     *
     * @param value the header value, possibly null
     * @return as {@link #parse(String, Instant)} with the current time
     */
    public static Optional<Duration> parse(String value) {
        return parse(value, Instant.now());
    }

    private static Duration cap(Duration d) {
        return d.compareTo(MAX) > 0 ? MAX : d;
    }
}
