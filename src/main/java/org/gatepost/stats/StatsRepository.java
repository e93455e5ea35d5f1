package org.gatepost.stats;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

/**
 * Dashboard figures, read from the hourly and daily counts (never from raw entries). The
 * checkpoints of a subtree are found once through the place tree's ltree path, then handed to
 * PostgreSQL as an array, so that it plans for their true number.
 */
@ApplicationScoped
public class StatsRepository {

    private static final String SUMS = """
            coalesce(sum(h.entries), 0), coalesce(sum(h.persons), 0), coalesce(sum(h.entries_in), 0),
            coalesce(sum(h.entries_out), 0), coalesce(sum(h.admitted), 0), coalesce(sum(h.refused), 0),
            coalesce(sum(h.referred), 0), coalesce(sum(h.green), 0), coalesce(sum(h.yellow), 0),
            coalesce(sum(h.red), 0), coalesce(sum(h.no_phone), 0), coalesce(sum(h.unreadable), 0),
            coalesce(sum(h.paper_pass), 0), coalesce(sum(h.fevers), 0)
            """;

    private final EntityManager em;

    StatsRepository(EntityManager em) {
        this.em = em;
    }

    /** The sums of every count. */
    public record Totals(long entries, long persons, long in, long out, long admitted, long refused, long referred,
                         long green, long yellow, long red, long noPhone, long unreadable, long paperPass, long fevers) {

        static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        Totals plus(Totals o) {
            return new Totals(entries + o.entries, persons + o.persons, in + o.in, out + o.out, admitted + o.admitted,
                    refused + o.refused, referred + o.referred, green + o.green, yellow + o.yellow, red + o.red,
                    noPhone + o.noPhone, unreadable + o.unreadable, paperPass + o.paperPass, fevers + o.fevers);
        }
    }

    /** One bucket of one series. */
    public record Point(UUID placeId, Instant start, long entries, long persons, long admitted, long refused,
                        long referred, long fevers) {
    }

    /**
     * Which series each checkpoint below the place belongs to: the place itself, or the child
     * of the place on the path down to it.
     */
    @SuppressWarnings("unchecked")
    public Map<UUID, UUID> seriesOfCheckpoints(UUID placeId, boolean split) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT c.id, member.id
                FROM place top
                JOIN place c ON c.path <@ top.path AND c.kind = 'CHECKPOINT'
                JOIN place member ON member.path = %s
                WHERE top.id = :place
                """.formatted(split ? "subpath(c.path, 0, nlevel(top.path) + 1)" : "top.path"))
                .setParameter("place", placeId)
                .getResultList();
        Map<UUID, UUID> members = new LinkedHashMap<>();
        rows.forEach(r -> members.put((UUID) r[0], (UUID) r[1]));
        return members;
    }

    /** Totals of the checkpoints over the local hours in [from, to). */
    public Totals hourlyTotals(Collection<UUID> checkpoints, Instant from, Instant to) {
        if (checkpoints.isEmpty() || !to.isAfter(from)) {
            return Totals.NONE;
        }
        return totals("entry_hourly", "hour", checkpoints, utc(from), utc(to));
    }

    /** Totals of the checkpoints over the local days in [from, to). */
    public Totals dailyTotals(Collection<UUID> checkpoints, LocalDate from, LocalDate to) {
        if (checkpoints.isEmpty() || !to.isAfter(from)) {
            return Totals.NONE;
        }
        return totals("entry_daily", "day", checkpoints, from, to);
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

    /** The place's children, by name, to split a series into. */
    @SuppressWarnings("unchecked")
    public Map<UUID, String> children(UUID placeId) {
        Map<UUID, String> children = new LinkedHashMap<>();
        List<Object[]> rows = em.createNativeQuery("SELECT id, name FROM place WHERE parent_id = :place ORDER BY name, id")
                .setParameter("place", placeId)
                .getResultList();
        rows.forEach(r -> children.put((UUID) r[0], (String) r[1]));
        return children;
    }

    /** Non-empty hours in [from, to), per series, given which series each checkpoint belongs to. */
    public List<Point> hourlySeries(Map<UUID, UUID> seriesOfCheckpoints, Instant from, Instant to) {
        return series("entry_hourly", "hour", seriesOfCheckpoints, utc(from), utc(to), null);
    }

    /** Non-empty local days in [from, to), per series; each starts at local midnight in the zone. */
    public List<Point> dailySeries(Map<UUID, UUID> seriesOfCheckpoints, LocalDate from, LocalDate to, ZoneId zone) {
        return series("entry_daily", "day", seriesOfCheckpoints, from, to, zone);
    }

    private Totals totals(String table, String column, Collection<UUID> checkpoints, Object from, Object to) {
        String sql = "SELECT " + SUMS + " FROM " + table + " h WHERE h.checkpoint_id = ANY (?) AND h." + column
                + " >= ? AND h." + column + " < ?";
        return work(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setArray(1, connection.createArrayOf("uuid", checkpoints.toArray()));
                select.setObject(2, from);
                select.setObject(3, to);
                try (ResultSet r = select.executeQuery()) {
                    r.next();
                    return new Totals(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6),
                            r.getLong(7), r.getLong(8), r.getLong(9), r.getLong(10), r.getLong(11), r.getLong(12),
                            r.getLong(13), r.getLong(14));
                }
            }
        });
    }

    private List<Point> series(String table, String column, Map<UUID, UUID> seriesOfCheckpoints, Object from, Object to,
                               ZoneId zone) {
        List<Point> points = new ArrayList<>();
        if (seriesOfCheckpoints.isEmpty()) {
            return points;
        }
        String sql = """
                SELECT m.member, h.%2$s, sum(h.entries), sum(h.persons), sum(h.admitted), sum(h.refused),
                       sum(h.referred), sum(h.fevers)
                FROM unnest(CAST(? AS uuid[]), CAST(? AS uuid[])) AS m(checkpoint, member)
                JOIN %1$s h ON h.checkpoint_id = m.checkpoint AND h.%2$s >= ? AND h.%2$s < ?
                GROUP BY 1, 2
                """.formatted(table, column);
        return work(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setArray(1, connection.createArrayOf("uuid", seriesOfCheckpoints.keySet().toArray()));
                select.setArray(2, connection.createArrayOf("uuid", seriesOfCheckpoints.values().toArray()));
                select.setObject(3, from);
                select.setObject(4, to);
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        Instant start = zone == null ? r.getObject(2, OffsetDateTime.class).toInstant()
                                : r.getObject(2, LocalDate.class).atStartOfDay(zone).toInstant();
                        points.add(new Point(r.getObject(1, UUID.class), start, r.getLong(3), r.getLong(4), r.getLong(5),
                                r.getLong(6), r.getLong(7), r.getLong(8)));
                    }
                }
            }
            return points;
        });
    }

    /** Plain JDBC on the transaction's connection: array parameters, and no ORM between rows and sums. */
    private <T> T work(ReturningWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
