package org.gatepost.household;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import org.gatepost.common.Cursor;

/** Every query about the household register. */
@ApplicationScoped
public class HouseholdRepository implements PanacheRepositoryBase<Household, UUID> {

    /** A village's households by label, after the cursor. */
    public List<Household> ofVillage(UUID villageId, Cursor after, int limit) {
        StringBuilder query = new StringBuilder("villageId = :village");
        Parameters parameters = Parameters.with("village", villageId);
        if (after != null) {
            query.append(" and (label > :label or (label = :label and id > :id))");
            parameters.and("label", after.key()).and("id", after.id());
        }
        query.append(" order by label, id");
        return find(query.toString(), parameters).page(0, limit).list();
    }

    /** Every household of a village, by label. */
    public List<Household> allOf(UUID villageId) {
        return list("villageId = ?1 order by label, id", villageId);
    }

    /** Whether another household of the village already has this label (ignoring case). */
    public boolean labelTaken(UUID villageId, String label, UUID except) {
        return count("villageId = ?1 and lower(label) = lower(?2) and id <> ?3", villageId, label, except) > 0;
    }
}
