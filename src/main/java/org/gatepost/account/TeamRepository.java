package org.gatepost.account;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Every query about teams. */
@ApplicationScoped
public class TeamRepository implements PanacheRepositoryBase<Team, UUID> {

    /** Teams of the villages at or below a place, by name. */
    @SuppressWarnings("unchecked")
    public List<Team> below(UUID placeId) {
        return getEntityManager().createNativeQuery("""
                SELECT t.* FROM team t
                JOIN place village ON village.id = t.village_id
                JOIN place top ON top.id = :place
                WHERE village.path <@ top.path
                ORDER BY t.name, t.id
                """, Team.class)
                .setParameter("place", placeId)
                .getResultList();
    }

    public boolean nameTaken(UUID villageId, String name, UUID except) {
        return count("villageId = ?1 and lower(name) = lower(?2) and id <> ?3", villageId, name, except) > 0;
    }
}
