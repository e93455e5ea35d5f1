package org.gatepost.entry;

import static org.gatepost.testing.Api.as;
import static org.gatepost.testing.Entries.resident;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.Test;

/**
 * The gate's statement sends its rows as one array of {@code entry_input} (V25), in text: the
 * type must have the written columns in their order, and every text must arrive as it was sent,
 * whatever characters it holds.
 */
@QuarkusTest
class EntryInputTypeTest {

    @Inject
    Fixtures fixtures;

    @Inject
    DataSource database;

    @Inject
    EntryRepository entries;

    @Test
    void theTypeHasTheWrittenColumnsInTheirOrderWithTheirTypes() throws SQLException {
        try (Connection connection = database.getConnection()) {
            List<String> expected = new ArrayList<>();
            for (RecordColumns.Column column : EntryRepository.WRITTEN) {
                expected.add(column.name() + " " + strings(connection,
                        "SELECT format_type(CAST(CAST(? AS regtype) AS oid), NULL)", column.type()).get(0));
            }
            assertEquals(expected, strings(connection, """
                    SELECT attname || ' ' || format_type(atttypid, NULL) FROM pg_attribute
                    WHERE attrelid = CAST(? AS regclass) AND attnum > 0 AND NOT attisdropped ORDER BY attnum""",
                    "entry_input"));
        }
    }

    private static List<String> strings(Connection connection, String query, String parameter) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(query)) {
            select.setString(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                List<String> strings = new ArrayList<>();
                while (rows.next()) {
                    strings.add(rows.getString(1));
                }
                return strings;
            }
        }
    }

    @Test
    void everyTextArrivesAsItWasSentWhateverItHolds() {
        World world = fixtures.world();
        Map<String, Object> sent = resident(world.checkpointA1());
        as(fixtures.token(world.volunteerA())).body(sent).post("/api/v1/entries").then().statusCode(201);
        EntryRow recorded = entries.find(UUID.fromString((String) sent.get("id"))).orElseThrow();

        // what a composite value and an array give a meaning to: quotes, backslashes, commas,
        // parentheses, braces, blanks; NULL as a word; an empty text; and characters outside ASCII
        String note = "\"quoted\" \\back\\slash\\ , (paren) {brace} 'single' NULL \\x00 \t tab\nline 注意 😷";
        EntryRow written = new EntryRow(UUID.randomUUID(), recorded.countyId(), recorded.checkpointId(), recorded.villageId(),
                recorded.occurredAt(), recorded.occurredOffset(), recorded.receivedAt(), recorded.direction(), false, 2,
                recorded.healthCode(), recorded.healthCodeRead(), recorded.temperature(), recorded.fever(), recorded.decision(),
                null, null, note, "", " ", "NULL", "5678", new byte[] {0, 1, (byte) 0xff, '"', '\\'}, "浙K·1,2(3)",
                recorded.contentHash(), recorded.contentDigestVersion(), recorded.recordedBy(), null, null, null, null,
                null, null);

        assertEquals(List.of(written.id()), List.copyOf(entries.insert(List.of(written), Map.of()).created().keySet()));
        EntryRow stored = entries.find(written.id()).orElseThrow();
        assertEquals(note, stored.note());
        assertEquals("", stored.visitorOrigin());
        assertEquals(" ", stored.visitorPurpose());
        assertEquals("NULL", stored.visitorName());
        assertEquals("5678", stored.visitorPhoneLast4());
        assertEquals(List.of(0, 1, 255, 34, 92), bytes(stored.visitorPhoneHash()));
        assertEquals("浙K·1,2(3)", stored.visitorPlate());
        assertEquals(null, stored.reason());
        assertEquals(null, stored.passSerial());
        assertEquals(written.occurredAt(), stored.occurredAt());
        assertEquals(2, stored.partySize());
    }

    /**
     * A plan made for the one row bound looks cheaper than the generic plan, and PostgreSQL would
     * choose it, planning the statement again for every entry (0.7 ms each, seen in
     * pg_stat_statements): after its first five plans, PostgreSQL must keep the generic one.
     */
    @Test
    void theGatesStatementIsPlannedOnceNotForEveryEntry() {
        World world = fixtures.world();
        Map<String, Object> sent = resident(world.checkpointA1());
        as(fixtures.token(world.volunteerA())).body(sent).post("/api/v1/entries").then().statusCode(201);
        EntryRow recorded = entries.find(UUID.fromString((String) sent.get("id"))).orElseThrow();

        // In one transaction, so on one connection, whose prepared statements it can read.
        List<Object> plans = QuarkusTransaction.requiringNew().call(() -> {
            for (int i = 0; i < 20; i++) {
                EntryRow another = EntryRows.copy(recorded, UUID.randomUUID(), recorded.partySize(), recorded.note());
                entries.insert(List.of(another), Map.of());
            }
            return fixtures.rows("SELECT CAST(generic_plans AS int) AS generic, CAST(custom_plans AS int) AS custom "
                    + "FROM pg_prepared_statements WHERE statement LIKE '%entry_input%'", Map.of());
        });
        assertEquals(1, plans.size(), "the statement is prepared on the connection");
        Object[] counts = (Object[]) plans.get(0);
        assertEquals(5, counts[1], "custom plans");
        assertTrue((Integer) counts[0] >= 10, "generic plans: " + counts[0]);
    }

    private static List<Integer> bytes(byte[] bytes) {
        List<Integer> list = new ArrayList<>();
        for (byte b : bytes) {
            list.add(b & 0xff);
        }
        return list;
    }
}
