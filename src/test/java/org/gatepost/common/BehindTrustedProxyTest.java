package org.gatepost.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** Behind a proxy Quarkus is told to trust, an https request (as the proxy says) is answered with HSTS. */
@QuarkusTest
@TestProfile(BehindTrustedProxyTest.TrustedProxy.class)
class BehindTrustedProxyTest {

    /** The tests' own address is the proxy. */
    public static class TrustedProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1,0:0:0:0:0:0:0:1");
        }
    }

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
