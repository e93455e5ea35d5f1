package org.gatepost.roster;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;

import org.junit.jupiter.api.Test;

class ShiftOverlapTest {

    @Test
    void shiftsThatShareAMinuteOverlap() {
        assertTrue(RosterService.overlap(daily("06:00", "14:00"), daily("13:59", "22:00")));
        assertTrue(RosterService.overlap(daily("06:00", "22:00"), daily("08:00", "09:00")));
    }

    @Test
    void shiftsThatMeetEndToStartDoNot() {
        assertFalse(RosterService.overlap(daily("06:00", "14:00"), daily("14:00", "22:00")));
        assertFalse(RosterService.overlap(daily("14:00", "22:00"), daily("06:00", "14:00")));
    }

    @Test
    void aShiftUntilMidnightEndsAtTheEndOfTheDay() {
        assertFalse(RosterService.overlap(daily("16:00", "00:00"), daily("00:00", "08:00")));
        assertTrue(RosterService.overlap(daily("16:00", "00:00"), daily("23:00", "23:30")));
    }

    @Test
    void aNightShiftOverlapsTheMorningOfTheNextDay() {
        assertTrue(RosterService.overlap(daily("22:00", "06:00"), daily("05:00", "09:00")));
        assertTrue(RosterService.overlap(daily("05:00", "09:00"), daily("22:00", "06:00")));
        assertFalse(RosterService.overlap(daily("22:00", "06:00"), daily("06:00", "22:00")));
    }

    @Test
    void twoNightShiftsOverlapAroundMidnight() {
        assertTrue(RosterService.overlap(daily("20:00", "02:00"), daily("23:00", "07:00")));
    }

    private static ShiftTemplate daily(String start, String end) {
        ShiftTemplate template = new ShiftTemplate();
        template.name = start + "-" + end;
        template.startTime = LocalTime.parse(start);
        template.endTime = LocalTime.parse(end);
        template.minStaff = 1;
        return template;
    }
}
