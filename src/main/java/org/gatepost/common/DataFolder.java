package org.gatepost.common;

import java.io.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * One computer, no database server: everything an installation keeps lives in one folder that
 * the operator names ({@code GATEPOST_DATA_DIR}), readable by its owner only.
 *
 * <pre>
 * DATA/                       0700
 *   postgresql/               the embedded PostgreSQL's data (kept across restarts and upgrades)
 *   secrets/                  0700, every file 0600, made on first start and never replaced
 *     token-private.pem       RSA key that signs sign-in tokens (PKCS#8)
 *     token-public.pem        its public half, to verify them
 *     pass-signing-key.pem    EC P-256 key that signs visitor passes (PKCS#8)
 *     phone-hash-secret       the key of visitors' phone hashes: losing it makes old hashes unmatched
 *     first-admin-password    only until the first administrator exists; printed once, then deleted
 * </pre>
 *
 * Back up the whole folder (or pg_dump plus {@code secrets/}): without the secrets a restored
 * database cannot recognise repeat visitors and every signed-in phone must sign in again.
 */
final class DataFolder {

    static final String FIRST_ADMIN_PASSWORD = "first-admin-password";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** No 0/O or 1/l/I: the password is read off a screen and typed on a phone. */
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Path root;
    private final Map<String, String> settings;

    private DataFolder(Path root, Map<String, String> settings) {
        this.root = root;
        this.settings = settings;
    }

    /**
     * Makes the folder, its secrets and (on first start) the first administrator's password.
     * A first start needs the administrator's phone number: from {@code GATEPOST_ADMIN_PHONE}
     * or asked for on the console.
     */
    static DataFolder prepare(Path root, boolean adminPhoneConfigured) {
        try {
            Path secrets = root.resolve("secrets");
            boolean firstStart = !Files.exists(root.resolve("postgresql").resolve("PG_VERSION"));
            ownerOnlyFolder(root);
            ownerOnlyFolder(secrets);
            Path privateKey = secrets.resolve("token-private.pem");
            Path publicKey = secrets.resolve("token-public.pem");
            if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
                KeyPair tokens = keyPair("RSA", generator -> generator.initialize(2048));
                ownerOnlyFile(publicKey, pem("PUBLIC KEY", tokens.getPublic().getEncoded()));
                ownerOnlyFile(privateKey, pem("PRIVATE KEY", tokens.getPrivate().getEncoded()));
            }
            Path passKey = secrets.resolve("pass-signing-key.pem");
            if (!Files.exists(passKey)) {
                KeyPair pass = keyPair("EC", generator -> generator.initialize(new ECGenParameterSpec("secp256r1")));
                // The public key follows the private one: the JDK cannot derive it (see pass/SigningKeys).
                ownerOnlyFile(passKey, pem("PRIVATE KEY", pass.getPrivate().getEncoded())
                        + pem("PUBLIC KEY", pass.getPublic().getEncoded()));
            }
            Path phoneSecret = secrets.resolve("phone-hash-secret");
            if (!Files.exists(phoneSecret)) {
                byte[] secret = new byte[32];
                RANDOM.nextBytes(secret);
                ownerOnlyFile(phoneSecret, HexFormat.of().formatHex(secret) + "\n");
            }
            Map<String, String> settings = new java.util.HashMap<>(Map.of(
                    "smallrye.jwt.sign.key.location", privateKey.toString(),
                    "mp.jwt.verify.publickey.location", publicKey.toString(),
                    "gatepost.passes.signing-key", passKey.toString(),
                    "gatepost.phone-hash-secret", Files.readString(phoneSecret).strip()));
            Path adminPassword = firstAdminPasswordFile(root);
            if (firstStart && !Files.exists(adminPassword)) {
                ownerOnlyFile(adminPassword, password(20) + "\n");
            }
            if (Files.exists(adminPassword)) {
                if (!adminPhoneConfigured) {
                    settings.put("gatepost.admin.phone", askForAdminPhone());
                }
                settings.put("gatepost.admin.password", Files.readString(adminPassword).strip());
            }
            return new DataFolder(root, Map.copyOf(settings));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the data folder " + root, e);
        }
    }

    static Path firstAdminPasswordFile(Path root) {
        return root.resolve("secrets").resolve(FIRST_ADMIN_PASSWORD);
    }

    Path databaseDirectory() {
        return root.resolve("postgresql");
    }

    /** Settings that point the application at the folder's keys and secrets. */
    Map<String, String> settings() {
        return settings;
    }

    private static String askForAdminPhone() {
        Console console = System.console();
        String phone = console == null ? null
                : console.readLine("First start: the first administrator's phone number (they sign in with it): ");
        if (phone == null || phone.isBlank()) {
            StartupChecks.refusal.accept("Gatepost cannot start: this is the data folder's first start and there is "
                    + "no administrator yet; set GATEPOST_ADMIN_PHONE to the first administrator's phone number "
                    + "(their password is made and printed once)");
        }
        return phone == null ? "" : phone.strip();
    }

    static String password(int length) {
        StringBuilder password = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    private interface Initialiser {
        void initialise(KeyPairGenerator generator) throws GeneralSecurityException;
    }

    private static KeyPair keyPair(String algorithm, Initialiser initialiser) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            initialiser.initialise(generator);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void ownerOnlyFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    }

    /** Written as 0600 from the first byte: the file is created with those permissions, then filled. */
    private static void ownerOnlyFile(Path file, String content) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(partial, content);
        Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
