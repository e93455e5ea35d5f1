package org.gatepost.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Behind a proxy Quarkus is told to trust (the tests' own address, as application.properties
 * sets for the test profile), an https request (as the proxy says) is answered with HSTS.
 */
@QuarkusTest
class BehindTrustedProxyTest {

    @Test
    void httpsAsTheTrustedProxySaysGetsStrictTransportSecurity() {
        given().header("X-Forwarded-Proto", "https").get("/api/v1/ping").then().statusCode(200)
                .header("Strict-Transport-Security", "max-age=31536000");
    }

    @Test
    void httpAsTheTrustedProxySaysGetsNone() {
        given().header("X-Forwarded-Proto", "http").get("/api/v1/ping").then().statusCode(200)
                .header("Strict-Transport-Security", nullValue());
        given().get("/api/v1/ping").then().statusCode(200).header("Strict-Transport-Security", nullValue());
    }
}
