package org.gatepost.entry;

import static org.gatepost.testing.Api.as;
import static org.gatepost.testing.Entries.resident;
import static org.gatepost.testing.Entries.with;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A phone's offline queue arriving at once: each entry answered on its own. */
@QuarkusTest
class EntryBatchTest {

    @Inject
    Fixtures fixtures;

    World world;
    String volunteer;

    @BeforeEach
    void makeWorld() {
        world = fixtures.world();
        volunteer = fixtures.token(world.volunteerA());
    }

    @Test
    void acceptsTheGoodEntriesAndRejectsTheBadOnesEachWithItsProblem() {
        Map<String, Object> good = resident(world.checkpointA1());
        Map<String, Object> red = with(resident(world.checkpointA1()), "healthCode", "RED");
        Map<String, Object> wrongType = with(resident(world.checkpointA1()), "partySize", "many");
        Map<String, Object> otherVillage = resident(world.checkpointB1());
        Map<String, Object> alsoGood = with(resident(world.checkpointA2()), "direction", "OUT");

        JsonPath answer = batch(List.of(good, red, wrongType, otherVillage, alsoGood));
        assertEquals(List.of("CREATED", "REJECTED", "REJECTED", "REJECTED", "CREATED"), answer.getList("results.status"));
        assertEquals(List.of(good.get("id"), red.get("id"), wrongType.get("id"), otherVillage.get("id"), alsoGood.get("id")),
                answer.getList("results.id"));
        assertEquals(422, answer.getInt("results[1].problem.status"));
        assertEquals("decision", answer.getString("results[1].problem.errors[0].field"));
        assertEquals(400, answer.getInt("results[2].problem.status"));
        assertEquals("partySize", answer.getString("results[2].problem.errors[0].field"));
        assertEquals("checkpointId", answer.getString("results[3].problem.errors[0].field"));
        assertEquals(2L, stored());
    }

    @Test
    void textThatPostgresqlCannotStoreRejectsOnlyItsEntry() {
        Map<String, Object> nul = with(resident(world.checkpointA1()), "note", "a\u0000b");
        JsonPath answer = batch(List.of(nul, resident(world.checkpointA1())));
        assertEquals(List.of("REJECTED", "CREATED"), answer.getList("results.status"));
        assertEquals("note", answer.getString("results[0].problem.errors[0].field"));
        assertEquals(1L, stored());
    }

    @Test
    void aResentBatchIsAllDuplicatesAndChangesNothing() {
        List<Map<String, Object>> queue = List.of(resident(world.checkpointA1()), resident(world.checkpointA1()),
                resident(world.checkpointA2()));
        assertEquals(List.of("CREATED", "CREATED", "CREATED"), batch(queue).getList("results.status"));
        assertEquals(List.of("DUPLICATE", "DUPLICATE", "DUPLICATE"), batch(queue).getList("results.status"));
        assertEquals(3L, stored());
        assertEquals(3L, ((Number) fixtures.sql("SELECT sum(h.entries) FROM entry_hourly_exact h JOIN place c ON c.id = h.checkpoint_id "
                + "WHERE c.parent_id = :village", Map.of("village", world.villageA().id))).longValue());
    }

    @Test
    void anIdRepeatedInsideABatchIsCreatedOnce() {
        Map<String, Object> entry = resident(world.checkpointA1());
        Map<String, Object> changed = with(entry, "temperature", 36.9);
        assertEquals(List.of("CREATED", "DUPLICATE", "CONFLICT"), batch(List.of(entry, entry, changed)).getList("results.status"));
        assertEquals(1L, stored());
    }

    @Test
    void anIdAlreadyUsedByAnotherEntryIsAConflictForThatItemOnly() {
        Map<String, Object> first = resident(world.checkpointA1());
        as(volunteer).body(first).post("/api/v1/entries").then().statusCode(201);
        JsonPath answer = batch(List.of(with(first, "partySize", 2), resident(world.checkpointA1())));
        assertEquals(List.of("CONFLICT", "CREATED"), answer.getList("results.status"));
        assertEquals(409, answer.getInt("results[0].problem.status"));
        assertEquals(2L, stored());
    }

    @Test
    void takesUpTo500AtOnce() {
        List<Map<String, Object>> full = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            full.add(resident(i % 2 == 0 ? world.checkpointA1() : world.checkpointA2()));
        }
        as(volunteer).body(Map.of("entries", full)).post("/api/v1/entries/batch").then().statusCode(200)
                .body("results", hasSize(500));
        assertEquals(500L, stored());
        full.add(resident(world.checkpointA1()));
        as(volunteer).body(Map.of("entries", full)).post("/api/v1/entries/batch").then().statusCode(400)
                .body("errors[0].field", equalTo("entries"));
        assertEquals(500L, stored());
    }

    @Test
    void aBatchThatIsNotABatchIsA400() {
        as(volunteer).body("{\"entries\": 5}").post("/api/v1/entries/batch").then().statusCode(400);
        as(volunteer).body("{}").post("/api/v1/entries/batch").then().statusCode(400).body("errors[0].field", equalTo("entries"));
        as(volunteer).body("{\"entries\": [1, \"x\"]}").post("/api/v1/entries/batch").then().statusCode(200)
                .body("results.status", equalTo(List.of("REJECTED", "REJECTED")));
        as(fixtures.token(world.townshipOfficial())).body(Map.of("entries", List.of(resident(world.checkpointA1()))))
                .post("/api/v1/entries/batch").then().statusCode(403);
        assertEquals(0L, stored());
    }

    private JsonPath batch(List<Map<String, Object>> entries) {
        return as(volunteer).body(Map.of("entries", entries)).post("/api/v1/entries/batch")
                .then().statusCode(200).extract().jsonPath();
    }

    private long stored() {
        return ((Number) fixtures.sql("SELECT count(*) FROM entry WHERE village_id = :village",
                Map.of("village", world.villageA().id))).longValue();
    }
}
