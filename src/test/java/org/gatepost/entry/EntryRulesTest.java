package org.gatepost.entry;

import static org.gatepost.testing.Api.as;
import static org.gatepost.testing.Entries.resident;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import io.quarkus.test.junit.QuarkusTest;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database keeps every rule of a stored entry itself, whoever writes it: the application
 * checks each entry first, and these are what still hold if it ever failed to. Since V24 the
 * one-column rules are the columns' domains and the rules over two columns the table's checks;
 * either way a value that breaks one is refused (SQLSTATE 23514) and the entry stays as it was.
 */
@QuarkusTest
class EntryRulesTest {

    @Inject
    Fixtures fixtures;

    @Inject
    DataSource database;

    @Inject
    EntryRepository entries;

    World world;
    UUID entry;

    @BeforeEach
    void recordOne() {
        world = fixtures.world();
        Map<String, Object> sent = resident(world.checkpointA1());
        as(fixtures.token(world.volunteerA())).body(sent).post("/api/v1/entries").then().statusCode(201);
        entry = UUID.fromString((String) sent.get("id"));
    }

    @Test
    void everyRuleRefusesAValueThatBreaksItAndTheEntryStaysAsItWas() throws SQLException {
        // Each change breaks one rule and only that one (the others it needs are kept).
        Map<String, String> breaking = new LinkedHashMap<>();
        breaking.put("direction", "direction = 'SIDEWAYS'");
        breaking.put("decision", "decision = 'WAVED_THROUGH'");
        breaking.put("health code", "health_code = 'BLUE'");
        breaking.put("how the code was read", "health_code_read = 'GUESSED'");
        breaking.put("refusal reason", "decision = 'REFUSED', reason_code = 'BORED'");
        breaking.put("party of none", "party_size = 0");
        breaking.put("party of 21", "party_size = 21");
        breaking.put("temperature too low", "temperature = 33.9");
        breaking.put("temperature too high", "temperature = 43.1");
        breaking.put("pass serial", "pass_household_id = gen_random_uuid(), pass_serial = 0");
        breaking.put("phone's last four", "visitor_phone_last4 = '12345'");
        breaking.put("plate", "visitor_plate = repeat('浙', 21)");
        breaking.put("origin", "visitor_origin = repeat('村', 101)");
        breaking.put("name", "visitor_name = repeat('王', 101)");
        breaking.put("purpose", "visitor_purpose = repeat('菜', 201)");
        breaking.put("reason", "decision = 'REFUSED', reason_code = 'OTHER', reason = repeat('因', 201)");
        breaking.put("note", "note = repeat('注', 501)");
        breaking.put("void reason", "voided_at = now(), voided_by = recorded_by, void_reason = repeat('錯', 501)");
        // the rules over two columns
        breaking.put("reason without refusal", "reason_code = 'FEVER'");
        breaking.put("refusal without reason", "decision = 'REFUSED'");
        breaking.put("void without who", "voided_at = now()");
        breaking.put("pass without serial", "pass_household_id = gen_random_uuid()");

        String before = stored();
        for (Map.Entry<String, String> change : breaking.entrySet()) {
            SQLException refused = assertThrows(SQLException.class, () -> update(change.getValue(), false),
                    change.getKey() + " was kept");
            assertEquals("23514", refused.getSQLState(), change.getKey() + ": " + refused.getMessage());
            assertEquals(before, stored(), change.getKey() + " changed the entry");
        }
    }

    @Test
    void theValuesAtTheEdgesOfEachRuleAreKept() throws SQLException {
        // Rolled back, so that the entry and its counts stay as recorded.
        update("direction = 'OUT', decision = 'REFERRED', reason_code = 'OTHER', health_code = 'PAPER_PASS', "
                + "health_code_read = 'BY_EYE', party_size = 20, temperature = 43.0, pass_household_id = gen_random_uuid(), "
                + "pass_serial = 1, visitor_phone_last4 = '5678', visitor_plate = repeat('浙', 20), "
                + "visitor_origin = repeat('村', 100), visitor_name = repeat('王', 100), visitor_purpose = repeat('菜', 200), "
                + "reason = repeat('因', 200), note = repeat('注', 500), "
                + "voided_at = now(), voided_by = recorded_by, void_reason = repeat('錯', 500)", true);
        update("party_size = 1, temperature = 34.0", true);
    }

    @Test
    void theGatesStatementRefusesARowThatBreaksARuleAndWritesNothingOfItsBatch() {
        EntryRow stored = entries.find(entry).orElseThrow();
        EntryRow good = EntryRows.copy(stored, UUID.randomUUID(), stored.partySize(), null);
        EntryRow tooMany = EntryRows.copy(stored, UUID.randomUUID(), 21, null);
        EntryRow longNote = EntryRows.copy(stored, UUID.randomUUID(), 1, "注".repeat(501));

        for (EntryRow bad : List.of(tooMany, longNote)) {
            PersistenceException refused = assertThrows(PersistenceException.class,
                    () -> entries.insert(List.of(good, bad), Map.of()));
            assertEquals("23514", ((SQLException) refused.getCause()).getSQLState());
            assertTrue(entries.stored(List.of(good.id(), bad.id())).isEmpty(), "a part of the batch was written");
        }
        assertEquals(List.of(good.id()), List.copyOf(entries.insert(List.of(good), Map.of()).created().keySet()));
    }

    /** The entry as the database holds it, every column as text. */
    private String stored() throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT CAST(e AS text) FROM entry e WHERE id = ?")) {
            select.setObject(1, entry);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                return row.getString(1);
            }
        }
    }

    /** Changes the entry: committed, or in a transaction rolled back when {@code rollBack}. */
    private void update(String assignments, boolean rollBack) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE entry SET " + assignments + " WHERE id = ?")) {
            update.setObject(1, entry);
            connection.setAutoCommit(!rollBack);
            try {
                assertEquals(1, update.executeUpdate());
            } finally {
                if (rollBack) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            }
        }
    }
}
