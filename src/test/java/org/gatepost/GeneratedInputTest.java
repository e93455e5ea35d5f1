package org.gatepost;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.gatepost.account.Account;
import org.gatepost.roster.Shift;
import org.gatepost.testing.Entries;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Generated input thrown at every operation of the OpenAPI document, as its rightful caller
 * (the caller of its row in {@link SecurityMatrixTest}): random JSON of every type, valid bodies
 * with one field swapped for something odd, repeated and unknown keys, text that is not JSON,
 * odd ids, dates, numbers and strings in the path and query, and odd Accept headers. However
 * wrong the input, the answer is never a 5xx, and every 4xx is problem details with type,
 * title and its status.
 *
 * <p>A plain JUnit factory with a seeded {@link Random}, not a jqwik property: the requests
 * must go to the application that {@code @QuarkusTest} starts, which jqwik's separate engine
 * cannot share. The seed is fixed so that runs repeat; set {@code -Dgenerated-input.seed} to
 * explore, and a failure names the seed, the request and the answer.
 */
@QuarkusTest
class GeneratedInputTest {

    static final long SEED = Long.getLong("generated-input.seed", 1_958_020_212L);
    static final int TRIES_PER_OPERATION = Integer.getInteger("generated-input.tries", 8);

    @Inject
    Fixtures fixtures;

    @Inject
    ObjectMapper json;

    @TestFactory
    Stream<DynamicTest> everyOperationAnswersGeneratedInputWithoutA5xxAndWithProblemDetails() {
        Map<String, SecurityMatrixTest.Endpoint> rows = SecurityMatrixTest.endpoints()
                .collect(Collectors.toMap(e -> AuthorisationMatrixCoverageTest.operationOf(e.name()), e -> e, (a, b) -> a));
        Map<String, Map<String, Map<String, Object>>> paths = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        List<DynamicTest> tests = new ArrayList<>();
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            String name = method.toUpperCase() + " " + path.replaceFirst("^/api/v1", "");
            tests.add(DynamicTest.dynamicTest(name, () -> throwAt(method.toUpperCase(), path, operation, rows.get(name))));
        }));
        return tests.stream();
    }

    private void throwAt(String method, String template, Map<String, Object> operation, SecurityMatrixTest.Endpoint row) {
        Random random = new Random(SEED ^ (method + template).hashCode());
        Things things = things();
        SecurityMatrixTest.Ctx ctx = new SecurityMatrixTest.Ctx(things.world(), things.shift(), null, null, things.entry(),
                null, null, null, null, null, null, null);
        Account caller = row != null ? row.caller().apply(ctx) : things.world().admin();
        String token = fixtures.token(caller);
        Object validBody = row != null ? row.body().apply(ctx) : null;

        for (int i = 0; i < TRIES_PER_OPERATION; i++) {
            String path = pathOf(random, template, things);
            String query = queryOf(random, operation, things);
            String body = bodyOf(random, method, validBody);
            String accept = pick(random, "application/json", "application/json", "application/json", "text/csv", "*/*",
                    "text/html", "application/xml", "application/problem+json");
            RequestSpecification request = given().auth().oauth2(token).header("Accept", accept)
                    .urlEncodingEnabled(false);
            if (body != null) {
                request.contentType(random.nextInt(10) == 0 ? "text/plain" : "application/json").body(body);
            }
            String url = path + query;
            Response answer;
            try {
                answer = request.request(method, url);
            } catch (RuntimeException e) {
                fail(describe(method, url, accept, body, null) + " could not be sent: " + e);
                return;
            }
            check(answer, describe(method, url, accept, body, answer));
        }
    }

    private void check(Response answer, String what) {
        int status = answer.statusCode();
        assertTrue(status < 500, what);
        if (status >= 400) {
            String type = answer.contentType();
            assertTrue(type != null && type.startsWith("application/problem+json"), "not problem details: " + what);
            // Read with Jackson: RestAssured's JsonPath compiles a Groovy script for each field asked,
            // which made these three reads most of the test's own time.
            JsonNode problem;
            try {
                problem = json.readTree(answer.asString());
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON: " + what, e);
            }
            assertTrue(problem.hasNonNull("type"), "no type: " + what);
            assertTrue(problem.hasNonNull("title"), "no title: " + what);
            assertEquals(status, problem.path("status").asInt(), what);
        }
    }

    private static String describe(String method, String url, String accept, String body, Response answer) {
        String sent = body == null ? "" : " with " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        String got = answer == null ? "" : " answered " + answer.statusCode() + " " + answer.contentType() + ": "
                + answer.asString();
        return "seed " + SEED + ": " + method + " " + (url.length() > 300 ? url.substring(0, 300) + "…" : url)
                + " (Accept " + accept + ")" + sent + got;
    }

    /** Real ids for each operation to reach past its lookups, made fresh so that what it changes harms no other. */
    record Things(World world, Shift shift, String entry, List<String> ids) {
    }

    private Things things() {
        World world = fixtures.world();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Shift shift = fixtures.shift(world.checkpointA1(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(5)), 2);
        fixtures.assignment(shift, world.volunteerA(), null, null, null);
        Map<String, Object> entry = Entries.with(Entries.resident(world.checkpointA1()), "healthCode", "RED", "decision", "REFUSED");
        given().auth().oauth2(fixtures.token(world.volunteerA())).contentType("application/json").body(entry)
                .post("/api/v1/entries").then().statusCode(201);
        List<String> ids = Stream.of(world.county().id, world.township().id, world.villageA().id, world.villageB().id,
                world.checkpointA1().id, world.checkpointB1().id, world.volunteerA().id, world.cadreA().id, world.teamA().id,
                shift.id).map(UUID::toString).collect(Collectors.toCollection(ArrayList::new));
        ids.add((String) entry.get("id"));
        return new Things(world, shift, (String) entry.get("id"), ids);
    }

    private static String pathOf(Random random, String template, Things things) {
        StringBuilder path = new StringBuilder();
        for (String part : template.split("/", -1)) {
            if (!path.isEmpty() || !part.isEmpty()) {
                path.append('/');
            }
            if (part.startsWith("{")) {
                path.append(random.nextInt(3) == 0 ? encode(oddParameter(random)) : pick(random, things.ids()));
            } else {
                path.append(part);
            }
        }
        return path.toString();
    }

    @SuppressWarnings("unchecked")
    private static String queryOf(Random random, Map<String, Object> operation, Things things) {
        List<Map<String, Object>> parameters = (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of());
        StringBuilder query = new StringBuilder();
        for (Map<String, Object> parameter : parameters) {
            if (!"query".equals(parameter.get("in")) || random.nextInt(4) == 0) {
                continue;
            }
            String value = switch (random.nextInt(4)) {
                case 0 -> pick(random, things.ids());
                case 1 -> pick(random, "2020-02-12", "2020-02-12T08:00:00+08:00", "2020-03-01", "2019-01-01", "2031-01-01",
                        "hour", "day", "children", "OPEN", "csv", "json", "1", "500", "50");
                default -> oddParameter(random);
            };
            query.append(query.isEmpty() ? '?' : '&').append(parameter.get("name")).append('=').append(encode(value));
        }
        if (random.nextInt(6) == 0) {
            String name = encode(oddParameter(random));
            query.append(query.isEmpty() ? '?' : '&').append(name.isEmpty() ? "x" : name).append('=')
                    .append(encode(oddParameter(random)));
        }
        return query.toString();
    }

    /** A body for a method that takes one: mostly the valid body bent one way, sometimes anything at all. */
    private String bodyOf(Random random, String method, Object valid) {
        if (!method.equals("POST") && !method.equals("PUT") && !method.equals("PATCH")) {
            return random.nextInt(8) == 0 ? jsonValue(random, 2) : null;
        }
        String base = valid == null ? "{}" : write(valid);
        return switch (random.nextInt(8)) {
            case 0 -> jsonValue(random, 3);
            case 1 -> pick(random, "", "{", "{\"a\":}", "[1,2", "nul", "{\"a\":1}}", "\u0000", "{'a':1}", "[]", "null", "\"x\"",
                    "{\"a\":1e999999}", "{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}");
            case 2 -> base.equals("{}") ? "{\"a\":1,\"a\":2}"
                    : base.replaceFirst("\\{\"([^\"]+)\":", "{\"$1\":" + jsonValue(random, 1) + ",\"$1\":");
            case 3 -> base.replaceFirst("\\{", "{\"" + pick(random, "extra", "id", "__proto__", "constructor", "ａ") + "\":"
                    + jsonValue(random, 1) + (base.equals("{}") ? "" : ","));
            case 7 -> base;
            default -> withOneFieldSwapped(random, valid, base);
        };
    }

    @SuppressWarnings("unchecked")
    private String withOneFieldSwapped(Random random, Object valid, String base) {
        if (!(valid instanceof Map<?, ?> map) || map.isEmpty()) {
            return jsonValue(random, 2);
        }
        List<String> keys = new ArrayList<>(((Map<String, Object>) map).keySet());
        keys.sort(null);
        String key = pick(random, keys);
        // Written by hand so that the odd value (1e400, -0, a lone surrogate) reaches the server as it is.
        StringBuilder body = new StringBuilder("{");
        for (String k : keys) {
            if (body.length() > 1) {
                body.append(',');
            }
            body.append(quote(k)).append(':').append(k.equals(key) ? jsonValue(random, 2) : write(map.get(k)));
        }
        return body.append('}').toString();
    }

    /** Any JSON value, favouring the ones that break readers: extreme numbers, odd text, the wrong shapes. */
    static String jsonValue(Random random, int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 7);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2 -> pick(random, "0", "-0", "1", "-1", "1.5", "-0.0", "1e400", "-1e400", "1e-400", "9223372036854775808",
                    "-9223372036854775809", "2147483648", "20", "21", "36.5", "37.3", "99999999999999999999999999999", "0.1e1",
                    "1E2", "3.0");
            case 3, 4 -> quote(oddText(random));
            case 5 -> quote(pick(random, "GREEN", "RED", "ADMITTED", "REFUSED", "IN", "OUT", "VOLUNTEER", "ADMIN", "CHECKPOINT",
                    "COUNTY", "SCANNED", "green", "0", "true"));
            case 6 -> quote(pick(random, "2020-02-12T08:30:00+08:00", "2020-02-30T08:00:00+08:00", "2020-02-12", "06:00", "24:00",
                    "25:61", "P1D", "+999999999-12-31T23:59:59Z", "-999999999-01-01", "1970-01-01T00:00:00Z",
                    "2020-02-12T08:30:00", "00000000-0000-0000-0000-000000000000", UUID.randomUUID().toString()));
            case 7 -> {
                StringBuilder array = new StringBuilder("[");
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.append(array.length() > 1 ? "," : "").append(jsonValue(random, depth - 1));
                }
                yield array.append(']').toString();
            }
            default -> {
                StringBuilder object = new StringBuilder("{");
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.append(object.length() > 1 ? "," : "")
                            .append(quote(pick(random, "name", "id", "phone", "password", "entries", "placeId", "from", "to",
                                    "startsAt", "minStaff", "active", "visitor", "origin", "x")))
                            .append(':').append(jsonValue(random, depth - 1));
                }
                yield object.append('}').toString();
            }
        };
    }

    static String oddText(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> "";
            case 1 -> " ";
            case 2 -> "菇".repeat(random.nextInt(5000));
            case 3 -> "x".repeat(100_000);
            case 4 -> "\u0000NUL";
            case 5 -> "\ud800 lone";
            case 6 -> "🍄 𠀀 ‮RTL";
            case 7 -> "' OR 1=1 --";
            case 8 -> "../../etc/passwd";
            case 9 -> "%00%0d%0a";
            case 10 -> "<script>alert(1)</script>";
            default -> Long.toString(random.nextLong());
        };
    }

    static String oddParameter(Random random) {
        return switch (random.nextInt(14)) {
            case 0 -> "";
            case 1 -> "not-a-uuid";
            case 2 -> "00000000-0000-0000-0000-000000000000";
            case 3 -> UUID.randomUUID().toString().toUpperCase();
            case 4 -> "ffffffff-ffff-ffff-ffff-ffffffffffff";
            case 5 -> "2020-02-30";
            case 6 -> "+999999999-12-31";
            case 7 -> "-1";
            case 8 -> "99999999999999999999";
            case 9 -> "2020-02-12T25:00:00Z";
            case 10 -> "x".repeat(1000);
            case 11 -> "\u0000";
            case 12 -> "菇城";
            default -> oddText(random);
        };
    }

    private static String encode(String value) {
        String text = value.length() > 1200 ? value.substring(0, 1200) : value;
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return encoded.toString();
    }

    /** A JSON string, with control characters and surrogates escaped so that even a lone one arrives as sent. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
