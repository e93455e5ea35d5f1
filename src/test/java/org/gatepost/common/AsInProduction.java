package org.gatepost.common;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The settings production has unless configured otherwise: no proxy trusted (no forwarding
 * headers believed), no metrics scraper token, API documentation not public. One profile for
 * every test about them, since each profile costs the suite a restart of the application.
 */
public class AsInProduction implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.http.proxy.proxy-address-forwarding", "false",
                "quarkus.http.proxy.allow-x-forwarded", "false",
                "gatepost.operations.metrics-token", "",
                "gatepost.operations.public-api-docs", "false");
    }
}
