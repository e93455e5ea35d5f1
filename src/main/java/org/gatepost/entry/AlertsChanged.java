package org.gatepost.entry;

import java.util.UUID;

/** Alerts of a village were raised or closed; fired so that open apps hear of it at once. */
public record AlertsChanged(UUID villageId, Change change) {

    /** What happened to the village's alerts. */
    public enum Change { RAISED, CLOSED }
}
