package org.gatepost.entry;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Tells every open alert stream when a village's alerts change, once the change is committed
 * (an entry's alert is written in autocommit, so it is heard at once). In this process only:
 * one Gatepost serves a county; a second instance's streams fall back to the apps' polling.
 */
@ApplicationScoped
public class AlertSignals {

    private final BroadcastProcessor<AlertsChanged> changes = BroadcastProcessor.create();

    synchronized void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) AlertsChanged change) {
        changes.onNext(change);
    }

    /** Changes in these villages from now on (every village when {@code villages} is null). */
    public Multi<AlertsChanged> in(Set<UUID> villages) {
        return changes.filter(c -> villages == null || villages.contains(c.villageId()));
    }

}
