package org.gatepost.roster;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.gatepost.common.Cursor;

/** Every query about shifts and templates. */
@ApplicationScoped
public class ShiftRepository implements PanacheRepositoryBase<Shift, UUID> {

    public List<ShiftTemplate> templates(UUID villageId) {
        return getEntityManager()
                .createQuery("from ShiftTemplate where villageId = :village order by position", ShiftTemplate.class)
                .setParameter("village", villageId)
                .getResultList();
    }

    public void replaceTemplates(UUID villageId, List<ShiftTemplate> templates) {
        getEntityManager().createQuery("delete from ShiftTemplate where villageId = :village")
                .setParameter("village", villageId)
                .executeUpdate();
        templates.forEach(getEntityManager()::persist);
    }

    /**
     * The shift with its row locked for the rest of the transaction: every change to one shift
     * and its assignments takes this lock first, so that they happen one after the other and
     * each sees the shift as the one before left it. With {@code bump}, its version goes up too
     * (its assignments are part of what clients see of it).
     */
    public Shift lock(UUID shiftId, boolean bump) {
        return findById(shiftId, bump ? LockModeType.PESSIMISTIC_FORCE_INCREMENT : LockModeType.PESSIMISTIC_WRITE);
    }

    /** Serialises roster changes of one village: generation, and shifts created beside it. */
    public void lockVillage(UUID villageId) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(CAST(:village AS text), 1))")
                .setParameter("village", villageId.toString())
                .getSingleResult();
    }

    /**
     * Whether the checkpoint has a shift overlapping [from, to) other than {@code except};
     * cancelled ones count only if asked (generation must not bring a cancelled shift back).
     */
    public boolean anyOverlapping(UUID checkpointId, Instant from, Instant to, UUID except, boolean countCancelled) {
        return (Boolean) getEntityManager().createNativeQuery("""
                SELECT EXISTS (SELECT 1 FROM shift
                               WHERE checkpoint_id = :checkpoint AND id <> :except %s
                                 AND tstzrange(starts_at, ends_at) && tstzrange(:from, :to))
                """.formatted(countCancelled ? "" : "AND cancelled_at IS NULL"))
                .setParameter("checkpoint", checkpointId)
                .setParameter("except", except)
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult();
    }

    /** Live shifts at checkpoints at or below a place, overlapping [from, to), by start, after the cursor. */
    @SuppressWarnings("unchecked")
    public List<Shift> below(UUID placeId, Instant from, Instant to, Cursor after, int limit) {
        Query query = getEntityManager().createNativeQuery("""
                SELECT s.* FROM shift s
                JOIN place c ON c.id = s.checkpoint_id
                JOIN place top ON top.id = :place
                WHERE c.path <@ top.path AND s.cancelled_at IS NULL
                  AND s.starts_at < :to AND s.ends_at > :from
                  %s
                ORDER BY s.starts_at, s.id
                LIMIT :limit
                """.formatted(after == null ? "" : "AND (s.starts_at, s.id) > (CAST(:afterStart AS timestamptz), :afterId)"),
                Shift.class)
                .setParameter("place", placeId)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("limit", limit);
        if (after != null) {
            query.setParameter("afterStart", after.key()).setParameter("afterId", after.id());
        }
        return query.getResultList();
    }
}
