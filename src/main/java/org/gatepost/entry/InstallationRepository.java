package org.gatepost.entry;

import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The installation's one row: the zone its counts are kept in. */
@ApplicationScoped
class InstallationRepository {

    private final EntityManager em;

    InstallationRepository(EntityManager em) {
        this.em = em;
    }

    /** The zone the counts are kept in, locked until the transaction ends. */
    String lockCountingZone() {
        return (String) em.createNativeQuery("SELECT time_zone FROM installation FOR UPDATE").getSingleResult();
    }

    boolean anyEntry() {
        return (Boolean) em.createNativeQuery("SELECT EXISTS (SELECT 1 FROM entry)").getSingleResult();
    }

    void setCountingZone(ZoneId zone) {
        em.createNativeQuery("UPDATE installation SET time_zone = :zone, changed_at = now()")
                .setParameter("zone", zone.getId())
                .executeUpdate();
    }
}
