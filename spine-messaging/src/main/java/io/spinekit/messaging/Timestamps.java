package io.spinekit.messaging;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** ebXML timestamps: written as MHS writes them, read as every system writes them. */
final class Timestamps {
    /** MHS {@code common/utilities/message_utilities.py}: UTC {@code %Y-%m-%dT%H:%M:%SZ} (MESSAGING.md section 2). */
    private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** The last second formatted: most messages in a second share it, and the formatter is slow. */
    private static volatile Formatted last = new Formatted(Long.MIN_VALUE, "");

    /** A second since the epoch and its text. */
    private record Formatted(long second, String text) {
    }

    static String format(Instant instant) {
        Formatted f = last;
        if (f.second() != instant.getEpochSecond()) {
            f = new Formatted(instant.getEpochSecond(), WRITE.format(instant.truncatedTo(ChronoUnit.SECONDS)));
            last = f;
        }
        return f.text();
    }

    /**
     * Reads {@code 2025-01-02T03:04:05Z} (MHS), {@code 2023-08-25T14:45:57.571Z} (EMIS), an offset,
     * or {@code 2013-10-24T15:08:07} without a zone (Spine's error fixture, ST local time), the last
     * read as UTC: an inference, since the writer's zone is not on the wire.
     */
    static Optional<Instant> parse(String text) {
        String t = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }
}
