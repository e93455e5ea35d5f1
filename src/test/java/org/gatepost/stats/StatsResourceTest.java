package org.gatepost.stats;

import static org.gatepost.testing.Api.as;
import static org.gatepost.testing.Entries.resident;
import static org.gatepost.testing.Entries.with;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.gatepost.testing.Entries;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard figures, checked against known entries. */
@QuarkusTest
class StatsResourceTest {

    @Inject
    Fixtures fixtures;

    World world;
    LocalDate day;

    @BeforeEach
    void makeWorld() {
        world = fixtures.world();
        day = LocalDate.now(Entries.PHONE).minusDays(3);
    }

    @Test
    void summaryAddsUpTheEntriesBelowAPlace() {
        String a = fixtures.token(world.volunteerA());
        record(a, at(world.checkpointA1(), 9, 0), "partySize", 3);
        record(a, at(world.checkpointA1(), 9, 20), "direction", "OUT");
        record(a, at(world.checkpointA2(), 10, 5), "healthCode", "RED", "decision", "REFUSED");
        record(a, at(world.checkpointA2(), 11, 0), "temperature", 38.0, "decision", "REFERRED");
        record(a, at(world.checkpointA2(), 11, 30), "healthCode", "NO_PHONE", "temperature", 36.8);
        Map<String, Object> voided = at(world.checkpointA1(), 12, 0);
        record(a, voided, "partySize", 5);
        as(fixtures.token(world.cadreA())).body(Map.of("reason", "錯")).post("/api/v1/entries/" + voided.get("id") + "/void")
                .then().statusCode(200);
        record(fixtures.token(world.volunteerB()), at(world.checkpointB1(), 9, 0));

        JsonPath village = summary(world.villageA().id.toString());
        assertEquals(5, village.getInt("entries"));
        assertEquals(7, village.getInt("persons"));
        assertEquals(4, village.getInt("in"));
        assertEquals(1, village.getInt("out"));
        assertEquals(3, village.getInt("admitted"));
        assertEquals(1, village.getInt("refused"));
        assertEquals(1, village.getInt("referred"));
        assertEquals(3, village.getInt("healthCodes.GREEN"));
        assertEquals(1, village.getInt("healthCodes.RED"));
        assertEquals(1, village.getInt("healthCodes.NO_PHONE"));
        assertEquals(0, village.getInt("healthCodes.YELLOW"));
        assertEquals(1, village.getInt("fevers"));
        assertEquals(2, village.getInt("openAlerts"));

        // Part of a day from the hourly counts, whole days from the daily ones: 10:05, 11:00, 11:30 count.
        JsonPath fromTen = as(fixtures.token(world.countyOfficial())).queryParam("placeId", world.villageA().id.toString())
                .queryParam("from", day.atTime(10, 0).atOffset(Entries.PHONE).toString())
                .queryParam("to", day.plusDays(2).toString())
                .get("/api/v1/stats/summary").then().statusCode(200).extract().jsonPath();
        assertEquals(3, fromTen.getInt("entries"));
        assertEquals(1, fromTen.getInt("fevers"));

        JsonPath township = summary(world.township().id.toString());
        assertEquals(6, township.getInt("entries"));
        assertEquals(1, summary(world.checkpointB1().id.toString()).getInt("entries"));
    }

    @Test
    void dayBucketsStartAtTheCountysLocalMidnight() {
        String a = fixtures.token(world.volunteerA());
        // 23:30 and 00:30 local are 15:30 and 16:30 UTC: one UTC day, two county days.
        record(a, at(world.checkpointA1(), 23, 30));
        record(a, with(resident(world.checkpointA1()), "occurredAt", day.plusDays(1).atTime(0, 30).atOffset(Entries.PHONE).toString()));
        JsonPath series = as(fixtures.token(world.countyOfficial())).queryParam("placeId", world.villageA().id.toString())
                .queryParam("from", day.toString()).queryParam("to", day.plusDays(2).toString()).queryParam("bucket", "day")
                .get("/api/v1/stats/series").then().statusCode(200)
                .body("bucket", equalTo("day"))
                .body("series", hasSize(1))
                .extract().jsonPath();
        assertEquals(List.of(1, 1), series.getList("series[0].points.entries"));
        assertEquals(day.atStartOfDay(Entries.PHONE).toOffsetDateTime(),
                OffsetDateTime.parse(series.getString("series[0].points[0].start")));
    }

    @Test
    void hourlySeriesSplitIntoChildrenWithEmptyHoursAsZero() {
        record(fixtures.token(world.volunteerA()), at(world.checkpointA1(), 9, 10));
        record(fixtures.token(world.volunteerA()), at(world.checkpointA2(), 9, 50));
        record(fixtures.token(world.volunteerB()), at(world.checkpointB1(), 11, 0));
        JsonPath series = as(fixtures.token(world.townshipOfficial())).queryParam("placeId", world.township().id.toString())
                .queryParam("from", day.atTime(9, 0).atOffset(Entries.PHONE).toString())
                .queryParam("to", day.atTime(12, 0).atOffset(Entries.PHONE).toString())
                .queryParam("bucket", "hour").queryParam("split", "children")
                .get("/api/v1/stats/series").then().statusCode(200).extract().jsonPath();
        assertEquals(java.util.Set.of(world.villageA().name, world.villageB().name), java.util.Set.copyOf(series.getList("series.name")));
        assertEquals(List.of(2, 0, 0), series.getList("series.find { it.placeId == '" + world.villageA().id + "' }.points.entries"));
        assertEquals(List.of(0, 0, 1), series.getList("series.find { it.placeId == '" + world.villageB().id + "' }.points.entries"));
        as(fixtures.token(world.cadreA())).queryParam("placeId", world.checkpointA1().id.toString())
                .queryParam("from", day.toString()).queryParam("to", day.plusDays(1).toString()).queryParam("split", "children")
                .get("/api/v1/stats/series").then().statusCode(400).body("errors[0].field", equalTo("split"));
    }

    @Test
    void answersCsvForSpreadsheetsWithChineseNames() {
        record(fixtures.token(world.volunteerA()), at(world.checkpointA1(), 9, 10));
        Response csv = as(fixtures.token(world.townshipOfficial())).accept("text/csv")
                .queryParam("placeId", world.township().id.toString())
                .queryParam("from", day.toString()).queryParam("to", day.plusDays(1).toString())
                .queryParam("bucket", "day").queryParam("split", "children")
                .get("/api/v1/stats/series");
        csv.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString(".csv"));
        byte[] bytes = csv.asByteArray();
        assertEquals((byte) 0xEF, bytes[0], "starts with the UTF-8 byte-order mark");
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        String[] lines = text.split("\r\n");
        assertEquals("placeId,name,start,entries,persons,admitted,refused,referred,fevers", lines[0]);
        assertEquals(3, lines.length);
        String villageA = lines[1].contains(world.villageA().name) ? lines[1] : lines[2];
        assertTrue(villageA.startsWith(world.villageA().id + "," + world.villageA().name + ",") && villageA.endsWith(",1,1,1,0,0,0"),
                villageA);

        String summary = as(fixtures.token(world.cadreA())).queryParam("format", "csv")
                .queryParam("placeId", world.villageA().id.toString())
                .queryParam("from", day.toString()).queryParam("to", day.plusDays(1).toString())
                .get("/api/v1/stats/summary").then().statusCode(200).contentType(containsString("text/csv"))
                .extract().asString();
        assertTrue(summary.contains("entries,persons,in,out,admitted,refused,referred,GREEN,YELLOW,RED"), summary);
        for (String path : List.of("/api/v1/stats/coverage", "/api/v1/stats/understaffed", "/api/v1/stats/volunteer-hours")) {
            as(fixtures.token(world.cadreA())).queryParam("format", "csv").queryParam("placeId", world.villageA().id.toString())
                    .queryParam("from", day.toString()).queryParam("to", day.plusDays(1).toString())
                    .get(path).then().statusCode(200).contentType(containsString("text/csv"));
        }
    }

    @Test
    void refusesBadRangesAndBuckets() {
        String official = fixtures.token(world.countyOfficial());
        String place = world.county().id.toString();
        expect400(official, "/api/v1/stats/summary", Map.of("placeId", place, "from", "2031-02-12", "to", "2031-02-11"), "to");
        expect400(official, "/api/v1/stats/summary", Map.of("placeId", place, "from", "2030-01-01", "to", "2031-03-01"), "to");
        expect400(official, "/api/v1/stats/summary", Map.of("placeId", place, "from", "last week", "to", "2031-03-01"), "from");
        expect400(official, "/api/v1/stats/summary", Map.of("placeId", place, "to", "2031-03-01"), "from");
        expect400(official, "/api/v1/stats/series", Map.of("placeId", place, "from", "2031-02-01", "to", "2031-02-02",
                "bucket", "week"), "bucket");
        expect400(official, "/api/v1/stats/series", Map.of("placeId", place, "from", "2031-01-01", "to", "2031-03-01",
                "bucket", "hour"), "bucket");
        expect400(official, "/api/v1/stats/summary", Map.of("placeId", place, "from", "2031-02-01", "to", "2031-02-02",
                "format", "xlsx"), "format");
    }

    @Test
    void statisticsStayInTheCallersArea() {
        Map<String, String> range = Map.of("from", day.toString(), "to", day.plusDays(1).toString());
        as(fixtures.token(world.cadreB())).queryParams(range).queryParam("placeId", world.villageA().id.toString())
                .get("/api/v1/stats/summary").then().statusCode(404);
        as(fixtures.token(world.townshipOfficial())).queryParams(range).queryParam("placeId", world.county().id.toString())
                .get("/api/v1/stats/series").then().statusCode(404);
        as(fixtures.token(world.volunteerA())).queryParams(range).queryParam("placeId", world.villageA().id.toString())
                .get("/api/v1/stats/summary").then().statusCode(403);
    }

    private Map<String, Object> at(org.gatepost.place.Place checkpoint, int hour, int minute) {
        return with(resident(checkpoint), "occurredAt", day.atTime(hour, minute).atOffset(Entries.PHONE).toString());
    }

    private static void record(String token, Map<String, Object> entry, Object... changes) {
        as(token).body(with(entry, changes)).post("/api/v1/entries").then().statusCode(201);
    }

    private JsonPath summary(String placeId) {
        return as(fixtures.token(world.countyOfficial())).queryParam("placeId", placeId)
                .queryParam("from", day.toString()).queryParam("to", day.plusDays(1).toString())
                .get("/api/v1/stats/summary").then().statusCode(200)
                .body("placeId", equalTo(placeId))
                .extract().jsonPath();
    }

    private static void expect400(String token, String path, Map<String, String> query, String field) {
        as(token).queryParams(query).get(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }
}
