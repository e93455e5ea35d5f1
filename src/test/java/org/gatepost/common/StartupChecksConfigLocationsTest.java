package org.gatepost.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compose and Kubernetes hand the phone-hash secret over in a properties file named by
 * quarkus.config.locations; the start-up checks, which run before Quarkus reads that file,
 * find it there too rather than refusing to start.
 */
class StartupChecksConfigLocationsTest {

    @TempDir
    Path folder;

    @Test
    void aSecretInAConfigLocationsFileCounts() throws Exception {
        Path secrets = folder.resolve("gatepost.properties");
        Files.writeString(secrets, "gatepost.phone-hash-secret=0123456789abcdef0123\n");
        Properties found = StartupChecks.configLocations("file:" + secrets + ", " + folder.resolve("absent.properties"));
        assertEquals("0123456789abcdef0123", found.getProperty("gatepost.phone-hash-secret"));

        List<String> problems = StartupChecks.problems(true, name -> Optional.ofNullable(found.getProperty(name)));
        assertTrue(problems.stream().noneMatch(p -> p.contains("phone numbers")), problems.toString());
    }
}
