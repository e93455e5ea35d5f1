package org.gatepost.account;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.gatepost.common.GatepostConfig;
import org.gatepost.common.ProblemException;

/** Sign-in: the password check, the guessing limit and the token. */
@ApplicationScoped
public class AuthService {

    private static final String WRONG = "The phone number or the password is wrong";

    private final AccountRepository accounts;
    private final LoginThrottle throttle;
    private final TokenIssuer tokens;
    private final GatepostConfig config;

    AuthService(AccountRepository accounts, LoginThrottle throttle, TokenIssuer tokens, GatepostConfig config) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.tokens = tokens;
        this.config = config;
    }

    /** The recorded failure must survive the refusal, so problems do not roll the transaction back. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public LoginResponse login(LoginRequest request) {
        String phone = Phones.normalize("phone", request.phone());
        Instant now = Instant.now();
        Duration wait = throttle.waitBefore(phone, now);
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw ProblemException.tooManyRequests("Too many failed sign-ins for this phone number; try again in "
                    + ((seconds + 59) / 60) + " minute(s)", seconds);
        }
        Account account = accounts.findByPhone(phone).orElse(null);
        if (account == null) {
            Passwords.decoy(request.password());
            throttle.failed(phone, now);
            throw ProblemException.unauthorized(WRONG);
        }
        if (!Passwords.matches(request.password(), account.passwordHash)) {
            throttle.failed(phone, now);
            throw ProblemException.unauthorized(WRONG);
        }
        if (!account.active) {
            // Only someone who knows the password learns this.
            throw ProblemException.unauthorized("This account is deactivated; ask your village cadre or administrator");
        }
        throttle.succeeded(phone);
        TokenIssuer.Token token = tokens.issue(account, now);
        return new LoginResponse(token.token(), token.expiresAt().atZone(config.timeZone()).toOffsetDateTime(),
                AccountView.of(account, true));
    }
}
