package org.gatepost.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** With a scraper token configured (as in these tests), metrics go to that scraper only. */
@QuarkusTest
class MetricsAccessTest {

    @Test
    void onlyTheScraperReadsMetrics() {
        given().get("/q/metrics").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().auth().oauth2("test-scraper-tokenX").get("/q/metrics").then().statusCode(401);
        given().header("Authorization", "test-scraper-token").get("/q/metrics").then().statusCode(401);
        given().auth().oauth2("test-scraper-token").get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_"));
    }
}
