package org.gatepost.account;

import jakarta.enterprise.context.ApplicationScoped;

/** The bcrypt comparison of a sign-in, as a bean so that tests can hold one in progress. */
@ApplicationScoped
public class PasswordCheck {

    /** Whether the password fits the stored hash; with no hash (unknown phone) it spends the same time and answers no. */
    public boolean matches(String password, String hash) {
        if (hash == null) {
            Passwords.decoy(password);
            return false;
        }
        return Passwords.matches(password, hash);
    }
}
