package org.gatepost.account;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.gatepost.audit.AuditKind;
import org.gatepost.audit.AuditLog;
import org.gatepost.common.GatepostConfig;
import org.gatepost.common.ProblemException;

/**
 * Sign-in: the guessing limits, the password check and the token. The password is checked
 * between two short transactions, holding no database connection while bcrypt runs.
 */
@ApplicationScoped
public class AuthService {

    private static final String WRONG = "The phone number or the password is wrong";

    private final AccountRepository accounts;
    private final AuditLog audit;
    private final LoginThrottle throttle;
    private final PasswordCheck passwords;
    private final SignInGate gate;
    private final TokenIssuer tokens;
    private final GatepostConfig config;
    private final SignInMetrics metrics;

    AuthService(AccountRepository accounts, LoginThrottle throttle, PasswordCheck passwords, SignInGate gate,
                TokenIssuer tokens, GatepostConfig config, AuditLog audit, SignInMetrics metrics) {
        this.metrics = metrics;
        this.audit = audit;
        this.accounts = accounts;
        this.throttle = throttle;
        this.passwords = passwords;
        this.gate = gate;
        this.tokens = tokens;
        this.config = config;
    }

    /** The account as read before the password check: enough to check it, and to notice a change meanwhile. */
    private record Candidate(UUID id, String passwordHash) {
    }

    /** Signs in from {@code client} (see {@link ClientAddress}). */
    public LoginResponse login(LoginRequest request, String client) {
        String phone = Phones.normalize("phone", request.phone());
        return gate.through(() -> {
            Instant now = Instant.now();
            Candidate candidate = QuarkusTransaction.requiringNew().call(() -> {
                LoginThrottle.Refusal refusal = throttle.attempt(phone, client, now);
                if (refusal != null) {
                    metrics.throttledBy(refusal.limit());
                    throw tooMany(refusal);
                }
                return accounts.findByPhone(phone).map(a -> new Candidate(a.id, a.passwordHash)).orElse(null);
            });
            // The attempt is already recorded as a failure; only the right password takes it back.
            if (!passwords.matches(request.password(), candidate == null ? null : candidate.passwordHash())) {
                metrics.failed(SignInMetrics.Failure.BAD_CREDENTIALS);
                throw ProblemException.unauthorized(WRONG);
            }
            Account account = QuarkusTransaction.requiringNew().call(() -> {
                Account current = accounts.findById(candidate.id());
                if (current == null || !current.passwordHash.equals(candidate.passwordHash())) {
                    return null;
                }
                throttle.succeeded(phone, client);
                if (current.active) {
                    audit.changed(AuditKind.SIGN_IN, current.id, current.role.name(), "ACCOUNT", current.id, null);
                }
                return current;
            });
            if (account == null) {
                // The password was changed while it was being checked.
                metrics.failed(SignInMetrics.Failure.PASSWORD_CHANGED);
                throw ProblemException.unauthorized(WRONG);
            }
            if (!account.active) {
                // Only someone who knows the password learns this.
                metrics.failed(SignInMetrics.Failure.DEACTIVATED);
                throw ProblemException.unauthorized("This account is deactivated; ask your village cadre or administrator");
            }
            TokenIssuer.Token token = tokens.issue(account, now);
            return new LoginResponse(token.token(), token.expiresAt().atZone(config.timeZone()).toOffsetDateTime(),
                    AccountView.of(account, true));
        });
    }

    private static ProblemException tooMany(LoginThrottle.Refusal refusal) {
        Duration wait = refusal.retryAfter();
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return ProblemException.tooManyRequests(refusal.reason() + "; try again in " + ((seconds + 59) / 60) + " minute(s)",
                seconds);
    }
}
