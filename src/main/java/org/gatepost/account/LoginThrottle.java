package org.gatepost.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;
import org.gatepost.common.Digests;
import org.gatepost.common.GatepostConfig;

/**
 * Counts failed sign-ins in PostgreSQL, so that the limits hold across restarts and instances,
 * whether or not an account has the phone number: per phone number from one client address,
 * and per client address over all phone numbers. A stranger guessing at an account from
 * elsewhere never locks its owner out (OWASP ASVS 2.2.1).
 */
@ApplicationScoped
public class LoginThrottle {

    private final LoginFailureRepository failures;
    private final GatepostConfig.Login config;

    LoginThrottle(LoginFailureRepository failures, GatepostConfig config) {
        this.failures = failures;
        this.config = config.login();
    }

    /** Why a client must wait, how long before it may try again, and which limit held. */
    public record Refusal(String reason, Duration retryAfter, SignInMetrics.Limit limit) {
    }

    /**
     * Takes the client's lock for the rest of the transaction and, when the client may try,
     * records the attempt as a failure at once (a success takes it back), so that parallel
     * guesses cannot all pass before the first failure is written. Answers the refusal when
     * the client must wait, recording nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Refusal attempt(String phone, String client, Instant now) {
        byte[] digest = Digests.sha256(phone);
        Instant since = now.minus(config.window());
        failures.lockClient(client);
        Duration fromHere = wait(now, failures.nthNewestFromClient(client, since, config.maxFailuresPerAddress()));
        if (!fromHere.isZero()) {
            return new Refusal("Too many failed sign-ins from your network", fromHere, SignInMetrics.Limit.ADDRESS);
        }
        Duration forPhone = wait(now, failures.nthNewestForPhone(digest, client, since, config.maxFailures()));
        if (!forPhone.isZero()) {
            return new Refusal("Too many failed sign-ins for this phone number", forPhone, SignInMetrics.Limit.PHONE);
        }
        failures.insert(digest, client, now);
        return null;
    }

    /** The right password: this client's failures for the phone are forgotten, nobody else's. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void succeeded(String phone, String client) {
        failures.deleteForPhone(Digests.sha256(phone), client);
    }

    /** Failures older than the window count for nothing; they are not kept. */
    @Scheduled(every = "10m", delayed = "1m")
    @Transactional
    void forgetOldFailures() {
        failures.deleteOlderThan(Instant.now().minus(config.window()));
    }

    /**
     * How long until fewer than the limit of failures remain in the window: until the
     * limit-th newest (given, when there are so many) leaves it.
     */
    private Duration wait(Instant now, Optional<Instant> limitthNewest) {
        if (limitthNewest.isEmpty()) {
            return Duration.ZERO;
        }
        Duration wait = Duration.between(now, limitthNewest.get().plus(config.window()));
        return wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
    }
}
