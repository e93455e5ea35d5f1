package org.gatepost.account;

import java.security.GeneralSecurityException;

import io.quarkus.elytron.security.common.BcryptUtil;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

/** bcrypt hashing of passwords, with Quarkus' own Elytron implementation. */
public final class Passwords {

    private static final WildFlyElytronPasswordProvider PROVIDER = new WildFlyElytronPasswordProvider();
    /** Checked against when the phone number is unknown, so that both cases take as long. */
    private static final String DECOY = hash("no account has this password");

    private Passwords() {
    }

    public static String hash(String password) {
        return BcryptUtil.bcryptHash(password);
    }

    static boolean matches(String password, String hash) {
        try {
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
            BCryptPassword stored = (BCryptPassword) factory.translate(ModularCrypt.decode(hash));
            return factory.verify(stored, password.toCharArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored password hash cannot be read", e);
        }
    }

    /** Spends the time of one verification without any account to check. */
    static void decoy(String password) {
        matches(password, DECOY);
    }
}
