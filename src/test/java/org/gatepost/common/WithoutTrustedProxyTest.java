package org.gatepost.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** With no proxy trusted (the default outside tests), a client's own X-Forwarded-Proto is not believed. */
@QuarkusTest
@TestProfile(AsInProduction.class)
class WithoutTrustedProxyTest {

    @Test
    void aClientClaimingHttpsIsNotBelievedWhenNoProxyIsTrusted() {
        given().header("X-Forwarded-Proto", "https").header("Forwarded", "proto=https").get("/api/v1/ping").then()
                .statusCode(200).header("Strict-Transport-Security", nullValue());
    }

}
