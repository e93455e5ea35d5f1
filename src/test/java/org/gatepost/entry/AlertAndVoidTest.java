package org.gatepost.entry;

import static org.gatepost.testing.Api.as;
import static org.gatepost.testing.Entries.resident;
import static org.gatepost.testing.Entries.with;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Alerts for the cadre, and voiding mistaken entries. */
@QuarkusTest
class AlertAndVoidTest {

    @Inject
    Fixtures fixtures;

    World world;
    String volunteer;
    String cadre;

    @BeforeEach
    void makeWorld() {
        world = fixtures.world();
        volunteer = fixtures.token(world.volunteerA());
        cadre = fixtures.token(world.cadreA());
    }

    @Test
    void refusalsAndReferralsForCodesAndFeversRaiseAlerts() {
        record(with(resident(world.checkpointA1()), "healthCode", "RED", "decision", "REFUSED"));
        record(with(resident(world.checkpointA1()), "temperature", 38.2, "decision", "REFERRED"));
        record(with(resident(world.checkpointA2()), "healthCode", "YELLOW", "decision", "REFERRED"));
        record(resident(world.checkpointA2()));
        record(with(resident(world.checkpointA2()), "healthCode", "NO_PHONE", "temperature", null, "decision", "REFUSED"));

        as(cadre).queryParam("status", "OPEN").get("/api/v1/alerts").then().statusCode(200)
                .body("items", hasSize(3))
                .body("items.kind", equalTo(List.of("YELLOW_CODE", "FEVER", "RED_CODE")))
                .body("items[0].placeId", equalTo(world.checkpointA2().id.toString()));
        as(fixtures.token(world.countyOfficial())).queryParam("placeId", world.county().id.toString())
                .queryParam("status", "OPEN").get("/api/v1/alerts").then().statusCode(200).body("items", hasSize(3));
        as(fixtures.token(world.cadreB())).queryParam("status", "OPEN").get("/api/v1/alerts").then().statusCode(200)
                .body("items", hasSize(0));
        as(volunteer).get("/api/v1/alerts").then().statusCode(403);
        as(cadre).queryParam("status", "CLOSED").get("/api/v1/alerts").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void anAdministratorWithoutAHomePlaceSeesEveryAlert() {
        record(with(resident(world.checkpointA1()), "healthCode", "RED", "decision", "REFUSED"));
        as(fixtures.token(world.admin())).queryParam("status", "OPEN").queryParam("limit", 500).get("/api/v1/alerts")
                .then().statusCode(200).body("items.placeId", org.hamcrest.Matchers.hasItem(world.checkpointA1().id.toString()));
    }

    @Test
    void theCadreAcknowledgesAnAlertWithANote() {
        record(with(resident(world.checkpointA1()), "temperature", 38.5, "decision", "REFERRED"));
        String alert = as(cadre).get("/api/v1/alerts").then().extract().path("items[0].id");
        as(fixtures.token(world.cadreB())).body(Map.of("note", "x")).post("/api/v1/alerts/" + alert + "/acknowledge")
                .then().statusCode(404);
        as(fixtures.token(world.countyOfficial())).body(Map.of("note", "x")).post("/api/v1/alerts/" + alert + "/acknowledge")
                .then().statusCode(403);
        as(cadre).body(Map.of("note", "已送衛生院複測")).post("/api/v1/alerts/" + alert + "/acknowledge").then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedBy", equalTo(world.cadreA().id.toString()))
                .body("acknowledgedAt", notNullValue())
                .body("note", equalTo("已送衛生院複測"));
        as(cadre).body(Map.of()).post("/api/v1/alerts/" + alert + "/acknowledge").then().statusCode(409);
        as(cadre).queryParam("status", "OPEN").get("/api/v1/alerts").then().body("items", hasSize(0));
    }

    @Test
    void theCadreVoidsAMistakeWhichLeavesTheCountsButIsKept() {
        Map<String, Object> mistake = with(resident(world.checkpointA1()), "partySize", 4);
        record(mistake);
        record(resident(world.checkpointA1()));
        assertEquals(5L, persons());

        as(cadre).body(Map.of("reason", "重複登記")).post("/api/v1/entries/" + mistake.get("id") + "/void")
                .then().statusCode(200)
                .body("voided", equalTo(true))
                .body("voidedBy", equalTo(world.cadreA().id.toString()))
                .body("voidReason", equalTo("重複登記"))
                .body("voidedAt", notNullValue());
        assertEquals(1L, persons());
        as(cadre).body(Map.of("reason", "again")).post("/api/v1/entries/" + mistake.get("id") + "/void").then().statusCode(409);
        assertEquals(1L, persons());
        as(cadre).get("/api/v1/entries/" + mistake.get("id")).then().statusCode(200).body("voided", equalTo(true));
        // Resending the voided entry does not bring it back.
        as(volunteer).body(mistake).post("/api/v1/entries").then().statusCode(200).body("voided", equalTo(true));
        assertEquals(1L, persons());
    }

    @Test
    void onlyTheVillagesCadreVoidsAndAReasonIsNeeded() {
        Map<String, Object> entry = resident(world.checkpointA1());
        record(entry);
        String path = "/api/v1/entries/" + entry.get("id") + "/void";
        as(volunteer).body(Map.of("reason", "x")).post(path).then().statusCode(403);
        as(fixtures.token(world.countyOfficial())).body(Map.of("reason", "x")).post(path).then().statusCode(403);
        as(fixtures.token(world.cadreB())).body(Map.of("reason", "x")).post(path).then().statusCode(404);
        as(cadre).body(Map.of("reason", " ")).post(path).then().statusCode(400).body("errors[0].field", equalTo("reason"));
        as(cadre).body(Map.of()).post(path).then().statusCode(400);
        assertEquals(1L, persons());
    }

    @Test
    void voidingClosesTheEntrysOpenAlert() {
        Map<String, Object> entry = with(resident(world.checkpointA1()), "healthCode", "RED", "decision", "REFUSED");
        record(entry);
        as(cadre).body(Map.of("reason", "掃錯了人")).post("/api/v1/entries/" + entry.get("id") + "/void").then().statusCode(200);
        as(cadre).queryParam("status", "OPEN").get("/api/v1/alerts").then().body("items", hasSize(0));
        as(cadre).get("/api/v1/alerts").then().body("items[0].status", equalTo("ACKNOWLEDGED"))
                .body("items[0].note", equalTo("Entry voided: 掃錯了人"));
    }

    private void record(Map<String, Object> entry) {
        as(volunteer).body(entry).post("/api/v1/entries").then().statusCode(201);
    }

    private long persons() {
        Object sum = fixtures.sql("SELECT sum(h.persons) FROM entry_hourly_exact h JOIN place c ON c.id = h.checkpoint_id "
                + "WHERE c.parent_id = :village", Map.of("village", world.villageA().id));
        return sum == null ? 0 : ((Number) sum).longValue();
    }
}
