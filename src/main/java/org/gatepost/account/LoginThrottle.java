package org.gatepost.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;
import org.gatepost.common.GatepostConfig;

/**
 * Counts failed sign-ins per phone number in PostgreSQL, so that the limit holds across
 * restarts and instances, whether or not an account has that number.
 */
@ApplicationScoped
public class LoginThrottle {

    private final EntityManager em;
    private final GatepostConfig.Login config;

    LoginThrottle(EntityManager em, GatepostConfig config) {
        this.em = em;
        this.config = config.login();
    }

    /**
     * Takes this phone's lock for the rest of the transaction and answers how long the caller
     * must still wait (zero when it may try).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Duration waitBefore(String phone, Instant now) {
        byte[] digest = digest(phone);
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(encode(:digest, 'hex'), 0))")
                .setParameter("digest", digest)
                .getSingleResult();
        Object[] failures = (Object[]) em.createNativeQuery("""
                SELECT count(*), min(failed_at) FROM login_failure
                WHERE phone_digest = :digest AND failed_at > :since
                """)
                .setParameter("digest", digest)
                .setParameter("since", now.minus(config.window()))
                .getSingleResult();
        long count = ((Number) failures[0]).longValue();
        if (count < config.maxFailures()) {
            return Duration.ZERO;
        }
        Instant oldest = (Instant) failures[1];
        Duration wait = Duration.between(now, oldest.plus(config.window()));
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void failed(String phone, Instant now) {
        em.createNativeQuery("INSERT INTO login_failure (phone_digest, failed_at) VALUES (:digest, :now)")
                .setParameter("digest", digest(phone))
                .setParameter("now", now)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void succeeded(String phone) {
        em.createNativeQuery("DELETE FROM login_failure WHERE phone_digest = :digest")
                .setParameter("digest", digest(phone))
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

    private static byte[] digest(String phone) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(phone.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
