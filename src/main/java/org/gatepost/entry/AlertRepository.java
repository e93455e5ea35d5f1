package org.gatepost.entry;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.gatepost.common.Cursor;
import org.gatepost.common.SqlRow;

/** Every query about alerts. */
@ApplicationScoped
public class AlertRepository implements PanacheRepositoryBase<Alert, UUID> {

    /**
     * Alerts at checkpoints at or below a place (every alert when null), newest first,
     * optionally of one status, before the cursor.
     */
    @SuppressWarnings("unchecked")
    public List<Alert> below(UUID placeId, Alert.Status status, Cursor before, int limit) {
        Query query = getEntityManager().createNativeQuery("""
                SELECT a.* FROM alert a
                JOIN place c ON c.id = a.checkpoint_id
                %s
                WHERE true %s %s
                ORDER BY a.raised_at DESC, a.id DESC
                LIMIT :limit
                """.formatted(placeId == null ? "" : "JOIN place top ON top.id = :place AND c.path <@ top.path",
                        status == null ? "" : "AND a.status = :status",
                        before == null ? "" : "AND (a.raised_at, a.id) < (CAST(:beforeAt AS timestamptz), :beforeId)"),
                Alert.class)
                .setParameter("limit", limit);
        if (placeId != null) {
            query.setParameter("place", placeId);
        }
        if (status != null) {
            query.setParameter("status", status.name());
        }
        if (before != null) {
            query.setParameter("beforeAt", before.key()).setParameter("beforeId", before.id());
        }
        return query.getResultList();
    }

    /** The villages at or below a place (the place itself when it is a village, none below a checkpoint's). */
    @SuppressWarnings("unchecked")
    public Set<UUID> villagesBelow(UUID placeId) {
        List<UUID> ids = getEntityManager().createNativeQuery("""
                SELECT v.id FROM place v JOIN place top ON top.id = :place
                WHERE v.kind = 'VILLAGE' AND (v.path <@ top.path OR top.path <@ v.path)
                """, UUID.class)
                .setParameter("place", placeId)
                .getResultList();
        return Set.copyOf(ids);
    }

    /** How many alerts are open, per kind (kinds without any are absent). */
    public Map<AlertKind, Long> openByKind() {
        Map<AlertKind, Long> open = new EnumMap<>(AlertKind.class);
        SqlRow.list(SqlRow.query(getEntityManager(), "SELECT kind, count(*) AS open FROM alert WHERE status = 'OPEN' GROUP BY kind"))
                .forEach(r -> open.put(AlertKind.valueOf(r.string("kind")), r.number("open")));
        return open;
    }

    public Alert forEntry(UUID entryId) {
        return find("entryId", entryId).firstResult();
    }
}
