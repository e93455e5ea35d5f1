package org.gatepost.entry;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.gatepost.common.ClusterJobs;
import org.gatepost.common.GatepostConfig;

/**
 * Erases entries' personal fields once older than the retention period (default 28 days).
 * The entry's non-personal facts and all counts stay. Runs every hour, in small transactions.
 */
@ApplicationScoped
public class RetentionJob {

    static final int BATCH = 5000;

    private final EntryRepository entries;
    private final Duration retention;
    private final ClusterJobs jobs;

    RetentionJob(EntryRepository entries, GatepostConfig config, ClusterJobs jobs) {
        this.entries = entries;
        this.retention = config.retention();
        this.jobs = jobs;
    }

    /** Once an hour on one instance, however many run. */
    @Scheduled(every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        jobs.runOnce("retention", Duration.ofHours(1), Duration.ofMinutes(50), () -> eraseExpired(Instant.now()));
    }

    /** Erases what is older than the retention period as of {@code now}; answers how many entries. */
    public int eraseExpired(Instant now) {
        Instant before = now.minus(retention);
        int total = 0;
        int erased;
        do {
            erased = QuarkusTransaction.requiringNew().call(() -> entries.erasePersonalFields(before, BATCH, now));
            total += erased;
        } while (erased == BATCH);
        if (total > 0) {
            Log.infof("Erased the personal fields of %d entries older than %s", total, before);
        }
        return total;
    }
}
