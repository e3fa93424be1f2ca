package io.spinekit.cli;

import io.spinekit.core.Text;
import java.math.BigDecimal;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters for numeric options, each with its range: a value outside it is a parse error (exit
 * code 2) that says the range, never an overflow.
 */
final class Bounded {
    private Bounded() {
    }

    private static BigDecimal number(String value, String range) {
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("expected a number " + range + ", was " + Text.quote(value));
        }
    }

    /** Seconds, decimals allowed: 0.1 to 300. */
    static final class Seconds implements ITypeConverter<Duration> {
        /** The range, as help and messages state it. */
        static final String RANGE = "0.1 to 300";

        @Override
        public Duration convert(String value) {
            BigDecimal s = number(value, "of seconds, " + RANGE);
            if (s.compareTo(new BigDecimal("0.1")) < 0 || s.compareTo(BigDecimal.valueOf(300)) > 0) {
                throw new TypeConversionException("expected seconds, " + RANGE + ", was " + Text.quote(value));
            }
            return Duration.ofMillis(s.movePointRight(3).longValue());
        }
    }

    /** Milliseconds: 1 to 300000. */
    static final class Millis implements ITypeConverter<Duration> {
        /** The range, as help and messages state it. */
        static final String RANGE = "1 to 300000";

        @Override
        public Duration convert(String value) {
            BigDecimal ms = number(value, "of milliseconds, " + RANGE);
            if (ms.compareTo(BigDecimal.ONE) < 0 || ms.compareTo(BigDecimal.valueOf(300_000)) > 0) {
                throw new TypeConversionException("expected milliseconds, " + RANGE + ", was " + Text.quote(value));
            }
            return Duration.ofMillis(ms.longValue());
        }
    }

    /** A TCP port: 1 to 65535. */
    static final class Port implements ITypeConverter<Integer> {
        /** The range, as help and messages state it. */
        static final String RANGE = "1 to 65535";

        @Override
        public Integer convert(String value) {
            BigDecimal p = number(value, RANGE);
            if (p.scale() > 0 || p.compareTo(BigDecimal.ONE) < 0 || p.compareTo(BigDecimal.valueOf(65535)) > 0) {
                throw new TypeConversionException("expected a port, " + RANGE + ", was " + Text.quote(value));
            }
            return p.intValueExact();
        }
    }

    /** An instant in ISO 8601, such as {@code 2026-01-13T20:00:00Z}. */
    static final class InstantValue implements ITypeConverter<java.time.Instant> {
        @Override
        public java.time.Instant convert(String value) {
            try {
                return java.time.Instant.parse(value.trim());
            } catch (java.time.format.DateTimeParseException e) {
                throw new TypeConversionException("expected an ISO 8601 instant such as 2026-01-13T20:00:00Z, was "
                        + Text.quote(value));
            }
        }
    }
}
