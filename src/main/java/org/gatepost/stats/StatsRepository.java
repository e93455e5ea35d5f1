package org.gatepost.stats;

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
import jakarta.persistence.Query;

import org.gatepost.common.SqlRow;
import org.gatepost.common.StatisticsDatabase;

/**
 * Dashboard figures, read from the hourly and daily counts through their exact views (the
 * folded counts plus the few entries the fold has not reached yet: V22), never by scanning
 * entries. The
 * checkpoints of a subtree are found once through the place tree's ltree path, then handed to
 * PostgreSQL as one array parameter, so that it plans for their true number. Rows are read by
 * column name through {@link SqlRow}; an aggregate over no rows is null, which reads as 0.
 * Reads go through {@link StatisticsDatabase}: the streaming replica when one is configured.
 */
@ApplicationScoped
public class StatsRepository {

    private static final String SUMS = """
            sum(h.entries) AS entries, sum(h.persons) AS persons, sum(h.entries_in) AS entries_in,
            sum(h.entries_out) AS entries_out, sum(h.admitted) AS admitted, sum(h.refused) AS refused,
            sum(h.referred) AS referred, sum(h.green) AS green, sum(h.yellow) AS yellow,
            sum(h.red) AS red, sum(h.no_phone) AS no_phone, sum(h.unreadable) AS unreadable,
            sum(h.paper_pass) AS paper_pass, sum(h.fevers) AS fevers
            """;

    private final StatisticsDatabase database;

    StatsRepository(StatisticsDatabase database) {
        this.database = database;
    }

    /** How current the figures this request reads are (see {@link StatisticsDatabase}). */
    public StatisticsDatabase.Freshness freshness() {
        return database.freshness();
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
    public Map<UUID, UUID> seriesOfCheckpoints(UUID placeId, boolean split) {
        Query query = SqlRow.query(database.em(), """
                SELECT c.id AS checkpoint_id, member.id AS member_id
                FROM place top
                JOIN place c ON c.path <@ top.path AND c.kind = 'CHECKPOINT'
                JOIN place member ON member.path = %s
                WHERE top.id = :place
                """.formatted(split ? "subpath(c.path, 0, nlevel(top.path) + 1)" : "top.path"))
                .setParameter("place", placeId);
        Map<UUID, UUID> members = new LinkedHashMap<>();
        SqlRow.list(query).forEach(r -> members.put(r.uuid("checkpoint_id"), r.uuid("member_id")));
        return members;
    }

    /** Totals of the checkpoints over the local hours in [from, to). */
    public Totals hourlyTotals(Collection<UUID> checkpoints, Instant from, Instant to) {
        if (checkpoints.isEmpty() || !to.isAfter(from)) {
            return Totals.NONE;
        }
        return totals("entry_hourly_exact", "hour", checkpoints, utc(from), utc(to));
    }

    /** Totals of the checkpoints over the local days in [from, to). */
    public Totals dailyTotals(Collection<UUID> checkpoints, LocalDate from, LocalDate to) {
        if (checkpoints.isEmpty() || !to.isAfter(from)) {
            return Totals.NONE;
        }
        return totals("entry_daily_exact", "day", checkpoints, from, to);
    }

    /** Alerts still open about entries in [from, to) at checkpoints below the place. */
    public long openAlerts(UUID placeId, Instant from, Instant to) {
        return SqlRow.single(SqlRow.query(database.em(), """
                SELECT count(*) AS open FROM place top
                JOIN place c ON c.path <@ top.path AND c.kind = 'CHECKPOINT'
                JOIN alert a ON a.checkpoint_id = c.id AND a.status = 'OPEN'
                JOIN entry e ON e.id = a.entry_id AND e.occurred_at >= :from AND e.occurred_at < :to
                WHERE top.id = :place
                """)
                .setParameter("place", placeId)
                .setParameter("from", from)
                .setParameter("to", to)).number("open");
    }

    /** The place's children, by name, to split a series into. */
    public Map<UUID, String> children(UUID placeId) {
        Map<UUID, String> children = new LinkedHashMap<>();
        SqlRow.list(SqlRow.query(database.em(), "SELECT id, name FROM place WHERE parent_id = :place ORDER BY name, id")
                        .setParameter("place", placeId))
                .forEach(r -> children.put(r.uuid("id"), r.string("name")));
        return children;
    }

    /** Non-empty hours in [from, to), per series, given which series each checkpoint belongs to. */
    public List<Point> hourlySeries(Map<UUID, UUID> seriesOfCheckpoints, Instant from, Instant to) {
        return series("entry_hourly_exact", "hour", seriesOfCheckpoints, utc(from), utc(to), null);
    }

    /** Non-empty local days in [from, to), per series; each starts at local midnight in the zone. */
    public List<Point> dailySeries(Map<UUID, UUID> seriesOfCheckpoints, LocalDate from, LocalDate to, ZoneId zone) {
        return series("entry_daily_exact", "day", seriesOfCheckpoints, from, to, zone);
    }

    private Totals totals(String table, String column, Collection<UUID> checkpoints, Object from, Object to) {
        SqlRow r = SqlRow.single(SqlRow.query(database.em(), "SELECT " + SUMS + " FROM " + table + " h"
                        + " WHERE h.checkpoint_id = ANY (:checkpoints) AND h." + column + " >= :from AND h." + column + " < :to")
                .setParameter("checkpoints", checkpoints.toArray(UUID[]::new))
                .setParameter("from", from)
                .setParameter("to", to));
        return new Totals(r.number("entries"), r.number("persons"), r.number("entries_in"), r.number("entries_out"),
                r.number("admitted"), r.number("refused"), r.number("referred"), r.number("green"), r.number("yellow"),
                r.number("red"), r.number("no_phone"), r.number("unreadable"), r.number("paper_pass"), r.number("fevers"));
    }

    private List<Point> series(String table, String column, Map<UUID, UUID> seriesOfCheckpoints, Object from, Object to,
                               ZoneId zone) {
        if (seriesOfCheckpoints.isEmpty()) {
            return new ArrayList<>();
        }
        Query query = SqlRow.query(database.em(), """
                SELECT m.member, h.%2$s AS bucket, sum(h.entries) AS entries, sum(h.persons) AS persons,
                       sum(h.admitted) AS admitted, sum(h.refused) AS refused, sum(h.referred) AS referred,
                       sum(h.fevers) AS fevers
                FROM unnest(CAST(:checkpoints AS uuid[]), CAST(:members AS uuid[])) AS m(checkpoint, member)
                JOIN %1$s h ON h.checkpoint_id = m.checkpoint AND h.%2$s >= :from AND h.%2$s < :to
                GROUP BY 1, 2
                """.formatted(table, column))
                .setParameter("checkpoints", seriesOfCheckpoints.keySet().toArray(UUID[]::new))
                .setParameter("members", seriesOfCheckpoints.values().toArray(UUID[]::new))
                .setParameter("from", from)
                .setParameter("to", to);
        return new ArrayList<>(SqlRow.list(query).stream().map(r -> new Point(r.uuid("member"),
                zone == null ? r.instant("bucket") : r.date("bucket").atStartOfDay(zone).toInstant(),
                r.number("entries"), r.number("persons"), r.number("admitted"), r.number("refused"),
                r.number("referred"), r.number("fevers"))).toList());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
