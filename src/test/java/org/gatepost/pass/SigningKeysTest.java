package org.gatepost.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pass key: signing, rotation (earlier keys keep verifying), and reading keys as deployments store them. */
class SigningKeysTest {

    @TempDir
    Path dir;

    @Test
    void aPassSignedWithThePreviousKeyStillVerifiesAfterRotation() throws Exception {
        KeyPair old = pair();
        SigningKeys before = new SigningKeys(old, List.of());
        String pass = before.sign("gp-pass", "{\"v\":1,\"t\":\"pass\"}");

        SigningKeys after = new SigningKeys(pair(), List.of(old.getPublic()));
        assertEquals(2, after.jwks().size());
        assertEquals(after.kid(), after.jwks().get(0).get("kid"), "the current key comes first");
        assertTrue(verifies(pass, after), "signed with the previous key, found by its kid in the new set");
        assertTrue(verifies(after.sign("gp-pass", "{}"), after));
        // Once the old key is dropped from the set, its passes no longer verify.
        assertFalse(verifies(pass, new SigningKeys(pair(), List.of())));
    }

    @Test
    void jwksAreEcP256WithThumbprintKids() {
        Map<String, Object> jwk = new SigningKeys(pair(), List.of()).jwks().get(0);
        assertEquals("EC", jwk.get("kty"));
        assertEquals("P-256", jwk.get("crv"));
        assertEquals("ES256", jwk.get("alg"));
        assertEquals("sig", jwk.get("use"));
        assertFalse(jwk.containsKey("d"), "never the private part");
        assertEquals(43, ((String) jwk.get("kid")).length(), "base64url SHA-256 thumbprint");
    }

    @Test
    void readsTheKeyAsOpenSslWritesItWithOrWithoutAnAppendedPublicKey() throws Exception {
        Path plain = dir.resolve("plain.pem");
        run("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", plain.toString());
        Path pub = dir.resolve("plain.pub.pem");
        run("openssl", "pkey", "-in", plain.toString(), "-pubout", "-out", pub.toString());
        Path both = dir.resolve("both.pem");
        Files.writeString(both, Files.readString(plain) + Files.readString(pub));

        KeyPair fromPlain = SigningKeys.read(plain);
        KeyPair fromBoth = SigningKeys.read(both);
        assertEquals(fromBoth.getPublic(), fromPlain.getPublic());
        assertEquals(SigningKeys.publicKey(pub), fromPlain.getPublic());
        SigningKeys keys = new SigningKeys(fromPlain, List.of());
        assertTrue(verifies(keys.sign("gp-pass", "{}"), new SigningKeys(pair(), List.of(SigningKeys.publicKey(pub)))));
    }

    @Test
    void aFileWithoutAKeyIsRefused() throws Exception {
        Path file = dir.resolve("nothing.pem");
        Files.writeString(file, "not a key");
        assertThrows(IllegalStateException.class, () -> SigningKeys.read(file));
        assertThrows(RuntimeException.class, () -> SigningKeys.read(dir.resolve("absent.pem")));
    }

    private static boolean verifies(String compact, SigningKeys keys) throws Exception {
        JsonWebKeySet set = new JsonWebKeySet(new ObjectMapper().writeValueAsString(Map.of("keys", keys.jwks())));
        JsonWebSignature jws = (JsonWebSignature) JsonWebStructure.fromCompactSerialization(compact);
        jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256));
        try {
            jws.setKey(new JwksVerificationKeyResolver(set.getJsonWebKeys()).resolveKey(jws, List.of()));
        } catch (org.jose4j.lang.UnresolvableKeyException e) {
            return false;
        }
        return jws.verifySignature();
    }

    private static KeyPair pair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
    }
}
