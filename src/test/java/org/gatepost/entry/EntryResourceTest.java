package org.gatepost.entry;

import static org.gatepost.testing.Api.as;
import static org.gatepost.testing.Entries.resident;
import static org.gatepost.testing.Entries.visitor;
import static org.gatepost.testing.Entries.with;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.gatepost.roster.Shift;
import org.gatepost.testing.Entries;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recording at the gate: one entry, retries, the rule, the log. */
@QuarkusTest
class EntryResourceTest {

    @Inject
    Fixtures fixtures;

    World world;
    String volunteer;

    @BeforeEach
    void makeWorld() {
        world = fixtures.world();
        volunteer = fixtures.token(world.volunteerA());
    }

    @Test
    void recordsAnEntryWithWhoAndWhen() {
        Map<String, Object> entry = with(resident(world.checkpointA1()), "temperature", 36.55, "partySize", 3,
                "direction", "OUT", "reason", "買菜");
        Response created = as(volunteer).body(entry).post("/api/v1/entries");
        created.then().statusCode(201)
                .header("Location", containsString("/api/v1/entries/" + entry.get("id")))
                .body("id", equalTo(entry.get("id")))
                .body("occurredAt", equalTo(entry.get("occurredAt")))
                .body("receivedAt", notNullValue())
                .body("recordedBy", equalTo(world.volunteerA().id.toString()))
                .body("temperature", equalTo(36.6f))
                .body("fever", equalTo(false))
                .body("partySize", equalTo(3))
                .body("direction", equalTo("OUT"))
                .body("voided", equalTo(false));
        as(fixtures.token(world.cadreA())).get("/api/v1/entries/" + entry.get("id")).then().statusCode(200)
                .body("reason", equalTo("買菜"));
        assertEquals(1L, count("SELECT count(*) FROM entry WHERE id = CAST(:id AS uuid)", entry.get("id")));
    }

    @Test
    void anEntryItsCountsAndItsAlertCarryTheCountyOfTheirGate() {
        Map<String, Object> entry = with(resident(world.checkpointA1()), "healthCode", "RED", "decision", "REFUSED");
        as(volunteer).body(entry).post("/api/v1/entries").then().statusCode(201);
        String county = world.county().id.toString();
        Map<String, Object> id = Map.of("id", entry.get("id"));
        assertEquals(county, fixtures.sql("SELECT CAST(county_id AS text) FROM entry WHERE id = CAST(:id AS uuid)", id));
        assertEquals(county, fixtures.sql("SELECT CAST(county_id AS text) FROM alert WHERE entry_id = CAST(:id AS uuid)", id));
        fixtures.foldEntries();
        for (String counts : List.of("entry_hourly", "entry_daily")) {
            assertEquals(county, fixtures.sql("SELECT string_agg(DISTINCT CAST(county_id AS text), ',') FROM " + counts
                    + " WHERE checkpoint_id = CAST(:id AS uuid)", Map.of("id", world.checkpointA1().id.toString())), counts);
        }
    }

    @Test
    void anIdAlreadyRecordedInAnotherCountyIsAConflictNotASecondEntry() {
        Map<String, Object> entry = resident(world.checkpointA1());
        as(volunteer).body(entry).post("/api/v1/entries").then().statusCode(201);
        World elsewhere = fixtures.world();
        Map<String, Object> reused = with(resident(elsewhere.checkpointA1()), "id", entry.get("id"));
        as(fixtures.token(elsewhere.volunteerA())).body(reused).post("/api/v1/entries").then().statusCode(409)
                .body("type", equalTo("urn:gatepost:problem:conflict"));
        assertEquals(1L, count("SELECT count(*) FROM entry WHERE id = CAST(:id AS uuid)", entry.get("id")));
    }

    @Test
    void theSameEntryAgainIsRecognisedAndStoredOnce() {
        Map<String, Object> entry = resident(world.checkpointA1());
        as(volunteer).body(entry).post("/api/v1/entries").then().statusCode(201);
        as(volunteer).body(entry).post("/api/v1/entries").then().statusCode(200).body("id", equalTo(entry.get("id")));
        // The same moment written another way is the same entry.
        OffsetDateTime at = OffsetDateTime.parse((String) entry.get("occurredAt"));
        as(volunteer).body(with(entry, "occurredAt", at.withNano(0).toString().replace("+08:00", ".000+08:00"), "temperature", 36.50))
                .post("/api/v1/entries").then().statusCode(200);
        assertEquals(1L, count("SELECT count(*) FROM entry WHERE id = CAST(:id AS uuid)", entry.get("id")));
        assertEquals(1L, count("SELECT sum(entries) FROM entry_hourly_exact WHERE checkpoint_id = CAST(:id AS uuid)",
                world.checkpointA1().id.toString()));
    }

    @Test
    void theSameIdWithOtherContentIsAConflict() {
        Map<String, Object> entry = resident(world.checkpointA1());
        as(volunteer).body(entry).post("/api/v1/entries").then().statusCode(201);
        as(volunteer).body(with(entry, "temperature", 36.9)).post("/api/v1/entries").then().statusCode(409)
                .contentType("application/problem+json");
        as(fixtures.token(world.cadreA())).get("/api/v1/entries/" + entry.get("id")).then().body("temperature", equalTo(36.5f));
    }

    @Test
    void concurrentRetriesOfOneEntryCreateItOnce() throws Exception {
        Map<String, Object> entry = resident(world.checkpointA2());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<Integer> call = () -> {
                    start.await();
                    return as(volunteer).body(entry).post("/api/v1/entries").statusCode();
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(7, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1L, count("SELECT count(*) FROM entry WHERE checkpoint_id = CAST(:id AS uuid)", world.checkpointA2().id.toString()));
        assertEquals(1L, count("SELECT sum(entries) FROM entry_hourly_exact WHERE checkpoint_id = CAST(:id AS uuid)",
                world.checkpointA2().id.toString()));
    }

    @Test
    void theRuleAtTheGateIsEnforcedNamingTheRule() {
        Map<String, Object> base = resident(world.checkpointA1());
        expectRule(with(base, "healthCode", "RED"), "decision", "RED");
        expectRule(with(base, "healthCode", "YELLOW"), "decision", "YELLOW");
        expectRule(with(base, "temperature", 37.3), "decision", "fever");
        expectRule(with(base, "healthCode", "NO_PHONE", "temperature", null), "temperature", "NO_PHONE");
        expectRule(with(base, "temperature", 44.0, "decision", "REFERRED"), "temperature", "implausible");
        expectRule(with(base, "occurredAt", OffsetDateTime.now(Entries.PHONE).plusMinutes(10).toString()), "occurredAt", "future");
        expectRule(with(base, "occurredAt", OffsetDateTime.now(Entries.PHONE).minusDays(29).toString()), "occurredAt", "retention");
        expectRule(with(visitor(world.checkpointA1()), "visitor", Map.of("purpose", "探親")), "visitor.origin", "comes from");
        assertEquals(0L, count("SELECT count(*) FROM entry WHERE checkpoint_id = CAST(:id AS uuid)", world.checkpointA1().id.toString()));
        as(volunteer).body(with(base, "healthCode", "PAPER_PASS", "temperature", 36.8)).post("/api/v1/entries").then().statusCode(201);
        as(volunteer).body(with(resident(world.checkpointA1()), "healthCode", "RED", "decision", "REFUSED"))
                .post("/api/v1/entries").then().statusCode(201);
    }

    @Test
    void unreadableInputIsA400NamingTheField() {
        Map<String, Object> base = resident(world.checkpointA1());
        expectInvalid(with(base, "partySize", 0), "partySize");
        expectInvalid(with(base, "partySize", 21), "partySize");
        expectInvalid(with(base, "healthCode", "BLUE"), "healthCode");
        expectInvalid(with(base, "temperature", "hot"), "temperature");
        expectInvalid(with(base, "occurredAt", "yesterday"), "occurredAt");
        expectInvalid(with(base, "id", "phone-1"), "id");
        expectInvalid(with(base, "colour", "green"), "colour");
        expectInvalid(with(base, "decision", null), "decision");
        expectInvalid(with(base, "temperature", new java.math.BigDecimal("1e100000000")), "temperature");
        expectInvalid(with(base, "temperature", 370), "temperature");
        expectInvalid(with(base, "note", "a\u0000b"), "note");
        expectInvalid(with(base, "reason", "\u001f"), "reason");
        as(volunteer).body("{\"id\":").post("/api/v1/entries").then().statusCode(400);
        as(volunteer).contentType("text/plain").body("entry").post("/api/v1/entries").then().statusCode(415);
    }

    @Test
    void recordsOnlyAtTheGatesOfOwnVillage() {
        as(volunteer).body(resident(world.checkpointB1())).post("/api/v1/entries").then().statusCode(422)
                .body("errors[0].field", equalTo("checkpointId"))
                .body("detail", containsString("no such checkpoint in your village"));
        as(volunteer).body(with(resident(world.checkpointA1()), "checkpointId", UUID.randomUUID().toString()))
                .post("/api/v1/entries").then().statusCode(422).body("errors[0].field", equalTo("checkpointId"));
        as(volunteer).body(with(resident(world.checkpointA1()), "checkpointId", world.villageA().id.toString()))
                .post("/api/v1/entries").then().statusCode(422);
        as(fixtures.token(world.countyOfficial())).body(resident(world.checkpointA1())).post("/api/v1/entries")
                .then().statusCode(403);
        as(fixtures.token(world.cadreA())).body(resident(world.checkpointA1())).post("/api/v1/entries").then().statusCode(201);
        as(fixtures.token(world.admin())).body(resident(world.checkpointA1())).post("/api/v1/entries").then().statusCode(403);
    }

    @Test
    void aClosedCheckpointTakesNoEntries() {
        as(fixtures.token(world.cadreA())).body(Map.of("active", false)).patch("/api/v1/places/" + world.checkpointA2().id)
                .then().statusCode(200);
        as(volunteer).body(resident(world.checkpointA2())).post("/api/v1/entries").then().statusCode(422)
                .body("detail", containsString("closed"));
    }

    @Test
    void entriesAreTiedToTheShiftTheRecorderWasCheckedInTo() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Shift shift = fixtures.shift(world.checkpointA1(), now.minus(Duration.ofHours(2)), now.plus(Duration.ofHours(4)), 2);
        fixtures.assignment(shift, world.volunteerA(), now.minus(Duration.ofHours(2)), null, null);
        as(volunteer).body(resident(world.checkpointA1())).post("/api/v1/entries").then().statusCode(201)
                .body("shiftId", equalTo(shift.id.toString()));
        String colleague = fixtures.token(fixtures.account(org.gatepost.caller.Role.VOLUNTEER, world.villageA().id, null));
        as(colleague).body(resident(world.checkpointA1())).post("/api/v1/entries").then().statusCode(201)
                .body("shiftId", nullValue());
    }

    @Test
    void visitorsPhonesAreNeverKeptOrShownWhole() {
        Map<String, Object> entry = visitor(world.checkpointA1());
        as(volunteer).body(entry).post("/api/v1/entries").then().statusCode(201)
                .body("visitor.phone", equalTo("*** 5678"))
                .body("visitor.name", equalTo("王建國"))
                .body("visitor.origin", equalTo("松源街道"));
        Object[] stored = (Object[]) fixtures.rows("SELECT visitor_phone_last4, visitor_phone_hash IS NOT NULL, row_to_json(e)::text "
                + "FROM entry e WHERE id = CAST(:id AS uuid)", Map.of("id", entry.get("id"))).get(0);
        assertEquals("5678", stored[0]);
        assertEquals(true, stored[1]);
        assertFalse(((String) stored[2]).contains("13812345678"), "the whole number is nowhere in the row");
    }

    @Test
    void officialsSeeCountsNotVisitorsPersonalDetails() {
        Map<String, Object> entry = visitor(world.checkpointA1());
        as(volunteer).body(entry).post("/api/v1/entries").then().statusCode(201);
        as(fixtures.token(world.countyOfficial())).get("/api/v1/entries/" + entry.get("id")).then().statusCode(200)
                .body("resident", equalTo(false))
                .body("visitor", nullValue());
        as(fixtures.token(world.cadreB())).get("/api/v1/entries/" + entry.get("id")).then().statusCode(404);
    }

    @Test
    void findsARepeatVisitorByPhone() {
        as(volunteer).body(visitor(world.checkpointA1())).post("/api/v1/entries").then().statusCode(201);
        as(volunteer).body(visitor(world.checkpointA2())).post("/api/v1/entries").then().statusCode(201);
        as(volunteer).body(resident(world.checkpointA2())).post("/api/v1/entries").then().statusCode(201);
        as(fixtures.token(world.cadreA())).body(Map.of("visitorPhone", "138-1234-5678"))
                .post("/api/v1/entries/visitor-search").then().statusCode(200)
                .body("items", hasSize(2));
        as(volunteer).body(Map.of("visitorPhone", "+86 13812345678", "placeId", world.checkpointA2().id))
                .post("/api/v1/entries/visitor-search").then().statusCode(200)
                .body("items", hasSize(1));
    }

    @Test
    void aPhoneNumberNeverTravelsInAUrl() {
        as(fixtures.token(world.cadreA())).queryParam("placeId", world.villageA().id.toString())
                .queryParam("visitorPhone", "138-1234-5678").get("/api/v1/entries").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("visitorPhone"));
    }

    @Test
    void onlyTheVisitorsOwnVillageFollowsARepeatVisitor() {
        as(volunteer).body(visitor(world.checkpointA1())).post("/api/v1/entries").then().statusCode(201);
        Map<String, Object> search = Map.of("visitorPhone", "13812345678", "placeId", world.villageA().id);
        as(fixtures.token(world.countyOfficial())).body(search).post("/api/v1/entries/visitor-search").then().statusCode(403);
        as(fixtures.token(world.townshipOfficial())).body(search).post("/api/v1/entries/visitor-search").then().statusCode(403);
        as(fixtures.token(world.cadreB())).body(search).post("/api/v1/entries/visitor-search").then().statusCode(422)
                .body("errors[0].field", equalTo("placeId"));
        as(fixtures.token(world.admin())).body(Map.of("visitorPhone", "13812345678")).post("/api/v1/entries/visitor-search")
                .then().statusCode(400).body("errors[0].field", equalTo("placeId"));
        as(fixtures.token(world.admin())).body(search).post("/api/v1/entries/visitor-search").then().statusCode(200)
                .body("items", hasSize(1));
    }

    @Test
    void theFreeTextReasonIsTheVillagesAndTheCodedReasonEveryones() {
        Map<String, Object> entry = with(resident(world.checkpointA1()), "temperature", 38.2, "decision", "REFERRED",
                "reason", "陳大伯，發燒，送衛生室");
        as(volunteer).body(entry).post("/api/v1/entries").then().statusCode(201)
                .body("reasonCode", equalTo("FEVER")).body("reason", equalTo("陳大伯，發燒，送衛生室"));
        as(fixtures.token(world.cadreA())).get("/api/v1/entries/" + entry.get("id")).then().statusCode(200)
                .body("reasonCode", equalTo("FEVER")).body("reason", equalTo("陳大伯，發燒，送衛生室"));
        as(fixtures.token(world.countyOfficial())).get("/api/v1/entries/" + entry.get("id")).then().statusCode(200)
                .body("reasonCode", equalTo("FEVER")).body("reason", nullValue());
        Map<String, Object> coded = with(resident(world.checkpointA1()), "decision", "REFUSED", "reasonCode", "NOT_REGISTERED");
        as(volunteer).body(coded).post("/api/v1/entries").then().statusCode(201).body("reasonCode", equalTo("NOT_REGISTERED"));
        as(volunteer).body(with(resident(world.checkpointA1()), "reasonCode", "OTHER")).post("/api/v1/entries")
                .then().statusCode(422).body("errors[0].field", equalTo("reasonCode"));
        as(volunteer).body(with(resident(world.checkpointA1()), "decision", "REFUSED", "reasonCode", "BORED"))
                .post("/api/v1/entries").then().statusCode(400);
    }

    @Test
    void listsNewestFirstWithAKeysetCursor() {
        OffsetDateTime start = OffsetDateTime.now(Entries.PHONE).truncatedTo(ChronoUnit.SECONDS).minusHours(3);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Map<String, Object> entry = with(resident(world.checkpointA1()), "occurredAt", start.plusMinutes(i * 10L).toString());
            ids.add(0, (String) entry.get("id"));
            as(volunteer).body(entry).post("/api/v1/entries").then().statusCode(201);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(fixtures.token(world.townshipOfficial())).queryParam("placeId", world.township().id.toString())
                    .queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/entries");
            page.then().statusCode(200);
            seen.addAll(page.jsonPath().getList("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(ids, seen);
        String forged = java.util.Base64.getUrlEncoder().encodeToString(("yesterday\n" + UUID.randomUUID()).getBytes());
        as(volunteer).queryParam("placeId", world.villageA().id.toString()).queryParam("cursor", forged)
                .get("/api/v1/entries").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        as(volunteer).queryParam("placeId", world.villageA().id.toString()).queryParam("from", "+300000-01-01T00:00:00Z")
                .get("/api/v1/entries").then().statusCode(400).body("errors[0].field", equalTo("from"));
        as(volunteer).queryParam("placeId", world.villageA().id.toString())
                .queryParam("from", start.plusMinutes(15).toString()).queryParam("to", start.plusMinutes(45).toString())
                .get("/api/v1/entries").then().statusCode(200).body("items", hasSize(3));
        as(volunteer).queryParam("placeId", world.villageB().id.toString()).get("/api/v1/entries").then().statusCode(404);
        as(volunteer).queryParam("placeId", world.villageA().id.toString()).queryParam("from", start.toString())
                .queryParam("to", start.minusHours(1).toString()).get("/api/v1/entries").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
    }

    @Test
    void filtersTheLogByDecisionAndHealthCode() {
        String cadre = fixtures.token(world.cadreA());
        as(volunteer).body(resident(world.checkpointA1())).post("/api/v1/entries").then().statusCode(201);
        as(volunteer).body(with(resident(world.checkpointA1()), "healthCode", "RED", "decision", "REFUSED"))
                .post("/api/v1/entries").then().statusCode(201);
        as(volunteer).body(with(resident(world.checkpointA2()), "healthCode", "YELLOW", "decision", "REFERRED"))
                .post("/api/v1/entries").then().statusCode(201);
        String village = world.villageA().id.toString();
        as(cadre).queryParam("placeId", village).queryParam("decision", "REFUSED").get("/api/v1/entries").then()
                .statusCode(200).body("items.healthCode", equalTo(List.of("RED")));
        as(cadre).queryParam("placeId", village).queryParam("healthCode", "YELLOW").get("/api/v1/entries").then()
                .statusCode(200).body("items.decision", equalTo(List.of("REFERRED")));
        as(cadre).queryParam("placeId", world.checkpointA1().id.toString()).queryParam("healthCode", "GREEN")
                .queryParam("decision", "ADMITTED").get("/api/v1/entries").then().statusCode(200).body("items", hasSize(1));
        as(cadre).queryParam("placeId", village).queryParam("decision", "MAYBE").get("/api/v1/entries").then()
                .statusCode(400).body("errors[0].field", equalTo("decision"));
    }

    private void expectRule(Map<String, Object> entry, String field, String words) {
        as(volunteer).body(entry).post("/api/v1/entries").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("detail", containsString(words));
    }

    private void expectInvalid(Map<String, Object> entry, String field) {
        as(volunteer).body(entry).post("/api/v1/entries").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }

    private long count(String sql, Object id) {
        Object result = fixtures.sql(sql, Map.of("id", id));
        return result == null ? 0 : ((Number) result).longValue();
    }
}
