package org.gatepost.entry;

import static org.gatepost.testing.Api.as;
import static org.gatepost.testing.Entries.resident;
import static org.gatepost.testing.Entries.visitor;
import static org.gatepost.testing.Entries.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.gatepost.testing.Entries;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hourly counts always equal a count over the raw entries; personal data goes, counts stay. */
@QuarkusTest
class CountsAndRetentionTest {

    /** The hourly counts as statistics read them: folded plus not folded yet (V22). */
    static final String EXACT_HOURLY = """
            (SELECT checkpoint_id, hour, sum(entries) AS entries, sum(persons) AS persons, sum(entries_in) AS entries_in,
                    sum(entries_out) AS entries_out, sum(admitted) AS admitted, sum(refused) AS refused,
                    sum(referred) AS referred, sum(green) AS green, sum(yellow) AS yellow, sum(red) AS red,
                    sum(no_phone) AS no_phone, sum(unreadable) AS unreadable, sum(paper_pass) AS paper_pass,
                    sum(fevers) AS fevers
             FROM entry_hourly_exact GROUP BY 1, 2)""";
    static final String EXACT_DAILY = """
            (SELECT checkpoint_id, day, sum(entries) AS entries, sum(persons) AS persons, sum(fevers) AS fevers
             FROM entry_daily_exact GROUP BY 1, 2)""";

    /** The same figures from the hourly counts (as statistics read them) and from the raw entries, per checkpoint and hour. */
    static final String FROM_HOURLY = """
            SELECT h.checkpoint_id::text || ' ' || h.hour::text || ' ' || concat_ws(',', h.entries, h.persons, h.entries_in,
                   h.entries_out, h.admitted, h.refused, h.referred, h.green, h.yellow, h.red, h.no_phone, h.unreadable,
                   h.paper_pass, h.fevers)
            FROM %s h JOIN place c ON c.id = h.checkpoint_id
            WHERE c.parent_id = :village AND h.entries <> 0
            ORDER BY 1
            """.formatted(EXACT_HOURLY);
    static final String FROM_ENTRIES = """
            SELECT e.checkpoint_id::text || ' ' || date_trunc('hour', e.occurred_at, 'Asia/Shanghai')::text || ' ' || concat_ws(',',
                   count(*), sum(party_size), count(*) FILTER (WHERE direction = 'IN'), count(*) FILTER (WHERE direction = 'OUT'),
                   count(*) FILTER (WHERE decision = 'ADMITTED'), count(*) FILTER (WHERE decision = 'REFUSED'),
                   count(*) FILTER (WHERE decision = 'REFERRED'), count(*) FILTER (WHERE health_code = 'GREEN'),
                   count(*) FILTER (WHERE health_code = 'YELLOW'), count(*) FILTER (WHERE health_code = 'RED'),
                   count(*) FILTER (WHERE health_code = 'NO_PHONE'), count(*) FILTER (WHERE health_code = 'UNREADABLE'),
                   count(*) FILTER (WHERE health_code = 'PAPER_PASS'), count(*) FILTER (WHERE fever))
            FROM entry e
            WHERE e.village_id = :village AND e.voided_at IS NULL
            GROUP BY e.checkpoint_id, date_trunc('hour', e.occurred_at, 'Asia/Shanghai')
            ORDER BY 1
            """;

    /** The daily counts against the raw entries per checkpoint and local day. */
    static final String DAILY_VS_RAW = """
            SELECT coalesce(d.checkpoint_id, r.checkpoint_id)::text || ' ' || coalesce(d.day, r.day)::text
                   || ' daily ' || coalesce(d.entries, 0) || '/' || coalesce(d.persons, 0) || '/' || coalesce(d.fevers, 0)
                   || ' raw ' || coalesce(r.entries, 0) || '/' || coalesce(r.persons, 0) || '/' || coalesce(r.fevers, 0)
            FROM (SELECT h.* FROM %s h JOIN place c ON c.id = h.checkpoint_id
                  WHERE c.parent_id = :village AND h.entries <> 0) d
            FULL JOIN (SELECT checkpoint_id, CAST(occurred_at AT TIME ZONE 'Asia/Shanghai' AS date) AS day,
                              count(*) AS entries, sum(party_size) AS persons, count(*) FILTER (WHERE fever) AS fevers
                       FROM entry WHERE village_id = :village AND voided_at IS NULL GROUP BY 1, 2) r
                ON r.checkpoint_id = d.checkpoint_id AND r.day = d.day
            WHERE d.entries IS DISTINCT FROM r.entries OR d.persons IS DISTINCT FROM r.persons
               OR d.fevers IS DISTINCT FROM r.fevers
            """.formatted(EXACT_DAILY);

    @Inject
    Fixtures fixtures;

    @Inject
    RetentionJob retention;

    World world;
    String volunteer;

    @BeforeEach
    void makeWorld() {
        world = fixtures.world();
        volunteer = fixtures.token(world.volunteerA());
    }

    @Test
    void hourlyCountsEqualTheRawEntriesAfterDuplicatesVoidsAndLateBatches() {
        Random random = new Random(2020_02_12);
        List<Map<String, Object>> recorded = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(Entries.PHONE);
        for (int i = 0; i < 60; i++) {
            Map<String, Object> entry = varied(random, now.minusMinutes(random.nextInt(6 * 60)));
            as(volunteer).body(entry).post("/api/v1/entries").then().statusCode(201);
            recorded.add(entry);
            if (i % 7 == 0) {
                as(volunteer).body(entry).post("/api/v1/entries").then().statusCode(200);
            }
        }
        // A phone that was offline for two days sends its queue late, partly resent.
        List<Map<String, Object>> late = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            late.add(varied(random, now.minusHours(30 + random.nextInt(20)).minusMinutes(random.nextInt(60))));
        }
        as(volunteer).body(Map.of("entries", late)).post("/api/v1/entries/batch").then().statusCode(200);
        as(volunteer).body(Map.of("entries", late.subList(0, 25))).post("/api/v1/entries/batch").then().statusCode(200);
        String cadre = fixtures.token(world.cadreA());
        for (int i = 0; i < 10; i++) {
            Map<String, Object> entry = i % 2 == 0 ? recorded.get(i * 5) : late.get(i * 3);
            as(cadre).body(Map.of("reason", "test")).post("/api/v1/entries/" + entry.get("id") + "/void").then().statusCode(200);
        }

        List<Object> hourly = fixtures.rows(FROM_HOURLY, Map.of("village", world.villageA().id));
        List<Object> raw = fixtures.rows(FROM_ENTRIES, Map.of("village", world.villageA().id));
        assertTrue(hourly.size() > 10, "spread over many hours");
        assertEquals(strings(raw), strings(hourly));
        assertEquals(List.of(), strings(fixtures.rows(DAILY_VS_RAW, Map.of("village", world.villageA().id))),
                "daily counts that differ from the raw entries");
    }

    @Test
    void retentionErasesPersonalFieldsAndKeepsFactsAndCounts() {
        OffsetDateTime old = OffsetDateTime.now(Entries.PHONE).minusDays(27);
        Map<String, Object> oldVisitor = with(visitor(world.checkpointA1()), "occurredAt", old.toString(), "note", "開白色貨車",
                "decision", "REFUSED", "reason", "王建國沒有登記");
        Map<String, Object> recentVisitor = with(visitor(world.checkpointA1()), "note", "明天再來");
        as(volunteer).body(oldVisitor).post("/api/v1/entries").then().statusCode(201);
        as(volunteer).body(recentVisitor).post("/api/v1/entries").then().statusCode(201);
        String countsBefore = strings(fixtures.rows(FROM_HOURLY, Map.of("village", world.villageA().id))).toString();

        // Two days later the old entry is past the 28 days.
        int erased = retention.eraseExpired(Instant.now().plus(Duration.ofDays(2)));
        assertTrue(erased >= 1);

        Object[] gone = personal(oldVisitor);
        assertTrue(Arrays.stream(gone, 0, 8).allMatch(v -> v == null), Arrays.toString(gone));
        assertEquals(true, gone[8], "marked as erased");
        Object[] kept = personal(recentVisitor);
        assertEquals("明天再來", kept[0]);
        assertEquals("王建國", kept[3]);
        assertFalse((Boolean) kept[8]);

        assertEquals(null, fixtures.sql("SELECT reason FROM entry WHERE id = CAST(:id AS uuid)", Map.of("id", oldVisitor.get("id"))));
        as(fixtures.token(world.cadreA())).get("/api/v1/entries/" + oldVisitor.get("id")).then().statusCode(200)
                .body("reasonCode", org.hamcrest.Matchers.equalTo("OTHER"))
                .body("healthCode", org.hamcrest.Matchers.equalTo("GREEN"))
                .body("temperature", org.hamcrest.Matchers.equalTo(36.5f))
                .body("resident", org.hamcrest.Matchers.equalTo(false))
                .body("visitor.name", org.hamcrest.Matchers.nullValue())
                .body("note", org.hamcrest.Matchers.nullValue());
        assertEquals(countsBefore, strings(fixtures.rows(FROM_HOURLY, Map.of("village", world.villageA().id))).toString());
    }

    private Object[] personal(Map<String, Object> entry) {
        return (Object[]) fixtures.rows("""
                SELECT note, visitor_origin, visitor_purpose, visitor_name, visitor_phone_last4, visitor_phone_hash,
                       visitor_plate, content_hash, personal_erased_at IS NOT NULL
                FROM entry WHERE id = CAST(:id AS uuid)
                """, Map.of("id", entry.get("id"))).get(0);
    }

    private Map<String, Object> varied(Random random, OffsetDateTime at) {
        Map<String, Object> entry = with(resident(random.nextBoolean() ? world.checkpointA1() : world.checkpointA2()),
                "occurredAt", at.withNano(0).toString(),
                "direction", random.nextBoolean() ? "IN" : "OUT",
                "partySize", 1 + random.nextInt(5));
        switch (random.nextInt(6)) {
            case 0 -> entry.putAll(Map.of("healthCode", "RED", "decision", "REFUSED"));
            case 1 -> entry.putAll(Map.of("healthCode", "YELLOW", "decision", "REFERRED"));
            case 2 -> entry.putAll(Map.of("temperature", 38.1, "decision", "REFERRED"));
            case 3 -> entry.putAll(Map.of("healthCode", "PAPER_PASS", "temperature", 36.4));
            case 4 -> entry.putAll(Map.of("healthCode", "NO_PHONE", "decision", "REFUSED"));
            default -> { }
        }
        return entry;
    }

    private static List<String> strings(List<Object> rows) {
        return rows.stream().map(String::valueOf).toList();
    }
}
