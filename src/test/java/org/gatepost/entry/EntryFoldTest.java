package org.gatepost.entry;

import static org.gatepost.testing.Api.as;
import static org.gatepost.testing.Entries.resident;
import static org.gatepost.testing.Entries.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The counts are kept by a fold, not by the insert (V22): the figures statistics read are
 * exact before and after it, it counts every entry once, it never passes a transaction that
 * has not ended, and a void takes an entry out whether or not the fold has reached it.
 */
@QuarkusTest
class EntryFoldTest {

    @Inject
    Fixtures fixtures;

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
    void folded_theTablesAloneEqualAGroupByOverTheEntries() {
        for (int i = 0; i < 12; i++) {
            as(volunteer).body(with(resident(i % 2 == 0 ? world.checkpointA1() : world.checkpointA2()), "partySize", 1 + i % 3))
                    .post("/api/v1/entries").then().statusCode(201);
        }
        fixtures.foldEntries();
        assertEquals(12L, tableSum("entry_hourly", "entries"));
        assertEquals(24L, tableSum("entry_hourly", "persons"));
        assertEquals(12L, tableSum("entry_daily", "entries"));
        assertEquals(0L, notFolded(), "nothing left for the views to add");
        assertEquals(12L, exactSum("entry_hourly_exact"));
        // Folding again adds nothing.
        fixtures.foldEntries();
        assertEquals(12L, tableSum("entry_hourly", "entries"));
    }

    @Test
    void aTransactionStillOpenHoldsTheFoldBackUntilItEnds() throws SQLException {
        try (Connection slow = connection()) {
            slow.setAutoCommit(false);
            // A request that has written its entry but not committed yet (a slow commit, say).
            UUID slowId = insertDirectly(slow);
            Map<String, Object> later = resident(world.checkpointA1());
            as(volunteer).body(later).post("/api/v1/entries").then().statusCode(201);

            fixtures.foldEntries();
            // The later entry's transaction ended, but the open one's id is lower: the fold stops below it.
            assertEquals(0L, tableSum("entry_hourly", "entries"));
            assertEquals(1L, exactSum("entry_hourly_exact"), "statistics see the committed entry all the same");

            slow.commit();
            assertEquals(2L, exactSum("entry_hourly_exact"));
            fixtures.foldEntries();
            assertEquals(2L, tableSum("entry_hourly", "entries"), "both, once each");
            assertEquals(2L, exactSum("entry_hourly_exact"));
            assertEquals(1L, ((Number) fixtures.sql("SELECT count(*) FROM entry WHERE id = :id",
                    Map.of("id", slowId))).longValue());
        }
    }

    @Test
    void anEntryRolledBackIsNeverCounted() throws SQLException {
        try (Connection failed = connection()) {
            failed.setAutoCommit(false);
            insertDirectly(failed);
            failed.rollback();
        }
        as(volunteer).body(resident(world.checkpointA2())).post("/api/v1/entries").then().statusCode(201);
        fixtures.foldEntries();
        assertEquals(1L, tableSum("entry_hourly", "entries"));
        assertEquals(1L, exactSum("entry_daily_exact"));
    }

    @Test
    void aVoidTakesTheEntryOutWhetherTheFoldHasReachedItOrNot() throws SQLException {
        Map<String, Object> folded = resident(world.checkpointA1());
        as(volunteer).body(folded).post("/api/v1/entries").then().statusCode(201);
        fixtures.foldEntries();
        Map<String, Object> live = resident(world.checkpointA1());
        try (Connection holder = connection()) {
            // Holding the fold's bound the way a void does keeps the scheduled fold off it.
            holder.setAutoCommit(false);
            try (PreparedStatement hold = holder.prepareStatement("SELECT folded_below FROM entry_fold FOR SHARE")) {
                hold.executeQuery().close();
            }
            as(volunteer).body(live).post("/api/v1/entries").then().statusCode(201);
            assertEquals(1L, notFolded());
            for (Map<String, Object> entry : List.of(folded, live)) {
                as(cadre).body(Map.of("reason", "typed twice")).post("/api/v1/entries/" + entry.get("id") + "/void")
                        .then().statusCode(200);
            }
            assertEquals(0L, tableSum("entry_hourly", "entries"), "the folded one taken out of the table");
            assertEquals(0L, exactSum("entry_hourly_exact"));
            holder.commit();
        }
        fixtures.foldEntries();
        assertEquals(0L, tableSum("entry_hourly", "entries"), "the voided live one is never folded in");
        assertEquals(0L, tableSum("entry_daily", "entries"));
        assertEquals(0L, exactSum("entry_daily_exact"));
    }

    @Test
    void anotherFoldOrAVoidHoldingTheBoundMakesAFoldSkipItsTurn() throws SQLException {
        try (Connection holder = connection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement hold = holder.prepareStatement("SELECT folded_below FROM entry_fold FOR UPDATE")) {
                hold.executeQuery().close();
            }
            assertEquals(-1, fold.foldNow());
            holder.rollback();
        }
        assertTrue(fixtures.foldEntries() >= 0, "the next fold runs once the bound is free");
    }

    @Inject
    EntryFold fold;

    /** An entry written the way the insert writes it, on a connection of the test's own. */
    private UUID insertDirectly(Connection connection) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO entry (id, county_id, checkpoint_id, village_id, occurred_at, occurred_offset, direction, resident,
                                   party_size, health_code, health_code_read, fever, decision, recorded_by,
                                   content_digest_version, written_xid)
                VALUES (?, ?, ?, ?, now(), 28800, 'IN', true, 1, 'GREEN', 'BY_EYE', false, 'ADMITTED', ?, 4, pg_current_xact_id())
                """)) {
            insert.setObject(1, id);
            insert.setObject(2, world.county().id);
            insert.setObject(3, world.checkpointA1().id);
            insert.setObject(4, world.villageA().id);
            insert.setObject(5, world.volunteerA().id);
            insert.executeUpdate();
        }
        return id;
    }

    private long tableSum(String table, String column) {
        Object sum = fixtures.sql("SELECT sum(h." + column + ") FROM " + table + " h JOIN place c ON c.id = h.checkpoint_id "
                + "WHERE c.parent_id = :village", Map.of("village", world.villageA().id));
        return sum == null ? 0 : ((Number) sum).longValue();
    }

    private long exactSum(String view) {
        return tableSum(view, "entries");
    }

    private long notFolded() {
        return ((Number) fixtures.sql("""
                SELECT count(*) FROM entry e, entry_fold f
                WHERE e.village_id = :village AND e.written_xid >= f.folded_below
                """, Map.of("village", world.villageA().id))).longValue();
    }

    private static Connection connection() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
    }
}
