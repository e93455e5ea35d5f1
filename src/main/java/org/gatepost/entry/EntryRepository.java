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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gatepost.common.Cursor;
import org.gatepost.common.GatepostConfig;
import org.gatepost.common.TimeRange;

/**
 * Entries in plain SQL. Writing a batch is one statement: the new rows, their hourly counts
 * and their alerts together, so that counts can never drift from the entries.
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

    /** JDBC parameters, each used once: 1 the rows as JSON, 2 now, 3 the recorder, 4 the county's time zone. */
    private static final String INSERT = """
            WITH params AS (
                SELECT CAST(? AS jsonb) AS rows, CAST(? AS timestamptz) AS now, CAST(? AS uuid) AS recorder,
                       CAST(? AS text) AS zone
            ),
            input AS (
                SELECT r.* FROM params, jsonb_to_recordset(params.rows) AS r(
                    ord int, id uuid, checkpoint_id uuid, village_id uuid, occurred_at timestamptz, occurred_offset int,
                    direction text, resident boolean, party_size int, health_code text, health_code_read text,
                    temperature numeric, fever boolean, decision text, reason_code text, reason text, note text, visitor_origin text,
                    visitor_purpose text, visitor_name text, visitor_phone_last4 text, visitor_phone_hash text,
                    visitor_plate text, content_hash text, content_digest_version smallint, alert_kind text)
            ),
            inserted AS (
                INSERT INTO entry (id, checkpoint_id, village_id, occurred_at, occurred_offset, received_at, direction,
                                   resident, party_size, health_code, health_code_read, temperature, fever, decision,
                                   reason_code, reason, note, visitor_origin, visitor_purpose, visitor_name, visitor_phone_last4,
                                   visitor_phone_hash, visitor_plate, content_hash, content_digest_version, recorded_by,
                                   shift_id)
                SELECT r.id, r.checkpoint_id, r.village_id, r.occurred_at, r.occurred_offset, p.now, r.direction,
                       r.resident, r.party_size, r.health_code, r.health_code_read, r.temperature, r.fever, r.decision,
                       r.reason_code, r.reason, r.note, r.visitor_origin, r.visitor_purpose, r.visitor_name, r.visitor_phone_last4,
                       decode(r.visitor_phone_hash, 'hex'), r.visitor_plate, decode(r.content_hash, 'hex'),
                       r.content_digest_version, p.recorder,
                       -- the shift the recorder was checked in to when it happened, if any
                       (SELECT a.shift_id FROM assignment a JOIN shift s ON s.id = a.shift_id
                        WHERE a.volunteer_id = p.recorder AND a.checked_in_at <= r.occurred_at
                          AND coalesce(a.checked_out_at, s.ends_at) >= r.occurred_at
                        ORDER BY a.checked_in_at DESC LIMIT 1)
                FROM input r, params p
                ORDER BY r.ord
                ON CONFLICT (id) DO NOTHING
                RETURNING id, checkpoint_id, village_id, occurred_at, direction, party_size, health_code, fever, decision,
                          shift_id
            ),
            hourly AS (
                INSERT INTO entry_hourly AS h (checkpoint_id, hour, %1$s)
                SELECT checkpoint_id, date_trunc('hour', occurred_at, p.zone), %2$s
                FROM inserted, params p
                GROUP BY 1, 2
                ORDER BY 1, 2
                ON CONFLICT (checkpoint_id, hour) DO UPDATE SET %3$s
            ),
            daily AS (
                INSERT INTO entry_daily AS h (checkpoint_id, day, %1$s)
                SELECT checkpoint_id, CAST(occurred_at AT TIME ZONE p.zone AS date), %2$s
                FROM inserted, params p
                GROUP BY 1, 2
                ORDER BY 1, 2
                ON CONFLICT (checkpoint_id, day) DO UPDATE SET %3$s
            ),
            alerts AS (
                INSERT INTO alert (id, entry_id, checkpoint_id, village_id, kind, raised_at)
                SELECT gen_random_uuid(), i.id, i.checkpoint_id, i.village_id, r.alert_kind, p.now
                FROM inserted i JOIN input r ON r.id = i.id, params p
                WHERE r.alert_kind IS NOT NULL
            )
            SELECT id, shift_id FROM inserted
            """.formatted(HOURLY_COLUMNS, HOURLY_COUNTS.formatted("1"), ADD_EXCLUDED);

    /** The counts of a group of entries named after their columns, for taking them out again. */
    private static final String COUNTS_NAMED = String.join(", ", java.util.stream.IntStream
            .range(0, HOURLY_COLUMNS.split(", ").length)
            .mapToObj(i -> HOURLY_COUNTS.formatted("1").split(",")[i].strip() + " AS " + HOURLY_COLUMNS.split(", ")[i])
            .toList());
    private static final String SUBTRACT = String.join(", ", java.util.Arrays.stream(HOURLY_COLUMNS.split(", "))
            .map(c -> c + " = h." + c + " - v." + c).toList());

    /**
     * Voids one entry and takes it out of its hourly and daily rows. An UPDATE, not an upsert:
     * the rows exist since the entry was counted, and every count is checked to stay at or above
     * zero, which the proposed row of an upsert with negative counts would not be.
     */
    private static final String VOID = """
            WITH voided AS (
                UPDATE entry SET voided_at = :now, voided_by = :by, void_reason = :reason
                WHERE id = :id AND voided_at IS NULL
                RETURNING checkpoint_id, occurred_at, direction, party_size, health_code, fever, decision
            ),
            taken_out_hourly AS (
                UPDATE entry_hourly h SET %2$s
                FROM (SELECT checkpoint_id, date_trunc('hour', occurred_at, :zone) AS hour, %1$s
                      FROM voided GROUP BY 1, 2) v
                WHERE h.checkpoint_id = v.checkpoint_id AND h.hour = v.hour
            ),
            taken_out_daily AS (
                UPDATE entry_daily h SET %2$s
                FROM (SELECT checkpoint_id, CAST(occurred_at AT TIME ZONE :zone AS date) AS day, %1$s
                      FROM voided GROUP BY 1, 2) v
                WHERE h.checkpoint_id = v.checkpoint_id AND h.day = v.day
            )
            SELECT count(*) FROM voided
            """.formatted(COUNTS_NAMED, SUBTRACT);

    private static final String COLUMNS = """
            e.id, e.checkpoint_id, e.village_id, e.occurred_at, e.occurred_offset, e.received_at, e.direction, e.resident,
            e.party_size, e.health_code, e.health_code_read, e.temperature, e.fever, e.decision, e.reason, e.note,
            e.visitor_origin, e.visitor_purpose, e.visitor_name, e.visitor_phone_last4, e.visitor_plate, e.recorded_by,
            e.shift_id, e.voided_at, e.voided_by, e.void_reason, e.reason_code
            """;

    private final EntityManager em;
    private final DataSource database;
    private final ObjectMapper json;
    private final ZoneId zone;

    EntryRepository(EntityManager em, DataSource database, ObjectMapper json, GatepostConfig config) {
        this.em = em;
        this.database = database;
        this.json = json;
        this.zone = config.timeZone();
    }

    /** An entry as read back, before deciding what the reader may see of it. */
    record Stored(UUID id, UUID checkpointId, UUID villageId, Instant occurredAt, int occurredOffset, Instant receivedAt,
                  Direction direction, boolean resident, int partySize, HealthCode healthCode,
                  HealthCodeRead healthCodeRead, BigDecimal temperature, boolean fever, Decision decision,
                  String reason, String note, String visitorOrigin, String visitorPurpose, String visitorName,
                  String visitorPhoneLast4, String visitorPlate, UUID recordedBy, UUID shiftId, Instant voidedAt,
                  UUID voidedBy, String voidReason, RefusalReason reasonCode) {
    }

    /**
     * Writes the rows that are new (by id) with their counts and alerts; answers the ids written,
     * each with the shift it was tied to (or null). One statement in autocommit: PostgreSQL
     * commits the entries, counts and alerts together before this returns, and the hot path of
     * every gate needs no transaction manager. Plain JDBC for the same reason.
     */
    public Map<UUID, Optional<UUID>> insert(List<EntryRow> rows, UUID recorder, Instant now) {
        Map<UUID, Optional<UUID>> written = new HashMap<>();
        if (rows.isEmpty()) {
            return written;
        }
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, toJson(rows));
            insert.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            insert.setObject(3, recorder);
            insert.setString(4, zone.getId());
            try (ResultSet result = insert.executeQuery()) {
                while (result.next()) {
                    written.put(result.getObject(1, UUID.class), Optional.ofNullable(result.getObject(2, UUID.class)));
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not record entries", e);
        }
        return written;
    }

    /** A checkpoint as the recording rules need it. */
    public record CheckpointFacts(UUID id, String kind, UUID villageId, boolean active) {
    }

    public Map<UUID, CheckpointFacts> checkpoints(Collection<UUID> ids) {
        Map<UUID, CheckpointFacts> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT id, kind, parent_id, active FROM place WHERE id = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    UUID id = result.getObject(1, UUID.class);
                    found.put(id, new CheckpointFacts(id, result.getString(2), result.getObject(3, UUID.class),
                            result.getBoolean(4)));
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not read checkpoints", e);
        }
        return found;
    }

    /** An entry's content digest (hex; null once erased) and the version of the rule that made it. */
    public record StoredDigest(int version, String hash) {
    }

    /** The content digests stored for these ids; an id missing from the map is not stored. */
    public Map<UUID, StoredDigest> contentDigests(Collection<UUID> ids) {
        Map<UUID, StoredDigest> hashes = new HashMap<>();
        if (ids.isEmpty()) {
            return hashes;
        }
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT id, content_digest_version, encode(content_hash, 'hex') FROM entry WHERE id = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    hashes.put(result.getObject(1, UUID.class), new StoredDigest(result.getInt(2), result.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not read entries", e);
        }
        return hashes;
    }

    /** Marks the entry voided and takes it out of its hourly counts; false if it was voided already. */
    public boolean voidEntry(UUID id, UUID by, String reason, Instant now) {
        Number voided = (Number) em.createNativeQuery(VOID)
                .setParameter("id", id)
                .setParameter("by", by)
                .setParameter("reason", reason)
                .setParameter("now", now)
                .setParameter("zone", zone.getId())
                .getSingleResult();
        return voided.intValue() == 1;
    }

    public Optional<Stored> find(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM entry e WHERE e.id = :id")
                .setParameter("id", id)
                .getResultList();
        return rows.stream().findFirst().map(EntryRepository::stored);
    }

    /**
     * Entries at checkpoints at or below a place, newest first, strictly before the cursor
     * (keyset paging on occurred_at and id: no offset scans).
     */
    @SuppressWarnings("unchecked")
    public List<Stored> below(UUID placeId, Instant from, Instant to, List<byte[]> visitorPhoneHashes, Decision decision,
                              HealthCode healthCode, Cursor before, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + """
                FROM entry e
                JOIN place c ON c.id = e.checkpoint_id
                JOIN place top ON top.id = :place
                WHERE c.path <@ top.path
                """);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("place", placeId);
        if (from != null) {
            sql.append(" AND e.occurred_at >= :from");
            parameters.put("from", from);
        }
        if (to != null) {
            sql.append(" AND e.occurred_at < :to");
            parameters.put("to", to);
        }
        if (visitorPhoneHashes != null) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < visitorPhoneHashes.size(); i++) {
                names.add(":phone" + i);
                parameters.put("phone" + i, visitorPhoneHashes.get(i));
            }
            sql.append(" AND e.visitor_phone_hash IN (").append(String.join(", ", names)).append(")");
        }
        if (decision != null) {
            sql.append(" AND e.decision = :decision");
            parameters.put("decision", decision.name());
        }
        if (healthCode != null) {
            sql.append(" AND e.health_code = :healthCode");
            parameters.put("healthCode", healthCode.name());
        }
        if (before != null) {
            sql.append(" AND (e.occurred_at, e.id) < (CAST(:beforeAt AS timestamptz), :beforeId)");
            parameters.put("beforeAt", before.key());
            parameters.put("beforeId", before.id());
        }
        sql.append(" ORDER BY e.occurred_at DESC, e.id DESC LIMIT :limit");
        parameters.put("limit", limit);
        Query query = em.createNativeQuery(sql.toString());
        parameters.forEach(query::setParameter);
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(EntryRepository::stored).toList();
    }

    /**
     * Erases the personal fields of entries older than {@code before}, at most {@code limit} at
     * a time; answers how many were erased. The content digest goes too: such entries can no
     * longer be resent, being older than the retention period.
     */
    public int erasePersonalFields(Instant before, int limit, Instant now) {
        return em.createNativeQuery("""
                UPDATE entry SET note = NULL, reason = NULL, visitor_origin = NULL, visitor_purpose = NULL, visitor_name = NULL,
                                 visitor_phone_last4 = NULL, visitor_phone_hash = NULL, visitor_plate = NULL,
                                 content_hash = NULL, personal_erased_at = :now
                WHERE id IN (SELECT id FROM entry WHERE personal_erased_at IS NULL AND occurred_at < :before LIMIT :limit)
                """)
                .setParameter("before", before)
                .setParameter("limit", limit)
                .setParameter("now", now)
                .executeUpdate();
    }

    /** One checkpoint's counts for one local day, voided entries left out (as the daily table keeps them). */
    record DayCounts(long entries, long persons, long admitted, long refused, long referred, long fevers) {
    }

    DayCounts dayCounts(UUID checkpointId, java.time.LocalDate day) {
        List<Tuple> rows = em.createNativeQuery("""
                SELECT entries, persons, admitted, refused, referred, fevers
                FROM entry_daily WHERE checkpoint_id = :checkpoint AND day = :day
                """, Tuple.class)
                .setParameter("checkpoint", checkpointId)
                .setParameter("day", day)
                .getResultList();
        if (rows.isEmpty()) {
            return new DayCounts(0, 0, 0, 0, 0, 0);
        }
        Tuple r = rows.get(0);
        return new DayCounts(number(r, "entries"), number(r, "persons"), number(r, "admitted"), number(r, "refused"),
                number(r, "referred"), number(r, "fevers"));
    }

    /** How many entries, not voided, one person recorded at a checkpoint in [from, to). */
    long countRecordedBy(UUID recorder, UUID checkpointId, Instant from, Instant to) {
        Tuple r = (Tuple) em.createNativeQuery("""
                SELECT count(*) AS mine FROM entry
                WHERE checkpoint_id = :checkpoint AND occurred_at >= :from AND occurred_at < :to
                  AND recorded_by = :recorder AND voided_at IS NULL
                """, Tuple.class)
                .setParameter("checkpoint", checkpointId)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("recorder", recorder)
                .getSingleResult();
        return number(r, "mine");
    }

    private static long number(Tuple row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    private String toJson(List<EntryRow> rows) {
        List<Map<String, Object>> list = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            EntryRow r = rows.get(i);
            Map<String, Object> m = new HashMap<>();
            m.put("ord", i);
            m.put("id", r.id());
            m.put("checkpoint_id", r.checkpointId());
            m.put("village_id", r.villageId());
            m.put("occurred_at", r.occurredAt().toString());
            m.put("occurred_offset", r.occurredOffset());
            m.put("direction", r.direction().name());
            m.put("resident", r.resident());
            m.put("party_size", r.partySize());
            m.put("health_code", r.healthCode().name());
            m.put("health_code_read", r.healthCodeRead().name());
            m.put("temperature", r.temperature());
            m.put("fever", r.fever());
            m.put("decision", r.decision().name());
            m.put("reason_code", r.reasonCode() == null ? null : r.reasonCode().name());
            m.put("reason", r.reason());
            m.put("note", r.note());
            m.put("visitor_origin", r.visitorOrigin());
            m.put("visitor_purpose", r.visitorPurpose());
            m.put("visitor_name", r.visitorName());
            m.put("visitor_phone_last4", r.visitorPhoneLast4());
            m.put("visitor_phone_hash", r.visitorPhoneHash());
            m.put("visitor_plate", r.visitorPlate());
            m.put("content_hash", r.contentHash());
            m.put("content_digest_version", ContentDigest.CURRENT);
            m.put("alert_kind", r.alertKind() == null ? null : r.alertKind().name());
            list.add(m);
        }
        try {
            return json.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Stored stored(Object[] r) {
        return new Stored((UUID) r[0], (UUID) r[1], (UUID) r[2], TimeRange.read(r[3]), ((Number) r[4]).intValue(),
                TimeRange.read(r[5]), Direction.valueOf((String) r[6]), (Boolean) r[7], ((Number) r[8]).intValue(),
                HealthCode.valueOf((String) r[9]), HealthCodeRead.valueOf((String) r[10]), (BigDecimal) r[11],
                (Boolean) r[12], Decision.valueOf((String) r[13]), (String) r[14], (String) r[15], (String) r[16],
                (String) r[17], (String) r[18], (String) r[19], (String) r[20], (UUID) r[21], (UUID) r[22],
                TimeRange.read(r[23]), (UUID) r[24], (String) r[25], r[26] == null ? null : RefusalReason.valueOf((String) r[26]));
    }
}
