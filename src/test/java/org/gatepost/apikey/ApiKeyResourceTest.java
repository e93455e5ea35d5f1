package org.gatepost.apikey;

import static org.gatepost.testing.Api.anonymous;
import static org.gatepost.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.gatepost.testing.Entries;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Read-only keys for dashboard systems. */
@QuarkusTest
class ApiKeyResourceTest {

    @Inject
    Fixtures fixtures;

    World world;
    String official;

    @BeforeEach
    void makeWorld() {
        world = fixtures.world();
        official = fixtures.token(world.countyOfficial());
    }

    @Test
    void anOfficialCreatesAKeyShownOnceAndStoredHashed() {
        Response created = create(official, world.county().id.toString());
        created.then().statusCode(201).body("key", startsWith("gpk_")).body("name", equalTo("縣疫情大屏"));
        String key = created.path("key");
        String id = created.path("id");
        as(official).get("/api/v1/api-keys").then().statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.find { it.id == '" + id + "' }.key", nullValue());
        Object stored = fixtures.sql("SELECT encode(key_digest, 'hex') FROM api_key WHERE id = CAST(:id AS uuid)", Map.of("id", id));
        assertFalse(stored.toString().contains(key.substring(4)));
        assertEquals(64, stored.toString().length());
    }

    @Test
    void aKeyReadsTheStatisticsOfItsSubtreeOnly() {
        String key = create(official, world.villageA().id.toString()).path("key");
        Map<String, String> range = Map.of("from", "2031-02-01", "to", "2031-02-02");
        as(key).queryParams(range).queryParam("placeId", world.villageA().id.toString()).get("/api/v1/stats/summary")
                .then().statusCode(200).body("entries", equalTo(0));
        as(key).queryParam("placeId", world.checkpointA1().id.toString()).get("/api/v1/stats/coverage").then().statusCode(200);
        as(key).queryParams(range).queryParam("placeId", world.villageB().id.toString()).get("/api/v1/stats/summary")
                .then().statusCode(404);
        as(key).queryParams(range).queryParam("placeId", world.township().id.toString()).get("/api/v1/stats/series")
                .then().statusCode(404);
    }

    @Test
    void aKeyCannotReadOrWriteAnythingElse() {
        String key = create(official, world.county().id.toString()).path("key");
        as(key).get("/api/v1/places/" + world.villageA().id).then().statusCode(403);
        as(key).get("/api/v1/me").then().statusCode(403);
        as(key).queryParam("placeId", world.villageA().id.toString()).get("/api/v1/entries").then().statusCode(403);
        as(key).body(Entries.resident(world.checkpointA1())).post("/api/v1/entries").then().statusCode(403);
        as(key).get("/api/v1/accounts").then().statusCode(403);
        as(key).get("/api/v1/api-keys").then().statusCode(403);
    }

    @Test
    void aRevokedKeyStopsAtOnce() {
        Response created = create(official, world.county().id.toString());
        String key = created.path("key");
        String summary = "/api/v1/stats/summary?placeId=" + world.county().id + "&from=2031-02-01&to=2031-02-02";
        as(key).get(summary).then().statusCode(200);
        as(official).delete("/api/v1/api-keys/" + created.path("id")).then().statusCode(204);
        as(key).get(summary).then().statusCode(401).contentType("application/problem+json");
        as(official).delete("/api/v1/api-keys/" + created.path("id")).then().statusCode(204);
        as(official).get("/api/v1/api-keys").then()
                .body("items.find { it.id == '" + created.path("id") + "' }.revoked", equalTo(true));
    }

    @Test
    void aKeyStopsWhenItsMakersAccountIsDeactivated() {
        org.gatepost.account.Account maker = fixtures.account(org.gatepost.caller.Role.OFFICIAL, world.county().id, null);
        Response created = create(fixtures.token(maker), world.county().id.toString());
        String summary = "/api/v1/stats/summary?placeId=" + world.county().id + "&from=2031-02-01&to=2031-02-02";
        as(created.<String>path("key")).get(summary).then().statusCode(200);
        as(official).get("/api/v1/api-keys/" + created.path("id")).then().statusCode(200).body("key", nullValue());
        as(fixtures.token(world.admin())).body(Map.of("active", false)).patch("/api/v1/accounts/" + maker.id).then().statusCode(200);
        as(created.<String>path("key")).get(summary).then().statusCode(401);
    }

    @Test
    void anExpiredKeyStops() {
        Response created = create(official, world.county().id.toString());
        fixtures.sql("UPDATE api_key SET expires_at = now() - interval '1 second' WHERE id = CAST(:id AS uuid) RETURNING 1",
                Map.of("id", created.path("id")));
        as(created.<String>path("key")).get("/api/v1/stats/summary?placeId=" + world.county().id
                + "&from=2031-02-01&to=2031-02-02").then().statusCode(401);
        as("gpk_not-a-key").get("/api/v1/stats/summary?placeId=" + world.county().id
                + "&from=2031-02-01&to=2031-02-02").then().statusCode(401);
    }

    @Test
    void onlyOfficialsAndAdminsMakeKeysForTheirOwnArea() {
        as(fixtures.token(world.cadreA())).body(body(world.villageA().id.toString())).post("/api/v1/api-keys").then().statusCode(403);
        as(fixtures.token(world.townshipOfficial())).body(body(world.county().id.toString())).post("/api/v1/api-keys")
                .then().statusCode(422).body("errors[0].field", equalTo("placeId"));
        create(fixtures.token(world.admin()), world.county().id.toString()).then().statusCode(201);
        String other = create(official, world.county().id.toString()).path("id");
        as(fixtures.token(world.townshipOfficial())).get("/api/v1/api-keys").then().statusCode(200)
                .body("items.id", not(hasItem(other)));
        as(fixtures.token(world.townshipOfficial())).delete("/api/v1/api-keys/" + other).then().statusCode(404);
        anonymous().get("/api/v1/api-keys").then().statusCode(401);
    }

    @Test
    void aKeyNeedsAFutureExpiryWithinAYear() {
        as(official).body(Map.of("name", "x", "placeId", world.county().id, "expiresAt", OffsetDateTime.now().minusDays(1).toString()))
                .post("/api/v1/api-keys").then().statusCode(422).body("errors[0].field", equalTo("expiresAt"));
        as(official).body(Map.of("name", "x", "placeId", world.county().id, "expiresAt", OffsetDateTime.now().plusYears(2).toString()))
                .post("/api/v1/api-keys").then().statusCode(422);
        as(official).body(Map.of("name", "x", "placeId", world.county().id)).post("/api/v1/api-keys").then().statusCode(400)
                .body("errors[0].field", equalTo("expiresAt"));
    }

    private static Response create(String token, String placeId) {
        return as(token).body(body(placeId)).post("/api/v1/api-keys");
    }

    private static Map<String, Object> body(String placeId) {
        return Map.of("name", "縣疫情大屏", "placeId", placeId, "expiresAt", OffsetDateTime.now().plusDays(90).toString());
    }
}
