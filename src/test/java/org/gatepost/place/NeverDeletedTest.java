package org.gatepost.place;

import static org.gatepost.testing.Api.as;
import static org.gatepost.testing.Entries.resident;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.Test;

/**
 * Places and accounts are deactivated, never deleted (V23): what lets an entry name its
 * checkpoint and recorder without a foreign key checked on every insert.
 */
@QuarkusTest
class NeverDeletedTest {

    @Inject
    Fixtures fixtures;

    @Inject
    DataSource database;

    @Test
    void deletingAPlaceOrAnAccountIsRefusedAndTheEntriesKeepWhatTheyName() {
        World world = fixtures.world();
        Map<String, Object> entry = resident(world.checkpointA1());
        as(fixtures.token(world.volunteerA())).body(entry).post("/api/v1/entries").then().statusCode(201);

        for (String[] row : new String[][] {
                {"place", world.checkpointA1().id.toString()},
                {"account", world.volunteerA().id.toString()},
                // one that nothing else names yet
                {"place", fixtures.place(PlaceKind.CHECKPOINT, "新口", world.villageB().id).id.toString()}}) {
            SQLException refused = assertThrows(SQLException.class, () -> delete(row[0], UUID.fromString(row[1])));
            assertEquals("23001", refused.getSQLState(), row[0]);
            assertTrue(refused.getMessage().contains("never deleted"), refused.getMessage());
        }
        assertEquals(world.checkpointA1().id.toString(), fixtures.sql(
                "SELECT CAST(c.id AS text) FROM entry e JOIN place c ON c.id = e.checkpoint_id "
                        + "JOIN account a ON a.id = e.recorded_by WHERE e.id = CAST(:id AS uuid)",
                Map.of("id", entry.get("id"))));
    }

    private void delete(String table, UUID id) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
            delete.setObject(1, id);
            delete.executeUpdate();
        }
    }
}
