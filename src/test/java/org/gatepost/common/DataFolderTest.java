package org.gatepost.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
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
        byte[] passKey = Base64.getMimeDecoder().decode(Files.readString(Path.of(first.settings()
                .get("gatepost.passes.signing-key"))).replaceAll("-----[A-Z ]+-----", ""));
        ECPrivateKey ec = (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(passKey));
        assertEquals(256, ec.getParams().getOrder().bitLength(), "a P-256 key");

        String tokenKey = Files.readString(root.resolve("secrets/token-private.pem"));
        DataFolder second = DataFolder.prepare(root, true);
        assertEquals(first.settings().get("gatepost.phone-hash-secret"), second.settings().get("gatepost.phone-hash-secret"));
        assertEquals(tokenKey, Files.readString(root.resolve("secrets/token-private.pem")));
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
