package org.gatepost.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.gatepost.testing.Api.as;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.gatepost.account.Account;
import org.gatepost.caller.Role;
import org.gatepost.roster.Shift;
import org.gatepost.testing.Entries;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.Test;

/** What the app at the gate reads beside recording: the rule, today's counts, my shift's colleagues, the headers. */
@QuarkusTest
class GateResourceTest {

    @Inject
    Fixtures fixtures;

    @Test
    void theRuleIsTheServersOwn() {
        World w = fixtures.world();
        as(fixtures.token(w.volunteerA())).get("/api/v1/gate/rule").then().statusCode(200)
                .body("feverThreshold", equalTo(37.3f))
                .body("lowestTemperature", equalTo(34.0f))
                .body("highestTemperature", equalTo(43.0f))
                .body("neverAdmitted", contains("RED", "YELLOW"))
                .body("admittedOnlyWithTemperature", contains("NO_PHONE", "UNREADABLE", "PAPER_PASS"))
                .body("futureToleranceSeconds", equalTo(300))
                .body("retentionDays", equalTo(28))
                .body("timeZone", equalTo("Asia/Shanghai"));
    }

    @Test
    void todayCountsTheGatesEntriesAndMine() {
        World w = fixtures.world();
        String volunteer = fixtures.token(w.volunteerA());
        String cadre = fixtures.token(w.cadreA());
        as(volunteer).body(Entries.resident(w.checkpointA1())).post("/api/v1/entries").then().statusCode(201);
        as(volunteer).body(Entries.with(Entries.resident(w.checkpointA1()), "partySize", 3)).post("/api/v1/entries")
                .then().statusCode(201);
        as(cadre).body(Entries.with(Entries.resident(w.checkpointA1()), "temperature", 38.0, "decision", "REFERRED"))
                .post("/api/v1/entries").then().statusCode(201);
        as(volunteer).body(Entries.resident(w.checkpointA2())).post("/api/v1/entries").then().statusCode(201);

        as(volunteer).get("/api/v1/gate/today?checkpointId=" + w.checkpointA1().id).then().statusCode(200)
                .body("checkpointId", equalTo(w.checkpointA1().id.toString()))
                .body("checkpointName", equalTo(w.checkpointA1().name))
                .body("day", notNullValue())
                .body("entries", equalTo(3))
                .body("persons", equalTo(5))
                .body("admitted", equalTo(2))
                .body("referred", equalTo(1))
                .body("refused", equalTo(0))
                .body("fevers", equalTo(1))
                .body("mine", equalTo(2));
        as(cadre).get("/api/v1/gate/today?checkpointId=" + w.checkpointA1().id).then().statusCode(200)
                .body("mine", equalTo(1));
    }

    @Test
    void todayRefusesOtherVillagesMissingIdsAndOfficials() {
        World w = fixtures.world();
        String volunteer = fixtures.token(w.volunteerA());
        as(volunteer).get("/api/v1/gate/today?checkpointId=" + w.checkpointB1().id).then().statusCode(404)
                .contentType("application/problem+json");
        as(volunteer).get("/api/v1/gate/today?checkpointId=" + w.villageA().id).then().statusCode(404);
        as(volunteer).get("/api/v1/gate/today").then().statusCode(400).body("errors[0].field", equalTo("checkpointId"));
        as(volunteer).get("/api/v1/gate/today?checkpointId=nope").then().statusCode(400);
        as(fixtures.token(w.countyOfficial())).get("/api/v1/gate/today?checkpointId=" + w.checkpointA1().id)
                .then().statusCode(403);
        given().get("/api/v1/gate/today?checkpointId=" + w.checkpointA1().id).then().statusCode(401);
        given().get("/api/v1/gate/rule").then().statusCode(401);
    }

    @Test
    void myShiftsNameWhoElseIsOn() {
        World w = fixtures.world();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Shift shift = fixtures.shift(w.checkpointA1(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(5)), 2);
        Account colleague = fixtures.account(Role.VOLUNTEER, w.villageA().id, w.teamA().id);
        fixtures.assignment(shift, w.volunteerA(), null, null, null);
        fixtures.assignment(shift, colleague, now.minus(Duration.ofMinutes(20)), null, null);
        as(fixtures.token(w.volunteerA())).get("/api/v1/me/shifts").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].colleagues", hasSize(1))
                .body("items[0].colleagues[0].name", equalTo(colleague.name))
                .body("items[0].colleagues[0].status", equalTo("ON_DUTY"));
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndADate() {
        for (String path : new String[] {"/", "/js/app.js", "/api/v1/gate/rule", "/no-such-page"}) {
            given().get(path).then()
                    .header("Content-Security-Policy", containsString("default-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Date", notNullValue());
        }
        given().get("/manifest.webmanifest").then().statusCode(200).header("Content-Type", containsString("manifest+json"))
                .body("display", equalTo("standalone"));
    }
}
