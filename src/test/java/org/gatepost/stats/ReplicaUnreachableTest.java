package org.gatepost.stats;

import static io.restassured.RestAssured.given;
import static org.gatepost.testing.Api.as;
import static org.gatepost.testing.Entries.resident;
import static org.gatepost.testing.Entries.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.gatepost.common.AsInProduction;
import org.gatepost.testing.Entries;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.Test;

/**
 * A replica is configured but cannot be reached (in {@link AsInProduction}, its URL names a local
 * port where nothing listens): the gate still takes entries, the application stays ready, and the
 * statistics come from the primary, current. (deploy/test/replica.sh tests a real replica: caught
 * up, paused, resumed, stopped.)
 */
@QuarkusTest
@TestProfile(AsInProduction.class)
class ReplicaUnreachableTest {

    @Inject
    Fixtures fixtures;

    @Test
    void theGateWritesAndTheStatisticsComeFromThePrimary() {
        World world = fixtures.world();
        LocalDate day = LocalDate.now(Entries.PHONE).minusDays(1);
        for (int minute : new int[] {0, 10}) {
            as(fixtures.token(world.volunteerA()))
                    .body(with(resident(world.checkpointA1()), "occurredAt", day.atTime(9, minute).atOffset(Entries.PHONE).toString()))
                    .post("/api/v1/entries").then().statusCode(201);
        }
        given().get("/q/health/ready").then().statusCode(200);

        JsonPath summary = as(fixtures.token(world.countyOfficial())).queryParam("placeId", world.villageA().id.toString())
                .queryParam("from", day.toString()).queryParam("to", day.plusDays(1).toString())
                .get("/api/v1/stats/summary").then().statusCode(200).extract().jsonPath();
        assertEquals(2, summary.getInt("entries"));
        assertEquals(0, summary.getInt("behindSeconds"));
        assertNull(summary.get("asOf"));

        JsonPath coverage = as(fixtures.token(world.countyOfficial())).queryParam("placeId", world.villageA().id.toString())
                .get("/api/v1/stats/coverage").then().statusCode(200).extract().jsonPath();
        assertEquals(0, coverage.getInt("behindSeconds"));
    }
}
