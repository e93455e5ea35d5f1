package org.gatepost.roster;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.gatepost.common.Cursor;
import org.gatepost.common.TimeRange;

/** The roster's dashboard queries, each one statement over the subtree below a place. */
@ApplicationScoped
public class RosterStatsRepository {

    private final EntityManager em;

    RosterStatsRepository(EntityManager em) {
        this.em = em;
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

    @SuppressWarnings("unchecked")
    public List<CoverageRow> coverage(UUID placeId, Instant at) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT c.id, c.name, s.id, s.starts_at, s.ends_at, s.min_staff,
                       count(a.volunteer_id),
                       count(a.volunteer_id) FILTER (WHERE a.checked_in_at <= :at
                                                     AND (a.checked_out_at IS NULL OR a.checked_out_at > :at))
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
                .setParameter("at", at)
                .getResultList();
        return rows.stream().map(r -> new CoverageRow((UUID) r[0], (String) r[1], (UUID) r[2], TimeRange.read(r[3]),
                TimeRange.read(r[4]), r[5] == null ? null : ((Number) r[5]).intValue(), ((Number) r[6]).intValue(),
                ((Number) r[7]).intValue())).toList();
    }

    /** Shifts overlapping [from, to) below a place that are short of staff as of {@code now}, by start. */
    @SuppressWarnings("unchecked")
    public List<ShiftStaffRow> understaffed(UUID placeId, Instant from, Instant to, Instant now, Cursor after, int limit) {
        Query query = em.createNativeQuery("""
                SELECT s.id, s.checkpoint_id, c.name, s.starts_at, s.ends_at, s.min_staff,
                       count(a.volunteer_id), count(a.checked_in_at)
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
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new ShiftStaffRow((UUID) r[0], (UUID) r[1], (String) r[2], TimeRange.read(r[3]),
                TimeRange.read(r[4]), ((Number) r[5]).intValue(), ((Number) r[6]).intValue(),
                ((Number) r[7]).intValue())).toList();
    }

    /** Hours per volunteer for check-ins in [from, to) at checkpoints below a place. */
    @SuppressWarnings("unchecked")
    public List<HoursRow> hours(UUID placeId, Instant from, Instant to, Instant now) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT acc.id, acc.name, t.id, t.name, count(*),
                       round(CAST(sum(extract(epoch FROM
                           greatest(least(coalesce(a.checked_out_at, :now), :now, s.ends_at) - a.checked_in_at,
                                    interval '0'))) / 3600 AS numeric), 2)
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
                .setParameter("now", now)
                .getResultList();
        return rows.stream().map(r -> new HoursRow((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3],
                ((Number) r[4]).intValue(), (BigDecimal) r[5])).toList();
    }
}
