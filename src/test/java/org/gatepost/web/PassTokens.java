package org.gatepost.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BinaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gatepost.pass.SigningKeys;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.jose4j.keys.EllipticCurves;

/**
 * Passes and check-in codes the API would not issue: signed with the installation's own key
 * but already expired, or signed by a forger's key that no phone knows.
 */
final class PassTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final BinaryOperator<String> signer;

    private PassTokens(BinaryOperator<String> signer) {
        this.signer = signer;
    }

    /** Signed as the installation signs (SigningKeys.sign(type, payload)). */
    static PassTokens installation(SigningKeys keys) {
        return new PassTokens(keys::sign);
    }

    /** Signed by a key of its own: a forger's. */
    static PassTokens forger() {
        try {
            EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            String kid = key.calculateBase64urlEncodedThumbprint("SHA-256");
            return new PassTokens((type, payload) -> {
                JsonWebSignature jws = new JsonWebSignature();
                jws.setPayload(payload);
                jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
                jws.setKeyIdHeaderValue(kid);
                jws.setHeader("typ", type);
                jws.setKey(key.getPrivateKey());
                try {
                    return jws.getCompactSerialization();
                } catch (JoseException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    String pass(String householdId, UUID villageId, int serial, Instant expiresAt) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("v", 1);
        claims.put("t", "pass");
        claims.put("h", householdId);
        claims.put("vl", villageId.toString());
        claims.put("s", serial);
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("lim", null);
        return signer.apply("gp-pass", json(claims));
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
        return signer.apply("gp-checkin", json(claims));
    }

    private static String json(Map<String, Object> claims) {
        try {
            return JSON.writeValueAsString(claims);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
