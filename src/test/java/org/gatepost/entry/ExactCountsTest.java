package org.gatepost.entry;

import static org.gatepost.testing.Api.as;
import static org.gatepost.testing.Entries.resident;
import static org.gatepost.testing.Entries.visitor;
import static org.gatepost.testing.Entries.with;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Counts that stay exact for ever: their zone is kept with them, they never go negative, resends stay resends. */
@QuarkusTest
class ExactCountsTest {

    @Inject
    Fixtures fixtures;

    @Inject
    DataSource database;

    @Inject
    CountingZone countingZone;

    World world;
    String volunteer;
    String cadre;

    @BeforeEach
    void makeWorld() {
        world = fixtures.world();
        volunteer = fixtures.token(world.volunteerA());
        cadre = fixtures.token(world.cadreA());
    }

    @Test
    void startingInAnotherZoneOnceEntriesExistIsRefusedSayingBothZones() {
        as(volunteer).body(resident(world.checkpointA1())).post("/api/v1/entries").then().statusCode(201);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> countingZone.check(ZoneId.of("Europe/Paris")));
        assertTrue(refused.getMessage().contains("GATEPOST_TIME_ZONE"), refused.getMessage());
        assertTrue(refused.getMessage().contains("Europe/Paris") && refused.getMessage().contains("Asia/Shanghai"),
                refused.getMessage());
        assertEquals("Asia/Shanghai", fixtures.sql("SELECT time_zone FROM installation", Map.of()));
        countingZone.check(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void noCounterCanGoBelowZero() throws SQLException {
        as(volunteer).body(resident(world.checkpointA1())).post("/api/v1/entries").then().statusCode(201);
        fixtures.foldEntries();
        for (String table : List.of("entry_hourly", "entry_daily")) {
            for (String counter : List.of("entries", "persons", "refused", "fevers", "paper_pass")) {
                SQLException refused = assertThrows(SQLException.class, () -> update(
                        "UPDATE " + table + " SET " + counter + " = -1 WHERE checkpoint_id = ?", world.checkpointA1().id));
                assertEquals("23514", refused.getSQLState(), table + "." + counter);
            }
        }
    }

    @Test
    void concurrentVoidsAndResendsLeaveCountsEqualToAGroupBy() throws Exception {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            entries.add(with(i % 3 == 0 ? visitor(world.checkpointA1()) : resident(world.checkpointA2()),
                    "partySize", 1 + i % 4, "occurredAt", OffsetDateTime.now(org.gatepost.testing.Entries.PHONE)
                            .withNano(0).minusMinutes(7L * i).toString()));
        }
        as(volunteer).body(Map.of("entries", entries.subList(0, 20))).post("/api/v1/entries/batch").then().statusCode(200);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                // Every entry resent (the last ten for the first time, possibly twice at once) ...
                calls.add(threads.submit(() -> as(volunteer).body(Map.of("entries", entries))
                        .post("/api/v1/entries/batch").statusCode()));
                // ... while two cadres' screens void the same first twelve.
                for (int i = 0; i < 12; i++) {
                    String path = "/api/v1/entries/" + entries.get(i).get("id") + "/void";
                    calls.add(threads.submit(() -> as(cadre).body(Map.of("reason", "twice")).post(path).statusCode()));
                }
            }
            for (Future<Integer> call : calls) {
                assertTrue(List.of(200, 409).contains(call.get()), "answered " + call.get());
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(18L, ((Number) fixtures.sql("SELECT count(*) FROM entry WHERE village_id = :v AND voided_at IS NULL",
                Map.of("v", world.villageA().id))).longValue());
        Map<String, Object> village = Map.of("village", world.villageA().id);
        assertEquals(strings(fixtures.rows(CountsAndRetentionTest.FROM_ENTRIES, village)),
                strings(fixtures.rows(CountsAndRetentionTest.FROM_HOURLY, village)));
        assertEquals(List.of(), strings(fixtures.rows(CountsAndRetentionTest.DAILY_VS_RAW, village)));
    }

    @Test
    void anEntryStoredByTheFirstDigestIsStillRecognisedWhenResent() throws Exception {
        Map<String, Object> entry = visitor(world.checkpointA1());
        entry.put("visitor", Map.of("origin", "松源街道", "purpose", "送蔬菜", "phone", "138-1234-5678"));
        as(volunteer).body(entry).post("/api/v1/entries").then().statusCode(201);
        // As the first release stored it: its digest over the phone as typed, without separators.
        UUID id = UUID.fromString((String) entry.get("id"));
        update("UPDATE entry SET content_digest_version = 1, content_hash = decode(?, 'hex') WHERE id = '" + id + "'",
                firstReleaseDigest(entry, "13812345678"));

        as(volunteer).body(entry).post("/api/v1/entries").then().statusCode(200);
        as(volunteer).body(Map.of("entries", List.of(entry))).post("/api/v1/entries/batch").then().statusCode(200)
                .body("results[0].status", equalTo("DUPLICATE"));
        as(volunteer).body(with(entry, "partySize", 3)).post("/api/v1/entries").then().statusCode(409);
        assertEquals(1L, ((Number) fixtures.sql("SELECT sum(entries) FROM entry_daily_exact WHERE checkpoint_id = :c",
                Map.of("c", world.checkpointA1().id))).longValue());
    }

    /** The first release's digest, written out as it was: the fields joined by U+001F, SHA-256. */
    private static String firstReleaseDigest(Map<String, Object> entry, String phoneAsKept) throws Exception {
        OffsetDateTime occurred = OffsetDateTime.parse((String) entry.get("occurredAt"));
        @SuppressWarnings("unchecked")
        Map<String, Object> visitor = (Map<String, Object>) entry.get("visitor");
        String content = String.join("\u001f", (String) entry.get("id"), (String) entry.get("checkpointId"),
                occurred.toInstant().toString(), occurred.getOffset().getId(), "IN", "false", "1", "GREEN", "SCANNED",
                "36.5", "ADMITTED", "null", "null", (String) visitor.get("origin"), (String) visitor.get("purpose"),
                "null", phoneAsKept, "null");
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
    }

    private void update(String sql, Object parameter) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            statement.executeUpdate();
        }
    }

    private static List<String> strings(List<Object> rows) {
        return rows.stream().map(String::valueOf).toList();
    }
}
