package org.gatepost.entry;

import static org.gatepost.testing.Api.as;
import static org.gatepost.testing.Entries.resident;
import static org.gatepost.testing.Entries.with;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The alert stream (Server-Sent Events) that keeps a cadre's open app up to date. */
@QuarkusTest
class AlertStreamTest {

    @Inject
    Fixtures fixtures;

    @TestHTTPResource("/")
    URL base;

    World world;

    @BeforeEach
    void makeWorld() {
        world = fixtures.world();
    }

    @Test
    void aCadreHearsOfAFeverAtTheirGateAndOfItsAcknowledgementAtOnce() throws Exception {
        try (Stream stream = open(fixtures.token(world.cadreA()), "")) {
            stream.awaitEvent("ready");
            Map<String, Object> fever = with(resident(world.checkpointA1()), "temperature", 38.4, "decision", "REFERRED");
            as(fixtures.token(world.volunteerA())).body(fever).post("/api/v1/entries").then().statusCode(201);
            String data = stream.awaitEvent("alerts");
            assertTrue(data.contains("\"villageId\":\"" + world.villageA().id + "\"") && data.contains("\"RAISED\""), data);

            String alert = as(fixtures.token(world.cadreA())).queryParam("status", "OPEN").get("/api/v1/alerts")
                    .then().statusCode(200).extract().path("items[0].id");
            as(fixtures.token(world.cadreA())).body(Map.of("note", "送衛生院")).post("/api/v1/alerts/" + alert + "/acknowledge")
                    .then().statusCode(200);
            assertTrue(stream.awaitEvent("alerts").contains("\"CLOSED\""));
        }
    }

    @Test
    void anotherVillagesAlertsAreNotHeardButATownshipOfficialHearsBoth() throws Exception {
        try (Stream cadreA = open(fixtures.token(world.cadreA()), "");
             Stream official = open(fixtures.token(world.townshipOfficial()), "")) {
            cadreA.awaitEvent("ready");
            official.awaitEvent("ready");
            as(fixtures.token(world.volunteerB())).body(with(resident(world.checkpointB1()), "healthCode", "RED",
                    "decision", "REFUSED")).post("/api/v1/entries").then().statusCode(201);
            assertTrue(official.awaitEvent("alerts").contains(world.villageB().id.toString()));
            as(fixtures.token(world.volunteerA())).body(with(resident(world.checkpointA1()), "healthCode", "YELLOW",
                    "decision", "REFERRED")).post("/api/v1/entries").then().statusCode(201);
            // Village A's cadre hears only of village A's alert: the first one they hear is it.
            assertTrue(cadreA.awaitEvent("alerts").contains(world.villageA().id.toString()));
        }
    }

    @Test
    void theStreamEndsAfterTheSecondsAskedAndRefusesBadCallers() throws Exception {
        try (Stream stream = open(fixtures.token(world.cadreA()), "?seconds=1")) {
            stream.awaitEvent("ready");
            assertTrue(stream.ended.get(10, TimeUnit.SECONDS));
        }
        as(fixtures.token(world.cadreA())).accept("text/event-stream").queryParam("placeId", world.villageB().id.toString())
                .get("/api/v1/alerts/events").then().statusCode(404);
        as(fixtures.token(world.volunteerA())).accept("text/event-stream").get("/api/v1/alerts/events").then().statusCode(403);
        as(fixtures.token(world.cadreA())).accept("text/event-stream").queryParam("seconds", "0")
                .get("/api/v1/alerts/events").then().statusCode(400).body("errors[0].field", equalTo("seconds"));
    }

    /** One open stream, read line by line on another thread. */
    private final class Stream implements AutoCloseable {
        final List<String[]> events = new ArrayList<>();
        final CompletableFuture<Boolean> ended = new CompletableFuture<>();
        final HttpResponse<java.io.InputStream> response;

        Stream(HttpResponse<java.io.InputStream> response) {
            this.response = response;
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    String name = "message";
                    StringBuilder data = new StringBuilder();
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (line.startsWith("event:")) {
                            name = line.substring(6).trim();
                        } else if (line.startsWith("data:")) {
                            data.append(line.substring(5).trim());
                        } else if (line.isEmpty()) {
                            synchronized (events) {
                                events.add(new String[] {name, data.toString()});
                                events.notifyAll();
                            }
                            name = "message";
                            data.setLength(0);
                        }
                    }
                    ended.complete(true);
                } catch (Exception e) {
                    ended.complete(false);
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        /** Waits at most 5 seconds for the next event of this name; answers its data. */
        String awaitEvent(String name) throws InterruptedException {
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            synchronized (events) {
                while (true) {
                    for (int i = 0; i < events.size(); i++) {
                        if (events.get(i)[0].equals(name)) {
                            return events.remove(i)[1];
                        }
                    }
                    long left = until - System.nanoTime();
                    if (left <= 0) {
                        throw new AssertionError("no '" + name + "' event within 5 s; had " + events.stream().map(e -> e[0]).toList());
                    }
                    events.wait(Math.max(1, left / 1_000_000));
                }
            }
        }

        @Override
        public void close() throws Exception {
            response.body().close();
        }
    }

    private Stream open(String token, String query) throws Exception {
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base.toString().replaceAll("/$", "") + "/api/v1/alerts/events" + query))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        return new Stream(response);
    }
}
