package org.gatepost.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** Metrics and API documentation where they are not configured open: nothing to a passer-by. */
@QuarkusTest
@TestProfile(AsInProduction.class)
class OperationsGuardTest {

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
