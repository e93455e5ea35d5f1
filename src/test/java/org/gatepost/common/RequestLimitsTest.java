package org.gatepost.common;

import static io.restassured.RestAssured.given;
import static org.gatepost.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.gatepost.testing.Entries;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests too large to read are refused with problem details, and a full batch of 500 entries still fits. */
@QuarkusTest
class RequestLimitsTest {

    @Inject
    Fixtures fixtures;

    @TestHTTPResource("/")
    URL server;

    World world;

    @BeforeEach
    void makeWorld() {
        world = fixtures.world();
    }

    @Test
    void aBatchOf500EntriesWithEveryTextAtItsLongestFits() throws IOException {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Map<String, Object> entry = Entries.with(Entries.resident(world.checkpointA1()), "resident", false,
                    "note", "菇".repeat(500), "reason", "菇".repeat(200));
            entry.put("visitor", Map.of("origin", "菇".repeat(100), "purpose", "菇".repeat(200), "name", "菇".repeat(100),
                    "phone", "13812345678", "plate", "菇".repeat(20)));
            entries.add(entry);
        }
        // Every character escaped as \\uXXXX: the largest a phone could make these entries.
        ObjectMapper escaping = new ObjectMapper().enable(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature())
                .disable(SerializationFeature.INDENT_OUTPUT);
        byte[] body = escaping.writeValueAsBytes(Map.of("entries", entries));
        assertTrue(body.length > 3_000_000, "the batch is " + body.length + " bytes");

        as(fixtures.token(world.volunteerA())).body(body).post("/api/v1/entries/batch").then().statusCode(200)
                .body("results", hasSize(500))
                .body("results.status", everyItem(equalTo("CREATED")));
    }

    @Test
    void aBodyOf30MegabytesIs413ProblemAnsweredBeforeItIsSent() throws IOException {
        String token = fixtures.token(world.volunteerA());
        Raw answer = raw("POST /api/v1/entries/batch HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer " + token + "\r\nContent-Length: " + (30L * 1024 * 1024) + "\r\n\r\n{\"entries\":[");
        assertEquals(413, answer.status, answer.text);
        assertProblem(answer, 413);
    }

    @Test
    void aBodyOfUnannouncedLengthIs411Problem() throws IOException {
        String token = fixtures.token(world.volunteerA());
        Raw answer = raw("POST /api/v1/entries/batch HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer " + token + "\r\nTransfer-Encoding: chunked\r\n\r\n10000\r\n" + " ".repeat(0x10000));
        assertEquals(411, answer.status, answer.text);
        assertProblem(answer, 411);
    }

    @Test
    void aLongUriIs414Problem() {
        Response answer = as(fixtures.token(world.cadreA()))
                .get("/api/v1/entries?placeId=" + world.villageA().id + "&cursor=" + "A".repeat(5000));
        answer.then().statusCode(414).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(414))
                .body("title", equalTo("URI too long"))
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void aUriJustUnderTheLimitIsRead() {
        String path = "/api/v1/entries?placeId=" + world.villageA().id + "&cursor=";
        as(fixtures.token(world.cadreA())).get(path + "A".repeat(4000 - path.length())).then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void hugeHeadersAre431Problem() {
        given().header("X-Filler", "x".repeat(20_000)).get("/api/v1/ping").then()
                .statusCode(431).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(431))
                .body("title", equalTo("Request headers too large"));
    }

    private static void assertProblem(Raw answer, int status) {
        assertTrue(answer.headers.toLowerCase().contains("content-type: application/problem+json"), answer.headers);
        JsonPath problem = new JsonPath(answer.body);
        assertEquals(status, problem.getInt("status"));
        assertTrue(problem.getString("type") != null && problem.getString("title") != null, answer.body);
    }

    /** One request written by hand, so that a body can be announced and never sent. */
    private Raw raw(String head) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) != -1; ) {
                read.write(buffer, 0, n);
            }
            return new Raw(read.toString(StandardCharsets.UTF_8));
        }
    }

    private static final class Raw {
        final String text;
        final int status;
        final String headers;
        final String body;

        Raw(String text) {
            this.text = text;
            this.status = Integer.parseInt(text.substring(9, 12));
            int end = text.indexOf("\r\n\r\n");
            this.headers = text.substring(0, end);
            this.body = text.substring(end + 4);
        }
    }
}
