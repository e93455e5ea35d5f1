package org.gatepost.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;
import org.gatepost.common.GatepostConfig;

/**
 * Counts failed sign-ins in PostgreSQL, so that the limits hold across restarts and instances,
 * whether or not an account has the phone number: per phone number from one client address,
 * and per client address over all phone numbers. A stranger guessing at an account from
 * elsewhere never locks its owner out (OWASP ASVS 2.2.1).
 */
@ApplicationScoped
public class LoginThrottle {

    private final EntityManager em;
    private final GatepostConfig.Login config;

    LoginThrottle(EntityManager em, GatepostConfig config) {
        this.em = em;
        this.config = config.login();
    }

    /** Why a client must wait, and how long before it may try again. */
    public record Refusal(String reason, Duration retryAfter) {
    }

    /**
     * Takes the client's lock for the rest of the transaction and, when the client may try,
     * records the attempt as a failure at once (a success takes it back), so that parallel
     * guesses cannot all pass before the first failure is written. Answers the refusal when
     * the client must wait, recording nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Refusal attempt(String phone, String client, Instant now) {
        byte[] digest = digest(phone);
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended('login:' || :client, 0))")
                .setParameter("client", client)
                .getSingleResult();
        Duration fromHere = wait(now, config.maxFailuresPerAddress(), em.createNativeQuery("""
                SELECT failed_at FROM login_failure
                WHERE client = :client AND failed_at > :since
                ORDER BY failed_at DESC OFFSET :skip LIMIT 1
                """)
                .setParameter("client", client));
        if (!fromHere.isZero()) {
            return new Refusal("Too many failed sign-ins from your network", fromHere);
        }
        Duration forPhone = wait(now, config.maxFailures(), em.createNativeQuery("""
                SELECT failed_at FROM login_failure
                WHERE phone_digest = :digest AND client = :client AND failed_at > :since
                ORDER BY failed_at DESC OFFSET :skip LIMIT 1
                """)
                .setParameter("digest", digest)
                .setParameter("client", client));
        if (!forPhone.isZero()) {
            return new Refusal("Too many failed sign-ins for this phone number", forPhone);
        }
        em.createNativeQuery("INSERT INTO login_failure (phone_digest, client, failed_at) VALUES (:digest, :client, :now)")
                .setParameter("digest", digest)
                .setParameter("client", client)
                .setParameter("now", now)
                .executeUpdate();
        return null;
    }

    /** The right password: this client's failures for the phone are forgotten, nobody else's. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void succeeded(String phone, String client) {
        em.createNativeQuery("DELETE FROM login_failure WHERE phone_digest = :digest AND client = :client")
                .setParameter("digest", digest(phone))
                .setParameter("client", client)
                .executeUpdate();
    }

    /** Failures older than the window count for nothing; they are not kept. */
    @Scheduled(every = "10m", delayed = "1m")
    @Transactional
    void forgetOldFailures() {
        em.createNativeQuery("DELETE FROM login_failure WHERE failed_at < :before")
                .setParameter("before", Instant.now().minus(config.window()))
                .executeUpdate();
    }

    /**
     * How long until fewer than {@code limit} failures remain in the window: until the
     * limit-th newest leaves it (zero when there are fewer already).
     */
    @SuppressWarnings("unchecked")
    private Duration wait(Instant now, int limit, Query newestFailures) {
        List<Instant> failure = newestFailures
                .setParameter("since", now.minus(config.window()))
                .setParameter("skip", limit - 1)
                .getResultList();
        if (failure.isEmpty()) {
            return Duration.ZERO;
        }
        Duration wait = Duration.between(now, failure.get(0).plus(config.window()));
        return wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
    }

    private static byte[] digest(String phone) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(phone.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
