package org.gatepost.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document in the repository (docs/openapi.yaml) is the contract that outside
 * tools and the generated clients are built from: it must be what the application serves.
 * A change to the API shows up here, and the developer rewrites the file on purpose and
 * commits it, so that the change is reviewed like code.
 */
@QuarkusTest
class OpenApiContractTest {

    static final Path CONTRACT = Path.of("docs/openapi.yaml");
    static final String REWRITE = "./mvnw test -Dtest=OpenApiContractTest -Drewrite-contract=true";

    @Test
    void theCommittedContractIsWhatTheApplicationServes() throws IOException {
        String served = given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        if (Boolean.getBoolean("rewrite-contract")) {
            Files.writeString(CONTRACT, served, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(CONTRACT) ? Files.readString(CONTRACT, StandardCharsets.UTF_8) : "";
        assertEquals(committed, served, CONTRACT + " differs from what /q/openapi serves. If the API change is "
                + "intended, rewrite the file with `" + REWRITE + "`, review the diff and commit it");
    }
}
