package org.gatepost.household;

import static org.gatepost.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.jwa.AlgorithmConstraints;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Passes as a cadre issues them and as a phone checks them: the JWS, the trust data, its ETag. */
@QuarkusTest
class PassResourceTest {

    @Inject
    Fixtures fixtures;

    World w;
    String cadre;
    String volunteer;
    String household;

    @BeforeEach
    void world() {
        w = fixtures.world();
        cadre = fixtures.token(w.cadreA());
        volunteer = fixtures.token(w.volunteerA());
        household = as(cadre).body(Map.of("label", "12-3", "head", "王芳", "phone", "13812345678"))
                .post(HouseholdResourceTest.households(w)).then().statusCode(201).extract().path("id");
    }

    @Test
    void aPassIsAnEs256JwsThatAStandardVerifierAcceptsWithTheTrustDataKeys() throws Exception {
        Response issued = as(cadre).body(Map.of("validDays", 30)).post(pass(household)).then().statusCode(201)
                .body("serial", equalTo(1)).extract().response();
        String token = issued.path("token");
        String jwks = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                as(volunteer).get("/api/v1/trust-data").then().statusCode(200).extract().jsonPath().getMap("keys"));
        JsonWebKeySet keys = new JsonWebKeySet(jwks);
        JsonWebSignature jws = (JsonWebSignature) JsonWebStructure.fromCompactSerialization(token);
        jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256));
        jws.setKey(new JwksVerificationKeyResolver(keys.getJsonWebKeys()).resolveKey(jws, List.of()));
        assertTrue(jws.verifySignature(), jwks);
        assertEquals("gp-pass", jws.getHeader("typ"));
        assertEquals(issued.path("kid"), jws.getKeyIdHeaderValue());
        assertEquals(64, org.jose4j.base64url.Base64Url.decode(token.split("\\.")[2]).length, "raw r||s");
        Map<String, Object> claims = new com.fasterxml.jackson.databind.ObjectMapper().readValue(jws.getPayload(), Map.class);
        assertEquals(1, claims.get("v"));
        assertEquals("pass", claims.get("t"));
        assertEquals(household, claims.get("h"));
        assertEquals(w.villageA().id.toString(), claims.get("vl"));
        assertEquals(1, claims.get("s"));
        assertNull(claims.get("lim"));
        assertTrue(claims.containsKey("lim"));
        long exp = ((Number) claims.get("exp")).longValue();
        assertTrue(Math.abs(exp - Instant.now().plusSeconds(30L * 86400).getEpochSecond()) < 120, "expires in 30 days");
        as(cadre).get("/api/v1/households/" + household).then().statusCode(200)
                .body("pass.serial", equalTo(1), "pass.revoked", equalTo(false));
    }

    @Test
    void reissuingRevokesThePreviousSerialAndTheTrustDataTagChanges() {
        as(cadre).body("{}").post(pass(household)).then().statusCode(201).body("serial", equalTo(1));
        Response before = as(volunteer).get("/api/v1/trust-data").then().statusCode(200).extract().response();
        String etag = before.header("ETag");
        as(volunteer).header("If-None-Match", etag).get("/api/v1/trust-data").then().statusCode(304);

        as(cadre).body("{}").post(pass(household)).then().statusCode(201).body("serial", equalTo(2));
        Response after = as(volunteer).header("If-None-Match", etag).get("/api/v1/trust-data").then().statusCode(200)
                .body("revoked", hasItem(Map.of("villageId", w.villageA().id.toString(), "serial", 1)))
                .body("households.find { it.householdId == '" + household + "' }.serial", equalTo(2))
                .extract().response();
        assertNotEquals(etag, after.header("ETag"));

        as(cadre).delete(pass(household)).then().statusCode(204);
        as(volunteer).header("If-None-Match", after.header("ETag")).get("/api/v1/trust-data").then().statusCode(200)
                .body("revoked.serial", hasItem(2))
                .body("households.find { it.householdId == '" + household + "' }.serial", nullValue());
        as(cadre).delete(pass(household)).then().statusCode(404);
        as(cadre).get("/api/v1/households/" + household).then().body("pass", nullValue());
    }

    @Test
    void serialsCountPerVillage() {
        as(cadre).body("{}").post(pass(household)).then().body("serial", equalTo(1));
        String other = as(fixtures.token(w.cadreB())).body(Map.of("label", "1", "head", "李"))
                .post("/api/v1/villages/" + w.villageB().id + "/households").then().statusCode(201).extract().path("id");
        as(fixtures.token(w.cadreB())).post(pass(other)).then().statusCode(201).body("serial", equalTo(1));
    }

    @Test
    void trustDataShowsOnlyTheCallersArea() {
        as(cadre).body("{}").post(pass(household)).then().statusCode(201);
        as(cadre).delete(pass(household)).then().statusCode(204);
        // Village B sees neither village A's households nor its revocations.
        as(fixtures.token(w.volunteerB())).get("/api/v1/trust-data").then().statusCode(200)
                .body("villages.villageId", equalTo(List.of(w.villageB().id.toString())))
                .body("households.householdId", not(hasItem(household)))
                .body("revoked.villageId", not(hasItem(w.villageA().id.toString())));
        // The township official sees both villages and the revocation, but no households.
        as(fixtures.token(w.townshipOfficial())).get("/api/v1/trust-data").then().statusCode(200)
                .body("villages", hasSize(2), "households", hasSize(0))
                .body("revoked.villageId", hasItem(w.villageA().id.toString()));
        // Households carry no personal data.
        as(volunteer).get("/api/v1/trust-data").then()
                .body("households[0].keySet()", equalTo(java.util.Set.of("householdId", "villageId", "label", "serial",
                        "outingsInPeriod", "periodStart", "periodEnd")));
    }

    @Test
    void outingLimitReachesTheTrustDataAndThePassClaims() throws Exception {
        String etag = as(volunteer).get("/api/v1/trust-data").then().extract().header("ETag");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        as(cadre).body(Map.of("outings", 1, "days", 2)).put(limit()).then().statusCode(200)
                .body("outings", equalTo(1), "days", equalTo(2), "since", equalTo(today));
        as(volunteer).get(limit()).then().statusCode(200).body("days", equalTo(2));
        as(volunteer).header("If-None-Match", etag).get("/api/v1/trust-data").then().statusCode(200)
                .body("villages[0].outingLimit.outings", equalTo(1))
                .body("households[0].outingsInPeriod", equalTo(0), "households[0].periodStart", equalTo(today));
        String token = as(cadre).body("{}").post(pass(household)).then().extract().path("token");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertTrue(payload.contains("\"lim\":[1,2]"), payload);
        as(cadre).delete(limit()).then().statusCode(204);
        as(volunteer).get(limit()).then().statusCode(404);
        as(cadre).body(Map.of("outings", 0, "days", 2)).put(limit()).then().statusCode(400)
                .body("errors.field", hasItem("outings"));
        as(volunteer).body(Map.of("outings", 1, "days", 2)).put(limit()).then().statusCode(403);
    }

    @Test
    void passCardsListLivePassesByLabel() {
        as(cadre).body("{}").post(pass(household)).then().statusCode(201);
        String second = as(cadre).body(Map.of("label", "01-1", "head", "趙")).post(HouseholdResourceTest.households(w))
                .then().statusCode(201).extract().path("id");
        as(cadre).body("{}").post(pass(second)).then().statusCode(201);
        String third = as(cadre).body(Map.of("label", "99", "head", "錢")).post(HouseholdResourceTest.households(w))
                .then().statusCode(201).extract().path("id");
        as(cadre).body("{}").post(pass(third)).then().statusCode(201);
        as(cadre).delete(pass(third)).then().statusCode(204);
        as(cadre).get("/api/v1/villages/" + w.villageA().id + "/pass-cards").then().statusCode(200)
                .body("village.name", equalTo(w.villageA().name))
                .body("cards.label", equalTo(List.of("01-1", "12-3")))
                .body("cards[0].token", not(nullValue()));
    }

    @Test
    void validDaysIsChecked() {
        as(cadre).body(Map.of("validDays", 0)).post(pass(household)).then().statusCode(400)
                .body("errors.field", hasItem("validDays"));
        as(cadre).body(Map.of("validDays", "ten")).post(pass(household)).then().statusCode(400);
        as(cadre).post(pass(household)).then().statusCode(201);
    }

    private String limit() {
        return "/api/v1/villages/" + w.villageA().id + "/outing-limit";
    }

    private static String pass(String household) {
        return "/api/v1/households/" + household + "/pass";
    }
}
