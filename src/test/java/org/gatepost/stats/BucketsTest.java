package org.gatepost.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.gatepost.common.TimeRange;
import org.junit.jupiter.api.Test;

class BucketsTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void widensToWholeHours() {
        assertEquals(range("2020-02-12T00:00:00Z", "2020-02-12T03:00:00Z"),
                Buckets.widen(range("2020-02-12T00:30:00Z", "2020-02-12T02:00:01Z"), StatsService.Bucket.HOUR, SHANGHAI));
    }

    @Test
    void leavesARangeOnHourBoundariesAsItIs() {
        TimeRange hours = range("2020-02-12T00:00:00Z", "2020-02-12T03:00:00Z");
        assertEquals(hours, Buckets.widen(hours, StatsService.Bucket.HOUR, SHANGHAI));
    }

    @Test
    void widensToWholeLocalDays() {
        // 08:30 and 23:00 in Shanghai on the 12th: the whole local day, from its midnight (16:00 UTC the day before).
        assertEquals(range("2020-02-11T16:00:00Z", "2020-02-12T16:00:00Z"),
                Buckets.widen(range("2020-02-12T00:30:00Z", "2020-02-12T15:00:00Z"), StatsService.Bucket.DAY, SHANGHAI));
    }

    @Test
    void widensToHoursOfAZoneWithAHalfHourOffset() {
        ZoneId india = ZoneId.of("Asia/Kolkata");
        assertEquals(range("2020-02-12T00:30:00Z", "2020-02-12T01:30:00Z"),
                Buckets.widen(range("2020-02-12T00:45:00Z", "2020-02-12T01:15:00Z"), StatsService.Bucket.HOUR, india));
    }

    @Test
    void aRangeWithinOneDayIsAllHours() {
        TimeRange range = range("2020-02-12T00:00:00Z", "2020-02-12T10:00:00Z");
        Buckets.DaySplit split = Buckets.split(range, SHANGHAI);
        assertFalse(split.hasDays());
        assertNull(split.firstDay());
    }

    @Test
    void splitsIntoWholeLocalDaysAndTheHoursAtEitherEdge() {
        // From 10:00 on the 12th to 06:00 on the 15th, Shanghai time.
        Buckets.DaySplit split = Buckets.split(range("2020-02-12T02:00:00Z", "2020-02-14T22:00:00Z"), SHANGHAI);
        assertTrue(split.hasDays());
        assertEquals(LocalDate.parse("2020-02-13"), split.firstDay());
        assertEquals(LocalDate.parse("2020-02-15"), split.endDay());
        assertEquals(Instant.parse("2020-02-12T02:00:00Z"), split.from());
        assertEquals(Instant.parse("2020-02-12T16:00:00Z"), split.daysFrom());
        assertEquals(Instant.parse("2020-02-14T16:00:00Z"), split.daysTo());
        assertEquals(Instant.parse("2020-02-14T22:00:00Z"), split.to());
    }

    @Test
    void aRangeFromLocalMidnightToLocalMidnightIsAllDays() {
        Buckets.DaySplit split = Buckets.split(range("2020-02-11T16:00:00Z", "2020-02-13T16:00:00Z"), SHANGHAI);
        assertEquals(LocalDate.parse("2020-02-12"), split.firstDay());
        assertEquals(LocalDate.parse("2020-02-14"), split.endDay());
        assertEquals(split.from(), split.daysFrom());
        assertEquals(split.daysTo(), split.to());
    }

    @Test
    void aRangeCrossingOneMidnightWithoutAWholeDayIsAllHours() {
        assertFalse(Buckets.split(range("2020-02-12T10:00:00Z", "2020-02-13T10:00:00Z"), SHANGHAI).hasDays());
    }

    private static TimeRange range(String from, String to) {
        return new TimeRange(Instant.parse(from), Instant.parse(to));
    }
}
