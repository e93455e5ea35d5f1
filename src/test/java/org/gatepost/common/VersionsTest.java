package org.gatepost.common;

import static org.gatepost.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.gatepost.account.Account;
import org.gatepost.place.Place;
import org.gatepost.testing.Contention;
import org.gatepost.testing.Entries;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two people editing one thing at once: the second write never silently undoes the first. */
@QuarkusTest
class VersionsTest {

    @Inject
    Fixtures fixtures;

    @Inject
    DataSource database;

    World world;
    String admin;
    String cadre;

    @BeforeEach
    void makeWorld() {
        world = fixtures.world();
        admin = fixtures.token(world.admin());
        cadre = fixtures.token(world.cadreA());
    }

    @Test
    void aRenameAndADeactivationAtOnceNeverBringTheGateBack() throws Exception {
        String gate = "/api/v1/places/" + world.checkpointA1().id;
        Future<Response> rename;
        Future<Response> deactivate;
        // Both read the gate, then both wait to write it; the first to write wins, the other is told.
        try (Contention race = Contention.lockRow(database, "place", world.checkpointA1().id)) {
            rename = race.start(() -> as(cadre).body(Map.of("name", "東口新")).patch(gate));
            race.awaitWaiting(1, rename);
            deactivate = race.start(() -> as(admin).body(Map.of("active", false)).patch(gate));
            race.awaitWaiting(2, deactivate);
            race.release();
        }
        List<Integer> statuses = List.of(rename.get().statusCode(), deactivate.get().statusCode());
        assertTrue(statuses.containsAll(List.of(200, 409)), statuses.toString());
        Response refused = rename.get().statusCode() == 409 ? rename.get() : deactivate.get();
        assertEquals("application/problem+json", refused.contentType());
        assertEquals("urn:gatepost:problem:changed-meanwhile", refused.path("type"));
        Place stored = fixtures.reloadPlace(world.checkpointA1().id);
        if (rename.get().statusCode() == 200) {
            assertEquals("東口新", stored.name);
            assertTrue(stored.active);
        } else {
            assertEquals("東口", stored.name);
            assertFalse(stored.active);
        }
        assertEquals(1, stored.version);
    }

    @Test
    void aPatchWritesOnlyWhatItNames() {
        String gate = "/api/v1/places/" + world.checkpointA1().id;
        as(admin).body(Map.of("active", false)).patch(gate).then().statusCode(200);
        // A client holding the old name and no version renames: the deactivation stays.
        as(cadre).body(Map.of("name", "東口新")).patch(gate).then().statusCode(200)
                .body("active", equalTo(false)).body("version", equalTo(2));
        assertFalse(fixtures.reloadPlace(world.checkpointA1().id).active);
    }

    @Test
    void singleResourcesCarryTheirVersionAsETag() {
        Place gate = world.checkpointA1();
        as(admin).get("/api/v1/places/" + gate.id).then().statusCode(200)
                .header("ETag", "\"0\"").body("version", equalTo(0));
        as(admin).get("/api/v1/accounts/" + world.volunteerA().id).then().statusCode(200).header("ETag", "\"0\"");
        as(admin).get("/api/v1/teams/" + world.teamA().id).then().statusCode(200).header("ETag", "\"0\"");
        as(admin).body(Map.of("name", "東口新")).patch("/api/v1/places/" + gate.id).then().statusCode(200)
                .header("ETag", "\"1\"").body("version", equalTo(1));
        as(admin).get("/api/v1/places?parentId=" + world.villageA().id).then().statusCode(200)
                .body("items[0].version", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aWriteBasedOnAnOlderVersionIsRefusedAndChangesNothing() {
        String place = "/api/v1/places/" + world.checkpointA1().id;
        as(cadre).header("If-Match", "\"0\"").body(Map.of("active", false)).patch(place).then().statusCode(200);
        as(cadre).header("If-Match", "\"0\"").body(Map.of("name", "東口新")).patch(place).then().statusCode(412)
                .contentType("application/problem+json").body("type", equalTo("urn:gatepost:problem:changed-meanwhile"));
        assertEquals("東口", fixtures.reloadPlace(world.checkpointA1().id).name);

        Account volunteer = world.volunteerA();
        String account = "/api/v1/accounts/" + volunteer.id;
        as(admin).header("If-Match", "\"7\"").body(Map.of("active", false)).patch(account).then().statusCode(412);
        assertTrue(fixtures.reload(volunteer.id).active);
        as(admin).header("If-Match", "\"3\", \"0\"").body(Map.of("name", "改名")).patch(account).then().statusCode(200)
                .header("ETag", "\"1\"");
        as(admin).header("If-Match", "*").body(Map.of("name", "再改")).patch(account).then().statusCode(200);

        String team = "/api/v1/teams/" + world.teamA().id;
        as(cadre).header("If-Match", "\"5\"").body(Map.of("name", "新團")).patch(team).then().statusCode(412);
        as(cadre).header("If-Match", "\"0\"").body(Map.of("name", "新團")).patch(team).then().statusCode(200);

        as(cadre).header("If-Match", "yesterday").body(Map.of("name", "x")).patch(team).then().statusCode(400)
                .body("errors[0].field", equalTo("If-Match"));
    }

    @Test
    void alertsAndKeysTakeIfMatchToo() {
        Map<String, Object> red = Entries.with(Entries.resident(world.checkpointA1()), "healthCode", "RED", "decision", "REFUSED");
        as(fixtures.token(world.volunteerA())).body(red).post("/api/v1/entries").then().statusCode(201);
        String alert = as(cadre).get("/api/v1/alerts?placeId=" + world.checkpointA1().id).then().statusCode(200)
                .body("items[0].version", equalTo(0)).extract().path("items[0].id");
        as(cadre).header("If-Match", "\"1\"").body(Map.of("note", "x")).post("/api/v1/alerts/" + alert + "/acknowledge")
                .then().statusCode(412);
        as(cadre).header("If-Match", "\"0\"").body(Map.of("note", "x")).post("/api/v1/alerts/" + alert + "/acknowledge")
                .then().statusCode(200).body("version", equalTo(1)).header("ETag", "\"1\"");

        String key = as(admin).body(Map.of("name", "dashboard", "placeId", world.county().id.toString(),
                        "expiresAt", OffsetDateTime.now().plusDays(30).toString()))
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("id");
        as(admin).get("/api/v1/api-keys/" + key).then().statusCode(200).header("ETag", "\"0\"");
        as(admin).header("If-Match", "\"4\"").delete("/api/v1/api-keys/" + key).then().statusCode(412);
        as(admin).get("/api/v1/api-keys/" + key).then().body("revoked", equalTo(false));
        as(admin).header("If-Match", "\"0\"").delete("/api/v1/api-keys/" + key).then().statusCode(204);
        as(admin).get("/api/v1/api-keys/" + key).then().body("revoked", equalTo(true)).header("ETag", "\"1\"");
    }
}
