package org.gatepost.roster;

import static org.gatepost.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Templates, generation and single shifts: what the village cadre plans. */
@QuarkusTest
class RosterResourceTest {

    static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY = LocalDate.of(2031, 2, 12);

    @Inject
    Fixtures fixtures;

    World world;
    String cadre;

    @BeforeEach
    void makeWorld() {
        world = fixtures.world();
        cadre = fixtures.token(world.cadreA());
    }

    @Test
    void templatesDefaultToTheArticlesThreeGroups() {
        as(fixtures.token(world.volunteerA())).get(templates(world.villageA().id)).then().statusCode(200)
                .body("start", equalTo(List.of("06:00", "12:00", "18:00")))
                .body("end", equalTo(List.of("12:00", "18:00", "24:00")))
                .body("minStaff", equalTo(List.of(2, 2, 2)));
    }

    @Test
    void cadreReplacesTheDayPlanIncludingANightShiftAcrossMidnight() {
        List<Map<String, Object>> plan = List.of(
                Map.of("name", "白班", "start", "06:00", "end", "22:00", "minStaff", 3),
                Map.of("name", "夜班", "start", "22:00", "end", "06:00", "minStaff", 1));
        as(cadre).body(plan).put(templates(world.villageA().id)).then().statusCode(200).body("$", hasSize(2));
        as(cadre).get(templates(world.villageA().id)).then().statusCode(200)
                .body("name", equalTo(List.of("白班", "夜班")))
                .body("end", equalTo(List.of("22:00", "06:00")));

        int created = generate(world.villageA().id, DAY, DAY.plusDays(1)).then().statusCode(200).extract().path("created");
        assertEquals(2 * 2, created);
        Response shifts = as(cadre).queryParam("placeId", world.checkpointA1().id.toString())
                .queryParam("from", DAY.toString()).queryParam("to", DAY.plusDays(2).toString()).get("/api/v1/shifts");
        shifts.then().statusCode(200).body("items", hasSize(2));
        assertEquals(DAY.atTime(22, 0).atZone(COUNTY).toInstant(), Instant.parse(toInstant(shifts.path("items[1].startsAt"))));
        assertEquals(DAY.plusDays(1).atTime(6, 0).atZone(COUNTY).toInstant(),
                Instant.parse(toInstant(shifts.path("items[1].endsAt"))));
        assertTrue(shifts.<String>path("items[1].endsAt").endsWith("+08:00"), "shown in the county's zone");
    }

    @Test
    void refusesOverlappingOrEmptyOrUnreadableTemplates() {
        as(cadre).body(List.of(Map.of("name", "a", "start", "06:00", "end", "14:00", "minStaff", 2),
                        Map.of("name", "b", "start", "12:00", "end", "18:00", "minStaff", 2)))
                .put(templates(world.villageA().id)).then().statusCode(422).body("detail", containsString("overlaps"));
        as(cadre).body(List.of(Map.of("name", "a", "start", "20:00", "end", "08:00", "minStaff", 2),
                        Map.of("name", "b", "start", "06:00", "end", "12:00", "minStaff", 2)))
                .put(templates(world.villageA().id)).then().statusCode(422);
        as(cadre).body(List.of(Map.of("name", "a", "start", "06:00", "end", "06:00", "minStaff", 2)))
                .put(templates(world.villageA().id)).then().statusCode(422);
        as(cadre).body(List.of(Map.of("name", "a", "start", "25:00", "end", "06:00", "minStaff", 2)))
                .put(templates(world.villageA().id)).then().statusCode(400).body("errors[0].field", containsString("start"));
        as(cadre).body(List.of(Map.of("name", "a", "start", "06:00", "end", "12:00", "minStaff", 0)))
                .put(templates(world.villageA().id)).then().statusCode(400);
        as(cadre).body(List.of()).put(templates(world.villageA().id)).then().statusCode(400);
        as(cadre).get(templates(world.villageA().id)).then().body("start", equalTo(List.of("06:00", "12:00", "18:00")));
    }

    @Test
    void onlyTheVillagesCadrePlansItsRoster() {
        List<Map<String, Object>> plan = List.of(Map.of("name", "a", "start", "06:00", "end", "12:00", "minStaff", 2));
        as(fixtures.token(world.volunteerA())).body(plan).put(templates(world.villageA().id)).then().statusCode(403);
        as(fixtures.token(world.townshipOfficial())).body(plan).put(templates(world.villageA().id)).then().statusCode(403);
        String otherCadre = fixtures.token(world.cadreB());
        as(otherCadre).body(plan).put(templates(world.villageA().id)).then().statusCode(404);
        as(otherCadre).get(templates(world.villageA().id)).then().statusCode(404);
        as(otherCadre).body(Map.of("from", DAY.toString(), "to", DAY.plusDays(1).toString()))
                .post("/api/v1/villages/" + world.villageA().id + "/roster/generate").then().statusCode(404);
        assertEquals(0, fixtures.shiftsAt(world.checkpointA1().id));
    }

    @Test
    void generatesEveryShiftOnceForAllCheckpoints() {
        generate(world.villageA().id, DAY, DAY.plusDays(2)).then().statusCode(200).body("created", equalTo(3 * 2 * 2));
        generate(world.villageA().id, DAY, DAY.plusDays(2)).then().statusCode(200).body("created", equalTo(0));
        generate(world.villageA().id, DAY.plusDays(1), DAY.plusDays(3)).then().statusCode(200).body("created", equalTo(3 * 2));
        assertEquals(3 * 3, fixtures.shiftsAt(world.checkpointA1().id));
        assertEquals(0, fixtures.shiftsAt(world.checkpointB1().id));

        Response first = as(cadre).queryParam("placeId", world.checkpointA1().id.toString())
                .queryParam("from", DAY.toString()).queryParam("to", DAY.plusDays(1).toString()).get("/api/v1/shifts");
        first.then().statusCode(200).body("items", hasSize(3));
        assertEquals(DAY.atTime(6, 0).atZone(COUNTY).toInstant(), Instant.parse(toInstant(first.path("items[0].startsAt"))));
        assertEquals(DAY.plusDays(1).atStartOfDay(COUNTY).toInstant(), Instant.parse(toInstant(first.path("items[2].endsAt"))));
    }

    @Test
    void generationLeavesMovedAndCancelledShiftsAlone() {
        generate(world.villageA().id, DAY, DAY.plusDays(1)).then().statusCode(200);
        List<String> ids = shiftIds(world.checkpointA1().id.toString(), DAY, DAY.plusDays(1));
        as(cadre).delete("/api/v1/shifts/" + ids.get(0)).then().statusCode(204);
        as(cadre).body(Map.of("startsAt", DAY + "T13:00:00+08:00")).patch("/api/v1/shifts/" + ids.get(1))
                .then().statusCode(200).body("startsAt", containsString("T13:00"));
        generate(world.villageA().id, DAY, DAY.plusDays(1)).then().statusCode(200).body("created", equalTo(0));
        assertEquals(2, shiftIds(world.checkpointA1().id.toString(), DAY, DAY.plusDays(1)).size());
    }

    @Test
    void refusesBadGenerationRanges() {
        generate(world.villageA().id, DAY, DAY).then().statusCode(400).body("errors[0].field", equalTo("to"));
        generate(world.villageA().id, DAY, DAY.plusDays(100)).then().statusCode(400);
        as(cadre).body(Map.of("from", "+999999999-12-01", "to", "+999999999-12-02"))
                .post("/api/v1/villages/" + world.villageA().id + "/roster/generate").then().statusCode(400);
        as(cadre).body(Map.of("from", "12/02/2031", "to", DAY.toString()))
                .post("/api/v1/villages/" + world.villageA().id + "/roster/generate")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        as(cadre).body(Map.of("from", DAY.toString(), "to", DAY.plusDays(1).toString()))
                .post("/api/v1/villages/" + world.checkpointA1().id + "/roster/generate").then().statusCode(404);
    }

    @Test
    void cadreCreatesMovesAndCancelsSingleShifts() {
        Response created = as(cadre).body(Map.of("checkpointId", world.checkpointA2().id,
                        "startsAt", DAY + "T08:00:00+08:00", "endsAt", DAY + "T10:00:00+08:00", "minStaff", 1))
                .post("/api/v1/shifts");
        created.then().statusCode(201).header("Location", containsString("/api/v1/shifts/"))
                .body("checkpointName", equalTo("南橋")).body("minStaff", equalTo(1));
        String id = created.path("id");

        as(cadre).body(Map.of("checkpointId", world.checkpointA2().id,
                        "startsAt", DAY + "T09:00:00+08:00", "endsAt", DAY + "T11:00:00+08:00", "minStaff", 1))
                .post("/api/v1/shifts").then().statusCode(409);
        as(cadre).body(Map.of("endsAt", DAY + "T07:00:00+08:00")).patch("/api/v1/shifts/" + id)
                .then().statusCode(422).body("errors[0].field", equalTo("endsAt"));
        as(cadre).body(Map.of("minStaff", 3, "endsAt", DAY + "T12:00:00+08:00")).patch("/api/v1/shifts/" + id)
                .then().statusCode(200).body("minStaff", equalTo(3));
        as(cadre).delete("/api/v1/shifts/" + id).then().statusCode(204);
        as(cadre).get("/api/v1/shifts/" + id).then().statusCode(404);
        assertEquals(0, fixtures.shiftsAt(world.checkpointA2().id));
        // The cancelled shift's time is free again for a shift made by hand.
        as(cadre).body(Map.of("checkpointId", world.checkpointA2().id,
                        "startsAt", DAY + "T08:00:00+08:00", "endsAt", DAY + "T10:00:00+08:00", "minStaff", 1))
                .post("/api/v1/shifts").then().statusCode(201);
    }

    @Test
    void shiftsBelongToCheckpointsOfTheCadresOwnVillage() {
        as(cadre).body(Map.of("checkpointId", world.checkpointB1().id,
                        "startsAt", DAY + "T08:00:00+08:00", "endsAt", DAY + "T10:00:00+08:00", "minStaff", 1))
                .post("/api/v1/shifts").then().statusCode(422).body("errors[0].field", equalTo("checkpointId"));
        as(cadre).body(Map.of("checkpointId", world.villageA().id,
                        "startsAt", DAY + "T08:00:00+08:00", "endsAt", DAY + "T10:00:00+08:00", "minStaff", 1))
                .post("/api/v1/shifts").then().statusCode(422);
        Shift other = fixtures.shift(world.checkpointB1(), DAY.atTime(8, 0).atZone(COUNTY).toInstant(),
                DAY.atTime(10, 0).atZone(COUNTY).toInstant(), 2);
        as(cadre).body(Map.of("minStaff", 0)).patch("/api/v1/shifts/" + other.id).then().statusCode(404);
        as(cadre).delete("/api/v1/shifts/" + other.id).then().statusCode(404);
        as(fixtures.token(world.volunteerA())).body(Map.of("checkpointId", world.checkpointA1().id,
                        "startsAt", DAY + "T08:00:00+08:00", "endsAt", DAY + "T10:00:00+08:00", "minStaff", 1))
                .post("/api/v1/shifts").then().statusCode(403);
    }

    @Test
    void listsShiftsOfAPlaceAndRangeWithRangeChecks() {
        generate(world.villageA().id, DAY, DAY.plusDays(1)).then().statusCode(200);
        as(fixtures.token(world.townshipOfficial())).queryParam("placeId", world.township().id.toString())
                .queryParam("from", DAY + "T00:00:00+08:00").queryParam("to", DAY + "T12:00:00+08:00")
                .get("/api/v1/shifts").then().statusCode(200).body("items", hasSize(2));
        as(cadre).queryParam("placeId", world.villageA().id.toString()).queryParam("from", DAY.toString())
                .queryParam("to", DAY.minusDays(1).toString()).get("/api/v1/shifts").then().statusCode(400);
        as(cadre).queryParam("placeId", world.villageA().id.toString()).queryParam("from", "yesterday")
                .queryParam("to", DAY.toString()).get("/api/v1/shifts").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        as(cadre).queryParam("from", DAY.toString()).queryParam("to", DAY.plusDays(1).toString()).get("/api/v1/shifts")
                .then().statusCode(400).body("errors[0].field", equalTo("placeId"));
        as(cadre).queryParam("placeId", world.villageB().id.toString()).queryParam("from", DAY.toString())
                .queryParam("to", DAY.plusDays(1).toString()).get("/api/v1/shifts").then().statusCode(404);
    }

    @Test
    void pagesThroughShiftsWithACursor() {
        generate(world.villageA().id, DAY, DAY.plusDays(2)).then().statusCode(200);
        List<String> all = shiftIds(world.villageA().id.toString(), DAY, DAY.plusDays(2));
        assertEquals(12, all.size());
        assertEquals(12, all.stream().distinct().count());
    }

    private Response generate(java.util.UUID village, LocalDate from, LocalDate to) {
        return as(cadre).body(Map.of("from", from.toString(), "to", to.toString()))
                .post("/api/v1/villages/" + village + "/roster/generate");
    }

    private List<String> shiftIds(String placeId, LocalDate from, LocalDate to) {
        List<String> ids = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = as(cadre).queryParam("placeId", placeId).queryParam("from", from.toString())
                    .queryParam("to", to.toString()).queryParam("limit", 5);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/shifts");
            page.then().statusCode(200);
            ids.addAll(page.jsonPath().getList("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertTrue(ids.size() < 1000);
        return ids;
    }

    static String toInstant(String offsetDateTime) {
        return java.time.OffsetDateTime.parse(offsetDateTime).toInstant().toString();
    }

    static String templates(java.util.UUID village) {
        return "/api/v1/villages/" + village + "/shift-templates";
    }
}
