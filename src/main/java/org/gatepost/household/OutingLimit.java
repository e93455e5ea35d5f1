package org.gatepost.household;

import java.time.LocalDate;
import java.util.UUID;

/** A village's outing limit: {@code outings} per household in each period of {@code days} local days from {@code since}. */
public record OutingLimit(UUID villageId, int outings, int days, LocalDate since) {

    public OutingPeriod periodOf(LocalDate day) {
        return OutingPeriod.containing(day, since, days);
    }
}
