package org.gatepost.entry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.gatepost.caller.Caller;
import org.gatepost.common.GatepostConfig;
import org.gatepost.common.ProblemException;
import org.gatepost.place.Place;
import org.gatepost.place.PlaceKind;
import org.gatepost.place.PlaceService;

/** The gate's rule and today's counts at a gate, for the app in a volunteer's hand. */
@ApplicationScoped
@Transactional
public class GateService {

    private final EntryRepository entries;
    private final PlaceService places;
    private final GatepostConfig config;

    GateService(EntryRepository entries, PlaceService places, GatepostConfig config) {
        this.entries = entries;
        this.places = places;
        this.config = config;
    }

    public GateRuleView rule() {
        return new GateRuleView(config.gate().feverThreshold(), EntryPolicy.LOWEST_PLAUSIBLE, EntryPolicy.HIGHEST_PLAUSIBLE,
                List.of(HealthCode.RED, HealthCode.YELLOW),
                List.of(HealthCode.NO_PHONE, HealthCode.UNREADABLE, HealthCode.PAPER_PASS),
                EntryPolicy.FUTURE_TOLERANCE.toSeconds(), config.retention().toDays(), config.timeZone().getId());
    }

    public GateTodayView today(Caller caller, UUID checkpointId) {
        Place checkpoint = places.visible(caller, checkpointId);
        if (checkpoint.kind != PlaceKind.CHECKPOINT) {
            throw ProblemException.notFound("Checkpoint " + checkpointId);
        }
        ZoneId zone = config.timeZone();
        LocalDate day = LocalDate.now(zone);
        Instant start = day.atStartOfDay(zone).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        EntryRepository.DayCounts counts = entries.dayCounts(checkpointId, day);
        long mine = entries.countRecordedBy(caller.accountId(), checkpointId, start, end);
        return new GateTodayView(checkpointId, checkpoint.name, day, counts.entries(), counts.persons(), counts.admitted(),
                counts.refused(), counts.referred(), counts.fevers(), mine);
    }
}
