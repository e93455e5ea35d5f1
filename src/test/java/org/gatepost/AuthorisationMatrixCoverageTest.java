package org.gatepost;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Every operation the API documents has its row in {@link SecurityMatrixTest}, so that a new
 * endpoint cannot ship without its rules being tested; only the few public on purpose are
 * listed here instead.
 */
@QuarkusTest
class AuthorisationMatrixCoverageTest {

    /**
     * Answer anyone, by design: sign-in, the liveness ping, and a visitor's self check-in at a
     * gate's poster (no account by design; guarded by size and rate limits, see CheckInGuard).
     */
    static final Set<String> PUBLIC = Set.of("POST /auth/login", "GET /ping",
            "GET /public/check-in/{token}", "POST /public/check-in/{token}");

    @Test
    void everyDocumentedOperationHasARowInTheMatrix() {
        Set<String> inMatrix = SecurityMatrixTest.endpoints().map(e -> operationOf(e.name())).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(documentedOperations());
        missing.removeAll(inMatrix);
        missing.removeAll(PUBLIC);
        assertTrue(missing.isEmpty(), "operations without a row in SecurityMatrixTest.endpoints(): " + missing);
    }

    @Test
    void theMatrixAndThePublicListNameOnlyDocumentedOperations() {
        Set<String> documented = documentedOperations();
        Set<String> stale = new TreeSet<>(PUBLIC);
        SecurityMatrixTest.endpoints().map(e -> operationOf(e.name())).forEach(stale::add);
        stale.removeAll(documented);
        assertEquals(Set.of(), stale, "rows naming no documented operation (renamed or removed?)");
    }

    /** "GET /places/{id}" for GET /api/v1/places/{id}, from the OpenAPI document. */
    static Set<String> documentedOperations() {
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        Set<String> operations = new TreeSet<>();
        paths.forEach((path, item) -> item.keySet().stream()
                .filter(method -> Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(method))
                .forEach(method -> operations.add(method.toUpperCase() + " " + path.replaceFirst("^/api/v1", ""))));
        return operations;
    }

    /** A matrix row's name without the query it mentions: "GET /places?parentId" is GET /places. */
    static String operationOf(String name) {
        int query = name.indexOf('?');
        return query < 0 ? name : name.substring(0, query);
    }
}
