package org.gatepost.account;

import static org.gatepost.testing.Api.anonymous;
import static org.gatepost.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

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
    AccountCache accounts;

    private static final AtomicLong CLIENTS = new AtomicLong(System.nanoTime() & 0xffffff);

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
        String client = client();
        Response wrongPassword = login(world.volunteerA().phone, "not-the-password", client);
        Response unknownPhone = login(Fixtures.phone(), "not-the-password", client);
        wrongPassword.then().statusCode(401).contentType("application/problem+json");
        unknownPhone.then().statusCode(401).contentType("application/problem+json");
        assertEquals(wrongPassword.path("detail"), unknownPhone.<String>path("detail"));
        assertEquals(wrongPassword.path("title"), unknownPhone.<String>path("title"));
    }

    @Test
    void fiveFailuresWithinTheWindowLockThePhoneWithRetryAfter() {
        Account volunteer = world.volunteerA();
        String client = client();
        for (int i = 0; i < 5; i++) {
            login(volunteer.phone, "guess-" + i, client).then().statusCode(401);
        }
        Response locked = login(volunteer.phone, Fixtures.PASSWORD, client);
        locked.then().statusCode(429).contentType("application/problem+json");
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
        // Another phone number is not affected.
        login(world.volunteerB().phone, Fixtures.PASSWORD, client).then().statusCode(200);
    }

    @Test
    void unknownPhoneNumbersAreThrottledAlikeSoTheLimitRevealsNothing() {
        String phone = Fixtures.phone();
        String client = client();
        for (int i = 0; i < 5; i++) {
            login(phone, "guess-" + i, client).then().statusCode(401);
        }
        login(phone, "guess", client).then().statusCode(429).header("Retry-After", notNullValue());
    }

    @Test
    void aSuccessfulSignInClearsEarlierFailures() {
        Account volunteer = world.volunteerA();
        String client = client();
        for (int i = 0; i < 4; i++) {
            login(volunteer.phone, "guess-" + i, client).then().statusCode(401);
        }
        login(volunteer.phone, Fixtures.PASSWORD, client).then().statusCode(200);
        for (int i = 0; i < 4; i++) {
            login(volunteer.phone, "guess-" + i, client).then().statusCode(401);
        }
        login(volunteer.phone, Fixtures.PASSWORD, client).then().statusCode(200);
    }

    @Test
    void aStrangerGuessingFromElsewhereNeverLocksTheOwnerOut() {
        Account volunteer = world.volunteerA();
        String stranger = client();
        String owner = client();
        for (int i = 0; i < 5; i++) {
            login(volunteer.phone, "guess-" + i, stranger).then().statusCode(401);
        }
        login(volunteer.phone, Fixtures.PASSWORD, stranger).then().statusCode(429);

        login(volunteer.phone, Fixtures.PASSWORD, owner).then().statusCode(200)
                .body("account.id", equalTo(volunteer.id.toString()));
        // The owner's success forgives only the owner's own failures, not the stranger's.
        login(volunteer.phone, "guess-again", stranger).then().statusCode(429);
    }

    @Test
    void oneClientTryingManyPhoneNumbersIsMadeToWait() {
        String client = client();
        // 30 failures (the default per address) spread so that no phone reaches its own limit of 5.
        for (int phone = 0; phone < 10; phone++) {
            String number = Fixtures.phone();
            for (int i = 0; i < 3; i++) {
                login(number, "guess-" + i, client).then().statusCode(401);
            }
        }
        Response slowed = login(Fixtures.phone(), "guess", client);
        slowed.then().statusCode(429).contentType("application/problem+json")
                .body("detail", containsString("network"));
        long retryAfter = Long.parseLong(slowed.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
        // Not even a right password passes from there, while another client signs in as ever.
        login(world.volunteerA().phone, Fixtures.PASSWORD, client).then().statusCode(429);
        login(world.volunteerA().phone, Fixtures.PASSWORD, client()).then().statusCode(200);
    }

    @Test
    void aPasswordChangeEndsEveryTokenIssuedBeforeIt() {
        Account volunteer = world.volunteerA();
        String before = login(volunteer.phone, Fixtures.PASSWORD).path("token");
        String cadre = fixtures.token(world.cadreA());
        as(before).get("/api/v1/me").then().statusCode(200);

        as(cadre).body(Map.of("password", "a-new-password")).patch("/api/v1/accounts/" + volunteer.id)
                .then().statusCode(200);

        as(before).get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
        login(volunteer.phone, Fixtures.PASSWORD).then().statusCode(401);
        String after = login(volunteer.phone, "a-new-password").path("token");
        as(after).get("/api/v1/me").then().statusCode(200).body("id", equalTo(volunteer.id.toString()));
        // The cadre who made the change keeps working.
        as(cadre).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void aChangeOfRoleOrHomePlaceEndsEveryTokenIssuedBeforeIt() {
        Account official = world.countyOfficial();
        String before = fixtures.token(official);
        as(before).get("/api/v1/me").then().statusCode(200);
        fixtures.sql("UPDATE account SET place_id = :township WHERE id = :id RETURNING 1",
                Map.of("township", world.township().id, "id", official.id));
        heard(official.id);
        as(before).get("/api/v1/me").then().statusCode(401);
        String moved = fixtures.token(fixtures.reload(official.id));
        as(moved).get("/api/v1/me").then().statusCode(200).body("placeId", equalTo(world.township().id.toString()));

        Account cadre = world.cadreB();
        String cadreToken = fixtures.token(cadre);
        fixtures.sql("UPDATE account SET role = 'VOLUNTEER' WHERE id = :id RETURNING 1", Map.of("id", cadre.id));
        heard(cadre.id);
        as(cadreToken).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void otherChangesLeaveTokensValid() {
        Account volunteer = world.volunteerA();
        String token = fixtures.token(volunteer);
        as(fixtures.token(world.cadreA())).body(Map.of("name", "葉澤雲", "teamId", world.teamA().id))
                .patch("/api/v1/accounts/" + volunteer.id).then().statusCode(200);
        as(token).get("/api/v1/me").then().statusCode(200).body("name", equalTo("葉澤雲"));
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

    /** Sign-in from a client behind the (test-trusted) proxy, named in X-Forwarded-For. */
    static Response login(String phone, String password, String client) {
        return anonymous().header("X-Forwarded-For", client).body(Map.of("phone", phone, "password", password))
                .post("/api/v1/auth/login");
    }

    /** A client address of its own for each test, so that failures counted per address never meet. */
    static String client() {
        long n = CLIENTS.incrementAndGet();
        return "10." + (n >> 16 & 0xff) + "." + (n >> 8 & 0xff) + "." + (n & 0xff);
    }

    private static JsonObject part(String token, int index) {
        return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8));
    }

    /**
     * A change made in SQL, not through the API, reaches the cached account by the database's
     * notice, which arrives just after the commit (see AccountCacheTest): wait for it.
     */
    private void heard(java.util.UUID accountId) {
        org.gatepost.testing.OtherInstance.await(() -> accounts.kept(accountId) == null, "the change heard");
    }
}
