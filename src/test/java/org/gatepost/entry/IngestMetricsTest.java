package org.gatepost.entry;

import static io.restassured.RestAssured.given;
import static org.gatepost.testing.Api.as;
import static org.gatepost.testing.Entries.resident;
import static org.gatepost.testing.Entries.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the gates send shows on /q/metrics, as an operator's scraper reads it. */
@QuarkusTest
class IngestMetricsTest {

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
    void entriesAreCountedByOutcomeAndReasonWithBatchSizesAndSyncDelays() {
        String before = scrape();
        Map<String, Object> first = resident(world.checkpointA1());
        as(volunteer).body(first).post("/api/v1/entries").then().statusCode(201);
        as(volunteer).body(first).post("/api/v1/entries").then().statusCode(200);
        as(volunteer).body(with(first, "partySize", 2)).post("/api/v1/entries").then().statusCode(409);
        as(volunteer).body(Map.of("entries", List.of(resident(world.checkpointA2()), first,
                        resident(world.checkpointB1()), Map.of("id", "not an id"))))
                .post("/api/v1/entries/batch").then().statusCode(200);
        String after = scrape();

        assertEquals(2, increase(before, after, entries("created", "none")));
        assertEquals(2, increase(before, after, entries("duplicate", "none")));
        assertEquals(1, increase(before, after, entries("conflict", "conflict")));
        assertEquals(1, increase(before, after, entries("rejected", "rule-broken")));
        assertEquals(1, increase(before, after, entries("rejected", "invalid-input")));
        assertEquals(1, increase(before, after, "gatepost_batch_size_count"));
        assertEquals(4, increase(before, after, "gatepost_batch_size_sum"));
        assertEquals(2, increase(before, after, "gatepost_sync_delay_seconds_count"));
        // the entries happened a minute before they were sent
        assertTrue(increase(before, after, "gatepost_sync_delay_seconds_sum") >= 2 * 59, after);
    }

    private static String entries(String outcome, String reason) {
        return "gatepost_entries_total{outcome=\"" + outcome + "\",reason=\"" + reason + "\"}";
    }

    private static String scrape() {
        return given().auth().oauth2("test-scraper-token").get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double increase(String before, String after, String series) {
        return value(after, series) - value(before, series);
    }

    /** A series' value in the Prometheus text format; a series not yet there is 0. */
    private static double value(String scrape, String series) {
        Matcher line = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
