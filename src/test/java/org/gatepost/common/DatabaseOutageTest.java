package org.gatepost.common;

import static io.restassured.RestAssured.given;
import static org.gatepost.testing.Api.anonymous;
import static org.gatepost.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** PostgreSQL stops and starts again under the running application. */
@QuarkusTest
@TestProfile(AsInProduction.class)
class DatabaseOutageTest {

    @Inject
    Fixtures fixtures;

    @AfterEach
    void databaseRunsAgain() {
        OutageDatabase.start();
    }

    @Test
    void whileTheDatabaseIsDownTheApiAnswers503AndReadinessIsDownUntilItIsBack() {
        World world = fixtures.world();
        String token = fixtures.token(world.cadreA());
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        as(token).get("/api/v1/places/" + world.villageA().id).then().statusCode(200);

        OutageDatabase.stop();

        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        as(token).get("/api/v1/me").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5").body("status", equalTo(503)).body("title", equalTo("Service unavailable"));
        as(token).get("/api/v1/places/" + world.villageA().id).then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", "5");
        anonymous().body(Map.of("phone", world.volunteerA().phone, "password", Fixtures.PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(503).contentType("application/problem+json");
        given().get("/q/health/live").then().statusCode(200);

        OutageDatabase.start();

        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        as(token).get("/api/v1/places/" + world.villageA().id).then().statusCode(200)
                .body("name", equalTo(world.villageA().name));
        anonymous().body(Map.of("phone", world.volunteerA().phone, "password", Fixtures.PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(200);
    }
}
