package org.gatepost.account;

import static org.gatepost.testing.Api.anonymous;
import static org.gatepost.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthResourceTest {

    @Inject
    Fixtures fixtures;

    World world;

    @BeforeEach
    void makeWorld() {
        world = fixtures.world();
    }

    @Test
    void signsInWithPhoneAndPasswordAndGetsASignedToken() {
        Account cadre = world.cadreA();
        Response response = login(cadre.phone, Fixtures.PASSWORD);
        response.then().statusCode(200)
                .body("token", notNullValue())
                .body("account.id", equalTo(cadre.id.toString()))
                .body("account.role", equalTo("CADRE"))
                .body("account.placeId", equalTo(world.villageA().id.toString()));
        OffsetDateTime expiresAt = OffsetDateTime.parse(response.path("expiresAt"));
        Duration left = Duration.between(OffsetDateTime.now(), expiresAt);
        assertTrue(left.compareTo(Duration.ofHours(12)) <= 0 && left.toMinutes() > 0, "expires within 12 hours: " + left);

        String token = response.path("token");
        JsonObject header = part(token, 0);
        JsonObject claims = part(token, 1);
        assertEquals("RS256", header.getString("alg"));
        assertEquals("https://gatepost.local", claims.getString("iss"));
        assertEquals(cadre.id.toString(), claims.getString("sub"));
        assertEquals("CADRE", claims.getJsonArray("groups").getString(0));
        assertEquals(world.villageA().id.toString(), claims.getString("placeId"));
        assertTrue(claims.getLong("exp") - claims.getLong("iat") <= 12 * 3600);

        as(token).get("/api/v1/me").then().statusCode(200)
                .body("id", equalTo(cadre.id.toString()))
                .body("phone", equalTo(cadre.phone));
    }

    @Test
    void storesPasswordsAsBcryptHashes() {
        String phone = Fixtures.phone();
        as(fixtures.token(world.cadreA()))
                .body(Map.of("name", "新志願者", "phone", phone, "password", "secret-pass-1", "role", "VOLUNTEER",
                        "placeId", world.villageA().id))
                .post("/api/v1/accounts").then().statusCode(201);
        login(phone, "secret-pass-1").then().statusCode(200);
        String id = login(phone, "secret-pass-1").path("account.id");
        String hash = fixtures.reload(java.util.UUID.fromString(id)).passwordHash;
        assertTrue(hash.startsWith("$2a$") || hash.startsWith("$2b$") || hash.startsWith("$2y$"), hash);
        assertTrue(!hash.contains("secret-pass-1"));
    }

    @Test
    void wrongPasswordAndUnknownPhoneLookTheSame() {
        Response wrongPassword = login(world.volunteerA().phone, "not-the-password");
        Response unknownPhone = login(Fixtures.phone(), "not-the-password");
        wrongPassword.then().statusCode(401).contentType("application/problem+json");
        unknownPhone.then().statusCode(401).contentType("application/problem+json");
        assertEquals(wrongPassword.path("detail"), unknownPhone.<String>path("detail"));
        assertEquals(wrongPassword.path("title"), unknownPhone.<String>path("title"));
    }

    @Test
    void fiveFailuresWithinTheWindowLockThePhoneWithRetryAfter() {
        Account volunteer = world.volunteerA();
        for (int i = 0; i < 5; i++) {
            login(volunteer.phone, "guess-" + i).then().statusCode(401);
        }
        Response locked = login(volunteer.phone, Fixtures.PASSWORD);
        locked.then().statusCode(429).contentType("application/problem+json");
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
        // Another phone number is not affected.
        login(world.volunteerB().phone, Fixtures.PASSWORD).then().statusCode(200);
    }

    @Test
    void unknownPhoneNumbersAreThrottledAlikeSoTheLimitRevealsNothing() {
        String phone = Fixtures.phone();
        for (int i = 0; i < 5; i++) {
            login(phone, "guess-" + i).then().statusCode(401);
        }
        login(phone, "guess").then().statusCode(429).header("Retry-After", notNullValue());
    }

    @Test
    void aSuccessfulSignInClearsEarlierFailures() {
        Account volunteer = world.volunteerA();
        for (int i = 0; i < 4; i++) {
            login(volunteer.phone, "guess-" + i).then().statusCode(401);
        }
        login(volunteer.phone, Fixtures.PASSWORD).then().statusCode(200);
        for (int i = 0; i < 4; i++) {
            login(volunteer.phone, "guess-" + i).then().statusCode(401);
        }
        login(volunteer.phone, Fixtures.PASSWORD).then().statusCode(200);
    }

    @Test
    void phoneNumbersAreReadWithOrWithoutSeparators() {
        String phone = world.volunteerA().phone;
        String spaced = phone.substring(0, 3) + " " + phone.substring(3, 7) + "-" + phone.substring(7);
        login(spaced, Fixtures.PASSWORD).then().statusCode(200);
    }

    @Test
    void deactivatedAccountCannotSignInAndItsTokensStopAtOnce() {
        Account volunteer = world.volunteerA();
        String token = login(volunteer.phone, Fixtures.PASSWORD).path("token");
        as(token).get("/api/v1/me").then().statusCode(200);

        as(fixtures.token(world.cadreA())).body(Map.of("active", false))
                .patch("/api/v1/accounts/" + volunteer.id).then().statusCode(200).body("active", equalTo(false));

        as(token).get("/api/v1/me").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        login(volunteer.phone, Fixtures.PASSWORD).then().statusCode(401);
    }

    @Test
    void refusesTokensThatAreMissingExpiredTamperedForeignOrFromAnotherIssuer() {
        Account volunteer = world.volunteerA();
        anonymous().get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
        as(fixtures.expiredToken(volunteer)).get("/api/v1/me").then().statusCode(401);
        as(fixtures.tamperedToken(volunteer)).get("/api/v1/me").then().statusCode(401);
        as(fixtures.foreignToken(volunteer)).get("/api/v1/me").then().statusCode(401);
        as(fixtures.wrongIssuerToken(volunteer)).get("/api/v1/me").then().statusCode(401);
        as("not-a-token").get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void badSignInInputIsAProblemNotA500() {
        anonymous().body(Map.of("phone", "13900000000")).post("/api/v1/auth/login")
                .then().statusCode(400).body("errors[0].field", equalTo("password"));
        anonymous().body(Map.of("phone", "call me", "password", "x")).post("/api/v1/auth/login")
                .then().statusCode(400).body("errors[0].field", equalTo("phone"));
        anonymous().body("[1,2]").post("/api/v1/auth/login").then().statusCode(400);
        anonymous().body("{\"phone\":1390,\"password\":{}}").post("/api/v1/auth/login").then().statusCode(400);
    }

    static Response login(String phone, String password) {
        return anonymous().body(Map.of("phone", phone, "password", password)).post("/api/v1/auth/login");
    }

    private static JsonObject part(String token, int index) {
        return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8));
    }
}
