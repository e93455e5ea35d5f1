package org.gatepost.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

class PasswordsTest {

    /** A published bcrypt test vector (Openwall's crypt_blowfish): "U*U" at cost 5. */
    static final String VECTOR = "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW";

    @Test
    void verifiesABcryptHashMadeElsewhere() {
        assertTrue(Passwords.matches("U*U", VECTOR));
        assertFalse(Passwords.matches("U*U*", VECTOR));
    }

    @Test
    void hashesThatTheEarlierHandWrittenVerificationStillAccepts() throws Exception {
        String hash = Passwords.hash("a-good-password");
        assertTrue(hash.startsWith("$2a$"), hash);
        // How Gatepost verified passwords before it used BcryptUtil: hashes stored then and now are one format.
        PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT,
                new WildFlyElytronPasswordProvider());
        BCryptPassword stored = (BCryptPassword) factory.translate(ModularCrypt.decode(hash));
        assertTrue(factory.verify(stored, "a-good-password".toCharArray()));
        assertTrue(Passwords.matches("a-good-password", hash));
        assertFalse(Passwords.matches("a-good-passwore", hash));
    }

    @Test
    void saltsEveryHash() {
        assertFalse(Passwords.hash("same").equals(Passwords.hash("same")));
    }
}
