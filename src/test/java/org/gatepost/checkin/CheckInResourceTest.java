package org.gatepost.checkin;

import static org.gatepost.testing.Api.anonymous;
import static org.gatepost.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A gate's poster and a visitor's self check-in: public, small, rate-limited, storing nothing typed. */
@QuarkusTest
class CheckInResourceTest {

    /** Client addresses, one range per test run so that the rate limits of one test never touch another's. */
    private static final AtomicInteger ADDRESSES = new AtomicInteger((int) (System.nanoTime() % 200) * 250);

    @Inject
    Fixtures fixtures;

    World w;
    String cadre;
    String token;

    @BeforeEach
    void world() {
        w = fixtures.world();
        cadre = fixtures.token(w.cadreA());
        String url = as(cadre).get(poster()).then().statusCode(200).extract().path("url");
        token = url.substring(url.indexOf('#') + 1);
    }

    @Test
    void theCadreGetsThePostersAddressAndCanRotateIt() {
        as(cadre).get(poster()).then().statusCode(200)
                .body("checkpointId", equalTo(w.checkpointA1().id.toString()), "checkpointName", equalTo("東口"),
                        "villageName", equalTo(w.villageA().name),
                        "url", matchesPattern("https?://[^/]+/checkin\\.html#[A-Za-z0-9_-]{22}"),
                        "url", equalTo(as(cadre).get(poster()).then().extract().path("url")));
        String rotated = as(cadre).post(poster()).then().statusCode(200).extract().path("url");
        String fresh = rotated.substring(rotated.indexOf('#') + 1);
        assertNotEquals(token, fresh);
        from().get(publicPath(token)).then().statusCode(404).contentType("application/problem+json");
        from().get(publicPath(fresh)).then().statusCode(200);
        assertEquals(1L, ((Number) fixtures.sql("SELECT count(*) FROM audit_event WHERE kind = 'POSTER_ROTATED' "
                + "AND subject_id = :c", Map.of("c", w.checkpointA1().id))).longValue());
    }

    @Test
    void aVisitorSeesTheGateAndGetsASignedShortLivedCode() throws Exception {
        from().get(publicPath(token)).then().statusCode(200)
                .body("checkpointName", equalTo("東口"), "villageName", equalTo(w.villageA().name));
        String origin = "松源街道" + Fixtures.unique();
        Response answer = from().body(Map.of("origin", origin, "purpose", "送蔬菜", "partySize", 2, "plate", "浙K·12345"))
                .post(publicPath(token)).then().statusCode(201).body("expiresAt", notNullValue()).extract().response();
        JsonWebSignature jws = verified(answer.path("code"));
        assertEquals("gp-checkin", jws.getHeader("typ"));
        Map<?, ?> claims = new ObjectMapper().readValue(jws.getPayload(), Map.class);
        assertEquals("checkin", claims.get("t"));
        assertEquals(1, claims.get("v"));
        assertEquals(w.checkpointA1().id.toString(), claims.get("c"));
        assertEquals(w.villageA().id.toString(), claims.get("vl"));
        assertEquals(origin, claims.get("o"));
        assertEquals("送蔬菜", claims.get("p"));
        assertEquals(2, claims.get("n"));
        assertEquals("浙K·12345", claims.get("pl"));
        long exp = ((Number) claims.get("exp")).longValue();
        assertTrue(Math.abs(exp - Instant.now().plusSeconds(15 * 60).getEpochSecond()) < 60, "valid for 15 minutes");
        // Nothing the visitor typed is kept.
        assertEquals(0L, ((Number) fixtures.sql("SELECT count(*) FROM audit_event WHERE detail LIKE :o",
                Map.of("o", "%" + origin + "%"))).longValue());
        assertEquals(0L, ((Number) fixtures.sql("SELECT count(*) FROM entry WHERE visitor_origin = :o",
                Map.of("o", origin))).longValue());
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        RequestSpecification client = from();
        String address = lastAddress();
        expectField(client.body(Map.of("purpose", "送蔬菜", "partySize", 2)).post(publicPath(token)), "origin");
        expectField(from(address).body(visit("partySize", 21)).post(publicPath(token)), "partySize");
        expectField(from(address).body(visit("partySize", "2")).post(publicPath(token)), "partySize");
        expectField(from(address).body(visit("plate", "x".repeat(21))).post(publicPath(token)), "plate");
        expectField(from(address).body(visit("origin", " ")).post(publicPath(token)), "origin");
        from(address).body(visit("phone", "13812345678")).post(publicPath(token)).then().statusCode(400)
                .contentType("application/problem+json");
        from(address).body(visit("origin", "x".repeat(3000))).post(publicPath(token)).then().statusCode(413)
                .contentType("application/problem+json");
        from(address).body(visit()).post(publicPath("no-such-poster")).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void oneAddressGetsTenCodesAMinute() {
        String address = nextAddress();
        for (int i = 0; i < 10; i++) {
            from(address).body(visit()).post(publicPath(token)).then().statusCode(201);
        }
        Response refused = from(address).body(visit()).post(publicPath(token));
        refused.then().statusCode(429).contentType("application/problem+json").header("Retry-After", matchesPattern("[1-9][0-9]*"));
        assertTrue(Integer.parseInt(refused.header("Retry-After")) <= 60);
        // Another client at the same gate is not held up.
        from().body(visit()).post(publicPath(token)).then().statusCode(201);
    }

    @Test
    void oneGateGivesAHundredAndTwentyCodesAMinute() {
        for (int client = 0; client < 12; client++) {
            String address = nextAddress();
            for (int i = 0; i < 10; i++) {
                from(address).body(visit()).post(publicPath(token)).then().statusCode(201);
            }
        }
        from().body(visit()).post(publicPath(token)).then().statusCode(429).header("Retry-After", notNullValue());
        // Another gate's poster still answers.
        String other = as(cadre).get("/api/v1/checkpoints/" + w.checkpointA2().id + "/poster").then().extract().path("url");
        from().body(visit()).post(publicPath(other.substring(other.indexOf('#') + 1))).then().statusCode(201);
    }

    @Test
    void readsAreLimitedPerAddressToo() {
        String address = nextAddress();
        for (int i = 0; i < 60; i++) {
            from(address).get(publicPath(token)).then().statusCode(200);
        }
        from(address).get(publicPath(token)).then().statusCode(429).contentType("application/problem+json");
    }

    @Test
    void aClosedGatesPosterAnswersNothing() {
        as(cadre).body(Map.of("active", false)).patch("/api/v1/places/" + w.checkpointA1().id).then().statusCode(200);
        from().get(publicPath(token)).then().statusCode(404);
        from().body(visit()).post(publicPath(token)).then().statusCode(404);
    }

    private JsonWebSignature verified(String code) throws Exception {
        String keys = new ObjectMapper().writeValueAsString(
                as(fixtures.token(w.volunteerA())).get("/api/v1/trust-data").then().extract().jsonPath().getMap("keys"));
        JsonWebSignature jws = (JsonWebSignature) JsonWebStructure.fromCompactSerialization(code);
        jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256));
        jws.setKey(new JwksVerificationKeyResolver(new JsonWebKeySet(keys).getJsonWebKeys()).resolveKey(jws, List.of()));
        assertTrue(jws.verifySignature());
        return jws;
    }

    private static void expectField(Response response, String field) {
        response.then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    private static Map<String, Object> visit(Object... changes) {
        Map<String, Object> visit = new HashMap<>(Map.of("origin", "松源街道", "purpose", "送蔬菜", "partySize", 1));
        for (int i = 0; i < changes.length; i += 2) {
            visit.put((String) changes[i], changes[i + 1]);
        }
        return visit;
    }

    private String poster() {
        return "/api/v1/checkpoints/" + w.checkpointA1().id + "/poster";
    }

    private static String publicPath(String token) {
        return "/api/v1/public/check-in/" + token;
    }

    /** A visitor's phone from an address of its own. */
    private static RequestSpecification from() {
        return from(nextAddress());
    }

    private static RequestSpecification from(String address) {
        return anonymous().header("X-Forwarded-For", address);
    }

    private static String nextAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    private static String lastAddress() {
        int n = ADDRESSES.get();
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }
}
