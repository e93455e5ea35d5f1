package org.gatepost.household;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.gatepost.common.GatepostConfig;

/** Each household's outings in the current period of its village's limit, counted from the entries. */
@ApplicationScoped
public class OutingCounter {

    private final OutingRepository outings;
    private final ZoneId zone;

    OutingCounter(OutingRepository outings, GatepostConfig config) {
        this.outings = outings;
        this.zone = config.timeZone();
    }

    /** Outings in a period. */
    public record Count(int outings, OutingPeriod period) {
    }

    /** The counts of a village's households now; empty when the village has no limit. */
    public Map<UUID, Count> now(UUID villageId, Collection<UUID> householdIds) {
        return now(outings.limitOf(villageId).orElse(null), householdIds);
    }

    public Map<UUID, Count> now(OutingLimit limit, Collection<UUID> householdIds) {
        Map<UUID, Count> counts = new HashMap<>();
        if (limit == null || householdIds.isEmpty()) {
            return counts;
        }
        OutingPeriod period = limit.periodOf(LocalDate.ofInstant(Instant.now(), zone));
        Map<UUID, Integer> counted = outings.outings(householdIds, period.from(zone), period.until(zone));
        householdIds.forEach(id -> counts.put(id, new Count(counted.getOrDefault(id, 0), period)));
        return counts;
    }
}
