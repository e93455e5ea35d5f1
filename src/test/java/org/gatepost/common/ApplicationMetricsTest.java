package org.gatepost.common;

import static io.restassured.RestAssured.given;
import static org.gatepost.testing.Api.anonymous;
import static org.gatepost.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.gatepost.testing.Entries;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.Test;

/**
 * Gatepost's own metrics as a Prometheus scraper reads them at /q/metrics, and the Grafana
 * dashboard in deploy/ that charts them: every expression there names a metric served here.
 */
@QuarkusTest
class ApplicationMetricsTest {

    static final Path DASHBOARD = Path.of("deploy/grafana/gatepost-dashboard.json");
    /** Sign-in and alert metrics: this test makes each of them appear. */
    static final Set<String> OURS = Set.of("gatepost_alerts_open", "gatepost_signin_failures_total",
            "gatepost_signin_throttled_total");
    /** Metrics of the entry ingest path, registered at start-up (entry/IngestMetrics). */
    static final Set<String> INGEST = Set.of("gatepost_entries_total", "gatepost_batch_size_count",
            "gatepost_batch_size_sum", "gatepost_batch_size_max", "gatepost_sync_delay_seconds_count",
            "gatepost_sync_delay_seconds_sum", "gatepost_sync_delay_seconds_max");
    static final Pattern METRIC = Pattern.compile("\\b(?:gatepost|http_server|jvm)_[a-z0-9_]+");
    /** Client addresses of this test's own (TEST-NET-2), so that its failures meet no other test's. */
    static final AtomicInteger CLIENTS = new AtomicInteger();

    @Inject
    Fixtures fixtures;

    @Test
    void failedSignInsAreCountedByReason() {
        World world = fixtures.world();
        String client = client();
        as(fixtures.token(world.cadreB())).body(Map.of("active", false))
                .patch("/api/v1/accounts/" + world.volunteerB().id).then().statusCode(200);
        double bad = value("gatepost_signin_failures_total", "reason", "bad_credentials");
        double deactivated = value("gatepost_signin_failures_total", "reason", "deactivated");

        login(world.volunteerA().phone, "not-the-password", client).then().statusCode(401);
        login(Fixtures.phone(), Fixtures.PASSWORD, client).then().statusCode(401);
        login(world.volunteerB().phone, Fixtures.PASSWORD, client).then().statusCode(401);
        login(world.volunteerA().phone, Fixtures.PASSWORD, client).then().statusCode(200);

        assertEquals(bad + 2, value("gatepost_signin_failures_total", "reason", "bad_credentials"));
        assertEquals(deactivated + 1, value("gatepost_signin_failures_total", "reason", "deactivated"));
    }

    @Test
    void throttledSignInsAreCountedApartFromFailures() {
        String phone = Fixtures.phone();
        String client = client();
        double throttled = value("gatepost_signin_throttled_total", "limit", "phone");
        double bad = value("gatepost_signin_failures_total", "reason", "bad_credentials");

        for (int i = 0; i < 5; i++) {
            login(phone, "guess-" + i, client).then().statusCode(401);
        }
        login(phone, "guess", client).then().statusCode(429);
        login(phone, "guess", client).then().statusCode(429);

        assertEquals(throttled + 2, value("gatepost_signin_throttled_total", "limit", "phone"));
        assertEquals(bad + 5, value("gatepost_signin_failures_total", "reason", "bad_credentials"));
    }

    @Test
    void openAlertsAreCountedByKindUntilAcknowledged() {
        World world = fixtures.world();
        double red = value("gatepost_alerts_open", "kind", "red_code");
        double fever = value("gatepost_alerts_open", "kind", "fever");

        as(fixtures.token(world.volunteerA()))
                .body(Entries.with(Entries.resident(world.checkpointA1()), "healthCode", "RED", "decision", "REFUSED"))
                .post("/api/v1/entries").then().statusCode(201);
        assertEquals(red + 1, value("gatepost_alerts_open", "kind", "red_code"));
        assertEquals(fever, value("gatepost_alerts_open", "kind", "fever"));

        String cadre = fixtures.token(world.cadreA());
        String alert = as(cadre).get("/api/v1/alerts").then().statusCode(200).extract().path("items[0].id");
        as(cadre).body(Map.of("note", "已送衛生院複測")).post("/api/v1/alerts/" + alert + "/acknowledge")
                .then().statusCode(200);
        assertEquals(red, value("gatepost_alerts_open", "kind", "red_code"));
    }

    @Test
    void everyDashboardExpressionNamesAMetricServedHere() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        assertTrue(dashboard.at("/templating/list").findValuesAsText("type").contains("datasource"),
                "the Prometheus data source is chosen on import, not fixed");
        List<String> expressions = dashboard.findValuesAsText("expr");
        assertTrue(expressions.size() >= 10, "the dashboard has its panels: " + expressions);

        given().get("/api/v1/ping").then().statusCode(200);
        Set<String> served = names(scrape());
        Set<String> named = new TreeSet<>();
        expressions.forEach(e -> METRIC.matcher(e).results().forEach(m -> named.add(m.group())));
        List<String> unknown = new ArrayList<>();
        for (String name : named) {
            if (!served.contains(name)) {
                unknown.add(name);
            }
        }
        assertEquals(List.of(), unknown, "named by the dashboard, not served at /q/metrics (served: " + served + ")");
        assertTrue(named.containsAll(OURS), "the dashboard charts " + OURS + "; it names " + named);
        assertTrue(served.containsAll(OURS), "served: " + served);
        assertTrue(named.containsAll(INGEST), "the dashboard charts the ingest metrics too; it names " + named);
        assertTrue(served.containsAll(INGEST), "served: " + served);
    }

    private static Response login(String phone, String password, String client) {
        return anonymous().header("X-Forwarded-For", client).body(Map.of("phone", phone, "password", password))
                .post("/api/v1/auth/login");
    }

    private static String client() {
        return "198.51.100." + CLIENTS.incrementAndGet();
    }

    private static String scrape() {
        return given().auth().oauth2("test-scraper-token").get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the one sample of a metric with this label (0 when there is none yet). */
    private static double value(String metric, String label, String labelValue) {
        Pattern sample = Pattern.compile("^" + metric + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
        Matcher m = sample.matcher(scrape());
        List<Double> found = new ArrayList<>();
        while (m.find()) {
            if (m.group(1).matches("(.*,)?" + label + "=\"" + labelValue + "\"(,.*)?")) {
                found.add(Double.parseDouble(m.group(2)));
            }
        }
        assertTrue(found.size() <= 1, metric + " has one sample for " + label + "=" + labelValue + ": " + found);
        return found.isEmpty() ? 0 : found.get(0);
    }

    private static Set<String> names(String exposition) {
        Set<String> names = new TreeSet<>();
        exposition.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .forEach(l -> names.add(l.split("[{ ]", 2)[0]));
        return names;
    }
}
