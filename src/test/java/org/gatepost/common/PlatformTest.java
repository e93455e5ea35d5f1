package org.gatepost.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** What operators and integrators rely on besides the API: its description, health, metrics and the landing page. */
@QuarkusTest
class PlatformTest {

    @Test
    void openApiDescribesEveryEndpointWithItsNameRolesAndProblems() {
        JsonPath document = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        for (String path : new String[] {"/api/v1/auth/login", "/api/v1/me", "/api/v1/places", "/api/v1/places/{id}",
                "/api/v1/accounts", "/api/v1/accounts/{id}", "/api/v1/teams", "/api/v1/teams/{id}",
                "/api/v1/villages/{id}/shift-templates", "/api/v1/villages/{id}/roster/generate", "/api/v1/shifts",
                "/api/v1/shifts/{id}", "/api/v1/shifts/{id}/assignments/{volunteerId}", "/api/v1/shifts/{id}/check-in",
                "/api/v1/shifts/{id}/check-out", "/api/v1/me/shifts", "/api/v1/stats/coverage",
                "/api/v1/stats/understaffed", "/api/v1/stats/volunteer-hours", "/api/v1/entries", "/api/v1/entries/batch",
                "/api/v1/entries/{id}", "/api/v1/entries/{id}/void", "/api/v1/alerts", "/api/v1/alerts/{id}/acknowledge",
                "/api/v1/stats/summary", "/api/v1/stats/series", "/api/v1/api-keys", "/api/v1/api-keys/{id}",
                "/api/v1/villages/{id}/households", "/api/v1/villages/{id}/outing-limit", "/api/v1/villages/{id}/pass-cards",
                "/api/v1/households/{id}", "/api/v1/households/{id}/pass", "/api/v1/trust-data",
                "/api/v1/checkpoints/{id}/poster", "/api/v1/public/check-in/{token}"}) {
            assertTrue(paths.containsKey(path), "documented: " + path);
        }
        paths.forEach((path, operations) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            operations.forEach((method, operation) -> {
                String name = method + " " + path;
                assertNotNull(operation.get("summary"), name + " has a summary");
                assertNotNull(operation.get("operationId"), name + " has an operationId");
                assertNotNull(operation.get("description"), name + " has a description naming its roles");
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
                boolean isPublic = java.util.List.of().equals(operation.get("security"));
                if (!isPublic) {
                    assertTrue(responses.containsKey("401") && responses.containsKey("403"), name + " lists 401 and 403");
                }
                responses.forEach((status, response) -> {
                    if (status.startsWith("4") || status.startsWith("5")) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> content = (Map<String, Object>) response.get("content");
                        assertTrue(content != null && content.containsKey("application/problem+json"),
                                name + " " + status + " is problem details");
                    }
                });
            });
        });
        assertNotNull(document.get("components.schemas.Problem"));
    }

    @Test
    void thePublicCheckInAsksForNoTokenAndDocumentsItsLimits() {
        JsonPath document = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        String path = "paths.'/api/v1/public/check-in/{token}'";
        for (String method : new String[] {"get", "post"}) {
            assertEquals(java.util.List.of(), document.getList(path + "." + method + ".security"), method + " needs no token");
            assertNotNull(document.get(path + "." + method + ".responses.'429'.headers.'Retry-After'"), method + " 429 has Retry-After");
        }
        assertNotNull(document.get(path + ".post.responses.'413'"), "a long body is a 413");
        assertNotNull(document.get("paths.'/api/v1/trust-data'.get.responses.'304'.headers.ETag"), "trust data answers 304");
        // What an operation says it never gives is left out, and so is the saying.
        assertNull(document.get("paths.'/api/v1/trust-data'.get.responses.'400'"), "If-None-Match is never refused");
        assertFalse(given().accept("application/json").get("/q/openapi").asString().contains("x-never-gives"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void healthChecksTheDatabase() {
        given().get("/q/health").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void metricsAreExposedForPrometheus() {
        String metrics = given().auth().oauth2("test-scraper-token").get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("http_server_requests") || metrics.contains("jvm_memory_used_bytes"));
    }

    @Test
    void theLandingPageIsTheInstallableApp() {
        String page = given().get("/").then().statusCode(200).contentType(containsString("text/html")).extract().asString();
        assertTrue(page.contains("Gatepost"));
        assertTrue(page.contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\">"));
        assertTrue(page.contains("<script type=\"module\" src=\"/js/app.js\"></script>"));
    }

    @Test
    void unexpectedErrorsRevealNothingOfTheInternals() {
        String body = given().accept("application/json").get("/api/v1/places/" + "%00").then()
                .statusCode(org.hamcrest.Matchers.lessThan(500)).extract().asString();
        assertFalse(body.contains("Exception") || body.contains("at org."), body);
    }
}
