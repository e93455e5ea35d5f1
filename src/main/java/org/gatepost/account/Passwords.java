package org.gatepost.account;

import io.quarkus.elytron.security.common.BcryptUtil;

/** bcrypt hashing of passwords, with Quarkus' own Elytron implementation ({@link BcryptUtil}). */
public final class Passwords {

    /** Checked against when the phone number is unknown, so that both cases take as long. */
    private static final String DECOY = hash("no account has this password");

    private Passwords() {
    }

    public static String hash(String password) {
        return BcryptUtil.bcryptHash(password);
    }

    /** Whether the password is the one whose bcrypt hash ({@code $2a$…}, Modular Crypt format) is stored. */
    static boolean matches(String password, String hash) {
        return BcryptUtil.matches(password, hash);
    }

    /** Spends the time of one verification without any account to check. */
    static void decoy(String password) {
        matches(password, DECOY);
    }
}
