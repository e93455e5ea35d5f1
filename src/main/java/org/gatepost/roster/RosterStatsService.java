package org.gatepost.roster;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.gatepost.caller.Caller;
import org.gatepost.common.Cursor;
import org.gatepost.common.GatepostConfig;
import org.gatepost.common.Page;
import org.gatepost.common.StatisticsDatabase;
import org.gatepost.common.TimeRange;
import org.gatepost.place.Place;
import org.gatepost.place.PlaceService;
import org.gatepost.roster.RosterStats.CoverageStatus;

/** Coverage, understaffed shifts and service hours for the subtree below a place in the caller's area. */
@ApplicationScoped
@Transactional
public class RosterStatsService {

    private final RosterStatsRepository stats;
    private final PlaceService places;
    private final ZoneId zone;

    RosterStatsService(RosterStatsRepository stats, PlaceService places, GatepostConfig config) {
        this.stats = stats;
        this.places = places;
        this.zone = config.timeZone();
    }

    public RosterStats.Coverage coverage(Caller caller, UUID placeId, Instant at) {
        Place top = places.visible(caller, placeId);
        Instant now = Instant.now();
        Instant moment = at == null ? now.truncatedTo(ChronoUnit.SECONDS) : at;
        boolean ahead = moment.isAfter(now);
        List<RosterStats.CheckpointCoverage> checkpoints = stats.coverage(top.id, moment).stream().map(row -> {
            CoverageStatus status;
            if (row.shiftId() == null) {
                status = CoverageStatus.NO_SHIFT;
            } else {
                int staffed = ahead ? row.assigned() : row.onDuty();
                status = staffed == 0 ? CoverageStatus.UNSTAFFED
                        : staffed < row.minStaff() ? CoverageStatus.UNDERSTAFFED : CoverageStatus.OK;
            }
            return new RosterStats.CheckpointCoverage(row.checkpointId(), row.name(), row.shiftId(),
                    TimeRange.local(row.startsAt(), zone), TimeRange.local(row.endsAt(), zone), row.minStaff(),
                    row.assigned(), row.onDuty(), status);
        }).toList();
        StatisticsDatabase.Freshness freshness = stats.freshness();
        return new RosterStats.Coverage(TimeRange.local(moment, zone), checkpoints,
                freshness.asOf() == null ? null : TimeRange.local(freshness.asOf(), zone), freshness.behindSeconds());
    }

    public Page<RosterStats.UnderstaffedShift> understaffed(Caller caller, UUID placeId, TimeRange range, Cursor after,
                                                           int limit) {
        Place top = places.visible(caller, placeId);
        Instant now = Instant.now();
        List<RosterStatsRepository.ShiftStaffRow> rows = stats.understaffed(top.id, range.from(), range.to(), now, after,
                limit + 1);
        return Page.of(rows, limit, r -> new Cursor(r.startsAt().toString(), r.shiftId()), r -> {
            int staffed = r.startsAt().isAfter(now) ? r.assigned() : r.checkedIn();
            return new RosterStats.UnderstaffedShift(r.shiftId(), r.checkpointId(), r.checkpointName(),
                    TimeRange.local(r.startsAt(), zone), TimeRange.local(r.endsAt(), zone), r.minStaff(), r.assigned(),
                    r.checkedIn(), r.minStaff() - staffed);
        });
    }

    public RosterStats.VolunteerHours volunteerHours(Caller caller, UUID placeId, TimeRange range) {
        Place top = places.visible(caller, placeId);
        List<RosterStatsRepository.HoursRow> rows = stats.hours(top.id, range.from(), range.to(), Instant.now());
        Map<UUID, RosterStats.Team> teams = new LinkedHashMap<>();
        for (RosterStatsRepository.HoursRow row : rows) {
            if (row.teamId() != null) {
                RosterStats.Team team = teams.get(row.teamId());
                BigDecimal hours = team == null ? row.hours() : team.hours().add(row.hours());
                teams.put(row.teamId(), new RosterStats.Team(row.teamId(), row.teamName(), hours));
            }
        }
        return new RosterStats.VolunteerHours(
                rows.stream().map(r -> new RosterStats.Volunteer(r.accountId(), r.name(), r.teamId(), r.shifts(), r.hours()))
                        .toList(),
                teams.values().stream().sorted((a, b) -> b.hours().compareTo(a.hours())).toList());
    }
}
