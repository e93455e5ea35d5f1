package org.gatepost.audit;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import org.gatepost.common.ClusterJobs;
import org.gatepost.common.Cursor;
import org.gatepost.common.GatepostConfig;
import org.gatepost.common.Page;

/** Reading the audit log, and forgetting what is older than its retention period. */
@ApplicationScoped
@Transactional
public class AuditService {

    private final AuditRepository events;
    private final Duration retention;
    private final ClusterJobs jobs;

    AuditService(AuditRepository events, GatepostConfig config, ClusterJobs jobs) {
        this.events = events;
        this.retention = config.audit().retention();
        this.jobs = jobs;
    }

    public Page<AuditEventView> page(Instant from, Instant to, AuditKind kind, Cursor before, int limit) {
        return Page.of(events.page(from, to, kind, before, limit + 1), limit,
                e -> new Cursor(e.at().toInstant().toString(), e.id()), e -> e);
    }

    /** Every six hours on one instance, however many run. */
    @Scheduled(every = "6h", delayed = "3m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        jobs.runOnce("audit-retention", Duration.ofHours(6), Duration.ofMinutes(50),
                () -> forgetOlderThanRetention(Instant.now()));
    }

    /** Deletes the events older than the retention period as of {@code now}; answers how many. */
    public int forgetOlderThanRetention(Instant now) {
        int deleted = events.deleteOlderThan(now.minus(retention));
        if (deleted > 0) {
            Log.infof("Deleted %d audit events older than %s", deleted, retention);
        }
        return deleted;
    }
}
