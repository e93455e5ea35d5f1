package org.gatepost.entry;

import static org.gatepost.testing.Api.as;
import static org.gatepost.testing.Entries.with;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.gatepost.testing.Entries;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Entries made from a household's pass: linked, checked against the village, counted exactly as outings. */
@QuarkusTest
class EntryPassTest {

    private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

    @Inject
    Fixtures fixtures;

    @Inject
    DataSource database;

    World w;
    String cadre;
    String volunteer;
    String household;

    @BeforeEach
    void world() {
        w = fixtures.world();
        cadre = fixtures.token(w.cadreA());
        volunteer = fixtures.token(w.volunteerA());
        household = as(cadre).body(Map.of("label", "12-3", "head", "王芳"))
                .post("/api/v1/villages/" + w.villageA().id + "/households").then().statusCode(201).extract().path("id");
        as(cadre).body(Map.of()).post("/api/v1/households/" + household + "/pass").then().statusCode(201);
    }

    @Test
    void anEntryFromAPassIsLinkedAndShownWithIt() {
        Map<String, Object> entry = out(1);
        as(volunteer).body(entry).post("/api/v1/entries").then().statusCode(201)
                .body("pass.householdId", equalTo(household), "pass.serial", equalTo(1));
        as(cadre).get("/api/v1/entries/" + entry.get("id")).then().statusCode(200)
                .body("pass.householdId", equalTo(household), "pass.serial", equalTo(1));
        as(volunteer).body(Entries.resident(w.checkpointA1())).post("/api/v1/entries").then().statusCode(201)
                .body("pass", nullValue());
    }

    @Test
    void aPassOfAnotherVillageOrAnUnknownSerialIsRefusedNamingTheField() {
        String other = as(fixtures.token(w.cadreB())).body(Map.of("label", "1", "head", "李"))
                .post("/api/v1/villages/" + w.villageB().id + "/households").then().statusCode(201).extract().path("id");
        as(fixtures.token(w.cadreB())).body(Map.of()).post("/api/v1/households/" + other + "/pass").then().statusCode(201);
        Map<String, Object> foreign = with(out(1), "pass", Map.of("householdId", other, "serial", 1));
        as(volunteer).body(foreign).post("/api/v1/entries").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("pass.householdId"));
        as(volunteer).body(with(out(1), "pass", Map.of("householdId", java.util.UUID.randomUUID(), "serial", 1)))
                .post("/api/v1/entries").then().statusCode(422).body("errors.field", hasItem("pass.householdId"));
        as(volunteer).body(out(7)).post("/api/v1/entries").then().statusCode(422).body("errors.field", hasItem("pass.serial"));
        as(volunteer).body(with(out(1), "pass", Map.of("householdId", household))).post("/api/v1/entries").then()
                .statusCode(400).body("errors.field", hasItem("pass.serial"));
        // In a batch, only the item with the foreign pass is rejected.
        as(volunteer).body(Map.of("entries", List.of(foreign, out(1)))).post("/api/v1/entries/batch").then().statusCode(200)
                .body("results.status", equalTo(List.of("REJECTED", "CREATED")));
    }

    @Test
    void anEntryFromAPassRevokedMeanwhileIsStillRecordedAndCounted() {
        setLimitSince(LocalDate.now(COUNTY), 2);
        as(cadre).delete("/api/v1/households/" + household + "/pass").then().statusCode(204);
        as(volunteer).body(out(1)).post("/api/v1/entries").then().statusCode(201);
        as(cadre).get("/api/v1/households/" + household).then().body("outingsInPeriod", equalTo(1));
    }

    @Test
    void outingsAreCountedExactlyByWhenTheyHappenedAlsoWhenSentLate() {
        LocalDate today = LocalDate.now(COUNTY);
        // "1 outing per 2 days", set yesterday: this period is yesterday and today.
        setLimitSince(today.minusDays(1), 2);
        Map<String, Object> yesterday = at(out(1), today.minusDays(1));
        Map<String, Object> twoDaysAgo = at(out(1), today.minusDays(2)); // the period before
        Map<String, Object> inward = at(with(out(1), "direction", "IN"), today.minusDays(1));
        Map<String, Object> voided = at(out(1), today.minusDays(1));
        // Sent late, together, as a phone that was offline would.
        as(volunteer).body(Map.of("entries", List.of(yesterday, twoDaysAgo, inward, voided))).post("/api/v1/entries/batch")
                .then().statusCode(200).body("results.status", equalTo(List.of("CREATED", "CREATED", "CREATED", "CREATED")));
        as(cadre).body(Map.of("reason", "錯")).post("/api/v1/entries/" + voided.get("id") + "/void").then().statusCode(200);

        as(cadre).get("/api/v1/households/" + household).then().statusCode(200)
                .body("outingsInPeriod", equalTo(1), "periodStart", equalTo(today.minusDays(1).toString()),
                        "periodEnd", equalTo(today.toString()));
        as(volunteer).get("/api/v1/trust-data").then().statusCode(200)
                .body("households.find { it.householdId == '" + household + "' }.outingsInPeriod", equalTo(1));
        String etag = as(volunteer).get("/api/v1/trust-data").then().extract().header("ETag");
        as(volunteer).body(out(1)).post("/api/v1/entries").then().statusCode(201);
        as(volunteer).header("If-None-Match", etag).get("/api/v1/trust-data").then().statusCode(200)
                .body("households.find { it.householdId == '" + household + "' }.outingsInPeriod", equalTo(2));
    }

    @Test
    void aResendOfAnEntryStoredBeforePassesIsStillADuplicate() throws Exception {
        Map<String, Object> entry = Entries.resident(w.checkpointA1());
        as(volunteer).body(entry).post("/api/v1/entries").then().statusCode(201);
        // As the release before passes stored it: digest version 3, over the fields and the reason code.
        update("UPDATE entry SET content_digest_version = 3, content_hash = decode(?, 'hex') WHERE id = '"
                + entry.get("id") + "'", versionThreeDigest(entry));

        as(volunteer).body(entry).post("/api/v1/entries").then().statusCode(200);
        as(volunteer).body(Map.of("entries", List.of(entry))).post("/api/v1/entries/batch").then().statusCode(200)
                .body("results[0].status", equalTo("DUPLICATE"));
        as(volunteer).body(with(entry, "partySize", 3)).post("/api/v1/entries").then().statusCode(409);
    }

    @Test
    void aResendWithTheSamePassIsADuplicateAndWithAnotherAConflict() {
        Map<String, Object> entry = out(1);
        as(volunteer).body(entry).post("/api/v1/entries").then().statusCode(201);
        as(volunteer).body(entry).post("/api/v1/entries").then().statusCode(200);
        as(cadre).body(Map.of()).post("/api/v1/households/" + household + "/pass").then().statusCode(201);
        as(volunteer).body(with(entry, "pass", Map.of("householdId", household, "serial", 2))).post("/api/v1/entries")
                .then().statusCode(409);
        Map<String, Object> withoutPass = new java.util.HashMap<>(entry);
        withoutPass.remove("pass");
        as(volunteer).body(withoutPass).post("/api/v1/entries").then().statusCode(409);
    }

    private Map<String, Object> out(int serial) {
        return with(Entries.resident(w.checkpointA1()), "direction", "OUT",
                "pass", Map.of("householdId", household, "serial", serial));
    }

    private static Map<String, Object> at(Map<String, Object> entry, LocalDate day) {
        return with(entry, "occurredAt", OffsetDateTime.of(day, LocalTime.NOON, Entries.PHONE).toString());
    }

    private void setLimitSince(LocalDate since, int days) {
        as(cadre).body(Map.of("outings", 1, "days", days)).put("/api/v1/villages/" + w.villageA().id + "/outing-limit")
                .then().statusCode(200);
        try {
            update("UPDATE outing_limit SET since = CAST(? AS date) WHERE village_id = '" + w.villageA().id + "'",
                    since.toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Version 3's digest written out: the fields joined by U+001F, then the reason code; SHA-256. */
    private static String versionThreeDigest(Map<String, Object> entry) throws Exception {
        OffsetDateTime occurred = OffsetDateTime.parse((String) entry.get("occurredAt"));
        String content = String.join("\u001f", (String) entry.get("id"), (String) entry.get("checkpointId"),
                occurred.toInstant().toString(), occurred.getOffset().getId(), "IN", "true", "1", "GREEN", "SCANNED",
                "36.5", "ADMITTED", "null", "null", "null", "null", "null", "null", "null", "null");
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
    }

    private void update(String sql, Object parameter) throws Exception {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            statement.executeUpdate();
        }
    }
}
