package org.gatepost.common;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A half-open range of time [from, to) read from query parameters. Each end is an ISO-8601
 * instant with offset, or a plain date meaning local midnight in the county's time zone.
 */
public record TimeRange(Instant from, Instant to) {

    public static final Duration LONGEST = Duration.ofDays(400);
    /** Times Gatepost can mean: anything else is a typing mistake, and some of it PostgreSQL cannot store. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    /** Messages of the {@code @NotNull} constraints on required {@code from} and {@code to} parameters. */
    public static final String REQUIRED = "is required (an instant with offset, or a date)";
    public static final String FROM_DESCRIPTION = "Start, included: an instant with offset (2020-02-12T08:30:00+08:00) "
            + "or a date (local midnight in the county's time zone)";
    public static final String TO_DESCRIPTION = "End, excluded: an instant with offset or a date; at most 400 days after from";

    /** The range [from, to); both ends already read (required, and plausible) by the parameter converters. */
    public static TimeRange of(Instant start, Instant end) {
        if (start == null) {
            throw ProblemException.invalid("from", REQUIRED);
        }
        if (end == null) {
            throw ProblemException.invalid("to", REQUIRED);
        }
        if (!end.isAfter(start)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw ProblemException.invalid("to", "the range may span at most 400 days");
        }
        return new TimeRange(start, end);
    }

    /** An instant or a plain date (local midnight); null when absent; a 400 naming the field when unreadable. */
    public static Instant instant(String field, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        // An unencoded + in a query string arrives as a space.
        String text = value.trim().replace(' ', '+');
        try {
            Instant instant = text.length() == 10 ? LocalDate.parse(text).atStartOfDay(zone).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
            return plausible(field, instant);
        } catch (DateTimeException e) {
            throw ProblemException.invalid(field, "must be an ISO-8601 instant with offset (2020-02-12T08:30:00+08:00) or a date (2020-02-12)");
        }
    }

    /** The instant, if it lies in 2000 to 2099; otherwise a 400 naming the field. */
    public static Instant plausible(String field, Instant instant) {
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            throw ProblemException.invalid(field, "must lie between 2000 and 2099");
        }
        return instant;
    }

    /** Shown to people in the county's time zone. */
    public static OffsetDateTime local(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    /** Reads what a native query returns for a timestamptz column. */
    public static Instant read(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        throw new IllegalArgumentException("Not a timestamp: " + value.getClass());
    }
}
