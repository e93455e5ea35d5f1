package org.gatepost.household;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

/** Outing limits and the outings counted from entries, in plain SQL. */
@ApplicationScoped
public class OutingRepository {

    private final EntityManager em;

    OutingRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<OutingLimit> limitOf(UUID villageId) {
        return Optional.ofNullable(limitsOf(List.of(villageId)).get(villageId));
    }

    @SuppressWarnings("unchecked")
    public Map<UUID, OutingLimit> limitsOf(Collection<UUID> villageIds) {
        Map<UUID, OutingLimit> limits = new HashMap<>();
        if (villageIds.isEmpty()) {
            return limits;
        }
        List<Tuple> rows = em.createNativeQuery(
                        "SELECT village_id, outings, days, since FROM outing_limit WHERE village_id IN (:villages)", Tuple.class)
                .setParameter("villages", List.copyOf(villageIds))
                .getResultList();
        for (Tuple r : rows) {
            Object since = r.get("since");
            LocalDate day = since instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) since;
            limits.put(r.get("village_id", UUID.class), new OutingLimit(r.get("village_id", UUID.class),
                    ((Number) r.get("outings")).intValue(), ((Number) r.get("days")).intValue(), day));
        }
        return limits;
    }

    void setLimit(OutingLimit limit, UUID setBy, Instant now) {
        em.createNativeQuery("""
                INSERT INTO outing_limit (village_id, outings, days, since, set_at, set_by)
                VALUES (:village, :outings, :days, :since, :now, :by)
                ON CONFLICT (village_id) DO UPDATE SET outings = EXCLUDED.outings, days = EXCLUDED.days,
                    since = EXCLUDED.since, set_at = EXCLUDED.set_at, set_by = EXCLUDED.set_by
                """)
                .setParameter("village", limit.villageId())
                .setParameter("outings", limit.outings())
                .setParameter("days", limit.days())
                .setParameter("since", limit.since())
                .setParameter("now", now)
                .setParameter("by", setBy)
                .executeUpdate();
    }

    boolean removeLimit(UUID villageId) {
        return em.createNativeQuery("DELETE FROM outing_limit WHERE village_id = :village")
                .setParameter("village", villageId).executeUpdate() > 0;
    }

    /**
     * Each household's outings in [from, until): its entries out of the village, made from any
     * of its passes, not voided, by when they happened (so entries sent late count in their period).
     */
    @SuppressWarnings("unchecked")
    public Map<UUID, Integer> outings(Collection<UUID> householdIds, Instant from, Instant until) {
        Map<UUID, Integer> counts = new HashMap<>();
        if (householdIds.isEmpty()) {
            return counts;
        }
        List<Tuple> rows = em.createNativeQuery("""
                SELECT pass_household_id AS household, count(*) AS outings FROM entry
                WHERE pass_household_id IN (:households) AND direction = 'OUT' AND voided_at IS NULL
                  AND occurred_at >= :from AND occurred_at < :until
                GROUP BY pass_household_id
                """, Tuple.class)
                .setParameter("households", List.copyOf(householdIds))
                .setParameter("from", from)
                .setParameter("until", until)
                .getResultList();
        rows.forEach(r -> counts.put(r.get("household", UUID.class), ((Number) r.get("outings")).intValue()));
        return counts;
    }
}
