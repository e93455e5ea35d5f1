package org.gatepost.common;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs a scheduled job on one instance only, however many run: each instance's scheduler ticks,
 * and the first to take the job's advisory lock, when no instance started the job within its
 * period, runs it; the others skip that tick. The lock is held by a transaction that lasts as
 * long as the job (the job's own transactions are separate, so its work commits as it goes);
 * if the instance dies, PostgreSQL releases the lock with its connection and the row is not
 * updated, so another instance runs the job at its next tick.
 */
@ApplicationScoped
public class ClusterJobs {

    /** A job may run a little early: instances' ticks drift against each other. */
    private static final double SLACK = 0.9;

    private final EntityManager em;

    ClusterJobs(EntityManager em) {
        this.em = em;
    }

    /** Runs {@code work} unless another instance runs it now or started it less than {@code period} ago; answers whether it ran. */
    public boolean runOnce(String job, Duration period, Duration longest, Runnable work) {
        return QuarkusTransaction.requiringNew().timeout((int) longest.toSeconds()).call(() -> {
            if (!claim(job, Duration.ofMillis((long) (period.toMillis() * SLACK)))) {
                return false;
            }
            work.run();
            return true;
        });
    }

    @SuppressWarnings("unchecked")
    private boolean claim(String job, Duration spacing) {
        Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtextextended('job:' || :job, 0))")
                .setParameter("job", job)
                .getSingleResult();
        if (!locked) {
            return false;
        }
        List<String> claimed = em.createNativeQuery("""
                INSERT INTO job_run (job, last_started_at) VALUES (:job, clock_timestamp())
                ON CONFLICT (job) DO UPDATE SET last_started_at = clock_timestamp()
                WHERE job_run.last_started_at <= clock_timestamp() - make_interval(secs => :spacing)
                RETURNING job
                """)
                .setParameter("job", job)
                .setParameter("spacing", (double) spacing.toSeconds())
                .getResultList();
        return !claimed.isEmpty();
    }
}
