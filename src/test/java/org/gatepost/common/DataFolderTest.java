package org.gatepost.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data folder's secrets: made once, readable by their owner only, kept on the next start. */
class DataFolderTest {

    @TempDir
    Path parent;

    @Test
    void secretsAreMadeOnceWithOwnerOnlyPermissions() throws Exception {
        Path root = parent.resolve("gatepost");
        DataFolder first = DataFolder.prepare(root, true);

        assertEquals("rwx------", permissions(root));
        assertEquals("rwx------", permissions(root.resolve("secrets")));
        try (Stream<Path> files = Files.list(root.resolve("secrets"))) {
            for (Path file : files.toList()) {
                assertEquals("rw-------", permissions(file), file.toString());
            }
        }
        assertEquals(64, first.settings().get("gatepost.phone-hash-secret").length());
        assertTrue(first.settings().get("gatepost.admin.password").length() >= 20);
        // The pass key file holds the PKCS#8 private key, then its public key (see pass/SigningKeys).
        String passKeyFile = Files.readString(Path.of(first.settings().get("gatepost.passes.signing-key")));
        ECPrivateKey ec = (ECPrivateKey) KeyFactory.getInstance("EC")
                .generatePrivate(new PKCS8EncodedKeySpec(pemBlock(passKeyFile, "PRIVATE KEY")));
        assertEquals(256, ec.getParams().getOrder().bitLength(), "a P-256 key");
        ECPublicKey pub = (ECPublicKey) KeyFactory.getInstance("EC")
                .generatePublic(new X509EncodedKeySpec(pemBlock(passKeyFile, "PUBLIC KEY")));
        assertEquals(ec.getParams().getOrder(), pub.getParams().getOrder(), "its public half follows it");

        String tokenKey = Files.readString(root.resolve("secrets/token-private.pem"));
        DataFolder second = DataFolder.prepare(root, true);
        assertEquals(first.settings().get("gatepost.phone-hash-secret"), second.settings().get("gatepost.phone-hash-secret"));
        assertEquals(tokenKey, Files.readString(root.resolve("secrets/token-private.pem")));
    }

    private static byte[] pemBlock(String pem, String type) {
        int start = pem.indexOf("-----BEGIN " + type + "-----");
        int end = pem.indexOf("-----END " + type + "-----");
        assertTrue(start >= 0 && end > start, "a " + type + " block");
        return Base64.getMimeDecoder().decode(pem.substring(start + ("-----BEGIN " + type + "-----").length(), end));
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
