package org.gatepost.entry;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * The {@code gatepost.alerts.open} gauge, one per alert kind: how many alerts wait for a
 * cadre. Read from PostgreSQL when scraped, so that every instance reports the same number;
 * one grouped query serves all kinds of one scrape.
 */
@ApplicationScoped
public class AlertMetrics {

    /** Long enough for the gauges of one scrape to share a query, short enough never to mislead. */
    private static final Duration FRESH = Duration.ofSeconds(1);

    private final AlertRepository alerts;
    private final MeterRegistry registry;
    private Map<AlertKind, Long> open;
    private Instant readAt = Instant.MIN;

    AlertMetrics(AlertRepository alerts, MeterRegistry registry) {
        this.alerts = alerts;
        this.registry = registry;
    }

    void register(@Observes StartupEvent event) {
        for (AlertKind kind : AlertKind.values()) {
            Gauge.builder("gatepost.alerts.open", this, metrics -> metrics.open(kind))
                    .description("Alerts not yet acknowledged, by kind")
                    .tag("kind", kind.name().toLowerCase())
                    .register(registry);
        }
    }

    /** An alert was raised or closed: the next scrape reads the numbers afresh. */
    synchronized void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AlertsChanged change) {
        readAt = Instant.MIN;
    }

    synchronized double open(AlertKind kind) {
        Instant now = Instant.now();
        if (now.isAfter(readAt.plus(FRESH))) {
            try {
                open = QuarkusTransaction.requiringNew().call(alerts::openByKind);
                readAt = now;
            } catch (RuntimeException e) {
                // The database is down: no number rather than a wrong one; readiness says why.
                Log.debugf("Open alerts not counted: %s", e.getMessage());
                return Double.NaN;
            }
        }
        return open.getOrDefault(kind, 0L);
    }
}
