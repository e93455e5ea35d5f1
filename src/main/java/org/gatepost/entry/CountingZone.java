package org.gatepost.entry;

import java.time.ZoneId;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import org.gatepost.common.GatepostConfig;

/**
 * Keeps the hourly and daily counts in the zone they were made in. The zone is stored with
 * them; starting with another {@code gatepost.time-zone} once entries exist would put new
 * entries in other buckets than the old ones and let voids take counts below zero, so the
 * application refuses to start instead.
 */
@ApplicationScoped
public class CountingZone {

    private final InstallationRepository installation;
    private final ZoneId configured;

    CountingZone(InstallationRepository installation, GatepostConfig config) {
        this.installation = installation;
        this.configured = config.timeZone();
    }

    /** Right after the settings are checked, before anything is recorded. */
    void onStart(@Observes @Priority(2) StartupEvent event) {
        check(configured);
    }

    /**
     * Passes when {@code zone} is the stored one. While no entry exists yet the stored zone
     * simply follows the setting; afterwards a difference is an {@link IllegalStateException}
     * saying both zones and what to do.
     */
    @Transactional
    public void check(ZoneId zone) {
        String stored = installation.lockCountingZone();
        if (stored.equals(zone.getId())) {
            return;
        }
        if (installation.anyEntry()) {
            throw new IllegalStateException("Gatepost cannot start: gatepost.time-zone (GATEPOST_TIME_ZONE) is " + zone.getId()
                    + ", but the stored counts are by the hours and days of " + stored + ". Set it back to " + stored
                    + "; changing the zone of existing counts would move them into other hours and days.");
        }
        installation.setCountingZone(zone);
        Log.infof("Counting in time zone %s (was %s; no entries yet)", zone.getId(), stored);
    }
}
