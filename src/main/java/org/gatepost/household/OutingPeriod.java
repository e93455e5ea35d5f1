package org.gatepost.household;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The period of an outing limit a day falls in: periods are {@code days} local days long,
 * counted from the date the limit was set ("1 outing per 2 days" set on the 12th: 12th-13th,
 * 14th-15th, ...). Both ends are inclusive dates.
 */
public record OutingPeriod(LocalDate start, LocalDate end) {

    public static OutingPeriod containing(LocalDate day, LocalDate since, int days) {
        long index = Math.floorDiv(ChronoUnit.DAYS.between(since, day), days);
        LocalDate start = since.plusDays(index * days);
        return new OutingPeriod(start, start.plusDays(days - 1L));
    }

    /** The first instant of the period in the zone. */
    public Instant from(ZoneId zone) {
        return start.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period in the zone. */
    public Instant until(ZoneId zone) {
        return end.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
