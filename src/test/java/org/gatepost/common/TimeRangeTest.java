package org.gatepost.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class TimeRangeTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void readsInstantsWithOffsetAndPlainDatesAsLocalMidnight() {
        TimeRange range = TimeRange.of(TimeRange.instant("from", "2020-02-12T08:30:00+08:00", SHANGHAI),
                TimeRange.instant("to", "2020-02-13", SHANGHAI));
        assertEquals(Instant.parse("2020-02-12T00:30:00Z"), range.from());
        assertEquals(Instant.parse("2020-02-12T16:00:00Z"), range.to());
    }

    @Test
    void takesAPlusThatArrivedAsASpace() {
        assertEquals(Instant.parse("2020-02-12T00:30:00Z"), TimeRange.instant("from", "2020-02-12T08:30:00 08:00", SHANGHAI));
    }

    @Test
    void bothEndsAreRequired() {
        assertEquals("from", field(() -> TimeRange.of(null, day("2020-02-13"))));
        assertEquals("to", field(() -> TimeRange.of(day("2020-02-12"), TimeRange.instant("to", " ", SHANGHAI))));
    }

    @Test
    void theEndMustComeAfterTheStart() {
        assertEquals("to", field(() -> TimeRange.of(day("2020-02-12"), day("2020-02-12"))));
        assertEquals("to", field(() -> TimeRange.of(day("2020-02-13"), day("2020-02-12"))));
    }

    @Test
    void spansAtMost400Days() {
        TimeRange.of(day("2020-01-01"), day("2021-02-04"));
        assertEquals("to", field(() -> TimeRange.of(day("2020-01-01"), day("2021-02-05"))));
    }

    @Test
    void refusesUnreadableAndImplausibleTimesNamingTheField() {
        assertEquals("from", field(() -> TimeRange.instant("from", "12/02/2020", SHANGHAI)));
        assertEquals("from", field(() -> TimeRange.instant("from", "2020-02-12T08:30:00", SHANGHAI)));
        assertEquals("at", field(() -> TimeRange.instant("at", "1999-12-31T23:59:59Z", SHANGHAI)));
        assertEquals("at", field(() -> TimeRange.instant("at", "2100-01-01T00:00:00Z", SHANGHAI)));
        assertNull(TimeRange.instant("at", null, SHANGHAI));
    }

    @Test
    void readsEveryTypeTheDriverAnswersForATimestamp() {
        Instant at = Instant.parse("2020-02-12T00:30:00Z");
        assertEquals(at, TimeRange.read(at));
        assertEquals(at, TimeRange.read(OffsetDateTime.parse("2020-02-12T08:30:00+08:00")));
        assertEquals(at, TimeRange.read(Timestamp.from(at)));
        assertEquals(at, TimeRange.read(at.atZone(SHANGHAI)));
        assertNull(TimeRange.read(null));
        assertThrows(IllegalArgumentException.class, () -> TimeRange.read("2020-02-12"));
    }

    @Test
    void showsInstantsInTheCountysZone() {
        assertEquals(OffsetDateTime.parse("2020-02-12T08:30:00+08:00"),
                TimeRange.local(Instant.parse("2020-02-12T00:30:00Z"), SHANGHAI));
        assertNull(TimeRange.local(null, SHANGHAI));
    }

    /** Local midnight in UTC, as the parameter converters read a plain date. */
    private static Instant day(String date) {
        return TimeRange.instant("day", date, ZoneOffset.UTC);
    }

    private static String field(Runnable parse) {
        return assertThrows(ProblemException.class, parse::run).problem().errors().get(0).field();
    }
}
