package org.gatepost.common;

import static io.restassured.RestAssured.given;
import static org.gatepost.testing.Api.as;
import static org.gatepost.testing.Entries.resident;
import static org.gatepost.testing.Entries.with;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JSON is read as written, never guessed at: a repeated key, a number where a name or
 * true/false belongs, a fraction where a count belongs, a quoted number and a broken UTF-16
 * surrogate are each a 400 naming the field, and nothing is stored.
 */
@QuarkusTest
class StrictJsonTest {

    @Inject
    Fixtures fixtures;

    @Inject
    ObjectMapper json;

    World world;
    String volunteer;

    @BeforeEach
    void makeWorld() {
        world = fixtures.world();
        volunteer = fixtures.token(world.volunteerA());
    }

    @Test
    void aRepeatedKeyAtSignInIs400NamingTheKey() {
        String body = "{\"phone\":\"" + world.volunteerA().phone + "\",\"password\":\"" + Fixtures.PASSWORD
                + "\",\"phone\":\"" + world.cadreA().phone + "\"}";
        refused(given().contentType(ContentType.JSON).body(body).post("/api/v1/auth/login"), "phone")
                .body("detail", containsString("more than once"));
    }

    @Test
    void aRepeatedKeyInAnEntryIs400AndNothingIsStored() {
        Map<String, Object> entry = resident(world.checkpointA1());
        String body = text(entry).replaceFirst("\\{", "{\"decision\":\"REFUSED\",");
        refused(as(volunteer).body(body).post("/api/v1/entries"), "decision");
        assertEquals(0L, stored(entry));
    }

    @Test
    void aRepeatedKeyDeepInABatchNamesWhere() {
        String item = text(resident(world.checkpointA1())).replaceFirst("\\{", "{\"partySize\":3,");
        refused(as(volunteer).body("{\"entries\":[" + item + "]}").post("/api/v1/entries/batch"), "entries[0].partySize");
    }

    @Test
    void aNumberIsNotAHealthCodeNorADecision() {
        Map<String, Object> code = with(resident(world.checkpointA1()), "healthCode", 0);
        refused(as(volunteer).body(code).post("/api/v1/entries"), "healthCode");
        Map<String, Object> decision = with(resident(world.checkpointA1()), "decision", 0);
        refused(as(volunteer).body(decision).post("/api/v1/entries"), "decision");
        Map<String, Object> quotedIndex = with(resident(world.checkpointA1()), "healthCode", "0");
        refused(as(volunteer).body(quotedIndex).post("/api/v1/entries"), "healthCode");
        assertEquals(0L, stored(code) + stored(decision) + stored(quotedIndex));
    }

    @Test
    void aNumberIsNotTrueOrFalse() {
        Map<String, Object> entry = with(resident(world.checkpointA1()), "resident", 0);
        refused(as(volunteer).body(entry).post("/api/v1/entries"), "resident");
        assertEquals(0L, stored(entry));

        String cadre = fixtures.token(world.cadreA());
        refused(as(cadre).body("{\"active\":-0}").patch("/api/v1/places/" + world.checkpointA1().id), "active");
        refused(as(cadre).body("{\"active\":\"false\"}").patch("/api/v1/places/" + world.checkpointA1().id), "active");
        assertTrue(fixtures.reloadPlace(world.checkpointA1().id).active, "the gate is still open");
    }

    @Test
    void aFractionIsNotACount() {
        Map<String, Object> entry = with(resident(world.checkpointA1()), "partySize", 1.5);
        refused(as(volunteer).body(entry).post("/api/v1/entries"), "partySize");
        assertEquals(0L, stored(entry));
    }

    @Test
    void aQuotedNumberIsNotANumber() {
        Map<String, Object> entry = with(resident(world.checkpointA1()), "temperature", "36.5");
        refused(as(volunteer).body(entry).post("/api/v1/entries"), "temperature");
        Map<String, Object> count = with(resident(world.checkpointA1()), "partySize", "2");
        refused(as(volunteer).body(count).post("/api/v1/entries"), "partySize");
        assertEquals(0L, stored(entry) + stored(count));
    }

    @Test
    void aWholeNumberIsStillATemperature() {
        Map<String, Object> entry = with(resident(world.checkpointA1()), "temperature", 36);
        as(volunteer).body(entry).post("/api/v1/entries").then().statusCode(201);
        Object stored = fixtures.sql("SELECT temperature FROM entry WHERE id = CAST(:id AS uuid)", Map.of("id", entry.get("id")));
        assertEquals(0, new java.math.BigDecimal("36").compareTo((java.math.BigDecimal) stored));
    }

    @Test
    void aLoneSurrogateIsRefusedNotStoredAsAQuestionMark() {
        Map<String, Object> entry = with(resident(world.checkpointA1()), "note", "x");
        String body = text(entry).replace("\"note\":\"x\"", "\"note\":\"broken \\ud83d here\"");
        refused(as(volunteer).body(body).post("/api/v1/entries"), "note")
                .body("errors[0].message", containsString("UTF-16"));
        assertEquals(0L, stored(entry));

        String cadre = fixtures.token(world.cadreA());
        refused(as(cadre).body("{\"name\":\"\\udc00口\"}").patch("/api/v1/places/" + world.checkpointA1().id), "name");
        assertEquals(world.checkpointA1().name, fixtures.reloadPlace(world.checkpointA1().id).name);
    }

    @Test
    void aWholeSurrogatePairIsKept() {
        Map<String, Object> entry = with(resident(world.checkpointA1()), "note", "x");
        String body = text(entry).replace("\"note\":\"x\"", "\"note\":\"\\ud83c\\udf44 菇城\"");
        as(volunteer).body(body).post("/api/v1/entries").then().statusCode(201).body("note", equalTo("🍄 菇城"));
    }

    @Test
    void inABatchTheLooseItemsAreRejectedEachNamingItsFieldAndTheGoodOnesRecorded() {
        Map<String, Object> good = resident(world.checkpointA1());
        Map<String, Object> codeAsNumber = with(resident(world.checkpointA1()), "healthCode", 0);
        Map<String, Object> residentAsNumber = with(resident(world.checkpointA1()), "resident", 0);
        Map<String, Object> fraction = with(resident(world.checkpointA1()), "partySize", 1.5);
        Map<String, Object> quoted = with(resident(world.checkpointA1()), "temperature", "36.5");
        Map<String, Object> decisionAsNumber = with(resident(world.checkpointA1()), "decision", 0);
        Map<String, Object> alsoGood = resident(world.checkpointA2());
        String surrogate = text(with(resident(world.checkpointA1()), "note", "x")).replace("\"note\":\"x\"", "\"note\":\"\\ud800\"");

        String body = "{\"entries\":[" + String.join(",", text(good), text(codeAsNumber), text(residentAsNumber),
                text(fraction), text(quoted), text(decisionAsNumber), surrogate, text(alsoGood)) + "]}";
        JsonPath answer = as(volunteer).body(body).post("/api/v1/entries/batch").then().statusCode(200).extract().jsonPath();

        assertEquals(List.of("CREATED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "CREATED"),
                answer.getList("results.status"));
        List<String> fields = List.of("healthCode", "resident", "partySize", "temperature", "decision", "note");
        for (int i = 0; i < fields.size(); i++) {
            assertEquals(400, answer.getInt("results[" + (i + 1) + "].problem.status"));
            assertEquals(fields.get(i), answer.getString("results[" + (i + 1) + "].problem.errors[0].field"));
        }
        assertEquals(1L, stored(good));
        assertEquals(1L, stored(alsoGood));
        assertEquals(0L, stored(codeAsNumber) + stored(residentAsNumber) + stored(fraction) + stored(quoted)
                + stored(decisionAsNumber));
        assertNull(answer.get("results[0].problem"));
    }

    private static ValidatableResponse refused(io.restassured.response.Response response, String field) {
        return response.then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:gatepost:problem:invalid-input"))
                .body("title", equalTo("Invalid input"))
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo(field));
    }

    private String text(Map<String, Object> value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long stored(Map<String, Object> entry) {
        return ((Number) fixtures.sql("SELECT count(*) FROM entry WHERE id = CAST(:id AS uuid)", Map.of("id", entry.get("id"))))
                .longValue();
    }
}
