package org.gatepost.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

class StartupChecksTest {

    private static final Map<String, String> PRODUCTION = Map.of(
            "quarkus.datasource.jdbc.url", "jdbc:postgresql://db:5432/gatepost",
            "mp.jwt.verify.publickey.location", "/etc/gatepost/public.pem",
            "smallrye.jwt.sign.key.location", "/etc/gatepost/private.pem",
            "gatepost.phone-hash-secret", "a-long-random-secret-string",
            "gatepost.passes.signing-key", "/etc/gatepost/pass-signing.pem");

    @Test
    void productionWithoutSettingsNamesEachOne() {
        List<String> problems = StartupChecks.problems(true, settings(Map.of()));
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("QUARKUS_DATASOURCE_JDBC_URL"));
        assertTrue(problems.get(1).contains("GATEPOST_PHONE_HASH_SECRET"));
        assertTrue(problems.get(2).contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
        assertTrue(problems.get(3).contains("SMALLRYE_JWT_SIGN_KEY_LOCATION"));
        assertTrue(problems.get(4).contains("GATEPOST_PASSES_SIGNING_KEY"));
    }

    @Test
    void productionWithDatabaseKeysAndSecretStarts() {
        assertEquals(List.of(), StartupChecks.problems(true, settings(PRODUCTION)));
    }

    @Test
    void personalDataIsKeptAtLeastAWeek() {
        List<String> problems = StartupChecks.problems(false, settings(Map.of("gatepost.retention", "P6D")));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("GATEPOST_RETENTION"));
    }

    @Test
    void devAndTestModesNeedNoKeys() {
        assertEquals(List.of(), StartupChecks.problems(false, settings(Map.of())));
    }

    @Test
    void tokensLiveAtMostTwelveHours() {
        List<String> problems = StartupChecks.problems(false, settings(Map.of("gatepost.token-lifetime", "PT13H")));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("GATEPOST_TOKEN_LIFETIME"));
        assertEquals(List.of(), StartupChecks.problems(false, settings(Map.of("gatepost.token-lifetime", "12h"))));
        assertEquals(1, StartupChecks.problems(false, settings(Map.of("gatepost.token-lifetime", "soon"))).size());
    }

    /**
     * The checks run as the configuration is read, which Quarkus does before it creates the
     * datasource or lets Flyway migrate: a production configuration with a database but no keys
     * is refused while it is read, in a few lines.
     */
    @Test
    void readingAProductionConfigurationWithoutKeysIsRefused() {
        Consumer<String> halt = StartupChecks.refusal;
        List<String> said = new ArrayList<>();
        StartupChecks.refusal = said::add;
        try {
            new SmallRyeConfigBuilder()
                    .withProfile("prod")
                    .addDiscoveredSources()
                    .withSources(new PropertiesConfigSource(
                            Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://db/gatepost"), "deployment", 300))
                    .build();
        } finally {
            StartupChecks.refusal = halt;
        }
        assertEquals(1, said.size(), said.toString());
        String message = said.get(0);
        assertTrue(message.startsWith("Gatepost cannot start:"), message);
        assertTrue(message.contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION"), message);
        assertFalse(message.contains("QUARKUS_DATASOURCE_JDBC_URL"), message);
        assertTrue(message.contains("GATEPOST_PASSES_SIGNING_KEY"), message);
        assertTrue(message.lines().count() <= 5, message);
    }

    private static java.util.function.Function<String, Optional<String>> settings(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }

    @Test
    void phoneRegionMustBeOneLibphonenumberKnows() {
        List<String> problems = StartupChecks.problems(false, name -> java.util.Optional.ofNullable(
                Map.of("gatepost.phone-region", "XX").get(name)));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("GATEPOST_PHONE_REGION"));
        assertEquals(List.of(), StartupChecks.problems(false, name -> java.util.Optional.ofNullable(
                Map.of("gatepost.phone-region", "HK").get(name))));
    }
}
