package org.gatepost.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.quarkus.runtime.LaunchMode;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

class StartupChecksTest {

    @Test
    void productionWithoutSecretsNamesEachSetting() {
        List<String> problems = StartupChecks.problems(LaunchMode.NORMAL, config(Map.of()), gatepost(config(Map.of())));
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("GATEPOST_PHONE_HASH_SECRET"));
        assertTrue(problems.get(1).contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
        assertTrue(problems.get(2).contains("SMALLRYE_JWT_SIGN_KEY_LOCATION"));
    }

    @Test
    void productionWithKeysAndSecretStarts() {
        SmallRyeConfig config = config(Map.of("mp.jwt.verify.publickey.location", "/etc/gatepost/public.pem",
                "smallrye.jwt.sign.key.location", "/etc/gatepost/private.pem",
                "gatepost.phone-hash-secret", "a-long-random-secret-string"));
        assertEquals(List.of(), StartupChecks.problems(LaunchMode.NORMAL, config, gatepost(config)));
    }

    @Test
    void personalDataIsKeptAtLeastAWeek() {
        SmallRyeConfig config = config(Map.of("gatepost.retention", "P6D"));
        List<String> problems = StartupChecks.problems(LaunchMode.TEST, config, gatepost(config));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("GATEPOST_RETENTION"));
    }

    @Test
    void devAndTestModesNeedNoKeys() {
        assertEquals(List.of(), StartupChecks.problems(LaunchMode.DEVELOPMENT, config(Map.of()), gatepost(config(Map.of()))));
        assertEquals(List.of(), StartupChecks.problems(LaunchMode.TEST, config(Map.of()), gatepost(config(Map.of()))));
    }

    @Test
    void tokensLiveAtMostTwelveHours() {
        SmallRyeConfig config = config(Map.of("gatepost.token-lifetime", "PT13H"));
        List<String> problems = StartupChecks.problems(LaunchMode.TEST, config, gatepost(config));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("GATEPOST_TOKEN_LIFETIME"));
    }

    @Test
    void phoneRegionMustBeOneLibphonenumberKnows() {
        SmallRyeConfig config = config(Map.of("gatepost.phone-region", "XX"));
        List<String> problems = StartupChecks.problems(LaunchMode.TEST, config, gatepost(config));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("GATEPOST_PHONE_REGION"));
    }

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withMapping(GatepostConfig.class)
                .build();
    }

    private static GatepostConfig gatepost(SmallRyeConfig config) {
        return config.getConfigMapping(GatepostConfig.class);
    }
}
