package org.gatepost.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** With no proxy trusted (the default outside tests), a client's own X-Forwarded-Proto is not believed. */
@QuarkusTest
@TestProfile(WithoutTrustedProxyTest.NoProxy.class)
class WithoutTrustedProxyTest {

    /** As in production unless configured: no forwarding headers taken. */
    public static class NoProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "false",
                    "quarkus.http.proxy.allow-x-forwarded", "false");
        }
    }

    @Test
    void aClientClaimingHttpsIsNotBelievedWhenNoProxyIsTrusted() {
        given().header("X-Forwarded-Proto", "https").header("Forwarded", "proto=https").get("/api/v1/ping").then()
                .statusCode(200).header("Strict-Transport-Security", nullValue());
    }

}
