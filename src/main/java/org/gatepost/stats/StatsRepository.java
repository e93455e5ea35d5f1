package org.gatepost.stats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.gatepost.common.TimeRange;

/**
 * Dashboard figures, read from the hourly counts (never from raw entries): one statement
 * each, over the subtree below a place, found through the place tree's ltree path.
 */
@ApplicationScoped
public class StatsRepository {

    private final EntityManager em;

    StatsRepository(EntityManager em) {
        this.em = em;
    }

    /** The sums of every hourly count for the hours in [from, to). */
    public record Totals(long entries, long persons, long in, long out, long admitted, long refused, long referred,
                         long green, long yellow, long red, long noPhone, long unreadable, long paperPass, long fevers) {
    }

    /** One bucket of one series. */
    public record Point(UUID placeId, Instant start, long entries, long persons, long admitted, long refused,
                        long referred, long fevers) {
    }

    public Totals totals(UUID placeId, Instant from, Instant to) {
        Object[] r = (Object[]) em.createNativeQuery("""
                SELECT coalesce(sum(h.entries), 0), coalesce(sum(h.persons), 0), coalesce(sum(h.entries_in), 0),
                       coalesce(sum(h.entries_out), 0), coalesce(sum(h.admitted), 0), coalesce(sum(h.refused), 0),
                       coalesce(sum(h.referred), 0), coalesce(sum(h.green), 0), coalesce(sum(h.yellow), 0),
                       coalesce(sum(h.red), 0), coalesce(sum(h.no_phone), 0), coalesce(sum(h.unreadable), 0),
                       coalesce(sum(h.paper_pass), 0), coalesce(sum(h.fevers), 0)
                FROM place top
                JOIN place c ON c.path <@ top.path AND c.kind = 'CHECKPOINT'
                JOIN entry_hourly h ON h.checkpoint_id = c.id AND h.hour >= :from AND h.hour < :to
                WHERE top.id = :place
                """)
                .setParameter("place", placeId)
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult();
        long[] v = new long[r.length];
        for (int i = 0; i < r.length; i++) {
            v[i] = ((Number) r[i]).longValue();
        }
        return new Totals(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13]);
    }

    /** Alerts still open about entries in [from, to) at checkpoints below the place. */
    public long openAlerts(UUID placeId, Instant from, Instant to) {
        return ((Number) em.createNativeQuery("""
                SELECT count(*) FROM place top
                JOIN place c ON c.path <@ top.path AND c.kind = 'CHECKPOINT'
                JOIN alert a ON a.checkpoint_id = c.id AND a.status = 'OPEN'
                JOIN entry e ON e.id = a.entry_id AND e.occurred_at >= :from AND e.occurred_at < :to
                WHERE top.id = :place
                """)
                .setParameter("place", placeId)
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult()).longValue();
    }

    /** The places a series is split into: the place's children, by name (or the place itself). */
    @SuppressWarnings("unchecked")
    public Map<UUID, String> children(UUID placeId) {
        Map<UUID, String> children = new LinkedHashMap<>();
        List<Object[]> rows = em.createNativeQuery("SELECT id, name FROM place WHERE parent_id = :place ORDER BY name, id")
                .setParameter("place", placeId)
                .getResultList();
        rows.forEach(r -> children.put((UUID) r[0], (String) r[1]));
        return children;
    }

    /**
     * Non-empty buckets of hourly counts in [from, to), per series: the place itself, or each
     * child it is split into. Buckets are hours, or days starting at local midnight in the zone.
     */
    @SuppressWarnings("unchecked")
    public List<Point> series(UUID placeId, Instant from, Instant to, boolean days, String zone, boolean split) {
        // The series a checkpoint belongs to: the place itself, or the child on the path down to it.
        String member = split ? "subpath(c.path, 0, nlevel(top.path) + 1)" : "top.path";
        String bucket = days ? "date_trunc('day', h.hour, :zone)" : "h.hour";
        jakarta.persistence.Query query = em.createNativeQuery("""
                WITH buckets AS (
                    SELECT %s AS member, %s AS start, sum(h.entries) AS entries, sum(h.persons) AS persons,
                           sum(h.admitted) AS admitted, sum(h.refused) AS refused, sum(h.referred) AS referred,
                           sum(h.fevers) AS fevers
                    FROM place top
                    JOIN place c ON c.path <@ top.path AND c.kind = 'CHECKPOINT'
                    JOIN entry_hourly h ON h.checkpoint_id = c.id AND h.hour >= :from AND h.hour < :to
                    WHERE top.id = :place
                    GROUP BY 1, 2
                )
                SELECT p.id, b.start, b.entries, b.persons, b.admitted, b.refused, b.referred, b.fevers
                FROM buckets b JOIN place p ON p.path = b.member
                ORDER BY p.id, b.start
                """.formatted(member, bucket))
                .setParameter("place", placeId)
                .setParameter("from", from)
                .setParameter("to", to);
        if (days) {
            query.setParameter("zone", zone);
        }
        List<Object[]> rows = query.getResultList();
        List<Point> points = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            points.add(new Point((UUID) r[0], TimeRange.read(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5]), n(r[6]), n(r[7])));
        }
        return points;
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
