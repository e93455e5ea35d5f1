package org.gatepost.entry;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.gatepost.common.Problem;

/**
 * What happens to the entries the gates send, for /q/metrics (names relied on by the
 * dashboards in deploy/): {@code gatepost.entries} by {@code outcome} and {@code reason},
 * {@code gatepost.batch.size} and {@code gatepost.sync.delay}. The meters are registered once,
 * so the hot path only increments.
 */
@ApplicationScoped
public class IngestMetrics {

    /** The reason of an entry that was recorded or recognised: there is none. */
    static final String NO_REASON = "none";

    private final MeterRegistry registry;
    private final Counter created;
    private final Counter duplicate;
    private final Map<String, Counter> refused = new ConcurrentHashMap<>();
    private final DistributionSummary batchSize;
    private final Timer syncDelay;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.created = entries("created", NO_REASON);
        this.duplicate = entries("duplicate", NO_REASON);
        for (String type : new String[] {"conflict:conflict", "rejected:invalid-input", "rejected:rule-broken"}) {
            refused.put(type, entries(type.substring(0, type.indexOf(':')), type.substring(type.indexOf(':') + 1)));
        }
        this.batchSize = DistributionSummary.builder("gatepost.batch.size")
                .description("Entries per POST /entries/batch").register(registry);
        this.syncDelay = Timer.builder("gatepost.sync.delay")
                .description("From an entry's occurredAt (the phone) to its receivedAt (the server), for entries created")
                .register(registry);
    }

    void outcome(EntryService.Outcome outcome) {
        switch (outcome.status()) {
            case CREATED -> {
                created.increment();
                EntryView view = outcome.view();
                Duration delay = Duration.between(view.occurredAt(), view.receivedAt());
                // a phone's clock may run a little ahead: such an entry was synced at once
                syncDelay.record(delay.isNegative() ? Duration.ZERO : delay);
            }
            case DUPLICATE -> duplicate.increment();
            case CONFLICT -> refused("conflict", outcome.problem()).increment();
            case REJECTED -> refused("rejected", outcome.problem()).increment();
        }
    }

    void batch(int size) {
        batchSize.record(size);
    }

    /** By the problem's type (its last part: invalid-input, rule-broken, conflict), a bounded set. */
    private Counter refused(String outcome, Problem problem) {
        String type = problem == null || problem.type() == null ? "unknown"
                : problem.type().substring(problem.type().lastIndexOf(':') + 1);
        return refused.computeIfAbsent(outcome + ":" + type, key -> entries(outcome, type));
    }

    private Counter entries(String outcome, String reason) {
        return Counter.builder("gatepost.entries").description("Entries sent by the gates, by what became of them")
                .tag("outcome", outcome).tag("reason", reason).register(registry);
    }
}
