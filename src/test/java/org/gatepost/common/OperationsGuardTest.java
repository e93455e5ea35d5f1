package org.gatepost.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** Metrics and API documentation where they are not configured open: nothing to a passer-by. */
@QuarkusTest
@TestProfile(OperationsGuardTest.Closed.class)
class OperationsGuardTest {

    /** As in production: no scraper token, documentation not public. */
    public static class Closed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gatepost.operations.metrics-token", "", "gatepost.operations.public-api-docs", "false");
        }
    }

    @Test
    void metricsAreNotServedWithoutAScraperToken() {
        given().get("/q/metrics").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("Metrics are not served here: set gatepost.operations.metrics-token for a scraper"));
        given().auth().oauth2("anything").get("/q/metrics").then().statusCode(404);
    }

    @Test
    void apiDocumentationIsNotPublicUnlessConfigured() {
        given().get("/q/openapi").then().statusCode(404).contentType("application/problem+json");
        given().get("/q/openapi?format=json").then().statusCode(404);
        given().get("/q/swagger-ui/").then().statusCode(404);
        given().get("/q/health").then().statusCode(200);
    }
}
