package org.gatepost.entry;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.gatepost.caller.Caller;
import org.gatepost.common.Cursor;
import org.gatepost.common.GatepostConfig;
import org.gatepost.common.IfMatch;
import org.gatepost.common.Page;
import org.gatepost.common.ProblemException;
import org.gatepost.common.TimeRange;
import org.gatepost.place.PlaceService;

/** Alerts for the village's cadre, visible to officials above. */
@ApplicationScoped
@Transactional
public class AlertService {

    private final AlertRepository alerts;
    private final PlaceService places;
    private final ZoneId zone;
    private final Event<AlertsChanged> changed;

    AlertService(AlertRepository alerts, PlaceService places, GatepostConfig config, Event<AlertsChanged> changed) {
        this.alerts = alerts;
        this.places = places;
        this.changed = changed;
        this.zone = config.timeZone();
    }

    public Page<AlertView> list(Caller caller, UUID placeId, Alert.Status status, Cursor before, int limit) {
        UUID top = placeId != null || caller.placeId() != null
                ? places.visible(caller, placeId != null ? placeId : caller.placeId()).id
                : null; // an administrator without a home place: every alert
        return Page.of(alerts.below(top, status, before, limit + 1), limit,
                a -> new Cursor(a.raisedAt.toString(), a.id), this::view);
    }

    /**
     * The villages whose alert changes the caller may hear of, at or below a place (default:
     * the home place; a checkpoint's village for a checkpoint); null for every village.
     */
    public Set<UUID> streamScope(Caller caller, UUID placeId) {
        if (placeId == null && caller.placeId() == null) {
            return null; // an administrator without a home place: every village
        }
        return alerts.villagesBelow(places.visible(caller, placeId != null ? placeId : caller.placeId()).id);
    }

    public AlertView acknowledge(Caller caller, UUID id, String note, IfMatch ifMatch) {
        Alert alert = alerts.findById(id);
        if (alert == null || !places.covers(caller, alert.checkpointId)) {
            throw ProblemException.notFound("Alert " + id);
        }
        if (!caller.managesVillage(alert.villageId)) {
            throw ProblemException.forbidden("Alerts are acknowledged by the cadre of their village");
        }
        ifMatch.require(alert.version, "Alert " + id);
        if (alert.status == Alert.Status.ACKNOWLEDGED) {
            throw ProblemException.conflict("This alert was already acknowledged");
        }
        close(alert, caller.accountId(), note == null || note.isBlank() ? null : note.trim());
        alerts.flush();
        changed.fire(new AlertsChanged(alert.villageId, AlertsChanged.Change.CLOSED));
        return view(alert);
    }

    /** Entries just recorded (and committed) raised alerts in these villages. */
    @Transactional(Transactional.TxType.SUPPORTS)
    void raised(Set<UUID> villages) {
        villages.forEach(v -> changed.fire(new AlertsChanged(v, AlertsChanged.Change.RAISED)));
    }

    /** A voided entry's open alert is closed with the void's reason. */
    void closeForVoidedEntry(UUID entryId, UUID by, String reason) {
        Alert alert = alerts.forEntry(entryId);
        if (alert != null && alert.status == Alert.Status.OPEN) {
            close(alert, by, "Entry voided: " + reason);
            alerts.flush();
            changed.fire(new AlertsChanged(alert.villageId, AlertsChanged.Change.CLOSED));
        }
    }

    private static void close(Alert alert, UUID by, String note) {
        alert.status = Alert.Status.ACKNOWLEDGED;
        alert.acknowledgedBy = by;
        alert.acknowledgedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        alert.note = note;
    }

    private AlertView view(Alert alert) {
        return new AlertView(alert.id, alert.entryId, alert.checkpointId, alert.kind, TimeRange.local(alert.raisedAt, zone),
                alert.status, alert.acknowledgedBy, TimeRange.local(alert.acknowledgedAt, zone), alert.note, alert.version);
    }
}
