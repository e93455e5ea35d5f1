package org.gatepost.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * Passes and check-in codes signed by a key of the test's own, with the trust data that
 * publishes it: what a forger would make (a key the phone does not know), and the stand-in
 * for the server until its pass endpoints exist.
 */
final class SelfSignedPasses {

    private static final ObjectMapper JSON = new ObjectMapper();
    final EllipticCurveJsonWebKey key;

    SelfSignedPasses() {
        try {
            key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            key.setKeyId(key.calculateBase64urlEncodedThumbprint("SHA-256"));
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    String pass(UUID householdId, UUID villageId, int serial, Instant expiresAt) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("v", 1);
        claims.put("t", "pass");
        claims.put("h", householdId.toString());
        claims.put("vl", villageId.toString());
        claims.put("s", serial);
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("lim", null);
        return sign("gp-pass", claims);
    }

    String checkin(UUID checkpointId, UUID villageId, String origin, String purpose, int partySize, String plate, Instant expiresAt) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("v", 1);
        claims.put("t", "checkin");
        claims.put("c", checkpointId.toString());
        claims.put("vl", villageId.toString());
        claims.put("o", origin);
        claims.put("p", purpose);
        claims.put("n", partySize);
        claims.put("pl", plate);
        claims.put("exp", expiresAt.getEpochSecond());
        return sign("gp-checkin", claims);
    }

    private String sign(String type, Map<String, Object> claims) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(JSON.writeValueAsString(claims));
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
            jws.setKeyIdHeaderValue(key.getKeyId());
            jws.setHeader("typ", type);
            jws.setKey(key.getPrivateKey());
            return jws.getCompactSerialization();
        } catch (JoseException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Trust data in the server's shape, publishing this key. */
    String trustData(UUID villageId, List<Map<String, Object>> revoked, Map<String, Object> outingLimit,
                     List<Map<String, Object>> households) {
        Map<String, Object> jwk = new LinkedHashMap<>(key.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        jwk.put("alg", "ES256");
        jwk.put("use", "sig");
        Map<String, Object> village = new LinkedHashMap<>();
        village.put("villageId", villageId.toString());
        village.put("name", "village");
        village.put("outingLimit", outingLimit);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("generatedAt", Instant.now().toString());
        data.put("keys", Map.of("keys", List.of(jwk)));
        data.put("revoked", new ArrayList<>(revoked));
        data.put("villages", List.of(village));
        data.put("households", new ArrayList<>(households));
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
