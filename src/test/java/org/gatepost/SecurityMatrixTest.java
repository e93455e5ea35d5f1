package org.gatepost;

import static org.gatepost.testing.Api.anonymous;
import static org.gatepost.testing.Api.as;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.gatepost.account.Account;
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

    World world;

    @BeforeEach
    void makeWorld() {
        world = fixtures.world();
    }

    /**
     * One endpoint: how to call it as cadre A of village A, who (if anyone) has the wrong role
     * for it, and the call that names village B's ids with what it must answer.
     */
    record Endpoint(String name, String method, Function<World, String> path, Function<World, Object> body,
                    Function<World, Account> wrongRole, Function<World, String> otherVillagePath,
                    Function<World, Object> otherVillageBody, int otherVillageStatus) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("GET /places/{id}", "GET", w -> "/api/v1/places/" + w.villageA().id, w -> null,
                        null, w -> "/api/v1/places/" + w.checkpointB1().id, w -> null, 404),
                new Endpoint("GET /places?parentId", "GET", w -> "/api/v1/places?parentId=" + w.villageA().id, w -> null,
                        null, w -> "/api/v1/places?parentId=" + w.villageB().id, w -> null, 404),
                new Endpoint("POST /places", "POST", w -> "/api/v1/places",
                        w -> Map.of("kind", "CHECKPOINT", "name", "口" + Fixtures.unique(), "parentId", w.villageA().id),
                        World::volunteerA, w -> "/api/v1/places",
                        w -> Map.of("kind", "CHECKPOINT", "name", "口" + Fixtures.unique(), "parentId", w.villageB().id), 422),
                new Endpoint("PATCH /places/{id}", "PATCH", w -> "/api/v1/places/" + w.checkpointA1().id,
                        w -> Map.of("name", "東口"), World::volunteerA,
                        w -> "/api/v1/places/" + w.checkpointB1().id, w -> Map.of("name", "改"), 404),
                new Endpoint("GET /accounts", "GET", w -> "/api/v1/accounts?placeId=" + w.villageA().id, w -> null,
                        World::volunteerA, w -> "/api/v1/accounts?placeId=" + w.villageB().id, w -> null, 404),
                new Endpoint("GET /accounts/{id}", "GET", w -> "/api/v1/accounts/" + w.volunteerA().id, w -> null,
                        World::volunteerA, w -> "/api/v1/accounts/" + w.volunteerB().id, w -> null, 404),
                new Endpoint("POST /accounts", "POST", w -> "/api/v1/accounts",
                        w -> volunteer(w.villageA().id), World::countyOfficial,
                        w -> "/api/v1/accounts", w -> volunteer(w.villageB().id), 422),
                new Endpoint("PATCH /accounts/{id}", "PATCH", w -> "/api/v1/accounts/" + w.volunteerA().id,
                        w -> Map.of("name", "志願者"), World::volunteerA,
                        w -> "/api/v1/accounts/" + w.volunteerB().id, w -> Map.of("name", "改"), 404),
                new Endpoint("GET /teams", "GET", w -> "/api/v1/teams?placeId=" + w.villageA().id, w -> null,
                        null, w -> "/api/v1/teams?placeId=" + w.villageB().id, w -> null, 404),
                new Endpoint("GET /teams/{id}", "GET", w -> "/api/v1/teams/" + w.teamA().id, w -> null,
                        null, w -> "/api/v1/teams/" + w.teamB().id, w -> null, 404),
                new Endpoint("POST /teams", "POST", w -> "/api/v1/teams",
                        w -> Map.of("name", "團" + Fixtures.unique(), "villageId", w.villageA().id), World::volunteerA,
                        w -> "/api/v1/teams", w -> Map.of("name", "團" + Fixtures.unique(), "villageId", w.villageB().id), 422),
                new Endpoint("PATCH /teams/{id}", "PATCH", w -> "/api/v1/teams/" + w.teamA().id,
                        w -> Map.of("name", "西演美麗幫幫團"), World::volunteerA,
                        w -> "/api/v1/teams/" + w.teamB().id, w -> Map.of("name", "改"), 404),
                new Endpoint("GET /me", "GET", w -> "/api/v1/me", w -> null, null, null, null, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void theRightCallerSucceeds(Endpoint endpoint) {
        int status = call(as(fixtures.token(world.cadreA())), endpoint.method(), endpoint.path().apply(world),
                endpoint.body().apply(world)).statusCode();
        org.junit.jupiter.api.Assertions.assertTrue(status == 200 || status == 201, endpoint + " answered " + status);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withoutATokenIs401(Endpoint endpoint) {
        expect(call(anonymous(), endpoint.method(), endpoint.path().apply(world), endpoint.body().apply(world)), 401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withAnExpiredTokenIs401(Endpoint endpoint) {
        expect(call(as(fixtures.expiredToken(world.cadreA())), endpoint.method(), endpoint.path().apply(world),
                endpoint.body().apply(world)), 401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withATamperedOrForeignTokenIs401(Endpoint endpoint) {
        expect(call(as(fixtures.tamperedToken(world.volunteerA())), endpoint.method(), endpoint.path().apply(world),
                endpoint.body().apply(world)), 401);
        expect(call(as(fixtures.foreignToken(world.volunteerA())), endpoint.method(), endpoint.path().apply(world),
                endpoint.body().apply(world)), 401);
        expect(call(as(fixtures.wrongIssuerToken(world.cadreA())), endpoint.method(), endpoint.path().apply(world),
                endpoint.body().apply(world)), 401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withTheWrongRoleIs403(Endpoint endpoint) {
        if (endpoint.wrongRole() == null) {
            // Every signed-in role may call it; the scope tests below still apply.
            expect(call(as(fixtures.token(world.volunteerA())), endpoint.method(), endpoint.path().apply(world),
                    endpoint.body().apply(world)), 200);
            return;
        }
        expect(call(as(fixtures.token(endpoint.wrongRole().apply(world))), endpoint.method(), endpoint.path().apply(world),
                endpoint.body().apply(world)), 403);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withAnotherVillagesIdRevealsNothing(Endpoint endpoint) {
        if (endpoint.otherVillagePath() == null) {
            // Takes no id: it only ever answers about the caller.
            expect(call(as(fixtures.token(world.cadreB())), "GET", "/api/v1/me", null), 200);
            return;
        }
        Response answer = call(as(fixtures.token(world.cadreA())), endpoint.method(),
                endpoint.otherVillagePath().apply(world), endpoint.otherVillageBody().apply(world));
        expect(answer, endpoint.otherVillageStatus());
        String body = answer.asString();
        org.junit.jupiter.api.Assertions.assertFalse(body.contains(world.villageB().name) || body.contains("北口"),
                "the answer names nothing of village B: " + body);
    }

    private static void expect(Response response, int status) {
        response.then().statusCode(status);
        if (status >= 400) {
            response.then().contentType("application/problem+json");
        }
    }

    private static Response call(RequestSpecification request, String method, String path, Object body) {
        if (body != null) {
            request.body(body);
        }
        return request.request(method, path);
    }

    private static Map<String, Object> volunteer(java.util.UUID villageId) {
        return Map.of("name", "志願者", "phone", Fixtures.phone(), "password", "a-good-password",
                "role", "VOLUNTEER", "placeId", villageId);
    }
}
