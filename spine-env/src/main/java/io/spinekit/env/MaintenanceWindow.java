package io.spinekit.env;

import io.spinekit.core.Text;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recurring maintenance slot in UK local time ({@link #ZONE Europe/London}), such as
 * "Tuesday 8pm to Wednesday 6am (weekly)".
 *
 * <p>Times are wall-clock times in London, so a slot keeps its local hours across the March and
 * October daylight-saving changes (a slot spanning the change is an hour shorter or longer).
 * A {@link Recurrence#AFTER_LIVE_ERS_RELEASE} slot only happens in the week following a live e-RS
 * release; release dates are not published in the catalog, so such a slot can only be reported
 * as <em>possible</em> (see {@link #conditional()}).
 *
 * <p>Text form (used in the catalog and in overrides): {@code "Tue 20:00-Wed 06:00 weekly"} or
 * {@code "Mon 20:00-Tue 06:00 after-ers-release"}; several windows are separated by {@code ;}.
 *
 * @param startDay the day the slot starts
 * @param startTime the local start time
 * @param endDay the day the slot ends
 * @param endTime the local end time (exclusive)
 * @param recurrence weekly, or only in the week following a live e-RS release
 */
public record MaintenanceWindow(DayOfWeek startDay, LocalTime startTime, DayOfWeek endDay, LocalTime endTime,
                                Recurrence recurrence) {
    /** The time zone of every NHS maintenance slot: UK local time. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private static final Pattern FORMAT = Pattern.compile(
            "\\s*([A-Za-z]+)\\s+(\\d{1,2}:\\d{2})\\s*-\\s*([A-Za-z]+)\\s+(\\d{1,2}:\\d{2})\\s+([a-z\\-]+)\\s*");
    static final String EXPECTED = "windows separated by ';', each '<day> HH:mm-<day> HH:mm <weekly|after-ers-release>', "
            + "such as 'Tue 20:00-Wed 06:00 weekly'";

    /** How often a maintenance slot happens. */
    public enum Recurrence {
        /** Every week. */
        WEEKLY("weekly"),
        /** Only in the week following a live e-RS release (the NHS pages say "the week following the live e-RS release"). */
        AFTER_LIVE_ERS_RELEASE("after-ers-release");

        private final String token;

        Recurrence(String token) {
            this.token = token;
        }

        /**
         * The token used in the text form.
         *
         * @return {@code "weekly"} or {@code "after-ers-release"}
         */
        public String token() {
            return token;
        }
    }

    /**
     * Checks the parts.
     *
     * @param startDay the start day
     * @param startTime the start time
     * @param endDay the end day
     * @param endTime the end time
     * @param recurrence the recurrence
     * @throws CatalogException when the window would not end within a week of its start
     */
    public MaintenanceWindow {
        Objects.requireNonNull(startDay, "startDay");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(endDay, "endDay");
        Objects.requireNonNull(endTime, "endTime");
        Objects.requireNonNull(recurrence, "recurrence");
        if (startDay == endDay && !endTime.isAfter(startTime)) {
            throw new CatalogException("maintenance window " + startDay + " " + startTime + " to " + endDay
                    + " " + endTime + " does not end within a week of its start");
        }
    }

    /**
     * Parses one window or several separated by {@code ;}.
     *
     * @param text for example {@code "Mon 20:00-Tue 06:00 weekly; Wed 20:00-Thu 06:00 weekly"}
     * @return the windows in the order given
     * @throws CatalogException naming the text and the expected form
     */
    public static List<MaintenanceWindow> parseAll(String text) {
        if (text == null || text.isBlank()) {
            throw new CatalogException("empty maintenance windows: expected " + EXPECTED);
        }
        List<MaintenanceWindow> windows = new ArrayList<>();
        for (String part : text.split(";", -1)) {
            windows.add(parse(part));
        }
        return List.copyOf(windows);
    }

    /**
     * Parses one window.
     *
     * @param text for example {@code "Thu 20:00-Mon 06:00 after-ers-release"}
     * @return the window
     * @throws CatalogException naming the text and the expected form
     */
    public static MaintenanceWindow parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text);
        if (m == null || !m.matches()) {
            throw new CatalogException("invalid maintenance window " + Text.quote(text) + ": expected " + EXPECTED);
        }
        try {
            return new MaintenanceWindow(day(m.group(1), text), time(m.group(2), text), day(m.group(3), text),
                    time(m.group(4), text), recurrence(m.group(5), text));
        } catch (CatalogException e) {
            if (e.getMessage().startsWith("invalid maintenance window")) {
                throw e;
            }
            throw new CatalogException("invalid maintenance window " + Text.quote(text) + ": " + e.getMessage(), e);
        }
    }

    private static DayOfWeek day(String token, String text) {
        String t = token.toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equals(t) || (t.length() == 3 && d.name().startsWith(t))) {
                return d;
            }
        }
        throw new CatalogException("invalid maintenance window " + Text.quote(text) + ": unknown day " + Text.quote(token)
               + ", expected Mon..Sun or Monday..Sunday");
    }

    private static LocalTime time(String token, String text) {
        try {
            return LocalTime.parse(token.length() == 4 ? "0" + token : token);
        } catch (DateTimeParseException e) {
            throw new CatalogException("invalid maintenance window " + Text.quote(text) + ": bad time " + Text.quote(token)
                   + ", expected HH:mm", e);
        }
    }

    private static Recurrence recurrence(String token, String text) {
        for (Recurrence r : Recurrence.values()) {
            if (r.token.equals(token)) {
                return r;
            }
        }
        throw new CatalogException("invalid maintenance window " + Text.quote(text) + ": unknown recurrence " + Text.quote(token)
               + ", expected 'weekly' or 'after-ers-release'");
    }

    /**
     * Whether this slot only happens in the week following a live e-RS release, which the catalog
     * cannot know: such a slot is <em>possible</em>, never certain.
     *
     * @return {@code true} for {@link Recurrence#AFTER_LIVE_ERS_RELEASE}
     */
    public boolean conditional() {
        return recurrence == Recurrence.AFTER_LIVE_ERS_RELEASE;
    }

    /**
     * The occurrence of this slot that is in progress at an instant, if any.
     *
     * @param at the instant
     * @return the occurrence with {@code start <= at < end}, or empty
     */
    public Optional<Occurrence> occurrenceAt(Instant at) {
        LocalDate recent = at.atZone(ZONE).toLocalDate().with(TemporalAdjusters.previousOrSame(startDay));
        for (int weeksBack = 0; weeksBack <= 1; weeksBack++) {
            Occurrence o = startingOn(recent.minusWeeks(weeksBack));
            if (o.contains(at)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /**
     * The occurrence in progress at an instant, or else the next one to start after it.
     *
     * @param at the instant
     * @return the occurrence (a weekly pattern always has one)
     */
    public Occurrence nextAt(Instant at) {
        Optional<Occurrence> now = occurrenceAt(at);
        if (now.isPresent()) {
            return now.get();
        }
        LocalDate recent = at.atZone(ZONE).toLocalDate().with(TemporalAdjusters.previousOrSame(startDay));
        Occurrence o = startingOn(recent);
        return o.start().toInstant().isAfter(at) ? o : startingOn(recent.plusWeeks(1));
    }

    /**
     * The occurrence of this slot that starts on a date.
     *
     * @param date a date whose day of week is {@link #startDay()}
     * @return the occurrence, start and end in London time
     * @throws IllegalArgumentException when the date is not a start day
     */
    public Occurrence startingOn(LocalDate date) {
        if (date.getDayOfWeek() != startDay) {
            throw new IllegalArgumentException(date + " is a " + date.getDayOfWeek() + ", not a " + startDay);
        }
        int days = (endDay.getValue() - startDay.getValue() + 7) % 7;
        if (days == 0 && !endTime.isAfter(startTime)) {
            days = 7;
        }
        return new Occurrence(this, ZonedDateTime.of(date, startTime, ZONE),
                ZonedDateTime.of(date.plusDays(days), endTime, ZONE));
    }

    /**
     * The text form, such as {@code "Tue 20:00-Wed 06:00 weekly"}.
     *
     * @return the text form, parseable by {@link #parse(String)}
     */
    @Override
    public String toString() {
        return shortDay(startDay) + " " + startTime + "-" + shortDay(endDay) + " " + endTime + " " + recurrence.token;
    }

    /**
     * A human description, such as {@code "Tuesday 20:00 to Wednesday 06:00 (weekly)"}.
     *
     * @return the description
     */
    public String describe() {
        return startDay.getDisplayName(TextStyle.FULL, Locale.UK) + " " + startTime + " to "
                + endDay.getDisplayName(TextStyle.FULL, Locale.UK) + " " + endTime
                + (conditional() ? " (the week following a live e-RS release)" : " (weekly)") + ", UK time";
    }

    private static String shortDay(DayOfWeek d) {
        return d.getDisplayName(TextStyle.SHORT, Locale.UK);
    }

    /**
     * One dated occurrence of a maintenance slot.
     *
     * @param window the slot
     * @param start the start, London time (inclusive)
     * @param end the end, London time (exclusive)
     */
    public record Occurrence(MaintenanceWindow window, ZonedDateTime start, ZonedDateTime end) {
        /**
         * Checks the parts.
         *
         * @param window the slot
         * @param start the start
         * @param end the end
         */
        public Occurrence {
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
        }

        /**
         * Whether the occurrence includes an instant.
         *
         * @param at the instant
         * @return {@code true} when {@code start <= at < end}
         */
        public boolean contains(Instant at) {
            return !at.isBefore(start.toInstant()) && at.isBefore(end.toInstant());
        }

        /**
         * Whether this occurrence only happens if it is the week following a live e-RS release.
         *
         * @return the window's {@link MaintenanceWindow#conditional()}
         */
        public boolean conditional() {
            return window.conditional();
        }

        /**
         * The elapsed length; differs by an hour from the wall-clock length across a DST change.
         *
         * @return the duration
         */
        public java.time.Duration duration() {
            return java.time.Duration.between(start, end);
        }
    }
}
