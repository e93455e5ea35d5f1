package org.gatepost.entry;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import org.gatepost.common.Cursor;
import org.gatepost.common.GatepostConfig;

/**
 * Entries in plain SQL over JDBC, rows read by column name into {@link EntryRow}. Writing a
 * batch is one statement: the new rows and their alerts. The hourly and daily counts are kept
 * by the fold ({@link #fold}, every second), and read through views that add the entries it
 * has not reached yet, so that counts never drift from the entries (V22). JDBC rather than Hibernate's native queries
 * because the hot path binds arrays and needs no session or flush, and one way for all of
 * this repository; inside a {@code @Transactional} method the pool hands out the
 * transaction's own connection, so reads and voids join it as Hibernate's work would.
 */
@ApplicationScoped
public class EntryRepository {

    /** The entry's contribution to its hourly and daily rows: +1 on insert, -1 on void. */
    private static final String HOURLY_COUNTS = """
            count(*) * %1$s, sum(party_size) * %1$s,
            count(*) FILTER (WHERE direction = 'IN') * %1$s, count(*) FILTER (WHERE direction = 'OUT') * %1$s,
            count(*) FILTER (WHERE decision = 'ADMITTED') * %1$s, count(*) FILTER (WHERE decision = 'REFUSED') * %1$s,
            count(*) FILTER (WHERE decision = 'REFERRED') * %1$s,
            count(*) FILTER (WHERE health_code = 'GREEN') * %1$s, count(*) FILTER (WHERE health_code = 'YELLOW') * %1$s,
            count(*) FILTER (WHERE health_code = 'RED') * %1$s, count(*) FILTER (WHERE health_code = 'NO_PHONE') * %1$s,
            count(*) FILTER (WHERE health_code = 'UNREADABLE') * %1$s,
            count(*) FILTER (WHERE health_code = 'PAPER_PASS') * %1$s, count(*) FILTER (WHERE fever) * %1$s
            """;
    private static final String HOURLY_COLUMNS = "entries, persons, entries_in, entries_out, admitted, refused, referred, "
            + "green, yellow, red, no_phone, unreadable, paper_pass, fevers";
    private static final String ADD_EXCLUDED = String.join(", ", java.util.Arrays.stream(HOURLY_COLUMNS.split(", "))
            .map(c -> c + " = h." + c + " + excluded." + c).toList());

    /** The entry's columns, as the components of {@link EntryRow}. */
    private static final RecordColumns<EntryRow> COLUMNS = new RecordColumns<>(EntryRow.class);

    /**
     * What the insert writes from the row, the attributes of {@code entry_input} (V25); the shift
     * it finds itself, and a new entry is not voided.
     */
    static final List<RecordColumns.Column> WRITTEN = COLUMNS.except(
            Set.of("shift_id", "voided_at", "voided_by", "void_reason"));

    /**
     * Writes a batch as one statement, set-based: the rows, one array of {@code entry_input}
     * (V25, the written columns in order), unnested, the new ones (by id) inserted with their
     * alerts. The counts are not touched: the fold adds the entries once their transaction has
     * ended ({@link #fold}). JDBC parameters: 1 and 2 the ids and kinds of the entries that raise
     * an alert, 3 the rows (text, {@link RecordColumns#compositeArray}).
     */
    private static final String INSERT = """
            WITH params AS (
                SELECT CAST(? AS uuid[]) AS alert_ids, CAST(? AS text[]) AS alert_kinds
            ),
            -- the rows; the array behind a subquery, so that no plan knows how many there are: a plan
            -- made for the number of rows bound (one, usually) would look cheaper than the generic
            -- one every time, and PostgreSQL would plan this statement anew at every entry
            input AS (
                SELECT * FROM unnest((SELECT CAST(? AS entry_input[]))) WITH ORDINALITY AS r(%1$s, ord)
            ),
            -- the entry already stored under each row's id, in any county (the statement's snapshot
            -- does not see its own inserts, so this is only what was there before). One index probe
            -- per row, LATERAL with a LIMIT so that it cannot become a join: the prepared statement's
            -- generic plan, made once per pooled connection, maybe while entry was nearly empty, would
            -- otherwise hash-join a sequential scan of every entry (seen at 650,000 entries: 118 ms).
            stored AS (
                SELECT r.ord, e.* FROM input r
                LEFT JOIN LATERAL (SELECT * FROM entry x WHERE x.id = r.id LIMIT 1) e ON true
            ),
            inserted AS (
                INSERT INTO entry (%1$s, written_xid, shift_id)
                SELECT %2$s,
                       -- what the fold goes by (V22): counted once this transaction has ended
                       pg_current_xact_id(),
                       -- the shift the recorder was checked in to when it happened, if any
                       (SELECT a.shift_id FROM assignment a JOIN shift s ON s.id = a.shift_id
                        WHERE a.volunteer_id = r.recorded_by AND a.checked_in_at <= r.occurred_at
                          AND coalesce(a.checked_out_at, s.ends_at) >= r.occurred_at
                        ORDER BY a.checked_in_at DESC LIMIT 1)
                FROM input r
                -- an id stored under another county is another entry (409), not this one's second copy
                JOIN stored e ON e.ord = r.ord AND e.id IS NULL
                ORDER BY r.ord
                ON CONFLICT (id, county_id) DO NOTHING
                RETURNING id, county_id, checkpoint_id, village_id, received_at, shift_id
            ),
            alerts AS (
                INSERT INTO alert (id, county_id, entry_id, checkpoint_id, village_id, kind, raised_at)
                SELECT gen_random_uuid(), i.county_id, i.id, i.checkpoint_id, i.village_id, a.kind, i.received_at
                FROM inserted i
                JOIN (SELECT a.* FROM params p, unnest(p.alert_ids, p.alert_kinds) AS a(id, kind)) a ON a.id = i.id
            )
            -- each row sent: created (with its shift), or the entry already stored under its id
            SELECT r.id AS sent_id, i.id IS NOT NULL AS created, i.shift_id AS created_shift_id, %3$s
            FROM input r
            JOIN stored e ON e.ord = r.ord
            LEFT JOIN inserted i ON i.id = r.id
            """.formatted(
            String.join(", ", RecordColumns.names(WRITTEN)),
            String.join(", ", WRITTEN.stream().map(c -> "r." + c.name()).toList()),
            COLUMNS.selectList("e"));

    /** The counts of a group of entries named after their columns, for taking them out again. */
    private static final String COUNTS_NAMED = String.join(", ", java.util.stream.IntStream
            .range(0, HOURLY_COLUMNS.split(", ").length)
            .mapToObj(i -> HOURLY_COUNTS.formatted("1").split(",")[i].strip() + " AS " + HOURLY_COLUMNS.split(", ")[i])
            .toList());
    private static final String SUBTRACT = String.join(", ", java.util.Arrays.stream(HOURLY_COLUMNS.split(", "))
            .map(c -> c + " = h." + c + " - v." + c).toList());

    /**
     * Voids one entry and, if the fold has counted it, takes it out of its hourly and daily rows
     * (one the fold has not reached leaves the live part of the exact views by being voided).
     * An UPDATE, not an upsert: the rows exist since the entry was counted, and every count is
     * checked to stay at or above zero, which the proposed row of an upsert with negative counts
     * would not be. JDBC parameters: when, by whom, why, the entry, the zone, the fold's bound.
     */
    private static final String VOID = """
            WITH voided AS (
                UPDATE entry SET voided_at = ?, voided_by = ?, void_reason = ?
                WHERE id = ? AND voided_at IS NULL
                RETURNING county_id, checkpoint_id, occurred_at, direction, party_size, health_code, fever, decision,
                          written_xid
            ),
            params AS (SELECT CAST(? AS text) AS zone, CAST(? AS xid8) AS folded_below),
            -- in the counts: written before the fold existed (counted by its insert), or folded since
            counted AS (
                SELECT v.* FROM voided v, params p WHERE v.written_xid IS NULL OR v.written_xid < p.folded_below
            ),
            taken_out_hourly AS (
                UPDATE entry_hourly h SET %2$s
                FROM (SELECT checkpoint_id, date_trunc('hour', occurred_at, p.zone) AS hour, county_id, %1$s
                      FROM counted, params p GROUP BY 1, 2, 3) v
                WHERE h.checkpoint_id = v.checkpoint_id AND h.hour = v.hour AND h.county_id = v.county_id
            ),
            taken_out_daily AS (
                UPDATE entry_daily h SET %2$s
                FROM (SELECT checkpoint_id, CAST(occurred_at AT TIME ZONE p.zone AS date) AS day, county_id, %1$s
                      FROM counted, params p GROUP BY 1, 2, 3) v
                WHERE h.checkpoint_id = v.checkpoint_id AND h.day = v.day AND h.county_id = v.county_id
            )
            SELECT count(*) AS voided FROM voided
            """.formatted(COUNTS_NAMED, SUBTRACT);

    /**
     * Adds to the hourly and daily rows every entry not folded yet whose transaction has ended,
     * and moves the bound past them, in one statement (so in one snapshot): a transaction id
     * below the snapshot's xmin has ended, so its entries are committed and visible here, or
     * were never written. Voided entries are left out, as the views leave them out.
     */
    private static final String FOLD = """
            WITH params AS (SELECT CAST(? AS text) AS zone, pg_snapshot_xmin(pg_current_snapshot()) AS below),
            folded AS (
                SELECT e.* FROM entries_not_folded() e, params p
                WHERE e.written_xid < p.below AND e.voided_at IS NULL
            ),
            hourly AS (
                INSERT INTO entry_hourly AS h (checkpoint_id, hour, county_id, %1$s)
                SELECT checkpoint_id, date_trunc('hour', occurred_at, p.zone), county_id, %2$s
                FROM folded, params p
                GROUP BY 1, 2, 3
                ORDER BY 1, 2, 3
                ON CONFLICT (checkpoint_id, hour, county_id) DO UPDATE SET %3$s
            ),
            daily AS (
                INSERT INTO entry_daily AS h (checkpoint_id, day, county_id, %1$s)
                SELECT checkpoint_id, CAST(occurred_at AT TIME ZONE p.zone AS date), county_id, %2$s
                FROM folded, params p
                GROUP BY 1, 2, 3
                ORDER BY 1, 2, 3
                ON CONFLICT (checkpoint_id, day, county_id) DO UPDATE SET %3$s
            ),
            moved AS (
                UPDATE entry_fold f SET folded_below = p.below, folded_at = now()
                FROM params p WHERE f.folded_below < p.below
            )
            SELECT count(*) AS folded FROM folded
            """.formatted(HOURLY_COLUMNS, HOURLY_COUNTS.formatted("1"), ADD_EXCLUDED);

    private final DataSource database;
    private final ZoneId zone;

    EntryRepository(DataSource database, GatepostConfig config) {
        this.database = database;
        this.zone = config.timeZone();
    }

    /**
     * What a write did: the ids created, each with the shift it was tied to (or empty), and the
     * entries already stored under the other ids, as far as the statement could see them (one
     * committed by another request meanwhile is in neither: ask {@link #stored}).
     */
    public record Written(Map<UUID, Optional<UUID>> created, Map<UUID, EntryRow> existing) {
    }

    /**
     * Writes the rows that are new (by id) with their alerts ({@code alerts}: the kind each row
     * raises), and reads the entries already stored under the others, in one round trip. One
     * statement: outside a transaction (the gate's hot path) PostgreSQL commits the entries and
     * alerts together before this returns; the counts' exact views include them from then on.
     */
    public Written insert(List<EntryRow> rows, Map<UUID, AlertKind> alerts) {
        Written written = new Written(new HashMap<>(), new HashMap<>());
        if (rows.isEmpty()) {
            return written;
        }
        return jdbc("record entries", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                int p = 1;
                insert.setArray(p++, connection.createArrayOf("uuid", alerts.keySet().toArray()));
                insert.setArray(p++, connection.createArrayOf("text", alerts.values().stream().map(Enum::name).toArray()));
                insert.setString(p, COLUMNS.compositeArray(WRITTEN, rows));
                try (ResultSet result = insert.executeQuery()) {
                    while (result.next()) {
                        if (result.getBoolean("created")) {
                            written.created().put(result.getObject("sent_id", UUID.class),
                                    Optional.ofNullable(result.getObject("created_shift_id", UUID.class)));
                        } else if (result.getObject("id") != null) {
                            EntryRow stored = COLUMNS.read(result);
                            written.existing().put(stored.id(), stored);
                        }
                    }
                }
            }
            return written;
        });
    }

    /** A checkpoint as the recording rules need it; its county goes into every entry recorded there. */
    public record CheckpointFacts(UUID id, String kind, UUID villageId, UUID countyId, boolean active) {
    }

    public Map<UUID, CheckpointFacts> checkpoints(Collection<UUID> ids) {
        Map<UUID, CheckpointFacts> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        return jdbc("read checkpoints", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, kind, parent_id, place_county(path) AS county_id, active FROM place WHERE id = ANY (?)")) {
                select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        UUID id = result.getObject("id", UUID.class);
                        found.put(id, new CheckpointFacts(id, result.getString("kind"),
                                result.getObject("parent_id", UUID.class), result.getObject("county_id", UUID.class),
                                result.getBoolean("active")));
                    }
                }
            }
            return found;
        });
    }

    /** The entries stored under these ids; an id missing from the map is not stored. */
    public Map<UUID, EntryRow> stored(Collection<UUID> ids) {
        Map<UUID, EntryRow> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        return jdbc("read entries", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS.selectList("e") + " FROM entry e WHERE e.id = ANY (?)")) {
                select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        EntryRow row = COLUMNS.read(result);
                        found.put(row.id(), row);
                    }
                }
            }
            return found;
        });
    }

    /**
     * Marks the entry voided and takes it out of its counts; false if it was voided already.
     * Runs in the caller's transaction: it first takes the fold's bound in share mode, so that no
     * fold runs between reading the bound and this void's commit (a fold would otherwise count
     * the entry as live while this takes it out of counts that do not hold it yet).
     */
    public boolean voidEntry(UUID id, UUID by, String reason, Instant now) {
        return jdbc("void an entry", connection -> {
            if (connection.getAutoCommit()) {
                throw new IllegalStateException("a void must run in a transaction, with the fold's bound held");
            }
            String foldedBelow;
            try (PreparedStatement lock = connection.prepareStatement("SELECT folded_below FROM entry_fold FOR SHARE");
                 ResultSet result = lock.executeQuery()) {
                result.next();
                foldedBelow = result.getString("folded_below");
            }
            // a new statement, so a new snapshot: it sees the counts of a fold that committed while we waited
            try (PreparedStatement update = connection.prepareStatement(VOID)) {
                update.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                update.setObject(2, by);
                update.setString(3, reason);
                update.setObject(4, id);
                update.setString(5, zone.getId());
                update.setString(6, foldedBelow);
                try (ResultSet result = update.executeQuery()) {
                    result.next();
                    return result.getInt("voided") == 1;
                }
            }
        });
    }

    /**
     * Folds the entries of every ended transaction into the counts (see {@link #FOLD}); answers
     * how many, or -1 when another fold or a void holds the bound (then the next tick does it).
     * Runs in the caller's transaction.
     */
    public int fold() {
        return jdbc("fold entries into the counts", connection -> {
            if (connection.getAutoCommit()) {
                throw new IllegalStateException("a fold must run in a transaction, with the fold's bound held");
            }
            try (PreparedStatement lock = connection.prepareStatement("SELECT 1 FROM entry_fold FOR UPDATE SKIP LOCKED");
                 ResultSet result = lock.executeQuery()) {
                if (!result.next()) {
                    return -1;
                }
            }
            try (PreparedStatement fold = connection.prepareStatement(FOLD)) {
                fold.setString(1, zone.getId());
                try (ResultSet result = fold.executeQuery()) {
                    result.next();
                    return result.getInt("folded");
                }
            }
        });
    }

    public Optional<EntryRow> find(UUID id) {
        return jdbc("read an entry", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS.selectList("e") + " FROM entry e WHERE e.id = ?")) {
                select.setObject(1, id);
                try (ResultSet result = select.executeQuery()) {
                    return result.next() ? Optional.of(COLUMNS.read(result)) : Optional.<EntryRow>empty();
                }
            }
        });
    }

    /**
     * Entries at checkpoints at or below a place, newest first, strictly before the cursor
     * (keyset paging on occurred_at and id: no offset scans).
     */
    public List<EntryRow> below(UUID placeId, Instant from, Instant to, List<byte[]> visitorPhoneHashes, Decision decision,
                                HealthCode healthCode, Cursor before, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS.selectList("e") + """

                FROM entry e
                JOIN place c ON c.id = e.checkpoint_id
                JOIN place top ON top.id = ?
                WHERE c.path <@ top.path
                  -- every place is within one county: its entries newest first (entry_county_time)
                  AND e.county_id = (SELECT place_county(path) FROM place WHERE id = ?)
                """);
        List<Object> parameters = new ArrayList<>();
        parameters.add(placeId);
        parameters.add(placeId);
        if (from != null) {
            sql.append(" AND e.occurred_at >= ?");
            parameters.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        }
        if (to != null) {
            sql.append(" AND e.occurred_at < ?");
            parameters.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        }
        if (visitorPhoneHashes != null) {
            sql.append(" AND e.visitor_phone_hash IN (")
                    .append(String.join(", ", visitorPhoneHashes.stream().map(h -> "?").toList())).append(")");
            parameters.addAll(visitorPhoneHashes);
        }
        if (decision != null) {
            sql.append(" AND e.decision = ?");
            parameters.add(decision.name());
        }
        if (healthCode != null) {
            sql.append(" AND e.health_code = ?");
            parameters.add(healthCode.name());
        }
        if (before != null) {
            sql.append(" AND (e.occurred_at, e.id) < (CAST(? AS timestamptz), ?)");
            parameters.add(before.key());
            parameters.add(before.id());
        }
        sql.append(" ORDER BY e.occurred_at DESC, e.id DESC LIMIT ?");
        parameters.add(limit);
        return jdbc("read entries", connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < parameters.size(); i++) {
                    select.setObject(i + 1, parameters.get(i));
                }
                List<EntryRow> rows = new ArrayList<>();
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        rows.add(COLUMNS.read(result));
                    }
                }
                return rows;
            }
        });
    }

    /**
     * Erases the personal fields of entries older than {@code before}, at most {@code limit} at
     * a time; answers how many were erased. The content digest goes too: such entries can no
     * longer be resent, being older than the retention period.
     */
    public int erasePersonalFields(Instant before, int limit, Instant now) {
        return jdbc("erase personal fields", connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE entry SET note = NULL, reason = NULL, visitor_origin = NULL, visitor_purpose = NULL,
                                     visitor_name = NULL, visitor_phone_last4 = NULL, visitor_phone_hash = NULL,
                                     visitor_plate = NULL, content_hash = NULL, personal_erased_at = ?
                    WHERE id IN (SELECT id FROM entry WHERE personal_erased_at IS NULL AND occurred_at < ? LIMIT ?)
                    """)) {
                update.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                update.setObject(2, OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
                update.setInt(3, limit);
                return update.executeUpdate();
            }
        });
    }

    /** One checkpoint's counts for one local day, voided entries left out (as the daily table keeps them). */
    record DayCounts(long entries, long persons, long admitted, long refused, long referred, long fevers) {
    }

    DayCounts dayCounts(UUID checkpointId, java.time.LocalDate day) {
        return jdbc("read counts", connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT sum(entries) AS entries, sum(persons) AS persons, sum(admitted) AS admitted,
                           sum(refused) AS refused, sum(referred) AS referred, sum(fevers) AS fevers
                    FROM entry_daily_exact WHERE checkpoint_id = ? AND day = ?
                    """)) {
                select.setObject(1, checkpointId);
                select.setObject(2, day);
                try (ResultSet r = select.executeQuery()) {
                    if (!r.next()) {
                        return new DayCounts(0, 0, 0, 0, 0, 0);
                    }
                    return new DayCounts(r.getLong("entries"), r.getLong("persons"), r.getLong("admitted"),
                            r.getLong("refused"), r.getLong("referred"), r.getLong("fevers"));
                }
            }
        });
    }

    /** How many entries, not voided, one person recorded at a checkpoint in [from, to). */
    long countRecordedBy(UUID recorder, UUID checkpointId, Instant from, Instant to) {
        return jdbc("read counts", connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT count(*) AS mine FROM entry
                    WHERE checkpoint_id = ? AND occurred_at >= ? AND occurred_at < ?
                      AND recorded_by = ? AND voided_at IS NULL
                    """)) {
                select.setObject(1, checkpointId);
                select.setObject(2, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
                select.setObject(3, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
                select.setObject(4, recorder);
                try (ResultSet r = select.executeQuery()) {
                    r.next();
                    return r.getLong("mine");
                }
            }
        });
    }

    /** Work on one connection of the pool: enlisted in the caller's transaction if there is one, else autocommit. */
    private interface Work<R> {
        R on(Connection connection) throws SQLException;
    }

    private <R> R jdbc(String what, Work<R> work) {
        try (Connection connection = database.getConnection()) {
            return work.on(connection);
        } catch (SQLException e) {
            throw new PersistenceException("Could not " + what, e);
        }
    }
}
