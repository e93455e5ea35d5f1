package org.gatepost.checkin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

/** The gates' poster tokens in plain SQL. */
@ApplicationScoped
public class PosterRepository {

    private final EntityManager em;

    PosterRepository(EntityManager em) {
        this.em = em;
    }

    /** The checkpoint a poster's token opens, with what the visitor's page shows. */
    public record Gate(UUID checkpointId, String checkpointName, UUID villageId, String villageName, boolean active) {
    }

    /** The checkpoint's token, made now if it has none yet. */
    String tokenOf(UUID checkpointId, String fresh, Instant now) {
        em.createNativeQuery("""
                INSERT INTO checkpoint_poster (checkpoint_id, token, created_at) VALUES (:checkpoint, :token, :now)
                ON CONFLICT (checkpoint_id) DO NOTHING
                """)
                .setParameter("checkpoint", checkpointId)
                .setParameter("token", fresh)
                .setParameter("now", now)
                .executeUpdate();
        return (String) em.createNativeQuery("SELECT token FROM checkpoint_poster WHERE checkpoint_id = :checkpoint")
                .setParameter("checkpoint", checkpointId).getSingleResult();
    }

    /** Replaces the checkpoint's token: the old poster stops working. */
    void replace(UUID checkpointId, String token, Instant now) {
        em.createNativeQuery("""
                INSERT INTO checkpoint_poster (checkpoint_id, token, created_at) VALUES (:checkpoint, :token, :now)
                ON CONFLICT (checkpoint_id) DO UPDATE SET token = EXCLUDED.token, created_at = EXCLUDED.created_at
                """)
                .setParameter("checkpoint", checkpointId)
                .setParameter("token", token)
                .setParameter("now", now)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    Optional<Gate> gateOf(String token) {
        List<Tuple> rows = em.createNativeQuery("""
                SELECT c.id AS checkpoint_id, c.name AS checkpoint_name, v.id AS village_id, v.name AS village_name,
                       (c.active AND v.active) AS active
                FROM checkpoint_poster p JOIN place c ON c.id = p.checkpoint_id JOIN place v ON v.id = c.parent_id
                WHERE p.token = :token
                """, Tuple.class).setParameter("token", token).getResultList();
        return rows.stream().findFirst().map(r -> new Gate(r.get("checkpoint_id", UUID.class),
                r.get("checkpoint_name", String.class), r.get("village_id", UUID.class), r.get("village_name", String.class),
                r.get("active", Boolean.class)));
    }
}
