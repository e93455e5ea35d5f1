package org.gatepost.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The application as production has it, for every test that needs it configured otherwise than
 * the default test profile:
 * <ul>
 * <li>the settings production has unless configured otherwise: no proxy trusted (no forwarding
 *     headers believed), no metrics scraper token, API documentation not public
 *     (OperationsGuardTest, WithoutTrustedProxyTest);</li>
 * <li>databases that are servers of their own, which can fail: the primary is a PostgreSQL of its
 *     own ({@link OutageDatabase}), which DatabaseOutageTest stops and starts again so that no test
 *     of the default profile ever sees its database down; and a replica is configured on a local
 *     port where nothing listens (ReplicaUnreachableTest).</li>
 * </ul>
 * One profile for all of them: Quarkus builds the application once per profile before the first
 * test and starts it again whenever the profile changes, about ten seconds each here. None of
 * these settings touches what another of its tests checks: only the statistics read the replica,
 * and only DatabaseOutageTest stops the database (and starts it again after each test).
 */
public class AsInProduction implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(Map.of(
                "quarkus.http.proxy.proxy-address-forwarding", "false",
                "quarkus.http.proxy.allow-x-forwarded", "false",
                "gatepost.operations.metrics-token", "",
                "gatepost.operations.public-api-docs", "false",
                "quarkus.datasource.\"replica\".jdbc.url", "jdbc:postgresql://127.0.0.1:" + freePort() + "/gatepost",
                "quarkus.datasource.\"replica\".username", "gatepost"));
        overrides.putAll(OutageDatabase.overrides());
        return overrides;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
