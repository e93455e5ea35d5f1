package org.gatepost.roster;

import static org.gatepost.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.gatepost.account.Account;
import org.gatepost.caller.Role;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who stands at which gate: assignment, double-booking, check-in and check-out. */
@QuarkusTest
class AssignmentResourceTest {

    @Inject
    Fixtures fixtures;

    World world;
    String cadre;
    Instant now;

    @BeforeEach
    void makeWorld() {
        world = fixtures.world();
        cadre = fixtures.token(world.cadreA());
        now = Instant.now();
    }

    @Test
    void cadreAssignsAVolunteerOfTheVillage() {
        Shift shift = shiftIn(world.checkpointA1(), hours(2), hours(8));
        as(cadre).put(assignment(shift, world.volunteerA())).then().statusCode(200)
                .body("assignments", hasSize(1))
                .body("assignments[0].volunteerId", equalTo(world.volunteerA().id.toString()))
                .body("assignments[0].status", equalTo("ASSIGNED"));
        as(cadre).put(assignment(shift, world.volunteerA())).then().statusCode(200).body("assignments", hasSize(1));
        assertEquals(1, fixtures.assignmentsOf(world.volunteerA().id));
    }

    @Test
    void refusesVolunteersOfOtherVillagesAndInactiveOnes() {
        Shift shift = shiftIn(world.checkpointA1(), hours(2), hours(8));
        as(cadre).put(assignment(shift, world.volunteerB())).then().statusCode(422)
                .body("errors[0].field", equalTo("volunteerId"));
        as(cadre).put(assignment(shift, world.cadreA())).then().statusCode(422);
        Account inactive = fixtures.account(Role.VOLUNTEER, world.villageA().id, null);
        as(fixtures.token(world.admin())).body(Map.of("active", false)).patch("/api/v1/accounts/" + inactive.id)
                .then().statusCode(200);
        as(cadre).put(assignment(shift, inactive)).then().statusCode(422).body("detail", containsString("deactivated"));
        assertEquals(0, fixtures.assignmentsOf(world.volunteerB().id) + fixtures.assignmentsOf(inactive.id));
    }

    @Test
    void aVolunteerIsNeverInTwoOverlappingShifts() {
        Shift first = shiftIn(world.checkpointA1(), hours(2), hours(8));
        Shift overlapping = shiftIn(world.checkpointA2(), hours(6), hours(12));
        Shift afterwards = shiftIn(world.checkpointA2(), hours(8), hours(14));
        as(cadre).put(assignment(first, world.volunteerA())).then().statusCode(200);
        as(cadre).put(assignment(overlapping, world.volunteerA())).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(first.id.toString()))
                .body("detail", containsString("東口"));
        as(cadre).put(assignment(afterwards, world.volunteerA())).then().statusCode(200);
        assertEquals(2, fixtures.assignmentsOf(world.volunteerA().id));
    }

    @Test
    void movingAShiftOntoAnotherOfItsVolunteersIsAConflict() {
        Shift first = shiftIn(world.checkpointA1(), hours(2), hours(8));
        Shift later = shiftIn(world.checkpointA2(), hours(10), hours(16));
        as(cadre).put(assignment(first, world.volunteerA())).then().statusCode(200);
        as(cadre).put(assignment(later, world.volunteerA())).then().statusCode(200);
        as(cadre).body(Map.of("startsAt", at(hours(6)).toString())).patch("/api/v1/shifts/" + later.id)
                .then().statusCode(409).body("detail", containsString(first.id.toString()));
    }

    @Test
    void twoCadresAssigningAtOnceCannotDoubleBook() throws Exception {
        Account secondCadre = fixtures.account(Role.CADRE, world.villageA().id, null);
        String other = fixtures.token(secondCadre);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                Account volunteer = fixtures.account(Role.VOLUNTEER, world.villageA().id, null);
                Shift a = shiftIn(world.checkpointA1(), hours(24 * round + 2), hours(24 * round + 8));
                Shift b = shiftIn(world.checkpointA2(), hours(24 * round + 4), hours(24 * round + 10));
                CountDownLatch start = new CountDownLatch(1);
                List<Callable<Integer>> calls = List.of(
                        () -> { start.await(); return as(cadre).put(assignment(a, volunteer)).statusCode(); },
                        () -> { start.await(); return as(other).put(assignment(b, volunteer)).statusCode(); });
                List<Future<Integer>> answers = new ArrayList<>();
                for (Callable<Integer> call : calls) {
                    answers.add(pool.submit(call));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get());
                }
                assertEquals(List.of(200, 409), statuses.stream().sorted().toList(), "round " + round);
                assertEquals(1, fixtures.assignmentsOf(volunteer.id), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void cadreOfAnotherVillageCannotTouchThisRoster() {
        Shift shift = shiftIn(world.checkpointA1(), hours(2), hours(8));
        String otherCadre = fixtures.token(world.cadreB());
        as(otherCadre).put(assignment(shift, world.volunteerA())).then().statusCode(404);
        as(otherCadre).put(assignment(shift, world.volunteerB())).then().statusCode(404);
        as(otherCadre).get("/api/v1/shifts/" + shift.id).then().statusCode(404);
        as(fixtures.token(world.volunteerA())).put(assignment(shift, world.volunteerA())).then().statusCode(403);
        assertEquals(0, fixtures.assignmentsOf(world.volunteerA().id));
    }

    @Test
    void unassignsUntilTheVolunteerHasCheckedIn() {
        Shift shift = shiftIn(world.checkpointA1(), hours(2), hours(8));
        as(cadre).put(assignment(shift, world.volunteerA())).then().statusCode(200);
        as(cadre).delete(assignment(shift, world.volunteerA())).then().statusCode(204);
        as(cadre).delete(assignment(shift, world.volunteerA())).then().statusCode(404);
        Shift running = shiftIn(world.checkpointA2(), hours(-1), hours(3));
        fixtures.assignment(running, world.volunteerA(), at(hours(-1)), null, null);
        as(cadre).delete(assignment(running, world.volunteerA())).then().statusCode(409);
        as(cadre).delete("/api/v1/shifts/" + running.id).then().statusCode(409);
    }

    @Test
    void volunteerSeesOwnCurrentAndUpcomingShifts() {
        Shift past = shiftIn(world.checkpointA1(), hours(-10), hours(-4));
        Shift current = shiftIn(world.checkpointA1(), hours(-1), hours(3));
        Shift next = shiftIn(world.checkpointA2(), hours(5), hours(9));
        fixtures.assignment(past, world.volunteerA(), null, null, null);
        fixtures.assignment(current, world.volunteerA(), null, null, null);
        fixtures.assignment(next, world.volunteerA(), null, null, null);
        as(fixtures.token(world.volunteerA())).get("/api/v1/me/shifts").then().statusCode(200)
                .body("items.id", equalTo(List.of(current.id.toString(), next.id.toString())))
                .body("items[0].checkpointName", equalTo("東口"))
                .body("items[0].status", equalTo("ASSIGNED"));
        as(cadre).get("/api/v1/me/shifts").then().statusCode(403);
    }

    @Test
    void checksInFromHalfAnHourBeforeUntilTheEnd() {
        Shift soon = shiftIn(world.checkpointA1(), Duration.ofMinutes(20), hours(6));
        Shift later = shiftIn(world.checkpointA2(), hours(7), hours(12));
        fixtures.assignment(soon, world.volunteerA(), null, null, null);
        fixtures.assignment(later, world.volunteerA(), null, null, null);
        String volunteer = fixtures.token(world.volunteerA());
        as(volunteer).post("/api/v1/shifts/" + later.id + "/check-in").then().statusCode(422)
                .body("detail", containsString("opens 30 minutes before"));
        as(volunteer).post("/api/v1/shifts/" + soon.id + "/check-in").then().statusCode(200)
                .body("status", equalTo("ON_DUTY"));
        as(volunteer).post("/api/v1/shifts/" + soon.id + "/check-in").then().statusCode(200)
                .body("status", equalTo("ON_DUTY"));
        as(cadre).get("/api/v1/shifts/" + soon.id).then().statusCode(200)
                .body("assignments[0].status", equalTo("ON_DUTY"));

        Shift over = shiftIn(world.checkpointA2(), hours(-8), hours(-2));
        fixtures.assignment(over, world.volunteerA(), null, null, null);
        as(volunteer).post("/api/v1/shifts/" + over.id + "/check-in").then().statusCode(422)
                .body("detail", containsString("ended"));
    }

    @Test
    void checksInOnlyToOwnAssignedShift() {
        Shift shift = shiftIn(world.checkpointA1(), hours(-1), hours(5));
        fixtures.assignment(shift, world.volunteerA(), null, null, null);
        Account colleague = fixtures.account(Role.VOLUNTEER, world.villageA().id, null);
        as(fixtures.token(colleague)).post("/api/v1/shifts/" + shift.id + "/check-in").then().statusCode(422)
                .body("detail", containsString("not assigned"));
        as(fixtures.token(world.volunteerB())).post("/api/v1/shifts/" + shift.id + "/check-in").then().statusCode(404);
        as(cadre).post("/api/v1/shifts/" + shift.id + "/check-in").then().statusCode(403);
    }

    @Test
    void checkOutLeavesAHandoverNoteForTheNextShift() {
        Shift morning = shiftIn(world.checkpointA1(), hours(-5), hours(1));
        Shift afternoon = shiftIn(world.checkpointA1(), hours(1), hours(7));
        fixtures.assignment(morning, world.volunteerA(), at(hours(-5)), null, null);
        Account next = fixtures.account(Role.VOLUNTEER, world.villageA().id, null);
        fixtures.assignment(afternoon, next, null, null, null);
        String volunteer = fixtures.token(world.volunteerA());

        as(volunteer).body(Map.of("handoverNote", "測溫槍電池快沒電了")).post("/api/v1/shifts/" + morning.id + "/check-out")
                .then().statusCode(200).body("status", equalTo("DONE")).body("handoverNote", equalTo("測溫槍電池快沒電了"));
        as(volunteer).post("/api/v1/shifts/" + morning.id + "/check-out").then().statusCode(409);
        as(fixtures.token(next)).get("/api/v1/me/shifts").then().statusCode(200)
                .body("items[0].handoverFromPrevious[0].note", equalTo("測溫槍電池快沒電了"))
                .body("items[0].handoverFromPrevious[0].name", equalTo(world.volunteerA().name));
        as(fixtures.token(next)).post("/api/v1/shifts/" + afternoon.id + "/check-out").then().statusCode(422)
                .body("detail", containsString("check in before"));
        as(volunteer).body(Map.of("handoverNote", "長".repeat(501))).post("/api/v1/shifts/" + morning.id + "/check-out")
                .then().statusCode(400).body("errors[0].field", equalTo("handoverNote"));
    }

    @Test
    void anAssignmentWithoutCheckInIsANoShowOnceTheShiftEnds() {
        Shift over = shiftIn(world.checkpointA1(), hours(-8), hours(-2));
        fixtures.assignment(over, world.volunteerA(), null, null, null);
        Account present = fixtures.account(Role.VOLUNTEER, world.villageA().id, null);
        fixtures.assignment(over, present, at(hours(-8)), at(hours(-2)), null);
        as(cadre).get("/api/v1/shifts/" + over.id).then().statusCode(200)
                .body("assignments.find { it.volunteerId == '" + world.volunteerA().id + "' }.status", equalTo("NO_SHOW"))
                .body("assignments.find { it.volunteerId == '" + present.id + "' }.status", equalTo("DONE"));
        as(cadre).put(assignment(over, present)).then().statusCode(422).body("detail", containsString("over"));
    }

    private Shift shiftIn(org.gatepost.place.Place checkpoint, Duration start, Duration end) {
        return fixtures.shift(checkpoint, at(start), at(end), 2);
    }

    private Instant at(Duration fromNow) {
        return now.plus(fromNow).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private static Duration hours(long hours) {
        return Duration.ofHours(hours);
    }

    private static String assignment(Shift shift, Account volunteer) {
        return "/api/v1/shifts/" + shift.id + "/assignments/" + volunteer.id;
    }
}
