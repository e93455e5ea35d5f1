package org.gatepost.household;

import static org.gatepost.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The household register as the village's cadre keeps it. */
@QuarkusTest
class HouseholdResourceTest {

    @Inject
    Fixtures fixtures;

    World w;
    String cadre;

    @BeforeEach
    void world() {
        w = fixtures.world();
        cadre = fixtures.token(w.cadreA());
    }

    @Test
    void cadreRegistersAHouseholdWithThePhoneInE164() {
        Response created = as(cadre).body(Map.of("label", " 12-3 ", "head", "王芳", "members", List.of("李偉", "王秀"),
                        "phone", "138 1234 5678"))
                .post(households(w)).then().statusCode(201).header("ETag", "\"0\"")
                .body("label", equalTo("12-3"), "head", equalTo("王芳"), "members", equalTo(List.of("李偉", "王秀")),
                        "phone", equalTo("+8613812345678"), "villageId", equalTo(w.villageA().id.toString()),
                        "pass", nullValue(), "outingsInPeriod", nullValue())
                .extract().response();
        String id = created.path("id");
        assertEquals("/api/v1/households/" + id, java.net.URI.create(created.header("Location")).getPath());
        as(cadre).get("/api/v1/households/" + id).then().statusCode(200).body("head", equalTo("王芳"));
        as(cadre).get(households(w)).then().statusCode(200).body("items.id", hasItem(id));
        assertEquals("+8613812345678", fixtures.sql("SELECT phone FROM household WHERE id = CAST(:id AS uuid)", Map.of("id", id)));
    }

    @Test
    void aLabelIsRegisteredOncePerVillage() {
        household(w, "7號");
        as(cadre).body(Map.of("label", "7號", "head", "張三")).post(households(w)).then().statusCode(409)
                .contentType("application/problem+json");
        // Another village may have its own 7號.
        as(fixtures.token(w.cadreB())).body(Map.of("label", "7號", "head", "張三"))
                .post("/api/v1/villages/" + w.villageB().id + "/households").then().statusCode(201);
    }

    @Test
    void badInputNamesTheField() {
        as(cadre).body(Map.of("label", "", "head", "王")).post(households(w)).then().statusCode(400)
                .body("errors.field", hasItem("label"));
        as(cadre).body(Map.of("label", "1", "head", "王", "phone", "not a phone")).post(households(w)).then()
                .statusCode(400).body("errors.field", hasItem("phone"));
        as(cadre).body(Map.of("label", "1", "head", "王", "members", List.of("x".repeat(101)))).post(households(w))
                .then().statusCode(400);
        as(cadre).body(Map.of("label", "1", "head", "王", "members", "李")).post(households(w)).then().statusCode(400);
        as(cadre).body(Map.of("label", "1", "head", "王", "extra", 1)).post(households(w)).then().statusCode(400);
        as(cadre).body(Map.of("label", "1", "head", "王", "members", java.util.Collections.nCopies(31, "李")))
                .post(households(w)).then().statusCode(400).body("errors.field", hasItem("members"));
        assertEquals(0L, ((Number) fixtures.sql("SELECT count(*) FROM household WHERE village_id = :v",
                Map.of("v", w.villageA().id))).longValue());
    }

    @Test
    void updateFollowsIfMatchAndCanRemoveThePhone() {
        String id = household(w, "3號");
        as(cadre).header("If-Match", "\"7\"").body(Map.of("head", "新")).patch("/api/v1/households/" + id)
                .then().statusCode(412);
        as(cadre).header("If-Match", "\"0\"").body(Map.of("head", "李四", "phone", "")).patch("/api/v1/households/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("head", equalTo("李四"), "phone", nullValue(),
                        "label", equalTo("3號"));
    }

    @Test
    void deletingAHouseholdDeletesItsPersonalDataAndRevokesItsPass() {
        String id = household(w, "9號");
        int serial = as(cadre).body("{}").post("/api/v1/households/" + id + "/pass").then().statusCode(201)
                .extract().path("serial");
        as(cadre).delete("/api/v1/households/" + id).then().statusCode(204);
        as(cadre).get("/api/v1/households/" + id).then().statusCode(404);
        assertEquals(0L, ((Number) fixtures.sql("SELECT count(*) FROM household WHERE id = CAST(:id AS uuid)",
                Map.of("id", id))).longValue());
        as(cadre).get("/api/v1/trust-data").then().statusCode(200)
                .body("revoked.find { it.villageId == '" + w.villageA().id + "' }.serial", equalTo(serial));
    }

    @Test
    void changesAreAudited() {
        String id = household(w, "5號");
        as(cadre).body("{}").post("/api/v1/households/" + id + "/pass").then().statusCode(201);
        List<Object> kinds = fixtures.rows("SELECT kind FROM audit_event WHERE subject_id = CAST(:id AS uuid) ORDER BY at",
                Map.of("id", id));
        assertEquals(List.of("HOUSEHOLD_CREATED", "PASS_ISSUED"), kinds);
    }

    @Test
    void anotherVillagesCadreAndVolunteersGetNothing() {
        String id = household(w, "8號");
        as(fixtures.token(w.cadreB())).get("/api/v1/households/" + id).then().statusCode(404);
        as(fixtures.token(w.volunteerA())).get("/api/v1/households/" + id).then().statusCode(403);
        as(fixtures.token(w.townshipOfficial())).get(households(w)).then().statusCode(403);
        as(fixtures.token(w.admin())).get("/api/v1/households/" + id).then().statusCode(200)
                .body("phone", notNullValue());
    }

    @Test
    void listsPageByLabel() {
        for (String label : List.of("c", "a", "b")) {
            household(w, label);
        }
        Response first = as(cadre).get(households(w) + "?limit=2").then().statusCode(200)
                .body("items", hasSize(2), "items.label", equalTo(List.of("a", "b"))).extract().response();
        as(cadre).get(households(w) + "?limit=2&cursor=" + first.path("nextCursor")).then().statusCode(200)
                .body("items.label", equalTo(List.of("c")), "nextCursor", nullValue());
    }

    static String households(World w) {
        return "/api/v1/villages/" + w.villageA().id + "/households";
    }

    String household(World w, String label) {
        return as(cadre).body(Map.of("label", label, "head", "戶主" + label, "phone", "13912345678"))
                .post(households(w)).then().statusCode(201).extract().path("id");
    }
}
