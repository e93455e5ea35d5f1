package org.gatepost.place;

import static org.gatepost.testing.Api.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlaceResourceTest {

    @Inject
    Fixtures fixtures;

    @Inject
    PlaceRepository repository;

    World world;

    @BeforeEach
    void makeWorld() {
        world = fixtures.world();
    }

    @Test
    void adminBuildsTheTreeFromCountyToCheckpoint() {
        String admin = fixtures.token(world.admin());
        String county = create(admin, "COUNTY", "慶元縣" + Fixtures.unique(), null);
        String township = create(admin, "TOWNSHIP", "濛洲街道", county);
        String village = create(admin, "VILLAGE", "西演村", township);
        String checkpoint = create(admin, "CHECKPOINT", "東口", village);

        as(admin).get("/api/v1/places/" + checkpoint).then().statusCode(200)
                .body("kind", equalTo("CHECKPOINT"))
                .body("name", equalTo("東口"))
                .body("parentId", equalTo(village))
                .body("active", equalTo(true));
        assertEquals(true, repository.isWithin(UUID.fromString(checkpoint), UUID.fromString(county)));
        assertFalse(repository.isWithin(UUID.fromString(county), UUID.fromString(checkpoint)));
    }

    @Test
    void createdPlaceAnswers201WithLocation() {
        as(fixtures.token(world.admin()))
                .body(Map.of("kind", "VILLAGE", "name", "新村", "parentId", world.township().id))
                .post("/api/v1/places")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/places/"))
                .body("id", notNullValue())
                .body("kind", equalTo("VILLAGE"));
    }

    @Test
    void refusesAPlaceUnderTheWrongKindNamingTheRule() {
        long before = fixtures.countPlaces();
        as(fixtures.token(world.admin()))
                .body(Map.of("kind", "CHECKPOINT", "name", "錯口", "parentId", world.township().id))
                .post("/api/v1/places")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("parentId"))
                .body("detail", containsString("must be placed under a VILLAGE"));
        as(fixtures.token(world.admin()))
                .body(Map.of("kind", "COUNTY", "name", "子縣", "parentId", world.county().id))
                .post("/api/v1/places")
                .then().statusCode(422)
                .body("detail", containsString("has no parent"));
        as(fixtures.token(world.admin()))
                .body(Map.of("kind", "VILLAGE", "name", "孤村"))
                .post("/api/v1/places")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("parentId"));
        assertEquals(before, fixtures.countPlaces());
    }

    @Test
    void cadreAddsAndRenamesCheckpointsOfOwnVillage() {
        String cadre = fixtures.token(world.cadreA());
        String id = create(cadre, "CHECKPOINT", "西口", world.villageA().id.toString());
        as(cadre).body(Map.of("name", "西口大橋")).patch("/api/v1/places/" + id)
                .then().statusCode(200).body("name", equalTo("西口大橋"));
        as(cadre).body(Map.of("active", false)).patch("/api/v1/places/" + id)
                .then().statusCode(200).body("active", equalTo(false));
        Place stored = fixtures.reloadPlace(UUID.fromString(id));
        assertEquals("西口大橋", stored.name);
        assertFalse(stored.active);
    }

    @Test
    void cadreCannotAddAVillageOrTouchAnotherVillage() {
        String cadre = fixtures.token(world.cadreA());
        as(cadre).body(Map.of("kind", "VILLAGE", "name", "新村", "parentId", world.township().id))
                .post("/api/v1/places").then().statusCode(403).contentType("application/problem+json");
        as(cadre).body(Map.of("kind", "CHECKPOINT", "name", "偷口", "parentId", world.villageB().id))
                .post("/api/v1/places").then().statusCode(422).body("detail", containsString("no such place in your area"));
        as(cadre).body(Map.of("name", "改名")).patch("/api/v1/places/" + world.checkpointB1().id)
                .then().statusCode(404);
        as(cadre).body(Map.of("name", "改名")).patch("/api/v1/places/" + world.villageA().id)
                .then().statusCode(403);
        assertEquals("北口", fixtures.reloadPlace(world.checkpointB1().id).name);
    }

    @Test
    void volunteersAndOfficialsCannotChangePlaces() {
        as(fixtures.token(world.volunteerA()))
                .body(Map.of("kind", "CHECKPOINT", "name", "x", "parentId", world.villageA().id))
                .post("/api/v1/places").then().statusCode(403);
        as(fixtures.token(world.countyOfficial()))
                .body(Map.of("name", "x")).patch("/api/v1/places/" + world.checkpointA1().id)
                .then().statusCode(403);
    }

    @Test
    void placesOutsideTheCallersAreaAreNotFound() {
        as(fixtures.token(world.cadreA())).get("/api/v1/places/" + world.villageB().id)
                .then().statusCode(404).body("detail", containsString("does not exist or is outside your area"));
        as(fixtures.token(world.cadreA())).get("/api/v1/places/" + world.township().id).then().statusCode(404);
        as(fixtures.token(world.cadreA())).get("/api/v1/places/" + UUID.randomUUID()).then().statusCode(404);
        as(fixtures.token(world.townshipOfficial())).get("/api/v1/places/" + world.checkpointB1().id).then().statusCode(200);
        as(fixtures.token(world.townshipOfficial())).get("/api/v1/places/" + world.county().id).then().statusCode(404);
    }

    @Test
    void listsChildrenAndTheHomePlace() {
        String cadre = fixtures.token(world.cadreA());
        as(cadre).get("/api/v1/places").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(world.villageA().id.toString()));
        as(cadre).queryParam("parentId", world.villageA().id.toString()).get("/api/v1/places").then().statusCode(200)
                .body("items.name", containsInAnyOrder("東口", "南橋"))
                .body("nextCursor", nullValue());
        as(cadre).queryParam("parentId", world.villageB().id.toString()).get("/api/v1/places").then().statusCode(404);
    }

    @Test
    void pagesThroughChildrenWithACursor() {
        String admin = fixtures.token(world.admin());
        for (int i = 0; i < 5; i++) {
            create(admin, "CHECKPOINT", "卡口" + i, world.villageB().id.toString());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(admin).queryParam("parentId", world.villageB().id.toString()).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/places");
            page.then().statusCode(200);
            seen.addAll(page.jsonPath().getList("items.name"));
            cursor = page.jsonPath().getString("nextCursor");
        } while (cursor != null);
        assertEquals(6, seen.size(), "every child once: " + seen);
        assertEquals(java.util.Set.of("北口", "卡口0", "卡口1", "卡口2", "卡口3", "卡口4"), java.util.Set.copyOf(seen));
    }

    @Test
    void refusesTwoPlacesOfTheSameNameUnderOneParent() {
        as(fixtures.token(world.cadreA()))
                .body(Map.of("kind", "CHECKPOINT", "name", "東口", "parentId", world.villageA().id))
                .post("/api/v1/places").then().statusCode(409).body("detail", containsString("東口"));
    }

    @Test
    void badInputGetsProblemsNamingTheField() {
        String admin = fixtures.token(world.admin());
        long before = fixtures.countPlaces();
        as(admin).body("{\"kind\":\"VILLAGE\",\"name\":\"x\",\"parentId\":\"" + world.township().id + "\",\"colour\":1}")
                .post("/api/v1/places").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("colour"));
        as(admin).body("{\"kind\":\"HAMLET\",\"name\":\"x\"}")
                .post("/api/v1/places").then().statusCode(400).body("errors[0].field", equalTo("kind"));
        as(admin).body("{\"kind\":\"VILLAGE\",\"name\":\"x\",\"parentId\":\"not-a-uuid\"}")
                .post("/api/v1/places").then().statusCode(400).body("errors[0].field", equalTo("parentId"));
        as(admin).body("{\"kind\":\"VILLAGE\",\"name\":")
                .post("/api/v1/places").then().statusCode(400).body("detail", containsString("not well-formed JSON"));
        as(admin).body("{\"kind\":\"VILLAGE\",\"name\":\"" + "長".repeat(101) + "\",\"parentId\":\"" + world.township().id + "\"}")
                .post("/api/v1/places").then().statusCode(400).body("errors[0].field", equalTo("name"));
        as(admin).body("{\"kind\":\"VILLAGE\",\"name\":\"   \",\"parentId\":\"" + world.township().id + "\"}")
                .post("/api/v1/places").then().statusCode(400).body("errors[0].field", equalTo("name"));
        as(admin).post("/api/v1/places").then().statusCode(400).body("errors[0].field", equalTo("body"));
        as(admin).body("{\"name\":\"\\u001f\"}").patch("/api/v1/places/" + world.villageA().id).then().statusCode(400)
                .body("errors[0].field", equalTo("name"));
        as(admin).contentType("text/plain").body("VILLAGE x").post("/api/v1/places").then().statusCode(415)
                .contentType("application/problem+json");
        as(admin).queryParam("limit", "many").get("/api/v1/places").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        as(admin).queryParam("limit", 501).get("/api/v1/places").then().statusCode(400);
        as(admin).queryParam("parentId", "x").get("/api/v1/places").then().statusCode(400).body("errors[0].field", equalTo("parentId"));
        as(admin).queryParam("cursor", "%%%").get("/api/v1/places").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        assertEquals(before, fixtures.countPlaces());
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() {
        String admin = fixtures.token(world.admin());
        as(admin).get("/api/v1/nowhere").then().statusCode(404).contentType("application/problem+json");
        as(admin).delete("/api/v1/places/" + world.villageA().id).then().statusCode(405).contentType("application/problem+json");
    }

    private static String create(String token, String kind, String name, String parentId) {
        Map<String, Object> body = parentId == null ? Map.of("kind", kind, "name", name)
                : Map.of("kind", kind, "name", name, "parentId", parentId);
        Response created = as(token).body(body).post("/api/v1/places");
        created.then().statusCode(201);
        String id = created.path("id");
        assertEquals(true, created.header("Location").endsWith("/api/v1/places/" + id));
        return id;
    }
}
