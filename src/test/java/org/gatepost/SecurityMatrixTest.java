package org.gatepost;

import static org.gatepost.testing.Api.anonymous;
import static org.gatepost.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.gatepost.account.Account;
import org.gatepost.roster.Shift;
import org.gatepost.testing.Entries;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint against every way a request can lack the right: no token, an expired,
 * tampered or foreign token, a role that may not, and another village's ids. Each answer is
 * a problem, and another village's id never reveals whether it exists.
 */
@QuarkusTest
class SecurityMatrixTest {

    @Inject
    Fixtures fixtures;

    Ctx ctx;

    /**
     * A fresh county, plus a running shift in each village, a finished one of volunteer A's
     * still to check out of, and in each village an entry turned away for a red code, with its alert.
     */
    record Ctx(World w, Shift shiftA, Shift shiftB, Shift shiftToCheckOut, String entryA, String entryB,
               String alertA, String alertB, String townshipKey, String countyKey, String householdA, String householdB) {
    }

    @BeforeEach
    void makeWorld() {
        World world = fixtures.world();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Shift shiftA = fixtures.shift(world.checkpointA1(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(5)), 2);
        Shift shiftB = fixtures.shift(world.checkpointB1(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(5)), 2);
        Shift done = fixtures.shift(world.checkpointA2(), now.minus(Duration.ofHours(8)), now.minus(Duration.ofHours(1)), 2);
        fixtures.assignment(shiftA, world.volunteerA(), null, null, null);
        fixtures.assignment(shiftB, world.volunteerB(), null, null, null);
        fixtures.assignment(done, world.volunteerA(), now.minus(Duration.ofHours(8)), null, null);
        String entryA = redCode(fixtures.token(world.volunteerA()), world.checkpointA1());
        String entryB = redCode(fixtures.token(world.volunteerB()), world.checkpointB1());
        ctx = new Ctx(world, shiftA, shiftB, done, entryA, entryB, alertOf(entryA), alertOf(entryB),
                apiKey(world.townshipOfficial(), world.township().id), apiKey(world.countyOfficial(), world.county().id),
                householdWithPass(world.cadreA(), world.villageA().id), householdWithPass(world.cadreB(), world.villageB().id));
    }

    /**
     * One endpoint: who may call it (cadre A of village A unless said), how, who has the wrong
     * role for it (null: every role may), and the call naming village B's ids with its answer.
     */
    record Endpoint(String name, String method, Function<Ctx, String> path, Function<Ctx, Object> body,
                    Function<Ctx, Account> caller, Function<Ctx, Account> wrongRole,
                    Function<Ctx, String> otherVillagePath, Function<Ctx, Object> otherVillageBody, int otherVillageStatus) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Endpoint asCadre(String name, String method, Function<Ctx, String> path, Function<Ctx, Object> body,
                            Function<Ctx, Account> wrongRole, Function<Ctx, String> otherPath,
                            Function<Ctx, Object> otherBody, int otherStatus) {
        return new Endpoint(name, method, path, body, c -> c.w().cadreA(), wrongRole, otherPath, otherBody, otherStatus);
    }

    static Endpoint asVolunteer(String name, String method, Function<Ctx, String> path, Function<Ctx, Object> body,
                                Function<Ctx, String> otherPath, int otherStatus) {
        return new Endpoint(name, method, path, body, c -> c.w().volunteerA(), c -> c.w().cadreA(), otherPath, body,
                otherStatus);
    }

    static Stream<Endpoint> endpoints() {
        Function<Ctx, Object> none = c -> null;
        Function<Ctx, Account> volunteer = c -> c.w().volunteerA();
        return Stream.of(
                asCadre("GET /places/{id}", "GET", c -> "/api/v1/places/" + c.w().villageA().id, none,
                        null, c -> "/api/v1/places/" + c.w().checkpointB1().id, none, 404),
                asCadre("GET /places?parentId", "GET", c -> "/api/v1/places?parentId=" + c.w().villageA().id, none,
                        null, c -> "/api/v1/places?parentId=" + c.w().villageB().id, none, 404),
                asCadre("POST /places", "POST", c -> "/api/v1/places",
                        c -> Map.of("kind", "CHECKPOINT", "name", "口" + Fixtures.unique(), "parentId", c.w().villageA().id),
                        volunteer, c -> "/api/v1/places",
                        c -> Map.of("kind", "CHECKPOINT", "name", "口" + Fixtures.unique(), "parentId", c.w().villageB().id), 422),
                asCadre("PATCH /places/{id}", "PATCH", c -> "/api/v1/places/" + c.w().checkpointA1().id,
                        c -> Map.of("name", "東口"), volunteer,
                        c -> "/api/v1/places/" + c.w().checkpointB1().id, c -> Map.of("name", "改"), 404),
                asCadre("GET /accounts", "GET", c -> "/api/v1/accounts?placeId=" + c.w().villageA().id, none,
                        volunteer, c -> "/api/v1/accounts?placeId=" + c.w().villageB().id, none, 404),
                asCadre("GET /accounts/{id}", "GET", c -> "/api/v1/accounts/" + c.w().volunteerA().id, none,
                        volunteer, c -> "/api/v1/accounts/" + c.w().volunteerB().id, none, 404),
                asCadre("POST /accounts", "POST", c -> "/api/v1/accounts",
                        c -> newVolunteer(c.w().villageA().id), c -> c.w().countyOfficial(),
                        c -> "/api/v1/accounts", c -> newVolunteer(c.w().villageB().id), 422),
                asCadre("PATCH /accounts/{id}", "PATCH", c -> "/api/v1/accounts/" + c.w().volunteerA().id,
                        c -> Map.of("name", "志願者"), volunteer,
                        c -> "/api/v1/accounts/" + c.w().volunteerB().id, c -> Map.of("name", "改"), 404),
                asCadre("GET /teams", "GET", c -> "/api/v1/teams?placeId=" + c.w().villageA().id, none,
                        null, c -> "/api/v1/teams?placeId=" + c.w().villageB().id, none, 404),
                asCadre("GET /teams/{id}", "GET", c -> "/api/v1/teams/" + c.w().teamA().id, none,
                        null, c -> "/api/v1/teams/" + c.w().teamB().id, none, 404),
                asCadre("POST /teams", "POST", c -> "/api/v1/teams",
                        c -> Map.of("name", "團" + Fixtures.unique(), "villageId", c.w().villageA().id), volunteer,
                        c -> "/api/v1/teams", c -> Map.of("name", "團" + Fixtures.unique(), "villageId", c.w().villageB().id), 422),
                asCadre("PATCH /teams/{id}", "PATCH", c -> "/api/v1/teams/" + c.w().teamA().id,
                        c -> Map.of("name", "西演美麗幫幫團"), volunteer,
                        c -> "/api/v1/teams/" + c.w().teamB().id, c -> Map.of("name", "改"), 404),
                asCadre("GET /me", "GET", c -> "/api/v1/me", none, null, null, none, 0),

                asCadre("GET /villages/{id}/shift-templates", "GET", c -> templates(c.w().villageA().id), none,
                        null, c -> templates(c.w().villageB().id), none, 404),
                asCadre("PUT /villages/{id}/shift-templates", "PUT", c -> templates(c.w().villageA().id), c -> plan(),
                        volunteer, c -> templates(c.w().villageB().id), c -> plan(), 404),
                asCadre("POST /villages/{id}/roster/generate", "POST", c -> generate(c.w().villageA().id), c -> days(),
                        volunteer, c -> generate(c.w().villageB().id), c -> days(), 404),
                asCadre("GET /shifts", "GET", c -> shifts(c.w().villageA().id), none,
                        null, c -> shifts(c.w().villageB().id), none, 404),
                asCadre("GET /shifts/{id}", "GET", c -> "/api/v1/shifts/" + c.shiftA().id, none,
                        null, c -> "/api/v1/shifts/" + c.shiftB().id, none, 404),
                asCadre("POST /shifts", "POST", c -> "/api/v1/shifts", c -> newShift(c.w().checkpointA2().id),
                        volunteer, c -> "/api/v1/shifts", c -> newShift(c.w().checkpointB1().id), 422),
                asCadre("PATCH /shifts/{id}", "PATCH", c -> "/api/v1/shifts/" + c.shiftA().id, c -> Map.of("minStaff", 3),
                        volunteer, c -> "/api/v1/shifts/" + c.shiftB().id, c -> Map.of("minStaff", 0), 404),
                asCadre("DELETE /shifts/{id}", "DELETE", c -> "/api/v1/shifts/" + c.shiftA().id, none,
                        volunteer, c -> "/api/v1/shifts/" + c.shiftB().id, none, 404),
                asCadre("PUT /shifts/{id}/assignments/{volunteerId}", "PUT",
                        c -> assignment(c.shiftA(), c.w().volunteerA()), none, volunteer,
                        c -> assignment(c.shiftB(), c.w().volunteerB()), none, 404),
                asCadre("DELETE /shifts/{id}/assignments/{volunteerId}", "DELETE",
                        c -> assignment(c.shiftA(), c.w().volunteerA()), none, volunteer,
                        c -> assignment(c.shiftB(), c.w().volunteerB()), none, 404),
                asVolunteer("POST /shifts/{id}/check-in", "POST", c -> "/api/v1/shifts/" + c.shiftA().id + "/check-in",
                        none, c -> "/api/v1/shifts/" + c.shiftB().id + "/check-in", 404),
                asVolunteer("POST /shifts/{id}/check-out", "POST",
                        c -> "/api/v1/shifts/" + c.shiftToCheckOut().id + "/check-out", c -> Map.of("handoverNote", "好"),
                        c -> "/api/v1/shifts/" + c.shiftB().id + "/check-out", 404),
                asVolunteer("GET /me/shifts", "GET", c -> "/api/v1/me/shifts", none, null, 0),
                new Endpoint("GET /audit-events", "GET", c -> "/api/v1/audit-events", none, c -> c.w().admin(),
                        c -> c.w().countyOfficial(), null, none, 0),
                new Endpoint("GET /gate/rule", "GET", c -> "/api/v1/gate/rule", none, volunteer, null, null, none, 0),
                new Endpoint("GET /gate/today", "GET", c -> "/api/v1/gate/today?checkpointId=" + c.w().checkpointA1().id,
                        none, volunteer, c -> c.w().countyOfficial(),
                        c -> "/api/v1/gate/today?checkpointId=" + c.w().checkpointB1().id, none, 404),
                new Endpoint("POST /entries", "POST", c -> "/api/v1/entries", c -> Entries.resident(c.w().checkpointA1()),
                        c -> c.w().volunteerA(), c -> c.w().countyOfficial(), c -> "/api/v1/entries",
                        c -> Entries.resident(c.w().checkpointB1()), 422),
                new Endpoint("POST /entries/batch", "POST", c -> "/api/v1/entries/batch",
                        c -> Map.of("entries", List.of(Entries.resident(c.w().checkpointA1()))),
                        c -> c.w().volunteerA(), c -> c.w().countyOfficial(), c -> "/api/v1/entries/batch",
                        c -> Map.of("entries", List.of(Entries.resident(c.w().checkpointB1()))), 200),
                asCadre("GET /entries", "GET", c -> "/api/v1/entries?placeId=" + c.w().villageA().id, none,
                        null, c -> "/api/v1/entries?placeId=" + c.w().villageB().id, none, 404),
                new Endpoint("POST /entries/visitor-search", "POST", c -> "/api/v1/entries/visitor-search",
                        c -> Map.of("visitorPhone", "13812345678"), c -> c.w().cadreA(), c -> c.w().countyOfficial(),
                        c -> "/api/v1/entries/visitor-search",
                        c -> Map.of("visitorPhone", "13812345678", "placeId", c.w().villageB().id), 422),
                asCadre("GET /entries/{id}", "GET", c -> "/api/v1/entries/" + c.entryA(), none,
                        null, c -> "/api/v1/entries/" + c.entryB(), none, 404),
                asCadre("POST /entries/{id}/void", "POST", c -> "/api/v1/entries/" + c.entryA() + "/void",
                        c -> Map.of("reason", "錯"), volunteer, c -> "/api/v1/entries/" + c.entryB() + "/void",
                        c -> Map.of("reason", "錯"), 404),
                asCadre("GET /alerts", "GET", c -> "/api/v1/alerts?status=OPEN", none,
                        volunteer, c -> "/api/v1/alerts?placeId=" + c.w().villageB().id, none, 404),
                asCadre("GET /alerts/events", "GET", c -> "/api/v1/alerts/events?seconds=1", none,
                        volunteer, c -> "/api/v1/alerts/events?seconds=1&placeId=" + c.w().villageB().id, none, 404),
                asCadre("POST /alerts/{id}/acknowledge", "POST", c -> "/api/v1/alerts/" + c.alertA() + "/acknowledge",
                        c -> Map.of("note", "已處理"), volunteer, c -> "/api/v1/alerts/" + c.alertB() + "/acknowledge",
                        c -> Map.of("note", "已處理"), 404),
                asCadre("GET /stats/summary", "GET", c -> range("/api/v1/stats/summary", c.w().villageA().id), none,
                        volunteer, c -> range("/api/v1/stats/summary", c.w().villageB().id), none, 404),
                asCadre("GET /stats/series", "GET", c -> range("/api/v1/stats/series", c.w().villageA().id) + "&bucket=day",
                        none, volunteer, c -> range("/api/v1/stats/series", c.w().villageB().id) + "&bucket=day", none, 404),
                new Endpoint("POST /api-keys", "POST", c -> "/api/v1/api-keys", c -> keyFor(c.w().township().id),
                        c -> c.w().townshipOfficial(), c -> c.w().cadreA(), c -> "/api/v1/api-keys",
                        c -> keyFor(c.w().county().id), 422),
                new Endpoint("GET /api-keys", "GET", c -> "/api/v1/api-keys", none, c -> c.w().townshipOfficial(),
                        c -> c.w().cadreA(), null, none, 0),
                new Endpoint("GET /api-keys/{id}", "GET", c -> "/api/v1/api-keys/" + c.townshipKey(), none,
                        c -> c.w().townshipOfficial(), c -> c.w().cadreA(), c -> "/api/v1/api-keys/" + c.countyKey(), none, 404),
                new Endpoint("DELETE /api-keys/{id}", "DELETE", c -> "/api/v1/api-keys/" + c.townshipKey(), none,
                        c -> c.w().townshipOfficial(), c -> c.w().cadreA(), c -> "/api/v1/api-keys/" + c.countyKey(), none, 404),
                asCadre("GET /stats/coverage", "GET", c -> "/api/v1/stats/coverage?placeId=" + c.w().villageA().id, none,
                        volunteer, c -> "/api/v1/stats/coverage?placeId=" + c.w().villageB().id, none, 404),
                asCadre("GET /stats/understaffed", "GET", c -> range("/api/v1/stats/understaffed", c.w().villageA().id), none,
                        volunteer, c -> range("/api/v1/stats/understaffed", c.w().villageB().id), none, 404),
                asCadre("GET /stats/volunteer-hours", "GET", c -> range("/api/v1/stats/volunteer-hours", c.w().villageA().id),
                        none, volunteer, c -> range("/api/v1/stats/volunteer-hours", c.w().villageB().id), none, 404),

                asCadre("GET /villages/{id}/households", "GET", c -> households(c.w().villageA().id), none,
                        volunteer, c -> households(c.w().villageB().id), none, 404),
                asCadre("POST /villages/{id}/households", "POST", c -> households(c.w().villageA().id), c -> newHousehold(),
                        volunteer, c -> households(c.w().villageB().id), c -> newHousehold(), 404),
                asCadre("GET /households/{id}", "GET", c -> "/api/v1/households/" + c.householdA(), none,
                        volunteer, c -> "/api/v1/households/" + c.householdB(), none, 404),
                asCadre("PATCH /households/{id}", "PATCH", c -> "/api/v1/households/" + c.householdA(),
                        c -> Map.of("head", "李四"), volunteer, c -> "/api/v1/households/" + c.householdB(),
                        c -> Map.of("head", "改"), 404),
                asCadre("DELETE /households/{id}", "DELETE", c -> "/api/v1/households/" + c.householdA(), none,
                        volunteer, c -> "/api/v1/households/" + c.householdB(), none, 404),
                asCadre("POST /households/{id}/pass", "POST", c -> "/api/v1/households/" + c.householdA() + "/pass",
                        c -> Map.of("validDays", 30), volunteer, c -> "/api/v1/households/" + c.householdB() + "/pass",
                        c -> Map.of("validDays", 30), 404),
                asCadre("DELETE /households/{id}/pass", "DELETE", c -> "/api/v1/households/" + c.householdA() + "/pass",
                        none, volunteer, c -> "/api/v1/households/" + c.householdB() + "/pass", none, 404),
                asCadre("GET /villages/{id}/outing-limit", "GET", c -> outingLimit(c.w().villageA().id), none,
                        null, c -> outingLimit(c.w().villageB().id), none, 404),
                asCadre("PUT /villages/{id}/outing-limit", "PUT", c -> outingLimit(c.w().villageA().id),
                        c -> Map.of("outings", 1, "days", 2), volunteer, c -> outingLimit(c.w().villageB().id),
                        c -> Map.of("outings", 1, "days", 2), 404),
                asCadre("DELETE /villages/{id}/outing-limit", "DELETE", c -> outingLimit(c.w().villageA().id), none,
                        volunteer, c -> outingLimit(c.w().villageB().id), none, 404),
                asCadre("GET /villages/{id}/pass-cards", "GET", c -> "/api/v1/villages/" + c.w().villageA().id + "/pass-cards",
                        none, volunteer, c -> "/api/v1/villages/" + c.w().villageB().id + "/pass-cards", none, 404),
                new Endpoint("GET /trust-data", "GET", c -> "/api/v1/trust-data", none, volunteer, null, null, none, 0),
                asCadre("GET /checkpoints/{id}/poster", "GET", c -> poster(c.w().checkpointA1().id), none,
                        volunteer, c -> poster(c.w().checkpointB1().id), none, 404),
                asCadre("POST /checkpoints/{id}/poster", "POST", c -> poster(c.w().checkpointA1().id), none,
                        volunteer, c -> poster(c.w().checkpointB1().id), none, 404));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void theRightCallerSucceeds(Endpoint endpoint) {
        Response response = call(as(fixtures.token(endpoint.caller().apply(ctx))), endpoint);
        assertTrue(response.statusCode() >= 200 && response.statusCode() < 300,
                endpoint + " answered " + response.statusCode() + ": " + response.asString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withoutATokenIs401(Endpoint endpoint) {
        expect(call(anonymous(), endpoint), 401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withAnExpiredTokenIs401(Endpoint endpoint) {
        expect(call(as(fixtures.expiredToken(endpoint.caller().apply(ctx))), endpoint), 401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withATamperedForeignOrMisissuedTokenIs401(Endpoint endpoint) {
        Account caller = endpoint.caller().apply(ctx);
        expect(call(as(fixtures.tamperedToken(caller)), endpoint), 401);
        expect(call(as(fixtures.foreignToken(caller)), endpoint), 401);
        expect(call(as(fixtures.wrongIssuerToken(caller)), endpoint), 401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withTheWrongRoleIs403(Endpoint endpoint) {
        if (endpoint.wrongRole() == null) {
            // Every signed-in role may call it; the scope test below still applies.
            Response response = call(as(fixtures.token(ctx.w().volunteerA())), endpoint);
            assertTrue(response.statusCode() < 300, endpoint + " answered a volunteer " + response.statusCode());
            return;
        }
        expect(call(as(fixtures.token(endpoint.wrongRole().apply(ctx))), endpoint), 403);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withAnotherVillagesIdRevealsNothing(Endpoint endpoint) {
        if (endpoint.otherVillagePath() == null) {
            // Takes no id: it only ever answers about the caller.
            return;
        }
        RequestSpecification request = accepting(as(fixtures.token(endpoint.caller().apply(ctx))), endpoint);
        Object body = endpoint.otherVillageBody().apply(ctx);
        if (body != null) {
            request.body(body);
        }
        Response answer = request.request(endpoint.method(), endpoint.otherVillagePath().apply(ctx));
        expect(answer, endpoint.otherVillageStatus());
        String text = answer.asString();
        assertFalse(text.contains(ctx.w().villageB().name) || text.contains("北口") || text.contains(ctx.w().volunteerB().name),
                "the answer names nothing of village B: " + text);
    }

    private Response call(RequestSpecification request, Endpoint endpoint) {
        accepting(request, endpoint);
        Object body = endpoint.body().apply(ctx);
        if (body != null) {
            request.body(body);
        }
        return request.request(endpoint.method(), endpoint.path().apply(ctx));
    }

    /** A stream of Server-Sent Events is asked for as one; every other endpoint as JSON. */
    private static RequestSpecification accepting(RequestSpecification request, Endpoint endpoint) {
        return !endpoint.name().endsWith("/events") ? request
                : request.accept("text/event-stream");
    }

    private static void expect(Response response, int status) {
        response.then().statusCode(status);
        if (status >= 400) {
            response.then().contentType("application/problem+json");
        }
    }

    private String apiKey(Account official, UUID placeId) {
        return as(fixtures.token(official)).body(keyFor(placeId)).post("/api/v1/api-keys").then().statusCode(201)
                .extract().path("id");
    }

    private static Map<String, Object> keyFor(UUID placeId) {
        return Map.of("name", "大屏", "placeId", placeId, "expiresAt", java.time.OffsetDateTime.now().plusDays(30).toString());
    }

    private static String redCode(String token, org.gatepost.place.Place checkpoint) {
        Map<String, Object> entry = Entries.with(Entries.resident(checkpoint), "healthCode", "RED", "decision", "REFUSED");
        as(token).body(entry).post("/api/v1/entries").then().statusCode(201);
        return (String) entry.get("id");
    }

    private String alertOf(String entryId) {
        return fixtures.sql("SELECT CAST(id AS text) FROM alert WHERE entry_id = CAST(:entry AS uuid)", Map.of("entry", entryId))
                .toString();
    }

    /** A household of the village with a live pass, and an outing limit for the village. */
    private String householdWithPass(Account cadre, UUID villageId) {
        String token = fixtures.token(cadre);
        String id = as(token).body(newHousehold()).post(households(villageId)).then().statusCode(201).extract().path("id");
        as(token).body(Map.of()).post("/api/v1/households/" + id + "/pass").then().statusCode(201);
        as(token).body(Map.of("outings", 1, "days", 2)).put(outingLimit(villageId)).then().statusCode(200);
        return id;
    }

    private static Map<String, Object> newHousehold() {
        return Map.of("label", "戶" + Fixtures.unique(), "head", "王芳", "members", List.of("李偉"), "phone", "13812345678");
    }

    private static String households(UUID village) {
        return "/api/v1/villages/" + village + "/households";
    }

    private static String outingLimit(UUID village) {
        return "/api/v1/villages/" + village + "/outing-limit";
    }

    private static String poster(UUID checkpoint) {
        return "/api/v1/checkpoints/" + checkpoint + "/poster";
    }

    private static Map<String, Object> newVolunteer(UUID villageId) {
        return Map.of("name", "志願者", "phone", Fixtures.phone(), "password", "a-good-password",
                "role", "VOLUNTEER", "placeId", villageId);
    }

    private static Map<String, Object> newShift(UUID checkpointId) {
        return Map.of("checkpointId", checkpointId, "startsAt", "2031-02-12T08:00:00+08:00",
                "endsAt", "2031-02-12T10:00:00+08:00", "minStaff", 1);
    }

    private static List<Map<String, Object>> plan() {
        return List.of(Map.of("name", "全天", "start", "06:00", "end", "22:00", "minStaff", 2));
    }

    private static Map<String, Object> days() {
        return Map.of("from", "2031-03-01", "to", "2031-03-02");
    }

    private static String templates(UUID village) {
        return "/api/v1/villages/" + village + "/shift-templates";
    }

    private static String generate(UUID village) {
        return "/api/v1/villages/" + village + "/roster/generate";
    }

    private static String shifts(UUID place) {
        return "/api/v1/shifts?placeId=" + place + "&from=2020-01-01&to=2020-12-01";
    }

    private static String range(String path, UUID place) {
        return path + "?placeId=" + place + "&from=2020-01-01&to=2020-12-01";
    }

    private static String assignment(Shift shift, Account volunteer) {
        return "/api/v1/shifts/" + shift.id + "/assignments/" + volunteer.id;
    }
}
