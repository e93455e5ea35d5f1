package org.gatepost.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import org.gatepost.common.TimeRange;

/** How a range of time meets the stored counts: hour buckets, and days from local midnight. */
final class Buckets {

    private Buckets() {
    }

    /**
     * A range cut into the whole local days inside it, [firstDay, endDay), and the hours at
     * either edge, [from, daysFrom) and [daysTo, to). Without a whole day, {@code firstDay} is null.
     */
    record DaySplit(LocalDate firstDay, LocalDate endDay, Instant from, Instant daysFrom, Instant daysTo, Instant to) {

        boolean hasDays() {
            return firstDay != null;
        }
    }

    /** The range widened to whole buckets: counts are kept per hour, days start at local midnight. */
    static TimeRange widen(TimeRange range, StatsService.Bucket bucket, ZoneId zone) {
        ChronoUnit unit = bucket == StatsService.Bucket.DAY ? ChronoUnit.DAYS : ChronoUnit.HOURS;
        ZonedDateTime from = range.from().atZone(zone).truncatedTo(unit);
        ZonedDateTime to = range.to().atZone(zone);
        ZonedDateTime toFloor = to.truncatedTo(unit);
        ZonedDateTime end = toFloor.equals(to) ? to : toFloor.plus(1, unit);
        return new TimeRange(from.toInstant(), end.toInstant());
    }

    /**
     * Whole local days for the daily counts, the hours at either edge for the hourly ones:
     * a county's month is then some thousand rows, not hundreds of thousands.
     */
    static DaySplit split(TimeRange range, ZoneId zone) {
        ZonedDateTime from = range.from().atZone(zone);
        LocalDate firstDay = from.toLocalDate().atStartOfDay(zone).equals(from) ? from.toLocalDate()
                : from.toLocalDate().plusDays(1);
        LocalDate endDay = range.to().atZone(zone).toLocalDate();
        if (!endDay.isAfter(firstDay)) {
            return new DaySplit(null, null, range.from(), range.to(), range.to(), range.to());
        }
        return new DaySplit(firstDay, endDay, range.from(), firstDay.atStartOfDay(zone).toInstant(),
                endDay.atStartOfDay(zone).toInstant(), range.to());
    }
}
