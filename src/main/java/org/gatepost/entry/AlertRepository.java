package org.gatepost.entry;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.gatepost.common.Cursor;

/** Every query about alerts. */
@ApplicationScoped
public class AlertRepository implements PanacheRepositoryBase<Alert, UUID> {

    /** Alerts at checkpoints at or below a place, newest first, optionally of one status, before the cursor. */
    @SuppressWarnings("unchecked")
    public List<Alert> below(UUID placeId, Alert.Status status, Cursor before, int limit) {
        Query query = getEntityManager().createNativeQuery("""
                SELECT a.* FROM alert a
                JOIN place c ON c.id = a.checkpoint_id
                JOIN place top ON top.id = :place
                WHERE c.path <@ top.path %s %s
                ORDER BY a.raised_at DESC, a.id DESC
                LIMIT :limit
                """.formatted(status == null ? "" : "AND a.status = :status",
                        before == null ? "" : "AND (a.raised_at, a.id) < (CAST(:beforeAt AS timestamptz), :beforeId)"),
                Alert.class)
                .setParameter("place", placeId)
                .setParameter("limit", limit);
        if (status != null) {
            query.setParameter("status", status.name());
        }
        if (before != null) {
            query.setParameter("beforeAt", before.key()).setParameter("beforeId", before.id());
        }
        return query.getResultList();
    }

    public Alert forEntry(UUID entryId) {
        return find("entryId", entryId).firstResult();
    }
}
