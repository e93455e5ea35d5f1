package org.gatepost.roster;

import static org.gatepost.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.gatepost.account.Account;
import org.gatepost.caller.Role;
import org.gatepost.place.Place;
import org.gatepost.place.PlaceKind;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Coverage, understaffed shifts and service hours, as officials and cadres read them. */
@QuarkusTest
class RosterStatsResourceTest {

    @Inject
    Fixtures fixtures;

    World world;
    Instant now;

    @BeforeEach
    void makeWorld() {
        world = fixtures.world();
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void coverageShowsEveryGateBelowAPlaceNow() {
        Place a3 = fixtures.place(PlaceKind.CHECKPOINT, "西口", world.villageA().id);
        Shift full = fixtures.shift(world.checkpointA1(), at(-2), at(4), 2);
        Shift half = fixtures.shift(world.checkpointA2(), at(-2), at(4), 2);
        Shift empty = fixtures.shift(world.checkpointB1(), at(-2), at(4), 1);
        Account second = fixtures.account(Role.VOLUNTEER, world.villageA().id, null);
        Account third = fixtures.account(Role.VOLUNTEER, world.villageA().id, null);
        fixtures.assignment(full, world.volunteerA(), at(-2), null, null);
        fixtures.assignment(full, second, at(-1), null, null);
        fixtures.assignment(half, third, at(-2), null, null);
        fixtures.assignment(empty, world.volunteerB(), null, null, null);

        JsonPath coverage = as(fixtures.token(world.townshipOfficial())).queryParam("placeId", world.township().id.toString())
                .get("/api/v1/stats/coverage").then().statusCode(200)
                .body("checkpoints", hasSize(4)).extract().jsonPath();
        assertEquals("OK", status(coverage, world.checkpointA1()));
        assertEquals("UNDERSTAFFED", status(coverage, world.checkpointA2()));
        assertEquals("UNSTAFFED", status(coverage, world.checkpointB1()));
        assertEquals("NO_SHIFT", status(coverage, a3));
        assertEquals(2, (int) coverage.get(find(world.checkpointA1()) + ".onDuty"));
        assertEquals(half.id.toString(), coverage.get(find(world.checkpointA2()) + ".shiftId"));
        assertEquals(1, (int) coverage.get(find(world.checkpointB1()) + ".assigned"));
        assertEquals(0, (int) coverage.get(find(world.checkpointB1()) + ".onDuty"));
    }

    @Test
    void coverageAheadCountsWhoIsAssigned() {
        Shift tonight = fixtures.shift(world.checkpointA1(), at(10), at(16), 2);
        fixtures.assignment(tonight, world.volunteerA(), null, null, null);
        fixtures.assignment(tonight, fixtures.account(Role.VOLUNTEER, world.villageA().id, null), null, null, null);
        as(fixtures.token(world.cadreA())).queryParam("placeId", world.villageA().id.toString())
                .queryParam("at", at(12).toString())
                .get("/api/v1/stats/coverage").then().statusCode(200)
                .body("checkpoints.find { it.checkpointId == '" + world.checkpointA1().id + "' }.status", equalTo("OK"))
                .body("checkpoints.find { it.checkpointId == '" + world.checkpointA2().id + "' }.status", equalTo("NO_SHIFT"))
                .body("checkpoints.find { it.checkpointId == '" + world.checkpointA2().id + "' }.shiftId", nullValue());
    }

    @Test
    void listsShiftsBelowTheirMinimum() {
        Shift pastShort = fixtures.shift(world.checkpointA1(), at(-30), at(-24), 2);
        fixtures.assignment(pastShort, world.volunteerA(), null, null, null);
        fixtures.assignment(pastShort, fixtures.account(Role.VOLUNTEER, world.villageA().id, null), at(-30), at(-24), null);
        Shift pastFull = fixtures.shift(world.checkpointA2(), at(-30), at(-24), 1);
        fixtures.assignment(pastFull, fixtures.account(Role.VOLUNTEER, world.villageA().id, null), at(-30), at(-24), null);
        Shift aheadShort = fixtures.shift(world.checkpointA1(), at(20), at(26), 2);
        fixtures.assignment(aheadShort, world.volunteerA(), null, null, null);
        Shift aheadFull = fixtures.shift(world.checkpointA2(), at(20), at(26), 1);
        fixtures.assignment(aheadFull, fixtures.account(Role.VOLUNTEER, world.villageA().id, null), null, null, null);
        fixtures.shift(world.checkpointB1(), at(20), at(26), 1);

        as(fixtures.token(world.cadreA())).queryParam("placeId", world.villageA().id.toString())
                .queryParam("from", at(-48).toString()).queryParam("to", at(48).toString())
                .get("/api/v1/stats/understaffed").then().statusCode(200)
                .body("items.shiftId", equalTo(java.util.List.of(pastShort.id.toString(), aheadShort.id.toString())))
                .body("items[0].checkedIn", equalTo(1))
                .body("items[0].missing", equalTo(1))
                .body("items[1].assigned", equalTo(1))
                .body("items[1].missing", equalTo(1));
    }

    @Test
    void sumsServiceHoursPerVolunteerAndTeam() {
        Shift morning = fixtures.shift(world.checkpointA1(), at(-30), at(-24), 2);
        Shift evening = fixtures.shift(world.checkpointA1(), at(-20), at(-14), 2);
        Account teammate = fixtures.account(Role.VOLUNTEER, world.villageA().id, world.teamA().id);
        fixtures.assignment(morning, world.volunteerA(), at(-30), at(-24), null);
        fixtures.assignment(evening, world.volunteerA(), at(-20), null, null);
        fixtures.assignment(morning, teammate, at(-29), at(-27), null);
        Shift other = fixtures.shift(world.checkpointB1(), at(-30), at(-24), 1);
        fixtures.assignment(other, world.volunteerB(), at(-30), at(-24), null);

        JsonPath hours = as(fixtures.token(world.countyOfficial())).queryParam("placeId", world.villageA().id.toString())
                .queryParam("from", at(-48).toString()).queryParam("to", now.toString())
                .get("/api/v1/stats/volunteer-hours").then().statusCode(200)
                .body("volunteers", hasSize(2)).extract().jsonPath();
        // 6 hours checked out, plus 6 hours never checked out (counted to the shift's end).
        assertEquals(12.0, hours.getDouble("volunteers.find { it.accountId == '" + world.volunteerA().id + "' }.hours"), 0.001);
        assertEquals(2, hours.getInt("volunteers.find { it.accountId == '" + world.volunteerA().id + "' }.shifts"));
        assertEquals(2.0, hours.getDouble("volunteers.find { it.accountId == '" + teammate.id + "' }.hours"), 0.001);
        assertEquals(14.0, hours.getDouble("teams.find { it.teamId == '" + world.teamA().id + "' }.hours"), 0.001);
        assertEquals("西演美麗幫幫團", hours.getString("teams[0].name"));
    }

    @Test
    void statisticsStayInsideTheCallersArea() {
        as(fixtures.token(world.cadreB())).queryParam("placeId", world.villageA().id.toString())
                .get("/api/v1/stats/coverage").then().statusCode(404);
        as(fixtures.token(world.cadreB())).queryParam("placeId", world.villageA().id.toString())
                .queryParam("from", at(-48).toString()).queryParam("to", now.toString())
                .get("/api/v1/stats/volunteer-hours").then().statusCode(404);
        as(fixtures.token(world.volunteerA())).queryParam("placeId", world.villageA().id.toString())
                .get("/api/v1/stats/coverage").then().statusCode(403);
        as(fixtures.token(world.countyOfficial())).queryParam("placeId", world.villageA().id.toString())
                .queryParam("at", "noon").get("/api/v1/stats/coverage").then().statusCode(400)
                .body("errors[0].field", equalTo("at"));
        as(fixtures.token(world.countyOfficial())).queryParam("placeId", world.villageA().id.toString())
                .queryParam("from", "2030-01-01").queryParam("to", "2031-03-01")
                .get("/api/v1/stats/understaffed").then().statusCode(400).body("errors[0].field", equalTo("to"));
    }

    private Instant at(long hours) {
        return now.plus(Duration.ofHours(hours));
    }

    private static String find(Place checkpoint) {
        return "checkpoints.find { it.checkpointId == '" + checkpoint.id + "' }";
    }

    private static String status(JsonPath coverage, Place checkpoint) {
        return coverage.getString(find(checkpoint) + ".status");
    }
}
