package org.gatepost.audit;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.gatepost.common.Cursor;
import org.gatepost.common.GatepostConfig;
import org.gatepost.common.TimeRange;

/** The audit log in plain SQL, rows read by column name. */
@ApplicationScoped
public class AuditRepository {

    private final EntityManager em;
    private final ZoneId zone;

    AuditRepository(EntityManager em, GatepostConfig config) {
        this.em = em;
        this.zone = config.timeZone();
    }

    /** An event as stored; its fields are those of the view. */
    record Event(UUID id, Instant at, AuditKind kind, UUID actorId, String actorRole, String subjectType, UUID subjectId,
                 String client, String detail) {
    }

    void insert(Event e) {
        em.createNativeQuery("""
                INSERT INTO audit_event (id, at, kind, actor_id, actor_role, subject_type, subject_id, client, detail)
                VALUES (:id, :at, :kind, :actor, :role, :subjectType, :subject, :client, :detail)
                """)
                .setParameter("id", e.id())
                .setParameter("at", e.at())
                .setParameter("kind", e.kind().name())
                .setParameter("actor", e.actorId())
                .setParameter("role", e.actorRole())
                .setParameter("subjectType", e.subjectType())
                .setParameter("subject", e.subjectId())
                .setParameter("client", e.client())
                .setParameter("detail", e.detail())
                .executeUpdate();
    }

    /** Newest first in [from, to), after the cursor; {@code limit} rows at most. */
    @SuppressWarnings("unchecked")
    List<AuditEventView> page(Instant from, Instant to, AuditKind kind, Cursor before, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, at, kind, actor_id, actor_role, subject_type, subject_id, client, detail
                FROM audit_event WHERE at >= :from AND at < :to
                """);
        if (kind != null) {
            sql.append(" AND kind = :kind");
        }
        if (before != null) {
            sql.append(" AND (at, id) < (:beforeAt, :beforeId)");
        }
        sql.append(" ORDER BY at DESC, id DESC LIMIT :limit");
        var query = em.createNativeQuery(sql.toString(), Tuple.class)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("limit", limit);
        if (kind != null) {
            query.setParameter("kind", kind.name());
        }
        if (before != null) {
            query.setParameter("beforeAt", Instant.parse(before.key()));
            query.setParameter("beforeId", before.id());
        }
        return ((List<Tuple>) query.getResultList()).stream().map(r -> new AuditEventView(
                r.get("id", UUID.class), TimeRange.local(TimeRange.read(r.get("at")), zone),
                AuditKind.valueOf(r.get("kind", String.class)), r.get("actor_id", UUID.class),
                r.get("actor_role", String.class), r.get("subject_type", String.class), r.get("subject_id", UUID.class),
                r.get("client", String.class), r.get("detail", String.class))).toList();
    }

    int deleteOlderThan(Instant before) {
        return em.createNativeQuery("DELETE FROM audit_event WHERE at < :before")
                .setParameter("before", before).executeUpdate();
    }
}
