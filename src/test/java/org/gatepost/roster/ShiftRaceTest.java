package org.gatepost.roster;

import static org.gatepost.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.gatepost.testing.Contention;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Changes to one shift's assignments racing each other. The volunteer's account row is held
 * locked from outside, so that an assignment waits inside its INSERT (at the foreign key
 * check) after it has read the shift: exactly where a concurrent change used to slip in.
 */
@QuarkusTest
class ShiftRaceTest {

    @Inject
    Fixtures fixtures;

    @Inject
    DataSource database;

    World world;
    String cadre;
    Instant base;

    @BeforeEach
    void makeWorld() {
        world = fixtures.world();
        cadre = fixtures.token(world.cadreA());
        base = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(3));
    }

    @Test
    void anAssignmentRacingARetimeGuardsTheNewTimes() throws Exception {
        Shift shift = fixtures.shift(world.checkpointA1(), base, base.plus(Duration.ofHours(6)), 2);
        Instant newStart = base.plus(Duration.ofHours(12));
        Instant newEnd = base.plus(Duration.ofHours(18));
        try (Contention race = Contention.lockRow(database, "account", world.volunteerA().id)) {
            Future<Integer> assign = race.start(() -> as(cadre).put(assignment(shift)).statusCode());
            race.awaitWaiting(1, assign);
            Future<Integer> retime = race.start(() -> as(cadre)
                    .body(Map.of("startsAt", newStart.toString(), "endsAt", newEnd.toString()))
                    .patch("/api/v1/shifts/" + shift.id).statusCode());
            race.awaitWaiting(2, retime);
            race.release();
            assertEquals(200, assign.get());
            assertEquals(200, retime.get());
        }
        // The assignment guards the shift's hours as they are now, not as the assignment first read them.
        assertEquals(Boolean.TRUE, fixtures.sql("""
                SELECT a.during = tstzrange(s.starts_at, s.ends_at) AND s.starts_at = :start
                FROM assignment a JOIN shift s ON s.id = a.shift_id WHERE a.shift_id = :shift
                """, Map.of("shift", shift.id, "start", newStart)));
        // So the old hours are free, and the new ones are not.
        Shift atOldHours = fixtures.shift(world.checkpointA2(), base, base.plus(Duration.ofHours(6)), 2);
        as(cadre).put(assignment(atOldHours)).then().statusCode(200);
        Shift atNewHours = fixtures.shift(world.checkpointA2(), newStart, newEnd, 2);
        as(cadre).put(assignment(atNewHours)).then().statusCode(409);
    }

    @Test
    void anAssignmentRacingACancellationLeavesNothingBehind() throws Exception {
        Shift shift = fixtures.shift(world.checkpointA1(), base, base.plus(Duration.ofHours(6)), 2);
        try (Contention race = Contention.lockRow(database, "account", world.volunteerA().id)) {
            Future<Integer> assign = race.start(() -> as(cadre).put(assignment(shift)).statusCode());
            race.awaitWaiting(1, assign);
            Future<Integer> cancel = race.start(() -> as(cadre).delete("/api/v1/shifts/" + shift.id).statusCode());
            race.awaitWaiting(2, cancel);
            race.release();
            assertEquals(200, assign.get());
            assertEquals(204, cancel.get());
        }
        // No invisible assignment on the cancelled shift: the volunteer is free for those hours.
        assertEquals(0, fixtures.assignmentsOf(world.volunteerA().id));
        Shift elsewhere = fixtures.shift(world.checkpointA2(), base, base.plus(Duration.ofHours(6)), 2);
        as(cadre).put(assignment(elsewhere)).then().statusCode(200);
    }

    @Test
    void everyChangeToTheAssignmentsGivesTheShiftANewVersion() {
        Shift shift = fixtures.shift(world.checkpointA1(), base, base.plus(Duration.ofHours(6)), 2);
        String etag = as(cadre).get("/api/v1/shifts/" + shift.id).then().statusCode(200).extract().header("ETag");
        int version = as(cadre).put(assignment(shift)).then().statusCode(200).extract().path("version");
        assertTrue(!etag.equals("\"" + version + "\""), etag + " then " + version);
        as(cadre).header("If-Match", etag).body(Map.of("minStaff", 3)).patch("/api/v1/shifts/" + shift.id)
                .then().statusCode(412).contentType("application/problem+json");
        as(cadre).header("If-Match", "\"" + version + "\"").body(Map.of("minStaff", 3)).patch("/api/v1/shifts/" + shift.id)
                .then().statusCode(200);
    }

    private String assignment(Shift shift) {
        return "/api/v1/shifts/" + shift.id + "/assignments/" + world.volunteerA().id;
    }
}
