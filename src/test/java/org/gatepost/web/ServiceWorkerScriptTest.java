package org.gatepost.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The service worker and the app shell it keeps on the phone, as the application serves them. */
@QuarkusTest
class ServiceWorkerScriptTest {

    @Inject
    ServiceWorkerScript serviceWorker;

    @Test
    void servesTheWorkerWithItsVersionAndNeverFromACache() {
        String body = given().get("/sw.js").then().statusCode(200)
                .header("Content-Type", containsString("javascript"))
                .header("Cache-Control", "no-cache")
                .body(not(containsString(ServiceWorkerScript.PLACEHOLDER)))
                .extract().asString();
        Matcher version = Pattern.compile("const VERSION = '([0-9a-f]{16})'").matcher(body);
        assertEquals(true, version.find(), "a 16-digit version in " + body.substring(0, 400));
    }

    @Test
    void aRevisedShellIsANewVersion() {
        String before = serviceWorker.script().version();
        try {
            serviceWorker.reviseForTesting("next release");
            assertNotEquals(before, serviceWorker.script().version());
        } finally {
            serviceWorker.reviseForTesting("");
        }
        assertEquals(before, serviceWorker.script().version());
    }

    @Test
    void theShellListsEveryFileOfTheAppAndEachIsServed() throws IOException {
        String template = Files.readString(Path.of("frontend", "sw.js"));
        Matcher list = Pattern.compile("const SHELL = \\[(.*?)];", Pattern.DOTALL).matcher(template);
        list.find();
        List<String> shell = ServiceWorkerScript.shellPaths(list.group(1));
        List<String> files;
        try (Stream<Path> walk = Files.walk(Path.of("frontend"))) {
            files = walk.filter(Files::isRegularFile).map(p -> "/" + Path.of("frontend").relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("/sw.js"))
                    .map(p -> p.equals("/index.html") ? "/" : p)
                    .sorted().toList();
        }
        assertEquals(files, shell.stream().sorted().toList(), "frontend/ and the SHELL list in sw.js");
        for (String path : shell) {
            given().get(path).then().statusCode(200);
        }
    }
}
