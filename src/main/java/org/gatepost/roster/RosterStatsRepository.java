package org.gatepost.roster;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import org.gatepost.common.Cursor;
import org.gatepost.common.SqlRow;
import org.gatepost.common.StatisticsDatabase;

/** The roster's dashboard queries, each one statement over the subtree below a place, rows read by column name. */
@ApplicationScoped
public class RosterStatsRepository {

    private final StatisticsDatabase database;

    RosterStatsRepository(StatisticsDatabase database) {
        this.database = database;
    }

    /** How current the figures this request reads are (see {@link StatisticsDatabase}). */
    public StatisticsDatabase.Freshness freshness() {
        return database.freshness();
    }

    /** One active checkpoint at a moment, with its earliest shift running then (if any). */
    public record CoverageRow(UUID checkpointId, String name, UUID shiftId, Instant startsAt, Instant endsAt,
                              Integer minStaff, int assigned, int onDuty) {
    }

    public record ShiftStaffRow(UUID shiftId, UUID checkpointId, String checkpointName, Instant startsAt, Instant endsAt,
                                int minStaff, int assigned, int checkedIn) {
    }

    public record HoursRow(UUID accountId, String name, UUID teamId, String teamName, int shifts, BigDecimal hours) {
    }

    public List<CoverageRow> coverage(UUID placeId, Instant at) {
        Query query = SqlRow.query(database.em(), """
                SELECT c.id AS checkpoint_id, c.name, s.id AS shift_id, s.starts_at, s.ends_at, s.min_staff,
                       count(a.volunteer_id) AS assigned,
                       count(a.volunteer_id) FILTER (WHERE a.checked_in_at <= :at
                                                     AND (a.checked_out_at IS NULL OR a.checked_out_at > :at)) AS on_duty
                FROM place top
                JOIN place c ON c.path <@ top.path AND c.kind = 'CHECKPOINT' AND c.active
                LEFT JOIN LATERAL (SELECT * FROM shift
                                   WHERE checkpoint_id = c.id AND cancelled_at IS NULL
                                     AND starts_at <= :at AND ends_at > :at
                                   ORDER BY starts_at LIMIT 1) s ON true
                LEFT JOIN assignment a ON a.shift_id = s.id
                WHERE top.id = :place
                GROUP BY c.id, c.name, s.id, s.starts_at, s.ends_at, s.min_staff
                ORDER BY c.name, c.id
                """)
                .setParameter("place", placeId)
                .setParameter("at", at);
        return SqlRow.list(query).stream().map(r -> new CoverageRow(r.uuid("checkpoint_id"), r.string("name"),
                r.uuid("shift_id"), r.instant("starts_at"), r.instant("ends_at"), r.integerOrNull("min_staff"),
                r.integer("assigned"), r.integer("on_duty"))).toList();
    }

    /** Shifts overlapping [from, to) below a place that are short of staff as of {@code now}, by start. */
    public List<ShiftStaffRow> understaffed(UUID placeId, Instant from, Instant to, Instant now, Cursor after, int limit) {
        Query query = SqlRow.query(database.em(), """
                SELECT s.id AS shift_id, s.checkpoint_id, c.name, s.starts_at, s.ends_at, s.min_staff,
                       count(a.volunteer_id) AS assigned, count(a.checked_in_at) AS checked_in
                FROM place top
                JOIN place c ON c.path <@ top.path AND c.kind = 'CHECKPOINT'
                JOIN shift s ON s.checkpoint_id = c.id AND s.cancelled_at IS NULL
                             AND s.starts_at < :to AND s.ends_at > :from
                LEFT JOIN assignment a ON a.shift_id = s.id
                WHERE top.id = :place %s
                GROUP BY s.id, s.checkpoint_id, c.name, s.starts_at, s.ends_at, s.min_staff
                HAVING CASE WHEN s.starts_at <= :now THEN count(a.checked_in_at) ELSE count(a.volunteer_id) END < s.min_staff
                ORDER BY s.starts_at, s.id
                LIMIT :limit
                """.formatted(after == null ? "" : "AND (s.starts_at, s.id) > (CAST(:afterStart AS timestamptz), :afterId)"))
                .setParameter("place", placeId)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("now", now)
                .setParameter("limit", limit);
        if (after != null) {
            query.setParameter("afterStart", after.key()).setParameter("afterId", after.id());
        }
        return SqlRow.list(query).stream().map(r -> new ShiftStaffRow(r.uuid("shift_id"), r.uuid("checkpoint_id"),
                r.string("name"), r.instant("starts_at"), r.instant("ends_at"), r.integer("min_staff"),
                r.integer("assigned"), r.integer("checked_in"))).toList();
    }

    /** Hours per volunteer for check-ins in [from, to) at checkpoints below a place. */
    public List<HoursRow> hours(UUID placeId, Instant from, Instant to, Instant now) {
        Query query = SqlRow.query(database.em(), """
                SELECT acc.id AS account_id, acc.name, t.id AS team_id, t.name AS team_name, count(*) AS shifts,
                       round(CAST(sum(extract(epoch FROM
                           greatest(least(coalesce(a.checked_out_at, :now), :now, s.ends_at) - a.checked_in_at,
                                    interval '0'))) / 3600 AS numeric), 2) AS hours
                FROM place top
                JOIN place c ON c.path <@ top.path AND c.kind = 'CHECKPOINT'
                JOIN shift s ON s.checkpoint_id = c.id
                JOIN assignment a ON a.shift_id = s.id AND a.checked_in_at >= :from AND a.checked_in_at < :to
                JOIN account acc ON acc.id = a.volunteer_id
                LEFT JOIN team t ON t.id = acc.team_id
                WHERE top.id = :place
                GROUP BY acc.id, acc.name, t.id, t.name
                ORDER BY 6 DESC, acc.name, acc.id
                """)
                .setParameter("place", placeId)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("now", now);
        return SqlRow.list(query).stream().map(r -> new HoursRow(r.uuid("account_id"), r.string("name"),
                r.uuid("team_id"), r.string("team_name"), r.integer("shifts"), r.decimal("hours"))).toList();
    }
}
