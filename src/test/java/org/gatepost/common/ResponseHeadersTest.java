package org.gatepost.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Over plain HTTP and by default: no HSTS, whatever a client claims, and no door open to other origins. */
@QuarkusTest
class ResponseHeadersTest {

    @Test
    void plainHttpGetsNoStrictTransportSecurity() {
        given().get("/api/v1/ping").then().statusCode(200).header("Strict-Transport-Security", nullValue());
    }

    @Test
    void aCrossOriginPreflightGetsNoAllowOrigin() {
        given().header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/v1/entries").then()
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Credentials", nullValue())
                .header("Access-Control-Allow-Methods", nullValue());
    }

    @Test
    void aCrossOriginRequestGetsNoAllowOrigin() {
        given().header("Origin", "https://elsewhere.example").get("/api/v1/ping").then()
                .statusCode(200).header("Access-Control-Allow-Origin", nullValue());
    }
}
