package org.gatepost.pass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import org.gatepost.common.GatepostConfig;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.HashUtil;
import org.jose4j.lang.JoseException;

/**
 * The installation's own EC P-256 keys for passes and check-in codes: the current one signs
 * (JWS compact, ES256, with its RFC 7638 thumbprint as {@code kid}), earlier ones stay published
 * so that what they signed keeps verifying during a rotation. In production the key is read
 * from {@code gatepost.passes.signing-key} (StartupChecks refuses to start without it); in dev
 * mode and tests a fresh one is made on every start.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    /** The EC public point in DER: BIT STRING of 66 bytes, no unused bits, uncompressed point (04 || x || y). */
    private static final byte[] POINT_PREFIX = {0x03, 0x42, 0x00, 0x04};

    private final PrivateKey signing;
    private final String kid;
    private final List<PublicJsonWebKey> published;

    @Inject
    SigningKeys(GatepostConfig config) {
        this(config.passes().signingKey().map(path -> read(Path.of(path))).orElseGet(SigningKeys::generated),
                config.passes().previousKeys().orElse(List.of()).stream().filter(p -> !p.isBlank())
                        .map(p -> publicKey(Path.of(p.trim()))).toList());
    }

    /** A signing key pair and the public keys of earlier ones (for tests of rotation). */
    public SigningKeys(KeyPair current, List<PublicKey> previous) {
        this.signing = current.getPrivate();
        List<PublicJsonWebKey> keys = new ArrayList<>();
        keys.add(jwk(current.getPublic()));
        previous.forEach(key -> keys.add(jwk(key)));
        this.kid = keys.get(0).getKeyId();
        this.published = List.copyOf(keys);
    }

    /** The kid of the key that signs now. */
    public String kid() {
        return kid;
    }

    /** The JWS compact serialisation of {@code payload} (JSON), signed now with the current key. */
    public String sign(String type, String payload) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jws.setKeyIdHeaderValue(kid);
        jws.setHeader("typ", type);
        jws.setPayload(payload);
        jws.setKey(signing);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign with the pass key", e);
        }
    }

    /** Every key a pass may be signed with, current first, as public JWKs (kty, crv, x, y, kid, alg, use). */
    public List<Map<String, Object>> jwks() {
        return published.stream()
                .map(key -> (Map<String, Object>) new LinkedHashMap<>(key.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)))
                .toList();
    }

    private static PublicJsonWebKey jwk(PublicKey key) {
        if (!(key instanceof ECPublicKey ec) || !EllipticCurves.P256.getCurve().equals(ec.getParams().getCurve())) {
            throw new IllegalStateException("A pass key must be an EC P-256 key");
        }
        EllipticCurveJsonWebKey jwk = new EllipticCurveJsonWebKey(ec);
        jwk.setKeyId(jwk.calculateBase64urlEncodedThumbprint(HashUtil.SHA_256));
        jwk.setAlgorithm(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jwk.setUse("sig");
        return jwk;
    }

    private static KeyPair generated() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            Log.info("Pass signing key generated for this run (dev or test); production reads gatepost.passes.signing-key");
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The key pair from a PEM file with a PKCS#8 private key. Its public half comes from a
     * PUBLIC KEY block in the same file if there is one, else from the PKCS#8 structure itself
     * (OpenSSL writes the public point there): the JDK cannot derive it from the private key.
     */
    static KeyPair read(Path path) {
        String text = text(path);
        byte[] pkcs8 = block(text, "PRIVATE KEY", path);
        try {
            KeyFactory factory = KeyFactory.getInstance("EC");
            ECPrivateKey privateKey = (ECPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            PublicKey publicKey;
            if (text.contains("-----BEGIN PUBLIC KEY-----")) {
                publicKey = factory.generatePublic(new X509EncodedKeySpec(block(text, "PUBLIC KEY", path)));
            } else {
                publicKey = pointIn(pkcs8, path);
            }
            return new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException(path + " holds no EC P-256 private key in PKCS#8 PEM", e);
        }
    }

    static PublicKey publicKey(Path path) {
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(block(text(path), "PUBLIC KEY", path)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(path + " holds no EC public key in PEM", e);
        }
    }

    private static PublicKey pointIn(byte[] pkcs8, Path path) throws GeneralSecurityException {
        // The optional [1] publicKey of RFC 5915's ECPrivateKey ends the structure: 04 || x || y.
        int at = pkcs8.length - 65 - 3;
        if (at < 0 || !Arrays.equals(Arrays.copyOfRange(pkcs8, at, at + 4), POINT_PREFIX)) {
            throw new IllegalStateException(path + " has no public key: append it with "
                    + "'openssl pkey -in FILE -pubout >> FILE' or use deploy/generate-keys.sh");
        }
        byte[] point = Arrays.copyOfRange(pkcs8, at + 3, pkcs8.length);
        try {
            Map<String, Object> jwk = Map.of("kty", "EC", "crv", "P-256",
                    "x", Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOfRange(point, 1, 33)),
                    "y", Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOfRange(point, 33, 65)));
            return PublicJsonWebKey.Factory.newPublicJwk(jwk).getPublicKey();
        } catch (JoseException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static byte[] block(String text, String type, Path path) {
        Matcher matcher = PEM.matcher(text);
        while (matcher.find()) {
            if (matcher.group(1).equals(type)) {
                return Base64.getMimeDecoder().decode(matcher.group(2).replaceAll("\\s", ""));
            }
        }
        throw new IllegalStateException(path + " holds no PEM block '" + type + "'");
    }

    private static String text(Path path) {
        try {
            return Files.readString(path, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the pass key " + path, e);
        }
    }
}
