package org.gatepost.common;

import static org.gatepost.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.Test;

/**
 * Typed path and query parameters: a value that cannot be read is a 400 problem naming the
 * parameter (never the 404 JAX-RS gives for an unreadable query parameter, never a 500); an
 * empty one counts as absent; required ones say so.
 */
@QuarkusTest
class ParameterConvertersTest {

    @Inject
    Fixtures fixtures;

    @Test
    void unreadableValuesAreRefusedNamingTheParameter() {
        World world = fixtures.world();
        String official = fixtures.token(world.countyOfficial());
        String county = world.county().id.toString();
        refused(as(official).get("/api/v1/places/not-a-uuid"), "id", "must be a UUID");
        refused(as(official).queryParam("placeId", "12").get("/api/v1/accounts"), "placeId", "must be a UUID");
        refused(as(official).queryParam("limit", "1.5").get("/api/v1/accounts"), "limit", "must be a whole number");
        refused(as(official).queryParam("limit", "501").get("/api/v1/accounts"), "limit", Paging.LIMIT_RANGE);
        refused(as(official).queryParam("status", "CLOSED").get("/api/v1/alerts"), "status",
                "must be one of OPEN, ACKNOWLEDGED");
        refused(as(official).queryParam("placeId", county).queryParam("from", "yesterday").queryParam("to", "2020-02-13")
                .get("/api/v1/stats/summary"), "from", "ISO-8601");
        refused(as(official).queryParam("placeId", county).queryParam("from", "1999-12-31").queryParam("to", "2020-02-13")
                .get("/api/v1/stats/summary"), "from", "between 2000 and 2099");
        refused(as(official).queryParam("placeId", county).queryParam("from", "2020-02-12").queryParam("to", "2020-02-13")
                .queryParam("bucket", "week").get("/api/v1/stats/series"), "bucket", "must be one of HOUR, DAY");
        refused(as(official).queryParam("placeId", county).queryParam("from", "2020-02-12").queryParam("to", "2020-02-13")
                .queryParam("format", "xml").get("/api/v1/stats/summary"), "format", "must be one of json, csv");
    }

    @Test
    void requiredParametersSaySoAndEmptyOnesCountAsAbsent() {
        World world = fixtures.world();
        String official = fixtures.token(world.countyOfficial());
        refused(as(official).queryParam("from", "2020-02-12").queryParam("to", "2020-02-13").get("/api/v1/stats/summary"),
                "placeId", "is required");
        refused(as(official).queryParam("placeId", world.county().id.toString()).queryParam("from", "")
                .queryParam("to", "2020-02-13").get("/api/v1/stats/summary"), "from", TimeRange.REQUIRED);
        as(official).queryParam("limit", "").get("/api/v1/accounts").then().statusCode(200);
        as(official).queryParam("bucket", "day").queryParam("placeId", world.county().id.toString())
                .queryParam("from", "2020-02-12").queryParam("to", "2020-02-14").get("/api/v1/stats/series")
                .then().statusCode(200).body("bucket", equalTo("day"));
    }

    private static void refused(io.restassured.response.Response answer, String field, String message) {
        answer.then().statusCode(400).contentType(containsString(Problem.MEDIA_TYPE))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(message));
    }
}
