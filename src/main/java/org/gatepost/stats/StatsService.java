package org.gatepost.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.gatepost.caller.Caller;
import org.gatepost.common.GatepostConfig;
import org.gatepost.common.ProblemException;
import org.gatepost.common.TimeRange;
import org.gatepost.entry.HealthCode;
import org.gatepost.place.Place;
import org.gatepost.place.PlaceKind;
import org.gatepost.place.PlaceService;

/** Summary and series for the subtree below a place in the caller's area, from the hourly counts. */
@ApplicationScoped
@Transactional
public class StatsService {

    static final Duration LONGEST_HOURLY_RANGE = Duration.ofDays(31);

    private final StatsRepository stats;
    private final PlaceService places;
    private final ZoneId zone;

    StatsService(StatsRepository stats, PlaceService places, GatepostConfig config) {
        this.stats = stats;
        this.places = places;
        this.zone = config.timeZone();
    }

    /** Hour or day buckets. */
    public enum Bucket {
        HOUR, DAY;

        public static Bucket parse(String value) {
            if (value == null || value.isBlank()) {
                return HOUR;
            }
            return switch (value.trim().toLowerCase()) {
                case "hour" -> HOUR;
                case "day" -> DAY;
                default -> throw ProblemException.invalid("bucket", "must be hour or day");
            };
        }
    }

    public Stats.Summary summary(Caller caller, UUID placeId, TimeRange requested) {
        Place top = places.visible(caller, placeId);
        TimeRange range = widen(requested, Bucket.HOUR);
        StatsRepository.Totals t = totals(stats.seriesOfCheckpoints(top.id, false).keySet(), range);
        Map<String, Long> codes = new LinkedHashMap<>();
        codes.put(HealthCode.GREEN.name(), t.green());
        codes.put(HealthCode.YELLOW.name(), t.yellow());
        codes.put(HealthCode.RED.name(), t.red());
        codes.put(HealthCode.NO_PHONE.name(), t.noPhone());
        codes.put(HealthCode.UNREADABLE.name(), t.unreadable());
        codes.put(HealthCode.PAPER_PASS.name(), t.paperPass());
        return new Stats.Summary(top.id, TimeRange.local(range.from(), zone), TimeRange.local(range.to(), zone),
                t.entries(), t.persons(), t.in(), t.out(), t.admitted(), t.refused(), t.referred(), codes, t.fevers(),
                stats.openAlerts(top.id, range.from(), range.to()), asOf(), stats.freshness().behindSeconds());
    }

    public Stats.Series series(Caller caller, UUID placeId, TimeRange requested, Bucket bucket, boolean split) {
        Place top = places.visible(caller, placeId);
        if (split && top.kind == PlaceKind.CHECKPOINT) {
            throw ProblemException.invalid("split", "a checkpoint has no children to split into");
        }
        TimeRange range = widen(requested, bucket);
        if (bucket == Bucket.HOUR && Duration.between(range.from(), range.to()).compareTo(LONGEST_HOURLY_RANGE) > 0) {
            throw ProblemException.invalid("bucket", "hourly series span at most 31 days; use bucket=day");
        }
        Map<UUID, String> members = split ? stats.children(top.id) : Map.of(top.id, top.name);
        Map<UUID, Map<Instant, StatsRepository.Point>> byPlace = new HashMap<>();
        Map<UUID, UUID> seriesOfCheckpoints = stats.seriesOfCheckpoints(top.id, split);
        List<StatsRepository.Point> found = bucket == Bucket.DAY
                ? stats.dailySeries(seriesOfCheckpoints, localDate(range.from()), localDate(range.to()), zone)
                : stats.hourlySeries(seriesOfCheckpoints, range.from(), range.to());
        for (StatsRepository.Point point : found) {
            byPlace.computeIfAbsent(point.placeId(), id -> new HashMap<>()).put(point.start(), point);
        }
        List<Instant> starts = starts(range, bucket);
        List<Stats.PlaceSeries> series = new ArrayList<>();
        members.forEach((id, name) -> {
            Map<Instant, StatsRepository.Point> points = byPlace.getOrDefault(id, Map.of());
            series.add(new Stats.PlaceSeries(id, name, starts.stream().map(start -> {
                StatsRepository.Point p = points.get(start);
                return p == null ? new Stats.Point(TimeRange.local(start, zone), 0, 0, 0, 0, 0, 0)
                        : new Stats.Point(TimeRange.local(start, zone), p.entries(), p.persons(), p.admitted(),
                                p.refused(), p.referred(), p.fevers());
            }).toList()));
        });
        return new Stats.Series(bucket.name().toLowerCase(), TimeRange.local(range.from(), zone),
                TimeRange.local(range.to(), zone), series, asOf(), stats.freshness().behindSeconds());
    }

    /** Whole local days from the daily counts, the hours at either edge from the hourly ones. */
    private StatsRepository.Totals totals(java.util.Collection<UUID> checkpoints, TimeRange range) {
        Buckets.DaySplit split = Buckets.split(range, zone);
        if (!split.hasDays()) {
            return stats.hourlyTotals(checkpoints, range.from(), range.to());
        }
        return stats.dailyTotals(checkpoints, split.firstDay(), split.endDay())
                .plus(stats.hourlyTotals(checkpoints, split.from(), split.daysFrom()))
                .plus(stats.hourlyTotals(checkpoints, split.daysTo(), split.to()));
    }

    private OffsetDateTime asOf() {
        Instant asOf = stats.freshness().asOf();
        return asOf == null ? null : TimeRange.local(asOf, zone);
    }

    private LocalDate localDate(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    TimeRange widen(TimeRange range, Bucket bucket) {
        return Buckets.widen(range, bucket, zone);
    }

    private List<Instant> starts(TimeRange range, Bucket bucket) {
        List<Instant> starts = new ArrayList<>();
        ZonedDateTime at = range.from().atZone(zone);
        while (at.toInstant().isBefore(range.to())) {
            starts.add(at.toInstant());
            at = bucket == Bucket.DAY ? at.plusDays(1) : at.plusHours(1);
        }
        return starts;
    }
}
